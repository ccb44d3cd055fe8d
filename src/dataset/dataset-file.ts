/**
 * The output file: JSONL, appended one dialogue at a time, so a run that stops (Ctrl-C, a crash)
 * loses at most the dialogue being written. On restart a torn last line is cut off and what is
 * there is read back: which dialogues exist, and the texts the duplicate checks must know.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, truncateSync } from "node:fs";
import path from "node:path";
import { type ExampleLine, exampleLineSchema } from "./example-line.js";

export interface ExistingData {
  lines: ExampleLine[];
  /** Bytes cut off the end (a torn last line). */
  truncated: number;
}

export class DatasetFileError extends Error {}

export function readExisting(file: string): ExistingData {
  if (!existsSync(file)) return { lines: [], truncated: 0 };
  const buffer = readFileSync(file);
  let text = buffer.toString("utf8");
  let truncated = 0;
  if (text.length > 0 && !text.endsWith("\n")) {
    const keep = text.lastIndexOf("\n") + 1;
    truncated = buffer.length - Buffer.byteLength(text.slice(0, keep));
    truncateSync(file, Buffer.byteLength(text.slice(0, keep)));
    text = text.slice(0, keep);
  }
  return { lines: parseDataset(text, file), truncated };
}

/** The lines of a dataset file's text; a line this command did not write is an error naming it. */
export function parseDataset(text: string, file: string): ExampleLine[] {
  const lines: ExampleLine[] = [];
  text.split("\n").forEach((raw, i) => {
    if (!raw.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new DatasetFileError(`${file}:${i + 1} is not JSON: not a file this command wrote, refusing to append`);
    }
    const parsed = exampleLineSchema.safeParse(json);
    if (!parsed.success) {
      throw new DatasetFileError(`${file}:${i + 1} is not a dataset line (${parsed.error.issues[0]?.message})`);
    }
    lines.push(parsed.data);
  });
  return lines;
}

export function appendDialogue(file: string, lines: readonly ExampleLine[]): void {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  appendFileSync(file, lines.map((l) => `${JSON.stringify(l)}\n`).join(""));
}
