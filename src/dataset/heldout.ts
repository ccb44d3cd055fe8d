/**
 * The evaluation set's held-out intents (eval/intents.jsonl, `"split":"heldout"`) must never reach
 * training data: no one tunes on them, the adapter included. An intent is refused when it equals
 * one (normalized), contains one, or is a near-duplicate of one.
 */
import { existsSync, readFileSync } from "node:fs";
import { jaccard, normalizeText, shingles } from "./near-duplicates.js";

/** Lower than the training-set threshold: a rephrased held-out intent is still the same test item. */
export const HELDOUT_SIMILARITY = 0.6;
/**
 * Containment is checked for held-out intents of at least this many words: "email" or "???" (the
 * set tests vague intents) would otherwise match every example; they are still refused exactly.
 */
export const CONTAINMENT_MIN_WORDS = 3;

export interface HeldoutGuard {
  readonly size: number;
  /** The held-out id an intent (or a whole call text) collides with, if any. */
  match(intent: string): string | undefined;
  /** Whether a text (a whole example) contains a held-out intent verbatim, normalized. */
  containedIn(text: string): string | undefined;
}

export function loadHeldout(file: string): HeldoutGuard {
  const items: { id: string; text: string; long: boolean; set: Set<string> }[] = [];
  if (existsSync(file)) {
    for (const line of readFileSync(file, "utf8").split("\n")) {
      if (!line.trim()) continue;
      let parsed: { id?: unknown; intent?: unknown; split?: unknown };
      try {
        parsed = JSON.parse(line);
      } catch {
        continue;
      }
      if (parsed.split !== "heldout" || typeof parsed.intent !== "string") continue;
      const id = typeof parsed.id === "string" ? parsed.id : `line ${items.length + 1}`;
      const text = normalizeText(parsed.intent);
      const long = text.split(" ").length >= CONTAINMENT_MIN_WORDS;
      items.push({ id, text, long, set: shingles(parsed.intent) });
    }
  }
  return {
    size: items.length,
    match(intent) {
      const text = normalizeText(intent);
      const set = shingles(intent);
      return items.find(
        (h) => h.text === text || (h.long && (text.includes(h.text) || jaccard(set, h.set) >= HELDOUT_SIMILARITY)),
      )?.id;
    },
    containedIn(whole) {
      const text = normalizeText(whole);
      return items.find((h) => h.long && text.includes(h.text))?.id;
    },
  };
}
