/**
 * The report's renderings: the README Markdown table, the SVG chart, the A/B comparison and
 * reading a report file back.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compareReports, readReport } from "../../src/eval/compare-reports.js";
import { renderChart } from "../../src/eval/render-chart.js";
import { renderMarkdown } from "../../src/eval/render-markdown.js";
import type { IntentResult, Report, Summary } from "../../src/eval/report-types.js";
import { intentResult } from "../fakes/intent-result.js";

function summary(overrides: Partial<Summary> = {}): Summary {
  return {
    intents: 6,
    completed: 5,
    failures: 1,
    retention_before_repair: 0.833,
    retention_after_repair: 1,
    repairs_per_prompt: 0.2,
    domain_top1: 0.8,
    language_match: 1,
    calls_per_prompt: 2.4,
    retries_per_prompt: 0.2,
    questions_per_prompt: 1.2,
    rounds_per_prompt: 1.4,
    placeholders_per_prompt: 0,
    sections_per_prompt: 4.2,
    prompt_tokens_per_prompt: 210.5,
    prompt_tokens_evaluated_per_prompt: 3120.4,
    prompt_tokens_reused_per_prompt: 1800,
    generated_tokens_per_prompt: 410.2,
    seconds_per_call_p50: 1.25,
    seconds_to_first_reply_p50: 1.9,
    seconds_to_prompt_p50: 4.75,
    judge: null,
    ...overrides,
  };
}

function intent(id: string, overrides: Partial<IntentResult> = {}): IntentResult {
  return intentResult({ id, prompt: "## Role", prompt_before_repair: "## Role", call_log: [], ...overrides });
}

function report(overrides: Partial<Report> = {}): Report {
  return {
    version: 1,
    created_at: "2025-03-14T09:26:53.000Z",
    model: "llama-3-8b <q4>",
    intents_file: "eval/intents.jsonl",
    summary: summary(),
    splits: { tuning: summary({ intents: 4 }), heldout: summary({ intents: 2, domain_top1: null }) },
    invalid_lines: [],
    intents: [intent("t001")],
    ...overrides,
  };
}

describe("renderMarkdown", () => {
  it("has a title with model and date, a column per split plus all, and every summary row", () => {
    const markdown = renderMarkdown(report());
    const lines = markdown.split("\n");
    expect(lines[0]).toBe("# PromptTailor evaluation: llama-3-8b <q4>, 2025-03-14");
    expect(markdown).toContain("|  | tuning | heldout | all |");
    for (const label of [
      "intents",
      "completed",
      "failures",
      "retention before repair",
      "retention after repair",
      "repairs/prompt",
      "domain top-1",
      "language match",
      "calls/prompt",
      "retries/prompt",
      "questions/prompt",
      "prompt tokens",
      "prompt tokens evaluated/prompt",
      "reused/prompt",
      "generated/prompt",
      "s per call p50",
      "s to first reply p50",
      "s to prompt p50",
    ]) {
      expect(lines.some((line) => line.startsWith(`| ${label} |`))).toBe(true);
    }
    expect(markdown).toContain("| retention before repair | 83.3 % | 83.3 % | 83.3 % |");
    expect(markdown).toContain("| domain top-1 | 80.0 % | – | 80.0 % |");
    expect(markdown).toContain("| intents | 4 | 2 | 6 |");
    expect(markdown).not.toContain("judge");
    expect(markdown).not.toContain("## Failures");
  });

  it("adds judge rows, failures and invalid lines when present", () => {
    const judge = { vs_raw: { win: 3, tie: 1, loss: 1 }, vs_cot: { win: 2, tie: 2, loss: 1 } };
    const markdown = renderMarkdown(
      report({
        summary: summary({ judge }),
        splits: { heldout: summary({ judge }) },
        intents: [intent("t001"), intent("h002", { failure: { code: "timeout", message: "no answer\nin 60 s" } })],
        invalid_lines: [{ line: 7, message: "intent: expected a string" }],
      }),
    );
    expect(markdown).toContain("| judge vs raw (win / tie / loss) | 3 / 1 / 1 | 3 / 1 / 1 |");
    expect(markdown).toContain("## Failures\n\n- `h002`: no answer in 60 s");
    expect(markdown).toContain("## Invalid input lines\n\n- line 7: intent: expected a string");
  });
});

describe("renderChart", () => {
  it("is a standalone SVG with labelled bars per split and all, escaping text", () => {
    const svg = renderChart(report({ splits: { "a<b & c": summary() } }));
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toContain("llama-3-8b &lt;q4&gt;");
    expect(svg).toContain("a&lt;b &amp; c");
    // No raw "<" inside text content: every "<" opens a tag.
    expect(svg).not.toMatch(/<(?![a-z/])/);
    for (const label of ["retention before repair", "retention after repair", "domain top-1", "language match"]) {
      expect(svg).toContain(`>${label}</text>`);
    }
    expect(svg).toContain(">completion rate</text>");
    expect(svg).toContain(">83.3 %</text>");
    expect(svg).toContain(">100.0 %</text>");
    expect(svg).toContain('width="720"');
  });
});

describe("compareReports", () => {
  it("shows A, B and a signed difference, shares also in percentage points", () => {
    const a = report();
    const b = report({
      summary: summary({ retention_before_repair: 0.9, calls_per_prompt: 2.1, seconds_to_prompt_p50: 5 }),
      splits: { tuning: summary({ intents: 4, domain_top1: 0.75 }) },
    });
    const markdown = compareReports(a, b);
    expect(markdown).toContain("| retention_before_repair | 0.833 | 0.9 | +0.067 (+6.7 pp) |");
    expect(markdown).toContain("| calls_per_prompt | 2.4 | 2.1 | -0.3 |");
    expect(markdown).toContain("| seconds_to_prompt_p50 | 4.75 | 5 | +0.25 |");
    expect(markdown).toContain("| intents | 6 | 6 | 0 |");
    // Splits present in both only.
    expect(markdown).toContain("## tuning");
    expect(markdown).toContain("| domain_top1 | 0.8 | 0.75 | -0.05 (-5 pp) |");
    expect(markdown).not.toContain("## heldout");
  });

  it("lists intents whose retention, domain or failure changed, capped at 30 lines", () => {
    const ids = Array.from({ length: 40 }, (_, index) => `t${String(index).padStart(3, "0")}`);
    const a = report({ intents: ids.map((id) => intent(id)) });
    const b = report({
      intents: ids.map((id, index) =>
        index === 0
          ? intent(id, { retention_before_repair: 0.5, domain_match: false })
          : index === 1
            ? intent(id, { failure: { code: "timeout", message: "slow" } })
            : index < 35
              ? intent(id, { domain_match: null })
              : intent(id),
      ),
    });
    const markdown = compareReports(a, b);
    expect(markdown).toContain("- `t000`: retention before repair 1 → 0.5; domain match true → false");
    expect(markdown).toContain("- `t001`: failure none → timeout");
    const listed = markdown.split("\n").filter((line) => line.startsWith("- `"));
    expect(listed).toHaveLength(30);
    expect(markdown).toContain("- … and 5 more");
    expect(markdown).not.toContain("`t039`");
  });

  it("compares judge tallies when a run was judged", () => {
    const judge = { vs_raw: { win: 3, tie: 1, loss: 1 }, vs_cot: { win: 2, tie: 2, loss: 1 } };
    const markdown = compareReports(report(), report({ summary: summary({ judge }) }));
    expect(markdown).toContain("| judge vs_raw win | – | 3 | – |");
  });
});

describe("readReport", () => {
  const dir = mkdtempSync(join(tmpdir(), "eval-report-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it("reads a version 1 report", () => {
    const path = write("ok.json", JSON.stringify(report()));
    expect(readReport(path)).toEqual(report());
  });

  it("fails with one line naming the file for a missing file, bad JSON or a foreign shape", () => {
    const cases = [
      join(dir, "missing.json"),
      write("bad.json", "{not json"),
      write("v2.json", JSON.stringify({ ...report(), version: 2 })),
      write("nointents.json", JSON.stringify({ version: 1, summary: {} })),
    ];
    for (const path of cases) {
      let message = "";
      try {
        readReport(path);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toContain(path);
      expect(message).not.toContain("\n");
    }
  });
});
