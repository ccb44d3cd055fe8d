/**
 * `npm run eval` as a user runs it: a real process over an intents file, with the configured model
 * (here an OpenAI-compatible stand-in answering every call), writing report.json, report.md and
 * chart.svg; bad lines reported with their number while the rest runs; `--compare` on two reports.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../src/eval/report-types.js";
import { type OpenAiStandin, startOpenAiStandin } from "../fixtures/openai-standin.js";

const answers: Record<string, unknown> = {
  analyse: {
    domain: "email",
    pinned: [{ capability: "length", quote: "under 100 words" }],
    assumed: [],
    questions: [],
  },
  synthesize: {
    prompt: "Role: assistant\nTask: write the email.\nConstraints: under 100 words.\nOutput only the email.",
    assumptions: [],
    corrections: [],
  },
};

let standin: OpenAiStandin;
const dir = mkdtempSync(path.join(os.tmpdir(), "tailor-eval-"));
const intents = path.join(dir, "intents.jsonl");

/** The CLI in its own process, asynchronously: the stand-in in this process must keep answering. */
const runEval = (args: string[]) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "src/cli/eval.ts", ...args],
      { encoding: "utf8", env: { ...process.env, TAILOR_LLM_URL: standin.url, LOG_LEVEL: "warn" }, timeout: 120_000 },
      (error, stdout, stderr) =>
        resolve({ status: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr }),
    );
  });

beforeAll(async () => {
  standin = await startOpenAiStandin({
    answer: (body) => {
      const name = (body as { response_format: { json_schema: { name: string } } }).response_format.json_schema.name;
      return JSON.stringify(answers[name] ?? {});
    },
  });
  writeFileSync(
    intents,
    [
      JSON.stringify({
        id: "a",
        split: "tuning",
        intent: "email to my boss, under 100 words",
        preferences: { length: "under 100 words" },
        domain: "email",
        language: "en",
      }),
      JSON.stringify({ id: "b", intent: "a poem", preferences: { tone: "very sad" } }),
      JSON.stringify({
        id: "c",
        split: "heldout",
        intent: "write an email to a client about a delay",
        domain: "email",
      }),
    ].join("\n"),
  );
});
afterAll(async () => {
  await standin.close();
});

describe("npm run eval", { timeout: 300_000 }, () => {
  it("runs every good line end to end, reports the bad one by number, and writes the three files", async () => {
    const out = path.join(dir, "out");
    const run = await runEval(["--intents", intents, "--out", out]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(':2: preferences.tone: preference tone "very sad" is not a substring of the intent');
    const report = JSON.parse(readFileSync(path.join(out, "report.json"), "utf8")) as Report;
    expect(report.summary).toMatchObject({
      intents: 2,
      completed: 2,
      failures: 0,
      retention_before_repair: 1,
      retention_after_repair: 1,
      domain_top1: 1,
      calls_per_prompt: 2,
    });
    expect(Object.keys(report.splits).sort()).toEqual(["heldout", "tuning"]);
    expect(report.invalid_lines).toEqual([
      { line: 2, message: 'preferences.tone: preference tone "very sad" is not a substring of the intent' },
    ]);
    expect(report.intents.map((i) => i.id)).toEqual(["a", "c"]);
    expect(report.intents[0]?.call_log.map((c) => c.call)).toEqual(["analyse", "synthesize"]);
    expect(readFileSync(path.join(out, "report.md"), "utf8")).toContain("| retention before repair |");
    expect(readFileSync(path.join(out, "chart.svg"), "utf8")).toMatch(/^<svg/);
    expect(run.stdout).toContain("| retention before repair |");
  });

  it("--compare prints the difference of two reports on the intents both ran", async () => {
    const only = path.join(dir, "only-heldout");
    expect((await runEval(["--intents", intents, "--out", only, "--split", "heldout"])).status).toBe(0);
    const compare = await runEval(["--compare", path.join(dir, "out", "report.json"), path.join(only, "report.json")]);
    expect(compare.status).toBe(0);
    expect(compare.stderr).toContain("comparing the 1 intents both reports ran");
    expect(compare.stdout).toContain("| retention_before_repair |");
  });

  it("a missing intents file is one clear line and a non-zero exit", async () => {
    const run = await runEval(["--intents", path.join(dir, "nope.jsonl")]);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toMatch(/^eval: cannot read the intents file .*nope\.jsonl: ENOENT$/);
  });
});
