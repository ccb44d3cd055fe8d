/**
 * What changed between two prompt versions, line by line: the lines only the new version has and
 * the lines only the old one had, in reading order (a longest-common-subsequence diff). Unchanged
 * lines are left out: the user sees the prompt itself right above.
 */
import type { DiffLine } from "../engine-api.js";

/** Beyond this many lines on either side the diff is skipped (a cost bound, far above a prompt's size). */
const MAX_LINES = 400;

export function lineDiff(before: string, after: string): DiffLine[] {
  const a = lines(before);
  const b = lines(after);
  if (a.length > MAX_LINES || b.length > MAX_LINES) return [];
  // common(i, j): length of the longest common subsequence of a[i..] and b[j..], in one flat table.
  const width = b.length + 1;
  const table = new Int32Array((a.length + 1) * width);
  const common = (i: number, j: number) => table[i * width + j] ?? 0;
  for (let i = a.length - 1; i >= 0; i -= 1)
    for (let j = b.length - 1; j >= 0; j -= 1)
      table[i * width + j] = a[i] === b[j] ? common(i + 1, j + 1) + 1 : Math.max(common(i + 1, j), common(i, j + 1));
  const diff: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const left = a[i];
    const right = b[j];
    if (left !== undefined && left === right) {
      i += 1;
      j += 1;
    } else if (left !== undefined && (right === undefined || common(i + 1, j) >= common(i, j + 1))) {
      // A replaced line reads as the old one going, then the new one coming.
      diff.push({ op: "removed", text: left });
      i += 1;
    } else if (right !== undefined) {
      diff.push({ op: "added", text: right });
      j += 1;
    }
  }
  return diff;
}

/** Blank lines carry no meaning in a diff of prompts; trailing spaces neither. */
const lines = (text: string): string[] =>
  text
    .split("\n")
    .map((line) => line.trimEnd())
    .filter((line) => line !== "");
