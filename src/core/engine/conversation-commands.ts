/**
 * Turns that steer a conversation without answering a question: starting one, the typed words,
 * skip and retry.
 */

import type { Conversation, Step } from "../conversation.js";
import type { InboundEvent, ReplyBody } from "../engine-api.js";
import { EN } from "../messages/catalog.js";
import type { PlaceDefaults } from "../ports.js";
import { newConversation, openQuestions } from "./conversation-state.js";
import { HELP_TEXT, notice, type TypedWord, tooLong, usage } from "./engine-texts.js";
import { analyse, rerun, type StepContext, save, synthesize } from "./model-steps.js";
import { applyDefaults, defaultsScope } from "./place-defaults.js";

/** The step a phase is in the middle of (a turn cut off by a restart resumes it). */
export const PHASE_STEP: Partial<Record<Conversation["phase"], Step>> = {
  analysing: "analyse",
  integrating: "integrate",
  synthesizing: "synthesize",
};

/**
 * The saved state could not be read (it was moved aside): the thread goes on with a new conversation
 * whose first message is the intent, so the owner can go on typing where they are.
 */
export async function awaitIntent(ctx: StepContext, event: InboundEvent): Promise<ReplyBody[]> {
  const fresh = newConversation(event.key, event.user, "", ctx.now());
  fresh.phase = "awaiting_intent";
  await save(ctx, fresh);
  return [notice("new", EN.askAgain)];
}

export const gone = () => notice("ended", EN.ended);

export async function start(ctx: StepContext, event: InboundEvent, text: string): Promise<ReplyBody[]> {
  const intent = text.trim();
  if (intent === "") return [usage()];
  if (intent.length > ctx.limits.maxIntentChars) return [tooLong(ctx.limits.maxIntentChars, intent.length)];
  const conversation = newConversation(event.key, event.user, intent, ctx.now());
  const defaults = await placeDefaults(ctx, event);
  if (Object.keys(defaults).length > 0) {
    conversation.defaults = defaults;
    applyDefaults(conversation);
  }
  return analyse(ctx, conversation);
}

/** The place's defaults; a store that cannot give them now does not hold the conversation up. */
async function placeDefaults(ctx: StepContext, event: InboundEvent): Promise<PlaceDefaults> {
  const scope = defaultsScope(event.key);
  if (!scope) return {};
  try {
    return await ctx.deps.store.loadDefaults(scope, ctx.options.signal);
  } catch (error) {
    ctx.deps.logger.warn("could not read the channel defaults; starting without them", { error });
    return {};
  }
}

export async function typed(ctx: StepContext, conversation: Conversation, word: TypedWord): Promise<ReplyBody[]> {
  switch (word) {
    case "help":
      return [notice("help", HELP_TEXT)];
    case "skip":
      return skip(ctx, conversation);
    case "forget":
      await ctx.deps.store.delete(conversation.key, ctx.options.signal);
      ctx.turn.deleted();
      return [notice("forgotten", EN.forgotten)];
    case "cancel":
      conversation.phase = "cancelled";
      conversation.failedStep = undefined;
      await save(ctx, conversation);
      return [notice("cancelled", EN.cancelled)];
    case "new": {
      const fresh = newConversation(conversation.key, conversation.owner, "", ctx.now());
      fresh.phase = "awaiting_intent";
      await save(ctx, fresh);
      return [notice("new", EN.startingOver)];
    }
  }
}

export async function skip(ctx: StepContext, conversation: Conversation): Promise<ReplyBody[]> {
  const writing = ["asking", "analysing", "integrating", "synthesizing"].includes(conversation.phase);
  if (!writing || conversation.versions.length > 0) {
    return [notice("nothing_to_skip", EN.nothingToSkip)];
  }
  for (const q of openQuestions(conversation)) {
    q.answer = "skipped";
    q.answeredBy = "skip";
  }
  return synthesize(ctx, conversation);
}

/** The step `retry` re-runs: the one that failed, or one cut off by a restart; none when all went through. */
export function retryableStep(conversation: Conversation): Step | undefined {
  // A refinement cut off by a restart left its request in `pending`.
  const cutOffRefinement = conversation.phase === "done" && conversation.pending.length > 0 ? "refine" : undefined;
  return conversation.failedStep?.step ?? PHASE_STEP[conversation.phase] ?? cutOffRefinement;
}

export async function retry(ctx: StepContext, conversation: Conversation): Promise<ReplyBody[]> {
  const step = retryableStep(conversation);
  if (!step) return [notice("nothing_to_retry", EN.nothingToRetry)];
  return rerun(ctx, conversation, step);
}
