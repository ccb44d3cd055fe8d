/**
 * Turns that answer: free-text messages (answers, refinements, additions after a failure) and the
 * controls and modal that answer questions by id.
 */

import type { Conversation } from "../conversation.js";
import type { InboundEvent, ReplyBody } from "../engine-api.js";
import { EN, fill } from "../messages/catalog.js";
import { isMetaAnswer } from "../model-calls/user-text-kind.js";
import { PHASE_STEP, start } from "./conversation-commands.js";
import { openQuestions, questionsReply, setCapability } from "./conversation-state.js";
import { alreadyAnswered, notice, tooLong } from "./engine-texts.js";
import { analyse, integrate, refine, type StepContext, save, synthesize } from "./model-steps.js";
import { labelOf } from "./place-defaults.js";

export async function message(
  ctx: StepContext,
  event: InboundEvent,
  conversation: Conversation,
  text: string,
): Promise<ReplyBody[]> {
  const trimmed = text.trim();
  if (trimmed === "") return [];
  if (conversation.phase === "awaiting_intent") return start(ctx, event, trimmed);
  // Everything the owner writes reaches a model call: the intent's limit bounds each message too.
  if (trimmed.length > ctx.limits.maxIntentChars)
    return [tooLong(ctx.limits.maxIntentChars, trimmed.length, "message")];
  if (conversation.phase === "cancelled") {
    if (event.kind === "message" && event.mayStart) return start(ctx, event, trimmed);
    // Said once: later chatter in an ended thread gets no reply.
    if (conversation.endedNoticeShown) return [];
    conversation.endedNoticeShown = true;
    await save(ctx, conversation);
    return [notice("ended", EN.cancelledEnded)];
  }
  const interrupted = conversation.failedStep?.step ?? PHASE_STEP[conversation.phase];
  if (interrupted === "analyse") {
    // What the owner adds before the first questions completes the intent.
    const intent = `${conversation.intent}\n${trimmed}`;
    if (intent.length > ctx.limits.maxIntentChars) return [tooLong(ctx.limits.maxIntentChars, intent.length)];
    conversation.intent = intent;
    return analyse(ctx, conversation);
  }
  if (interrupted === "synthesize" && conversation.versions.length === 0) {
    addPending(conversation, trimmed);
    return synthesize(ctx, conversation);
  }
  if (conversation.phase === "asking" || interrupted === "integrate") {
    // One free-text message answers every open question of the round; integrate sorts it out.
    for (const q of openQuestions(conversation)) {
      q.answer = trimmed;
      q.answeredBy = "text";
    }
    addPending(conversation, trimmed);
    return integrate(ctx, conversation);
  }
  // After the prompt: a refinement (or a correction of an assumption) is a new version.
  addPending(conversation, trimmed);
  return refine(ctx, conversation);
}

/**
 * Keeps what the owner wrote for the next model call. The same words sent again (after a stall, or a
 * retry of the platform) are kept once: the prompt would otherwise carry them twice.
 */
function addPending(conversation: Conversation, text: string): void {
  if (!conversation.pending.includes(text)) conversation.pending.push(text);
}

export async function answer(ctx: StepContext, event: InboundEvent, conversation: Conversation): Promise<ReplyBody[]> {
  // A control of a round that is over, or of an earlier conversation in this thread: nothing changes.
  if (conversation.phase !== "asking") return [alreadyAnswered()];
  if (event.kind === "answer") {
    const question = conversation.questions.find((q) => q.id === event.questionId);
    if (!question || question.answer !== undefined || !question.options.includes(event.option))
      return [alreadyAnswered()];
    question.answer = event.option;
    question.answeredBy = "option";
    // An option picked from a control is the user's choice: pinned without a model call.
    // "You decide" picked from the options leaves the capability open: it is not a value.
    if (!isMetaAnswer(event.option)) setCapability(conversation, question.capability, "pinned", event.option, "answer");
  } else if (event.kind === "answers") {
    const longest = Math.max(0, ...Object.values(event.answers).map((a) => a.trim().length));
    if (longest > ctx.limits.maxIntentChars) return [tooLong(ctx.limits.maxIntentChars, longest, "message")];
    let applied = 0;
    for (const [id, raw] of Object.entries(event.answers)) {
      const question = conversation.questions.find((q) => q.id === id);
      const text = raw.trim();
      if (!question || question.answer !== undefined || text === "") continue;
      question.answer = text;
      applied += 1;
      // An option picked in a form is a control's answer (pinned, no integrate call); other text is free text.
      if (!question.options.includes(text)) {
        question.answeredBy = "text";
        continue;
      }
      question.answeredBy = "option";
      if (!isMetaAnswer(text)) setCapability(conversation, question.capability, "pinned", text, "answer");
    }
    if (applied === 0) return [alreadyAnswered()];
  }
  if (openQuestions(conversation).length > 0) {
    await save(ctx, conversation);
    return [questionsReply(conversation)];
  }
  // The engine adds the round's closed view (every answer shown) in front of what follows.
  return endRound(ctx, conversation);
}

/** A round answered entirely with controls goes straight to the prompt; free text needs integrate. */
function endRound(ctx: StepContext, conversation: Conversation): Promise<ReplyBody[]> {
  const needsIntegrate = conversation.pending.length > 0 || conversation.questions.some((q) => q.answeredBy === "text");
  return needsIntegrate ? integrate(ctx, conversation) : synthesize(ctx, conversation);
}

/** A one-click edit of a checklist capability: the value is the user's, and the next version uses it. */
export async function slotEdit(
  ctx: StepContext,
  event: InboundEvent,
  conversation: Conversation,
): Promise<ReplyBody[]> {
  if (event.kind !== "slot") return [];
  if (conversation.phase !== "done" || conversation.versions.length === 0)
    return [notice("no_prompt_yet", EN.noPromptYet)];
  const value = event.value.trim();
  if (value === "") return [alreadyAnswered()];
  if (value.length > ctx.limits.maxIntentChars) return [tooLong(ctx.limits.maxIntentChars, value.length, "message")];
  if (!isMetaAnswer(value)) setCapability(conversation, event.capability, "pinned", value, "correction");
  conversation.pending.push(fill(EN.slotRequest, { label: labelOf(event.capability, ctx.deps.capabilities), value }));
  return refine(ctx, conversation);
}
