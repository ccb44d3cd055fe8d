/**
 * Two evaluation reports side by side: every numeric summary figure (A, B, B − A) for "all" and for
 * each split both runs have, then the intents whose retention, domain or failure changed, so a
 * tuning change shows where it helped and where it hurt.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import type { IntentResult, Report, Summary } from "./report-types.js";

type NumericField = Exclude<keyof Summary, "judge">;
type Kind = "share" | "tokens" | "seconds" | "count";

/** A Record, so that a figure added to Summary fails typecheck here until it is listed. */
const FIELD_KINDS: Record<NumericField, Kind> = {
  intents: "count",
  completed: "count",
  failures: "count",
  retention_before_repair: "share",
  retention_after_repair: "share",
  repairs_per_prompt: "count",
  domain_top1: "share",
  language_match: "share",
  calls_per_prompt: "count",
  retries_per_prompt: "count",
  questions_per_prompt: "count",
  rounds_per_prompt: "count",
  placeholders_per_prompt: "count",
  sections_per_prompt: "count",
  prompt_tokens_per_prompt: "tokens",
  prompt_tokens_evaluated_per_prompt: "tokens",
  prompt_tokens_reused_per_prompt: "tokens",
  generated_tokens_per_prompt: "tokens",
  seconds_per_call_p50: "seconds",
  seconds_to_first_reply_p50: "seconds",
  seconds_to_prompt_p50: "seconds",
};
/** The same decimals summarize() keeps, so a difference shows no float noise. */
const DIGITS: Record<Kind, number> = { share: 3, tokens: 1, seconds: 2, count: 2 };
const MAX_CHANGED_LINES = 30;
const MISSING = "–";

export function compareReports(a: Report, b: Report): string {
  const lines = [
    `# Comparison: A = ${describe(a)}, B = ${describe(b)}`,
    "",
    ...scopeTable("all", a.summary, b.summary),
  ];
  for (const [split, summaryA] of Object.entries(a.splits)) {
    const summaryB = b.splits[split];
    if (summaryB) lines.push("", ...scopeTable(split, summaryA, summaryB));
  }
  const changed = changedIntents(a.intents, b.intents);
  if (changed.length > 0) {
    lines.push("", "## Changed intents", "");
    lines.push(...changed.slice(0, MAX_CHANGED_LINES));
    if (changed.length > MAX_CHANGED_LINES) lines.push(`- … and ${changed.length - MAX_CHANGED_LINES} more`);
  }
  return `${lines.join("\n")}\n`;
}

function scopeTable(scope: string, a: Summary, b: Summary): string[] {
  const rows = (Object.keys(FIELD_KINDS) as NumericField[]).map((field) =>
    // `?? null`: an older report may lack a newer figure.
    row(field, FIELD_KINDS[field], a[field] ?? null, b[field] ?? null),
  );
  // Judge tallies appear only when at least one run was judged; they are plain counts.
  if (a.judge || b.judge) {
    for (const pair of ["vs_raw", "vs_cot"] as const) {
      for (const outcome of ["win", "tie", "loss"] as const) {
        rows.push(
          row(`judge ${pair} ${outcome}`, "count", a.judge?.[pair][outcome] ?? null, b.judge?.[pair][outcome] ?? null),
        );
      }
    }
  }
  return [`## ${cell(scope)}`, "", "| figure | A | B | B − A |", "| --- | ---: | ---: | ---: |", ...rows];
}

function row(label: string, kind: Kind, a: number | null, b: number | null): string {
  const show = (value: number | null) => (value === null ? MISSING : String(value));
  return `| ${label} | ${show(a)} | ${show(b)} | ${difference(kind, a, b)} |`;
}

/** Signed B − A; shares also in percentage points, the unit people quote. */
function difference(kind: Kind, a: number | null, b: number | null): string {
  if (a === null || b === null) return MISSING;
  const delta = roundTo(b - a, DIGITS[kind]);
  const signed = signedNumber(delta);
  return kind === "share" ? `${signed} (${signedNumber(roundTo(delta * 100, 1))} pp)` : signed;
}

function signedNumber(value: number): string {
  if (value === 0) return "0";
  return value > 0 ? `+${value}` : `-${Math.abs(value)}`;
}

function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function changedIntents(a: readonly IntentResult[], b: readonly IntentResult[]): string[] {
  const byId = new Map(b.map((result) => [result.id, result]));
  const lines: string[] = [];
  for (const before of a) {
    const after = byId.get(before.id);
    if (!after) continue;
    const changes: string[] = [];
    if (before.retention_before_repair !== after.retention_before_repair) {
      changes.push(
        `retention before repair ${show(before.retention_before_repair)} → ${show(after.retention_before_repair)}`,
      );
    }
    if (before.domain_match !== after.domain_match) {
      changes.push(`domain match ${show(before.domain_match)} → ${show(after.domain_match)}`);
    }
    const failureBefore = before.failure?.code ?? null;
    const failureAfter = after.failure?.code ?? null;
    if (failureBefore !== failureAfter) {
      changes.push(`failure ${failureBefore ?? "none"} → ${failureAfter ?? "none"}`);
    }
    if (changes.length > 0) lines.push(`- \`${cell(before.id)}\`: ${changes.join("; ")}`);
  }
  return lines;
}

function show(value: number | boolean | null): string {
  return value === null ? MISSING : String(value);
}

function describe(report: Report): string {
  return `${cell(report.model)} (${cell(report.created_at)})`;
}

function cell(text: string): string {
  return text.replace(/\s+/g, " ").replaceAll("|", "\\|").replaceAll("`", "'");
}

/** Only what compareReports relies on; the rest of the file passes through untouched. */
const reportShape = z.looseObject({
  version: z.literal(1),
  model: z.string().default("unknown model"),
  created_at: z.string().default(""),
  summary: z.looseObject({}),
  splits: z.record(z.string(), z.looseObject({})).default({}),
  intents: z.array(z.looseObject({ id: z.string() })),
});

/** Reads a report.json; a missing, unreadable or foreign file fails with one line naming it. */
export function readReport(path: string): Report {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new Error(`${path}: cannot read the report (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path}: not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = reportShape.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
    throw new Error(`${path}: not a PromptTailor report (version 1): ${where}${issue?.message ?? "invalid"}`);
  }
  // Minimal validation by design: reports from older runs may lack newer figures, shown as "–".
  return parsed.data as unknown as Report;
}
