/**
 * The summary printed at the end of a run: what the file holds (dialogues and examples per domain,
 * language and step) and what this run refused, and why.
 */
import type { ExampleLine } from "./example-line.js";

export interface DatasetSummary {
  file: string;
  dialogues: number;
  examples: number;
  added_dialogues: number;
  added_examples: number;
  per_call: Record<string, number>;
  per_step: Record<string, number>;
  per_language: Record<string, number>;
  per_domain: Record<string, number>;
  rejected: number;
  rejects: Record<string, number>;
  seconds: number;
}

const count = (items: readonly string[]) => {
  const out: Record<string, number> = {};
  for (const item of [...items].sort()) out[item] = (out[item] ?? 0) + 1;
  return out;
};

export function summarize(input: {
  file: string;
  lines: readonly ExampleLine[];
  addedLines: number;
  addedDialogues: number;
  rejects: ReadonlyMap<string, number>;
  seconds: number;
}): DatasetSummary {
  const dialogues = new Map<string, ExampleLine>();
  for (const l of input.lines) if (!dialogues.has(l.dialogue)) dialogues.set(l.dialogue, l);
  const firsts = [...dialogues.values()];
  return {
    file: input.file,
    dialogues: dialogues.size,
    examples: input.lines.length,
    added_dialogues: input.addedDialogues,
    added_examples: input.addedLines,
    per_call: count(input.lines.map((l) => l.call)),
    per_step: count(input.lines.map((l) => l.step)),
    per_language: count(firsts.map((l) => l.language)),
    per_domain: count(firsts.map((l) => l.domain)),
    rejected: [...input.rejects.values()].reduce((a, b) => a + b, 0),
    rejects: Object.fromEntries([...input.rejects].sort((a, b) => b[1] - a[1])),
    seconds: Math.round(input.seconds * 10) / 10,
  };
}

const table = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ") || "(none)";

export function renderSummary(s: DatasetSummary): string {
  return [
    `dataset: ${s.file}: ${s.dialogues} dialogues, ${s.examples} examples (this run added ${s.added_dialogues} dialogues, ${s.added_examples} examples in ${s.seconds}s)`,
    `per call: ${table(s.per_call)}`,
    `per step: ${table(s.per_step)} (a refinement is a synthesize call)`,
    `dialogues per language: ${table(s.per_language)}`,
    `dialogues per domain: ${table(s.per_domain)}`,
    `rejected this run: ${s.rejected}${s.rejected ? ` (${table(s.rejects)})` : ""}`,
  ].join("\n");
}
