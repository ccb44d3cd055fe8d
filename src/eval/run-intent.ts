/**
 * One intent of the evaluation, end to end through the real engine: the intent, each question round
 * answered as the line says (an option number, free text, or by default the first option), then the
 * prompt. Measures what the report needs.
 */
import type { ConversationKey } from "../core/conversation.js";
import { createTailorEngine } from "../core/engine/create-tailor-engine.js";
import type { EngineReply, InboundEventBody, QuestionView } from "../core/engine-api.js";
import type { ConversationStore, ModelPort } from "../core/ports.js";
import { systemClock } from "../core/ports.js";
import { silentLogger } from "../log/logger.js";
import type { EvalIntent } from "./intents-file.js";
import { recordingModel } from "./recording-model.js";
import type { IntentResult } from "./report-types.js";
import { languageOf, placeholderCount, retention, sectionsOf } from "./score-prompt.js";

export interface RunIntentDeps {
  model: ModelPort;
  store: ConversationStore;
  /** Tokens of a text in the model's vocabulary, where the backend can tell. */
  countTokens?: (text: string) => number;
  /** Distinguishes conversations of different runs in one store. */
  runId: string;
  signal?: AbortSignal;
}

/** More turns than two rounds and a prompt can take: a conversation that loops is a failure. */
const MAX_TURNS = 12;

export async function runIntent(entry: EvalIntent, deps: RunIntentDeps): Promise<IntentResult> {
  const model = recordingModel(deps.model);
  const engine = createTailorEngine({ store: deps.store, model, clock: systemClock, logger: silentLogger });
  const key: ConversationKey = { platform: "terminal", workspace: "eval", channel: deps.runId, thread: entry.id };
  const user = { id: "eval-user" };
  let events = 0;
  const send = (body: InboundEventBody) => {
    events += 1;
    return engine.handle({ ...body, eventId: `eval:${deps.runId}:${entry.id}:${events}`, key, user } as never, {
      ...(deps.signal ? { signal: deps.signal } : {}),
    });
  };

  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const asked: IntentResult["questions_asked"] = [];
  let firstReply: number | undefined;
  let prompt: Extract<EngineReply, { kind: "prompt" }> | undefined;
  let failure: IntentResult["failure"] = null;
  let replies = await send({ kind: "start", text: entry.intent });
  for (let turn = 0; turn < MAX_TURNS && !prompt && !failure; turn += 1) {
    firstReply ??= elapsed();
    prompt = replies.find((r): r is Extract<EngineReply, { kind: "prompt" }> => r.kind === "prompt");
    const error = replies.find((r) => r.kind === "error");
    const round = replies.findLast((r) => r.kind === "questions");
    if (prompt) break;
    if (error?.kind === "error") {
      failure = { code: error.code, message: error.message };
    } else if (round?.kind === "questions") {
      const open = round.questions.filter((q) => q.answer === undefined);
      for (const q of open) asked.push({ capability: q.capability, text: q.text, options: q.options });
      replies = await answerRound(open, entry, send);
    } else {
      const notice = replies.find((r) => r.kind === "notice");
      failure = { code: "no_prompt", message: notice?.kind === "notice" ? notice.text : "the engine gave no reply" };
    }
  }
  if (!prompt && !failure) failure = { code: "no_prompt", message: `no prompt after ${MAX_TURNS} turns` };

  const loaded = await deps.store.load(key, deps.signal);
  const conversation = loaded.status === "found" ? loaded.conversation : undefined;
  const finalPrompt = prompt?.text ?? "";
  const beforeRepair = model.lastSynthesizedPrompt() ?? "";
  const preferences = Object.values(entry.preferences ?? {});
  const language = languageOf(finalPrompt, entry.intent, entry.language);
  const sum = (pick: (c: (typeof model.calls)[number]) => number | null) =>
    model.calls.reduce((total, c) => total + (pick(c) ?? 0), 0);
  await deps.store.delete(key, deps.signal).catch(() => undefined);
  return {
    id: entry.id,
    line: entry.line,
    split: entry.split ?? null,
    intent: entry.intent,
    prompt: finalPrompt,
    prompt_before_repair: prompt ? beforeRepair : "",
    questions_asked: asked,
    call_log: model.calls,
    failure,
    judge: null,
    retention_before_repair: prompt ? retention(beforeRepair, preferences) : null,
    retention_after_repair: prompt ? retention(finalPrompt, preferences) : null,
    repairs: prompt?.repaired.length ?? 0,
    domain: conversation?.domain ?? null,
    domain_match: entry.domain && conversation ? conversation.domain === entry.domain : null,
    language_match: prompt ? language.match : null,
    prompt_language: prompt ? language.language : null,
    sections: sectionsOf(finalPrompt),
    placeholders: placeholderCount(finalPrompt),
    prompt_chars: finalPrompt.length,
    prompt_tokens: prompt && deps.countTokens ? deps.countTokens(finalPrompt) : null,
    questions: asked.length,
    rounds: conversation?.round ?? 0,
    calls: conversation?.modelCalls ?? model.calls.length,
    retries: conversation?.modelRetries ?? 0,
    prompt_tokens_evaluated: sum((c) => (c.promptTokens ?? 0) - (c.reusedTokens ?? 0)),
    prompt_tokens_reused: sum((c) => c.reusedTokens),
    generated_tokens: sum((c) => c.generatedTokens),
    seconds_to_first_reply: round2(firstReply ?? elapsed()),
    seconds_to_prompt: prompt ? round2(elapsed()) : null,
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Option answers go one control at a time; free-text answers together, as the modal sends them. */
async function answerRound(
  open: readonly QuestionView[],
  entry: EvalIntent,
  send: (body: InboundEventBody) => Promise<EngineReply[]>,
): Promise<EngineReply[]> {
  const texts: Record<string, string> = {};
  let replies: EngineReply[] = [];
  for (const q of open) {
    const wanted = entry.answers?.[q.capability];
    if (typeof wanted === "string") {
      texts[q.id] = wanted;
      continue;
    }
    const option = q.options[Math.min((wanted ?? 1) - 1, q.options.length - 1)] ?? q.options[0];
    if (option !== undefined) replies = await send({ kind: "answer", questionId: q.id, option });
  }
  if (Object.keys(texts).length > 0) replies = await send({ kind: "answers", answers: texts });
  return replies;
}
