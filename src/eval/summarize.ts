/**
 * Turns per-intent results into the report's summary figures. Per-prompt averages count completed
 * conversations only: a failed one has no prompt, so its figures would drag every mean toward zero.
 * Latencies use medians, which one stalled call cannot move.
 */
import type { IntentResult, JudgeOutcome, Summary, WinTieLoss } from "./report-types.js";

/** Decimals kept per kind of figure: enough to compare runs, few enough to read. */
const SHARE_DIGITS = 3;
const TOKEN_DIGITS = 1;
const SECONDS_DIGITS = 2;
/** Counts per prompt (calls, questions, …) are not specified elsewhere; two decimals tell 1.25 from 1.3. */
const COUNT_DIGITS = 2;

export function summarize(results: readonly IntentResult[], judged: boolean): Summary {
  const completed = results.filter((result) => result.failure === null);
  const average = (pick: (result: IntentResult) => number | null, digits: number) =>
    round(mean(completed.map(pick)), digits);
  const share = (pick: (result: IntentResult) => boolean | null) =>
    round(mean(completed.map((result) => asNumber(pick(result)))), SHARE_DIGITS);

  return {
    intents: results.length,
    completed: completed.length,
    failures: results.length - completed.length,
    retention_before_repair: average((r) => r.retention_before_repair, SHARE_DIGITS),
    retention_after_repair: average((r) => r.retention_after_repair, SHARE_DIGITS),
    repairs_per_prompt: average((r) => r.repairs, COUNT_DIGITS),
    domain_top1: share((r) => r.domain_match),
    language_match: share((r) => r.language_match),
    calls_per_prompt: average((r) => r.calls, COUNT_DIGITS),
    retries_per_prompt: average((r) => r.retries, COUNT_DIGITS),
    questions_per_prompt: average((r) => r.questions, COUNT_DIGITS),
    rounds_per_prompt: average((r) => r.rounds, COUNT_DIGITS),
    placeholders_per_prompt: average((r) => r.placeholders, COUNT_DIGITS),
    sections_per_prompt: average((r) => r.sections.length, COUNT_DIGITS),
    prompt_tokens_per_prompt: average((r) => r.prompt_tokens, TOKEN_DIGITS),
    prompt_tokens_evaluated_per_prompt: average((r) => r.prompt_tokens_evaluated, TOKEN_DIGITS),
    prompt_tokens_reused_per_prompt: average((r) => r.prompt_tokens_reused, TOKEN_DIGITS),
    generated_tokens_per_prompt: average((r) => r.generated_tokens, TOKEN_DIGITS),
    // Latencies include failed conversations: their calls and first replies cost the user time too.
    seconds_per_call_p50: round(
      median(results.flatMap((r) => r.call_log.map((call) => call.ms / 1000))),
      SECONDS_DIGITS,
    ),
    seconds_to_first_reply_p50: round(median(results.map((r) => r.seconds_to_first_reply)), SECONDS_DIGITS),
    seconds_to_prompt_p50: round(median(results.map((r) => r.seconds_to_prompt)), SECONDS_DIGITS),
    judge: judged ? tallyJudge(results) : null,
  };
}

/** One summary per `split` of the intents file, in order of first appearance; lines without a split are left out. */
export function summarizeSplits(results: readonly IntentResult[], judged: boolean): Record<string, Summary> {
  const groups = new Map<string, IntentResult[]>();
  for (const result of results) {
    if (result.split === null) continue;
    const group = groups.get(result.split);
    if (group) group.push(result);
    else groups.set(result.split, [result]);
  }
  const splits: Record<string, Summary> = {};
  for (const [split, group] of groups) splits[split] = summarize(group, judged);
  return splits;
}

function tallyJudge(results: readonly IntentResult[]): { vs_raw: WinTieLoss; vs_cot: WinTieLoss } {
  const vsRaw: WinTieLoss = { win: 0, tie: 0, loss: 0 };
  const vsCot: WinTieLoss = { win: 0, tie: 0, loss: 0 };
  const count = (tally: WinTieLoss, outcome: JudgeOutcome) => {
    tally[outcome] += 1;
  };
  for (const { judge } of results) {
    if (judge === null) continue;
    count(vsRaw, judge.vs_raw);
    count(vsCot, judge.vs_cot);
  }
  return { vs_raw: vsRaw, vs_cot: vsCot };
}

function asNumber(flag: boolean | null): number | null {
  return flag === null ? null : flag ? 1 : 0;
}

/** Mean of the figures that were measured; null when none was. */
function mean(values: readonly (number | null)[]): number | null {
  const present = values.filter((value): value is number => value !== null);
  if (present.length === 0) return null;
  return present.reduce((sum, value) => sum + value, 0) / present.length;
}

/** Median of the figures that were measured (mean of the middle two for an even count); null when none was. */
function median(values: readonly (number | null)[]): number | null {
  const present = values.filter((value): value is number => value !== null).sort((a, b) => a - b);
  if (present.length === 0) return null;
  const middle = Math.floor(present.length / 2);
  if (present.length % 2 === 1) return present[middle]!;
  return (present[middle - 1]! + present[middle]!) / 2;
}

function round(value: number | null, digits: number): number | null {
  if (value === null) return null;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
