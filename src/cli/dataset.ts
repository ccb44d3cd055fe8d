/**
 * `npm run dataset -- --out FILE [--teacher URL] [--size N] [--seed N]`: writes training examples of
 * the engine's three calls as chat JSONL. Library mode (no --teacher) builds them from the library;
 * teacher mode asks an OpenAI-compatible server. Appends to --out and resumes where it stopped.
 * Progress on stderr, the summary on stdout (and as JSON with --summary-json FILE).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { parseDataset } from "../dataset/dataset-file.js";
import { loadEngineContext } from "../dataset/engine-calls.js";
import { loadHeldout } from "../dataset/heldout.js";
import { loadLanguageKits } from "../dataset/language-kits.js";
import { libraryDialogue } from "../dataset/library-dialogues.js";
import { datasetProgress } from "../dataset/progress.js";
import { dialoguesOf, replayDialogue } from "../dataset/replay.js";
import { candidateSeed, createRng } from "../dataset/rng.js";
import { runDataset } from "../dataset/run-dataset.js";
import { renderSummary } from "../dataset/summary.js";
import { createTeacher } from "../dataset/teacher-client.js";
import { teacherDialogue } from "../dataset/teacher-dialogues.js";

const USAGE = `usage: npm run dataset -- --out FILE [--size N] [--seed N] [--languages en,de,es,fr]
         [--teacher URL [--teacher-model NAME] [--concurrency N]] [--heldout FILE] [--summary-json FILE]
       npm run dataset -- --verify FILE   (replays every dialogue through the engine as it is now)`;

/** The paper's scale: about 12,300 prompt-refinement dialogues. */
const TEACHER_DEFAULT_SIZE = 12_300;
const LIBRARY_DEFAULT_SIZE = 1_000;

function fail(message: string, code = 1): never {
  process.stderr.write(`dataset: ${message}\n`);
  process.exit(code);
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        out: { type: "string" },
        teacher: { type: "string" },
        "teacher-model": { type: "string" },
        size: { type: "string" },
        seed: { type: "string", default: "1" },
        concurrency: { type: "string", default: "4" },
        languages: { type: "string", default: "en,de,es,fr" },
        heldout: { type: "string", default: "eval/intents.jsonl" },
        "summary-json": { type: "string" },
        verify: { type: "string" },
        help: { type: "boolean", default: false },
      },
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`, 2);
  }
})();

if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (values.verify) {
  const file = values.verify;
  try {
    const engine = loadEngineContext();
    const heldout = loadHeldout(values.heldout ?? "eval/intents.jsonl");
    const groups = dialoguesOf(parseDataset(readFileSync(file, "utf8"), file));
    const problems = groups.flatMap((lines) => {
      const problem = replayDialogue(engine, lines);
      const held = lines.find((l) => heldout.match(l.intent) || heldout.containedIn(l.messages[1].content));
      return [
        ...(problem ? [`${problem.dialogue} ${problem.step}: ${problem.problem}`] : []),
        ...(held ? [`${held.dialogue}: contains a held-out intent`] : []),
      ];
    });
    for (const p of problems.slice(0, 20)) process.stderr.write(`dataset: ${p}\n`);
    process.stdout.write(`verify: ${file}: ${groups.length} dialogues, ${problems.length} with problems\n`);
    process.exit(problems.length ? 1 : 0);
  } catch (error) {
    fail((error as Error).message);
  }
}
if (!values.out) fail(`--out is required\n${USAGE}`, 2);

const integer = (name: string, raw: string | undefined, fallback: number, min: number): number => {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) fail(`--${name} must be an integer of at least ${min}, got "${raw}"`, 2);
  return n;
};
const size = integer("size", values.size, values.teacher ? TEACHER_DEFAULT_SIZE : LIBRARY_DEFAULT_SIZE, 1);
const seed = integer("seed", values.seed, 1, 0);
const concurrency = integer("concurrency", values.concurrency, 4, 1);

const kits = loadLanguageKits();
const languages = (values.languages ?? "")
  .split(",")
  .map((l) => l.trim())
  .filter(Boolean);
if (languages.length === 0) fail("--languages lists no language", 2);
if (!values.teacher) {
  for (const l of languages)
    if (!kits[l])
      fail(`--languages: library mode has no phrase kit for "${l}" (it has ${Object.keys(kits).join(", ")})`, 2);
}

const engine = loadEngineContext();
const heldout = loadHeldout(values.heldout ?? "eval/intents.jsonl");
if (heldout.size === 0)
  process.stderr.write(`dataset: no held-out intents in ${values.heldout}: nothing to keep out\n`);
const controller = new AbortController();
process.once("SIGINT", () => controller.abort(new Error("interrupted")));

let produce: Parameters<typeof runDataset>[0]["produce"];
let idOf: (index: number) => string;
if (values.teacher) {
  const teacher = await createTeacher({
    url: values.teacher,
    model: values["teacher-model"],
    apiKey: process.env.TEACHER_API_KEY,
    signal: controller.signal,
  }).catch((error: unknown) => fail((error as Error).message));
  process.stderr.write(
    `dataset: teacher ${teacher.model} at ${values.teacher}, ${size} dialogues, concurrency ${concurrency}\n`,
  );
  idOf = (index) => `teacher-${seed}-${index}`;
  produce = (index, cell, id) => teacherDialogue(engine, teacher, cell, createRng(candidateSeed(seed, index)), id);
} else {
  process.stderr.write(
    `dataset: library mode, ${size} dialogues over ${engine.domains.length} domains and ${languages.join(", ")}\n`,
  );
  idOf = (index) => `library-${seed}-${index}`;
  produce = (index, cell, id) => libraryDialogue(engine, kits, cell, createRng(candidateSeed(seed, index)), id);
}

try {
  const summary = await runDataset({
    out: values.out,
    size,
    domains: engine.domains,
    languages,
    concurrency: values.teacher ? concurrency : 1,
    heldout,
    idOf,
    produce,
    progress: (total) => datasetProgress(total),
    signal: controller.signal,
  });
  process.stdout.write(`${renderSummary(summary)}\n`);
  if (values["summary-json"]) writeFileSync(values["summary-json"], `${JSON.stringify(summary, null, 2)}\n`);
  if (controller.signal.aborted) process.exit(130);
  if (summary.dialogues < size) fail(`only ${summary.dialogues} of ${size} dialogues: see the rejects above`);
} catch (error) {
  fail((error as Error).message);
}
