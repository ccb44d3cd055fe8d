/**
 * Runs a dataset build, whichever mode produces the dialogues: a balanced plan over domains and
 * languages, bounded concurrency, the checks every dialogue passes before it is written (held-out
 * intents, exact and near duplicates), appends, resume, progress and the summary.
 */
import type { Domain } from "../core/library.js";
import { appendDialogue, readExisting } from "./dataset-file.js";
import type { ExampleLine } from "./example-line.js";
import type { HeldoutGuard } from "./heldout.js";
import type { DialogueOutcome } from "./library-dialogues.js";
import { NearDuplicateIndex, textHash } from "./near-duplicates.js";
import type { Progress } from "./progress.js";
import { type DatasetSummary, summarize } from "./summary.js";

/** Two training intents at least this similar (4-gram Jaccard) count as one. */
export const NEAR_DUPLICATE_SIMILARITY = 0.9;

export interface Cell {
  domain: Domain;
  language: string;
}

export interface RunOptions {
  out: string;
  /** Dialogues the file should hold when the run ends. */
  size: number;
  domains: readonly Domain[];
  /** Languages in the plan; a language listed twice gets twice the dialogues. */
  languages: readonly string[];
  concurrency: number;
  heldout: HeldoutGuard;
  /** The dialogue id of plan position `index` (stable across runs: a resumed run skips what exists). */
  idOf: (index: number) => string;
  produce: (index: number, cell: Cell, id: string) => Promise<DialogueOutcome> | DialogueOutcome;
  progress?: (total: number) => Progress;
  /** Plan positions tried beyond `size` before giving up (rejects consume positions). */
  maxAttempts?: number;
  signal?: AbortSignal;
}

/**
 * Plan position → cell. Domains cycle fastest and languages alternate within a pass over them; each
 * pass shifts the languages by one, so every domain gets every language in turn and any prefix of
 * the plan is balanced over both.
 */
export const cellAt = (index: number, domains: readonly Domain[], languages: readonly string[]): Cell => {
  const d = index % domains.length;
  const pass = Math.floor(index / domains.length);
  return { domain: domains[d] as Domain, language: languages[(d + pass) % languages.length] as string };
};

export async function runDataset(options: RunOptions): Promise<DatasetSummary> {
  const started = performance.now();
  const existing = readExisting(options.out);
  const lines: ExampleLine[] = [...existing.lines];
  const dialogues = new Set(lines.map((l) => l.dialogue));
  const intents = new Set<string>();
  const userTurns = new Set<string>();
  const nearIndex = new NearDuplicateIndex(NEAR_DUPLICATE_SIMILARITY);
  const remember = (dialogueLines: readonly ExampleLine[]) => {
    const first = dialogueLines[0];
    if (!first) return;
    if (!intents.has(textHash(first.intent))) nearIndex.add(first.dialogue, first.intent);
    intents.add(textHash(first.intent));
    for (const l of dialogueLines) userTurns.add(`${l.step}:${textHash(l.messages[1].content)}`);
  };
  const byDialogue = new Map<string, ExampleLine[]>();
  for (const l of lines) byDialogue.set(l.dialogue, [...(byDialogue.get(l.dialogue) ?? []), l]);
  for (const group of byDialogue.values()) remember(group);

  const rejects = new Map<string, number>();
  const reject = (reason: string) => rejects.set(reason, (rejects.get(reason) ?? 0) + 1);
  let added = 0;
  let addedLines = 0;
  const progress = options.progress?.(options.size);
  progress?.update(dialogues.size, 0);

  /** Checks shared by every mode; returns a reason to refuse, or undefined. */
  const refusal = (outcome: Extract<DialogueOutcome, { ok: true }>): string | undefined => {
    const held = options.heldout.match(outcome.intent);
    if (held) return "held-out intent";
    if (outcome.lines.some((l) => options.heldout.containedIn(l.messages[1].content + l.messages[2].content)))
      return "contains a held-out intent";
    if (intents.has(textHash(outcome.intent))) return "duplicate intent";
    if (outcome.lines.some((l) => userTurns.has(`${l.step}:${textHash(l.messages[1].content)}`)))
      return "duplicate user turn";
    if (nearIndex.find(outcome.intent)) return "near-duplicate intent";
    return undefined;
  };

  const maxIndex = options.size + (options.maxAttempts ?? options.size * 4 + 200);
  let next = 0;
  const worker = async () => {
    while (dialogues.size < options.size && !options.signal?.aborted) {
      const index = next;
      next += 1;
      if (index >= maxIndex) return;
      const id = options.idOf(index);
      if (dialogues.has(id)) continue;
      const cell = cellAt(index, options.domains, options.languages);
      let outcome: DialogueOutcome;
      try {
        outcome = await options.produce(index, cell, id);
      } catch (error) {
        if (options.signal?.aborted) return;
        outcome = { ok: false, reason: `failed: ${(error as Error).message.split("\n")[0]}` };
      }
      // Another worker may have filled the file while this one waited on the teacher.
      if (dialogues.size >= options.size) return;
      if (!outcome.ok) reject(outcome.reason);
      else {
        const why = refusal(outcome);
        if (why) reject(why);
        else {
          appendDialogue(options.out, outcome.lines);
          lines.push(...outcome.lines);
          dialogues.add(id);
          remember(outcome.lines);
          added += 1;
          addedLines += outcome.lines.length;
        }
      }
      progress?.update(
        dialogues.size,
        [...rejects.values()].reduce((a, b) => a + b, 0),
      );
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  progress?.done();
  if (dialogues.size < options.size && !options.signal?.aborted) {
    reject(`gave up: ${maxIndex} plan positions tried`);
  }
  return summarize({
    file: options.out,
    lines,
    addedLines,
    addedDialogues: added,
    rejects,
    seconds: (performance.now() - started) / 1000,
  });
}
