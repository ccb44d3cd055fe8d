/**
 * `npm run eval -- --intents FILE [--out DIR] [--judge URL --target URL]`: runs the real engine end
 * to end over an intents file with the configured model and writes report.json, report.md and
 * chart.svg. `--compare A.json B.json` prints the difference of two reports.
 * Also: `--split NAME` (only lines of that split), `--limit N`, `--ids a,b`.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../config/load-config.js";
import { isTailorError } from "../core/errors.js";
import { compareReports, readReport } from "../eval/compare-reports.js";
import { evalProgress } from "../eval/eval-progress.js";
import { parseIntents } from "../eval/intents-file.js";
import { judgeIntent } from "../eval/judge.js";
import { renderChart } from "../eval/render-chart.js";
import { renderMarkdown } from "../eval/render-markdown.js";
import type { IntentResult, Report } from "../eval/report-types.js";
import { runIntent } from "../eval/run-intent.js";
import { summarize, summarizeSplits } from "../eval/summarize.js";
import { createLogger } from "../log/logger.js";
import { createModel } from "../model/create-model.js";
import { createStore } from "../store/create-store.js";

const USAGE = `usage: npm run eval -- --intents FILE [--out DIR] [--split NAME] [--limit N] [--ids a,b] [--judge URL --target URL]
       npm run eval -- --compare A.json B.json`;

function fail(message: string, code = 1): never {
  process.stderr.write(`eval: ${message}\n`);
  process.exit(code);
}

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        intents: { type: "string", default: "eval/intents.jsonl" },
        out: { type: "string", default: "eval/out" },
        split: { type: "string" },
        limit: { type: "string" },
        ids: { type: "string" },
        judge: { type: "string" },
        target: { type: "string" },
        compare: { type: "boolean", default: false },
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

if (values.compare) {
  const [a, b] = positionals;
  if (!a || !b) fail(`--compare takes two report files\n${USAGE}`, 2);
  try {
    const [left, right] = onCommonIntents(readReport(a), readReport(b));
    process.stdout.write(`${compareReports(left, right)}\n`);
  } catch (error) {
    fail((error as Error).message);
  }
  process.exit(0);
}

/**
 * Two reports compared on the intents both ran (an interrupted run, or one split against the whole
 * file): the summaries are recomputed on that common part, so A and B measure the same requests.
 */
function onCommonIntents(a: Report, b: Report): [Report, Report] {
  const inB = new Set(b.intents.map((i) => i.id));
  const common = new Set(a.intents.filter((i) => inB.has(i.id)).map((i) => i.id));
  if (common.size === a.intents.length && common.size === b.intents.length) return [a, b];
  process.stderr.write(`eval: comparing the ${common.size} intents both reports ran\n`);
  const restrict = (r: Report): Report => {
    const intents = r.intents.filter((i) => common.has(i.id));
    const judged = intents.some((i) => i.judge !== null);
    return { ...r, intents, summary: summarize(intents, judged), splits: summarizeSplits(intents, judged) };
  };
  return [restrict(a), restrict(b)];
}

if (Boolean(values.judge) !== Boolean(values.target)) fail("--judge and --target go together", 2);

const file = values.intents;
let text: string;
try {
  text = readFileSync(file, "utf8");
} catch (error) {
  fail(`cannot read the intents file ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
}
const parsed = parseIntents(text);
for (const bad of parsed.invalid) process.stderr.write(`eval: ${file}:${bad.line}: ${bad.message} (skipped)\n`);
const wantedIds = values.ids ? new Set(values.ids.split(",").map((s) => s.trim())) : undefined;
let intents = parsed.intents.filter(
  (i) => (!values.split || i.split === values.split) && (!wantedIds || wantedIds.has(i.id)),
);
if (values.limit) intents = intents.slice(0, Number(values.limit));
if (intents.length === 0) fail(`no intent to run in ${file}`);

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig(process.env);
} catch (error) {
  fail((error as Error).message);
}
const logger = createLogger({ level: config.env.LOG_LEVEL === "debug" ? "debug" : "warn", format: "pretty" });
const controller = new AbortController();
process.once("SIGINT", () => controller.abort(new Error("interrupted")));

const ready = await createModel(config.env, logger, controller.signal).catch((error: unknown) =>
  fail(isTailorError(error) || error instanceof Error ? error.message : String(error)),
);
const store = await createStore({ url: "memory://", logger });
const model = ready.model;
const countTokens =
  "countTokens" in model && typeof model.countTokens === "function"
    ? (t: string) => (model.countTokens as (s: string) => number)(t)
    : undefined;
const judgeOptions =
  values.judge && values.target
    ? {
        judgeUrl: values.judge,
        targetUrl: values.target,
        judgeModel: process.env.EVAL_JUDGE_MODEL,
        targetModel: process.env.EVAL_TARGET_MODEL,
        apiKey: process.env.EVAL_API_KEY,
      }
    : undefined;

function buildReport(): Report {
  return {
    version: 1,
    created_at: new Date().toISOString(),
    model: model.describe(),
    intents_file: file,
    summary: summarize(results, Boolean(judgeOptions)),
    splits: summarizeSplits(results, Boolean(judgeOptions)),
    invalid_lines: parsed.invalid,
    intents: results,
  };
}

const out = values.out;
mkdirSync(out, { recursive: true });
process.stderr.write(`eval: ${intents.length} intents from ${file} on ${model.describe()}\n`);
const progress = evalProgress(intents.length);
const runId = Date.now().toString(36);
const results: IntentResult[] = [];
for (const intent of intents) {
  if (controller.signal.aborted) break;
  const result = await runIntent(intent, { model, store, countTokens, runId, signal: controller.signal }).catch(
    (error: unknown) => {
      // Ctrl-C: the intent in flight is dropped, what was measured is written below.
      if (controller.signal.aborted) return undefined;
      throw error;
    },
  );
  if (!result) break;
  if (judgeOptions && result.prompt) {
    result.judge = await judgeIntent(intent.intent, result.prompt, {
      ...judgeOptions,
      signal: controller.signal,
    }).catch((error: unknown) => {
      logger.warn("judge failed", { id: intent.id, error });
      return null;
    });
  }
  results.push(result);
  // Written after every intent: an interrupted run (Ctrl-C, a crash) keeps what it measured.
  writeFileSync(path.join(out, "report.json"), `${JSON.stringify(buildReport(), null, 2)}\n`);
  progress.update(results.length, intent.id, result.failure ? `failed: ${result.failure.code}` : "ok");
}
progress.done();

const report = buildReport();
writeFileSync(path.join(out, "report.json"), `${JSON.stringify(report, null, 2)}\n`);
const markdown = renderMarkdown(report);
writeFileSync(path.join(out, "report.md"), markdown);
writeFileSync(path.join(out, "chart.svg"), renderChart(report));
process.stdout.write(markdown);
process.stderr.write(`eval: wrote ${path.join(out, "report.json")}, report.md and chart.svg\n`);
await model.close();
await store.close();
if (controller.signal.aborted) process.exit(130);
