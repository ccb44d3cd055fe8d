/** An evaluation result for unit tests of the report: a completed intent, overridable per field. */
import type { CallRecord, IntentResult } from "../../src/eval/report-types.js";

export const evalCall = (ms: number): CallRecord => ({
  call: "analyse",
  ms,
  promptTokens: 10,
  reusedTokens: 0,
  generatedTokens: 5,
  ok: true,
});

export function intentResult(overrides: Partial<IntentResult> = {}): IntentResult {
  return {
    id: "t001",
    line: 1,
    split: "tuning",
    intent: "write a cover letter",
    prompt: "## Role\nYou are a recruiter.",
    prompt_before_repair: "## Role\nYou are a recruiter.",
    questions_asked: [],
    call_log: [evalCall(1000)],
    failure: null,
    judge: null,
    retention_before_repair: 1,
    retention_after_repair: 1,
    repairs: 0,
    domain_match: true,
    domain: "cover_letter",
    language_match: true,
    prompt_language: "en",
    sections: ["Role"],
    placeholders: 0,
    prompt_chars: 30,
    prompt_tokens: 10,
    questions: 0,
    rounds: 1,
    calls: 1,
    retries: 0,
    prompt_tokens_evaluated: 100,
    prompt_tokens_reused: 0,
    generated_tokens: 50,
    seconds_to_first_reply: 1,
    seconds_to_prompt: 2,
    ...overrides,
  };
}
