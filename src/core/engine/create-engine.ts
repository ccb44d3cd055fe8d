/**
 * The engine: one turn per platform event, claimed once and run under the conversation's lock.
 * Platform-neutral in, platform-neutral replies out.
 */
import type { Conversation, Step } from "../conversation.js";
import type { EngineReply, InboundEvent, TailorEngine, TurnOptions } from "../engine-api.js";
import { isTailorError } from "../errors.js";
import { newConversation, openQuestions, questionsReply, setCapability } from "./conversation-state.js";
import { DEFAULT_LIMITS, type EngineDeps } from "./engine-deps.js";
import { HELP_TEXT, notice, type TypedWord, tooLong, typedWord, usage } from "./engine-texts.js";
import { analyse, integrate, refine, rerun, type StepContext, save, synthesize } from "./model-steps.js";

export type { EngineDeps } from "./engine-deps.js";

const PHASE_STEP: Partial<Record<Conversation["phase"], Step>> = {
  analysing: "analyse",
  integrating: "integrate",
  synthesizing: "synthesize",
};

export function createEngine(deps: EngineDeps): TailorEngine {
  const limits = { ...DEFAULT_LIMITS, ...deps.limits };
  const now = () => new Date(deps.clock.now()).toISOString();

  return {
    async handle(event: InboundEvent, options: TurnOptions = {}): Promise<EngineReply[]> {
      try {
        if (!(await deps.store.claimEvent(event.eventId, options.signal))) return [];
        return await deps.store.withLock(
          event.key,
          (lockSignal) => {
            const signal = options.signal ? AbortSignal.any([options.signal, lockSignal]) : lockSignal;
            return turn({ deps, limits, options: { ...options, signal }, now }, event);
          },
          options.signal,
        );
      } catch (error) {
        // Store outage before the turn could start: nothing was changed, the user can send it again.
        const code = isTailorError(error) ? error.code : "internal";
        deps.logger.warn("turn could not run", { code, kind: event.kind, error });
        const message = isTailorError(error)
          ? error.userMessage
          : "Something went wrong on my side. Nothing you said is lost: try again.";
        return [{ kind: "error", code, message, retry: true }];
      }
    },
  };
}

async function turn(ctx: StepContext, event: InboundEvent): Promise<EngineReply[]> {
  const loaded = await ctx.deps.store.load(event.key, ctx.options.signal);
  const conversation = loaded.status === "found" ? loaded.conversation : undefined;
  const prefix: EngineReply[] =
    loaded.status === "reset"
      ? [notice("reset", "I could not read this conversation's saved state, so a new conversation starts here.")]
      : [];
  if (conversation && conversation.owner.id !== event.user.id && !ctx.deps.allowOthers) return [];
  const replies = await dispatch(ctx, event, conversation, loaded.status === "reset");
  return [...prefix, ...replies];
}

async function dispatch(
  ctx: StepContext,
  event: InboundEvent,
  conversation: Conversation | undefined,
  wasReset: boolean,
): Promise<EngineReply[]> {
  switch (event.kind) {
    case "start":
      return typedWord(event.text) === "help" ? [notice("help", HELP_TEXT)] : start(ctx, event, event.text);
    case "message": {
      const word = typedWord(event.text);
      if (!conversation) {
        if (wasReset && !event.mayStart) return awaitIntent(ctx, event);
        if (!event.mayStart) return [];
        if (word === "help") return [notice("help", HELP_TEXT)];
        if (word) return [notice("ended", "There is no conversation here yet: tell me what you want a prompt for.")];
        return start(ctx, event, event.text);
      }
      return word ? typed(ctx, conversation, word) : message(ctx, event, conversation, event.text);
    }
    case "answer":
    case "answers":
      return conversation ? answer(ctx, event, conversation) : wasReset ? awaitIntent(ctx, event) : [gone()];
    case "skip":
      return conversation ? skip(ctx, conversation) : wasReset ? awaitIntent(ctx, event) : [gone()];
    case "retry":
      return conversation ? retry(ctx, conversation) : wasReset ? awaitIntent(ctx, event) : [gone()];
  }
}

/**
 * The saved state could not be read (it was moved aside): the thread goes on with a new conversation
 * whose first message is the intent, so the owner can go on typing where they are.
 */
async function awaitIntent(ctx: StepContext, event: InboundEvent): Promise<EngineReply[]> {
  const fresh = newConversation(event.key, event.user, "", ctx.now());
  fresh.phase = "awaiting_intent";
  await save(ctx, fresh);
  return [notice("new", "Tell me again what you want a prompt for, and I will start from there.")];
}

const gone = () =>
  notice("ended", "This conversation has ended or was deleted. Start a new one with /tailor or by mentioning me.");

async function start(ctx: StepContext, event: InboundEvent, text: string): Promise<EngineReply[]> {
  const intent = text.trim();
  if (intent === "") return [usage()];
  if (intent.length > ctx.limits.maxIntentChars) return [tooLong(ctx.limits.maxIntentChars, intent.length)];
  const conversation = newConversation(event.key, event.user, intent, ctx.now());
  return analyse(ctx, conversation);
}

