/**
 * The model steps of a conversation (analyse, integrate, synthesize, refine). Each saves the record
 * before calling the model (nothing is lost if the process dies) and after; a failure is recorded as
 * the failed step and answered with a user-safe error and a retry.
 */

import { supersedeQuantities } from "../capabilities/pin-values.js";
import type { Conversation, Step } from "../conversation.js";
import { conversationKeyString } from "../conversation.js";
import type { ReplyBody, TurnOptions } from "../engine-api.js";
import { isTailorError, TailorError } from "../errors.js";
import { EN, type MessageLanguage } from "../messages/catalog.js";
import { messageLanguage } from "../messages/localize-replies.js";
import { type CallSpec, callModel } from "../model-calls/call-model.js";
import {
  analyseSpec,
  chosenDomain,
  finishPrompt,
  integrateSpec,
  stripAppendix,
  synthesizeSpec,
} from "../model-calls/conversation-calls.js";
import { partialJsonString } from "../model-calls/partial-json-string.js";
import {
  allQuestions,
  isPinned,
  pinFromUserText,
  promptReply,
  questionsReply,
  setCapability,
  startRound,
} from "./conversation-state.js";
import type { EngineDeps, EngineLimits } from "./engine-deps.js";
import { applyDefaults, hasDefault } from "./place-defaults.js";
import type { TurnStop } from "./stop-control.js";
import type { TurnState } from "./turn-state.js";

export interface StepContext {
  deps: EngineDeps;
  limits: EngineLimits;
  options: TurnOptions;
  now: () => string;
  /** The turn's record, refs and save queue (every save is fenced by the turn's lease). */
  turn: TurnState;
  /** The owner's Stop control for this turn's model calls. */
  stop: TurnStop;
}

export async function save(ctx: StepContext, conversation: Conversation): Promise<void> {
  conversation.updatedAt = ctx.now();
  await ctx.turn.save(conversation, ctx.options.signal);
}

async function run<T>(ctx: StepContext, conversation: Conversation, step: Step, spec: CallSpec<T>): Promise<T> {
  const language = messageLanguage(conversation.intent);
  ctx.options.onProgress?.({ kind: "working", step, language }, ctx.turn);
  const signal = ctx.options.signal ? AbortSignal.any([ctx.options.signal, ctx.stop.signal]) : ctx.stop.signal;
  const result = await ctx.stop.watch(() =>
    callModel(spec, {
      model: ctx.deps.model,
      fairnessKey: conversationKeyString(conversation.key),
      signal,
      onQueuePosition: (position) => {
        if (position > 0) ctx.options.onProgress?.({ kind: "queued", position, language }, ctx.turn);
      },
      ...(streamsPrompt(step) && ctx.options.onDraft ? { onText: draftStream(ctx, conversation, language) } : {}),
    }),
  );
  conversation.modelCalls += 1;
  conversation.modelRetries += result.retries;
  return result.value;
}

const streamsPrompt = (step: Step): boolean => step === "synthesize" || step === "refine";

/**
 * Turns the model's streamed JSON into drafts of the prompt: each attempt's text is read as far as it
 * goes, and a draft goes out when the prompt grew (a retried attempt starts a new text).
 */
function draftStream(
  ctx: StepContext,
  conversation: Conversation,
  language: MessageLanguage,
): (attempt: number, delta: string) => void {
  const version = (conversation.versions.at(-1)?.version ?? 0) + 1;
  let current = -1;
  let text = "";
  let shown = "";
  return (attempt, delta) => {
    if (attempt !== current) {
      current = attempt;
      text = "";
    }
    text += delta;
    const prompt = partialJsonString(text, "prompt");
    if (prompt === undefined || prompt === shown || prompt.trim() === "") return;
    shown = prompt;
    ctx.options.onDraft?.({ version, text: prompt, language }, ctx.turn);
  };
}

/** The owner stopped the call: not a failure of the model, and the step can be run again. */
const stoppedError = (cause: unknown) =>
  new TailorError("model.stopped", "the owner stopped the model call", { cause, userMessage: EN.stopped });

/** Runs a step; a failure is stored on the record and becomes a resumable error reply. */
export async function guarded(
  ctx: StepContext,
  conversation: Conversation,
  step: Step,
  body: () => Promise<ReplyBody[]>,
): Promise<ReplyBody[]> {
  try {
    return await body();
  } catch (error) {
    const failure = ctx.stop.signal.aborted
      ? stoppedError(error)
      : isTailorError(error)
        ? error
        : new TailorError("internal", "step failed", { cause: error });
    // A user's Stop is not a fault: logged for the record, not as a warning.
    const log = failure.code === "model.stopped" ? ctx.deps.logger.info : ctx.deps.logger.warn;
    log.call(ctx.deps.logger, "step failed", { step, code: failure.code, error: failure.cause ?? failure });
    conversation.failedStep = { step, code: failure.code, at: ctx.now() };
    try {
      // Not under the turn's signal: when the turn was aborted (shutdown), recording the failed step
      // is what lets retry resume it; the store's own deadline bounds the write.
      conversation.updatedAt = ctx.now();
      await ctx.turn.save(conversation);
    } catch (saveError) {
      // The record does not know about this turn: the engine keeps the event for the retry control.
      ctx.deps.logger.error("could not save the failed step", { step, error: saveError });
      throw failure;
    }
    return [{ kind: "error", code: failure.code, message: failure.userMessage, retry: true, step }];
  }
}

