/**
 * The evaluation report (`report.json`): stable field names, documented in the README and
 * contract.md. Shares are 0 to 1; null where nothing was there to measure.
 */

/** One model call of a conversation, as the recording model saw it. */
export interface CallRecord {
  call: "analyse" | "integrate" | "synthesize";
  ms: number;
  promptTokens: number | null;
  reusedTokens: number | null;
  generatedTokens: number | null;
  /** False when the answer was not usable JSON for the engine (it retried). */
  ok: boolean;
}

export interface IntentFigures {
  /** Share of stated preferences in the model's prompt before the alignment repair (null: none stated). */
  retention_before_repair: number | null;
  /** The same after the repair: what the user gets. */
  retention_after_repair: number | null;
  repairs: number;
  /** Chosen domain equals the expected one (null: none expected). */
  domain_match: boolean | null;
  domain: string | null;
  /** The prompt's detected language equals the intent's (null: undetectable, e.g. an emoji). */
  language_match: boolean | null;
  prompt_language: string | null;
  /** Headings found among Role, Task, Context, Requirements, Format, Constraints. */
  sections: string[];
  placeholders: number;
  prompt_chars: number;
  prompt_tokens: number | null;
  questions: number;
  rounds: number;
  calls: number;
  /** Invalid answers retried (not counted in `calls`). */
  retries: number;
  prompt_tokens_evaluated: number;
  prompt_tokens_reused: number;
  generated_tokens: number;
  seconds_to_first_reply: number;
  seconds_to_prompt: number | null;
}

export interface IntentResult extends IntentFigures {
  id: string;
  line: number;
  split: string | null;
  intent: string;
  /** The final prompt the user got ("" on failure). */
  prompt: string;
  /** The model's prompt before the alignment repair. */
  prompt_before_repair: string;
  questions_asked: { capability: string; text: string; options: string[] }[];
  call_log: CallRecord[];
  /** Set when the conversation ended in an error. */
  failure: { code: string; message: string } | null;
  judge: { vs_raw: JudgeOutcome; vs_cot: JudgeOutcome } | null;
}

export type JudgeOutcome = "win" | "tie" | "loss";
export interface WinTieLoss {
  win: number;
  tie: number;
  loss: number;
}

export interface Summary {
  intents: number;
  completed: number;
  failures: number;
  retention_before_repair: number | null;
  retention_after_repair: number | null;
  repairs_per_prompt: number | null;
  domain_top1: number | null;
  language_match: number | null;
  calls_per_prompt: number | null;
  retries_per_prompt: number | null;
  questions_per_prompt: number | null;
  rounds_per_prompt: number | null;
  placeholders_per_prompt: number | null;
  sections_per_prompt: number | null;
  prompt_tokens_per_prompt: number | null;
  prompt_tokens_evaluated_per_prompt: number | null;
  prompt_tokens_reused_per_prompt: number | null;
  generated_tokens_per_prompt: number | null;
  seconds_per_call_p50: number | null;
  seconds_to_first_reply_p50: number | null;
  seconds_to_prompt_p50: number | null;
  judge: { vs_raw: WinTieLoss; vs_cot: WinTieLoss } | null;
}

export interface Report {
  /** Report format version. */
  version: 1;
  created_at: string;
  model: string;
  intents_file: string;
  summary: Summary;
  /** The same summary per `split` of the intents file (tuning, heldout). */
  splits: Record<string, Summary>;
  /** Input lines that could not run: line number and why. */
  invalid_lines: { line: number; message: string }[];
  intents: IntentResult[];
}