async function typed(ctx: StepContext, conversation: Conversation, word: TypedWord): Promise<EngineReply[]> {
  switch (word) {
    case "help":
      return [notice("help", HELP_TEXT)];
    case "skip":
      return skip(ctx, conversation);
    case "forget":
      await ctx.deps.store.delete(conversation.key, ctx.options.signal);
      return [notice("forgotten", "Deleted: I no longer keep anything from this conversation.")];
    case "cancel":
      conversation.phase = "cancelled";
      conversation.failedStep = undefined;
      await save(ctx, conversation);
      return [notice("cancelled", "Cancelled. Start again any time with /tailor, a mention, or a DM.")];
    case "new": {
      const fresh = newConversation(conversation.key, conversation.owner, "", ctx.now());
      fresh.phase = "awaiting_intent";
      await save(ctx, fresh);
      return [notice("new", "Starting over: tell me what you want a prompt for.")];
    }
  }
}

async function message(
  ctx: StepContext,
  event: InboundEvent,
  conversation: Conversation,
  text: string,
): Promise<EngineReply[]> {
  const trimmed = text.trim();
  if (trimmed === "") return [];
  if (conversation.phase === "awaiting_intent") return start(ctx, event, trimmed);
  if (conversation.phase === "cancelled") {
    if (event.kind === "message" && event.mayStart) return start(ctx, event, trimmed);
    // Said once: later chatter in an ended thread gets no reply.
    if (conversation.endedNoticeShown) return [];
    conversation.endedNoticeShown = true;
    await save(ctx, conversation);
    return [notice("ended", "This conversation was cancelled. Start a new one with /tailor or by mentioning me.")];
  }
  const interrupted = conversation.failedStep?.step ?? PHASE_STEP[conversation.phase];
  if (interrupted === "analyse") {
    // What the owner adds before the first questions completes the intent.
    conversation.intent = `${conversation.intent}\n${trimmed}`;
    return analyse(ctx, conversation);
  }
  if (interrupted === "synthesize" && conversation.versions.length === 0) {
    conversation.pending.push(trimmed);
    return synthesize(ctx, conversation);
  }
  if (conversation.phase === "asking" || interrupted === "integrate") {
    // One free-text message answers every open question of the round; integrate sorts it out.
    for (const q of openQuestions(conversation)) {
      q.answer = trimmed;
      q.answeredBy = "text";
    }
    conversation.pending.push(trimmed);
    return integrate(ctx, conversation);
  }
  // After the prompt: a refinement (or a correction of an assumption) is a new version.
  conversation.pending.push(trimmed);
  return refine(ctx, conversation);
}

async function answer(ctx: StepContext, event: InboundEvent, conversation: Conversation): Promise<EngineReply[]> {
  if (conversation.phase !== "asking") return [];
  if (event.kind === "answer") {
    const question = conversation.questions.find((q) => q.id === event.questionId);
    if (!question || question.answer !== undefined || !question.options.includes(event.option)) return [];
    question.answer = event.option;
    question.answeredBy = "option";
    // An option picked from a control is the user's choice: pinned without a model call.
    setCapability(conversation, question.capability, "pinned", event.option, "answer");
  } else if (event.kind === "answers") {
    for (const [id, raw] of Object.entries(event.answers)) {
      const question = conversation.questions.find((q) => q.id === id);
      const text = raw.trim();
      if (!question || question.answer !== undefined || text === "") continue;
      question.answer = text;
      question.answeredBy = "text";
    }
  }
  if (openQuestions(conversation).length > 0) {
    await save(ctx, conversation);
    return [questionsReply(conversation)];
  }
  return [questionsReply(conversation), ...(await endRound(ctx, conversation))];
}

/** A round answered entirely with controls goes straight to the prompt; free text needs integrate. */
function endRound(ctx: StepContext, conversation: Conversation): Promise<EngineReply[]> {
  const needsIntegrate = conversation.pending.length > 0 || conversation.questions.some((q) => q.answeredBy === "text");
  return needsIntegrate ? integrate(ctx, conversation) : synthesize(ctx, conversation);
}

async function skip(ctx: StepContext, conversation: Conversation): Promise<EngineReply[]> {
  const writing = ["asking", "analysing", "integrating", "synthesizing"].includes(conversation.phase);
  if (!writing || conversation.versions.length > 0) {
    return [
      notice("nothing_to_skip", "There is nothing to skip: send a message to refine the prompt, or new to start over."),
    ];
  }
  for (const q of openQuestions(conversation)) {
    q.answer = "skipped";
    q.answeredBy = "skip";
  }
  return synthesize(ctx, conversation);
}

async function retry(ctx: StepContext, conversation: Conversation): Promise<EngineReply[]> {
  // A refinement cut off by a restart left its request in `pending`.
  const cutOffRefinement = conversation.phase === "done" && conversation.pending.length > 0 ? "refine" : undefined;
  const step = conversation.failedStep?.step ?? PHASE_STEP[conversation.phase] ?? cutOffRefinement;
  if (!step) return [notice("nothing_to_retry", "Nothing to retry: the last step went through.")];
  return rerun(ctx, conversation, step);
}