export function analyse(ctx: StepContext, conversation: Conversation): Promise<ReplyBody[]> {
  return guarded(ctx, conversation, "analyse", async () => {
    conversation.phase = "analysing";
    await save(ctx, conversation);
    const answer = await run(ctx, conversation, "analyse", analyseSpec(conversation, ctx.deps));
    conversation.failedStep = undefined;
    conversation.domain = chosenDomain(answer, conversation, ctx.deps);
    for (const p of answer.pinned) setCapability(conversation, p.capability, "pinned", p.value, "intent");
    for (const a of answer.assumed) setCapability(conversation, a.capability, "assumed", a.value, "model");
    // The place's defaults stand where the intent said nothing, and are not asked about.
    applyDefaults(conversation);
    const questions = answer.questions
      .filter((q) => !hasDefault(conversation, q.capability))
      .slice(0, ctx.limits.maxQuestions);
    // synthesize is guarded on its own, so a failure there is recorded as the synthesize step.
    if (questions.length === 0 || ctx.limits.maxRounds === 0) return synthesize(ctx, conversation);
    startRound(conversation, questions);
    await save(ctx, conversation);
    return [questionsReply(conversation)];
  });
}

export function integrate(ctx: StepContext, conversation: Conversation): Promise<ReplyBody[]> {
  return guarded(ctx, conversation, "integrate", async () => {
    conversation.phase = "integrating";
    await save(ctx, conversation);
    const mayAskMore = conversation.round < ctx.limits.maxRounds;
    const answer = await run(ctx, conversation, "integrate", integrateSpec(conversation, ctx.deps, mayAskMore));
    conversation.failedStep = undefined;
    const answersText = [...conversation.questions.map((q) => q.answer ?? ""), ...conversation.pending].join("\n");
    for (const p of answer.pinned) pinFromUserText(conversation, p, answersText, "answer");
    conversation.pending = [];
    // Never ask again about what the user already settled.
    const more = answer.moreQuestions
      .filter((q) => !isPinned(conversation, q.capability) && !hasDefault(conversation, q.capability))
      .slice(0, ctx.limits.maxQuestions);
    if (mayAskMore && more.length > 0) {
      startRound(conversation, more);
      await save(ctx, conversation);
      return [questionsReply(conversation)];
    }
    return synthesize(ctx, conversation);
  });
}

export function synthesize(ctx: StepContext, conversation: Conversation): Promise<ReplyBody[]> {
  return guarded(ctx, conversation, "synthesize", async () => {
    conversation.phase = "synthesizing";
    await save(ctx, conversation);
    return writeVersion(ctx, conversation, "synthesize");
  });
}

/** A refinement: the pending owner messages are the request; the answer is version N+1. */
export function refine(ctx: StepContext, conversation: Conversation): Promise<ReplyBody[]> {
  return guarded(ctx, conversation, "refine", async () => {
    await save(ctx, conversation);
    return writeVersion(ctx, conversation, "refine");
  });
}

async function writeVersion(ctx: StepContext, conversation: Conversation, step: Step): Promise<ReplyBody[]> {
  const previous = conversation.versions.at(-1);
  const request = step === "refine" ? conversation.pending.join("\n") : undefined;
  const answer = await run(
    ctx,
    conversation,
    step,
    synthesizeSpec(conversation, ctx.deps, {
      questions: allQuestions(conversation),
      freeText: step === "refine" ? [] : conversation.pending,
      ...(request !== undefined ? { previous: stripAppendix(previous?.text ?? ""), request } : {}),
    }),
  );
  // Only a refinement request can correct anything; the first synthesize has nothing to correct.
  if (request !== undefined) {
    for (const c of answer.corrections) pinFromUserText(conversation, c, request, "correction");
    supersedeQuantities(conversation, request);
  }
  const aligned = finishPrompt(answer.prompt, conversation, request);
  conversation.versions.push({
    version: (previous?.version ?? 0) + 1,
    text: aligned.prompt,
    assumptions: answer.assumptions,
    repaired: aligned.repaired,
    ...(request !== undefined ? { request } : {}),
    capabilities: conversation.capabilities.map((c) => ({ ...c })),
    createdAt: ctx.now(),
  });
  conversation.pending = [];
  conversation.failedStep = undefined;
  conversation.phase = "done";
  await save(ctx, conversation);
  return [promptReply(conversation, ctx.deps.capabilities)];
}

/** Re-runs the step that failed (or was cut off by a restart). */
export function rerun(ctx: StepContext, conversation: Conversation, step: Step): Promise<ReplyBody[]> {
  switch (step) {
    case "analyse":
      return analyse(ctx, conversation);
    case "integrate":
      return integrate(ctx, conversation);
    case "synthesize":
      return synthesize(ctx, conversation);
    case "refine":
      return refine(ctx, conversation);
  }
}
