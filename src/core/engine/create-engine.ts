/**
 * The engine: one turn per platform event, claimed once and run under the conversation's lock.
 * Platform-neutral in, platform-neutral replies out.
 */
import type { Conversation } from "../conversation.js";
import type { EngineReply, InboundEvent, TailorEngine, TurnOptions } from "../engine-api.js";
import { isTailorError } from "../errors.js";
import { answer, message } from "./answer-turns.js";
import { awaitIntent, gone, retry, retryableStep, skip, start, typed } from "./conversation-commands.js";
import { DEFAULT_LIMITS, type EngineDeps } from "./engine-deps.js";
import { HELP_TEXT, notice, typedWord } from "./engine-texts.js";
import type { StepContext } from "./model-steps.js";
import { UnsavedEvents } from "./unsaved-events.js";

export type { EngineDeps } from "./engine-deps.js";

export function createEngine(deps: EngineDeps): TailorEngine {
  const limits = { ...DEFAULT_LIMITS, ...deps.limits };
  const now = () => new Date(deps.clock.now()).toISOString();
  const unsaved = new UnsavedEvents();

  return {
    async handle(event: InboundEvent, options: TurnOptions = {}): Promise<EngineReply[]> {
      try {
        if (!(await deps.store.claimEvent(event.eventId, options.signal))) return [];
        const replies = await deps.store.withLock(
          event.key,
          (lockSignal) => {
            const signal = options.signal ? AbortSignal.any([options.signal, lockSignal]) : lockSignal;
            return turn({ deps, limits, options: { ...options, signal }, now }, event, unsaved);
          },
          options.signal,
        );
        unsaved.settled(event.key, event.user.id);
        return replies;
      } catch (error) {
        // The store failed before the turn could be recorded: nothing was changed. The event is kept
        // here so that the retry control replays it (and the user can also just send it again).
        unsaved.remember(event);
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

async function turn(ctx: StepContext, event: InboundEvent, unsaved: UnsavedEvents): Promise<EngineReply[]> {
  const loaded = await ctx.deps.store.load(event.key, ctx.options.signal);
  const conversation = loaded.status === "found" ? loaded.conversation : undefined;
  const prefix: EngineReply[] =
    loaded.status === "reset"
      ? [notice("reset", "I could not read this conversation's saved state, so a new conversation starts here.")]
      : [];
  if (conversation && conversation.owner.id !== event.user.id && !ctx.deps.allowOthers) return [];
  const kept = unsaved.get(event.key);
  const replay = kept && (kept.user.id === event.user.id || ctx.deps.allowOthers) ? kept : undefined;
  const hasStep = conversation !== undefined && retryableStep(conversation) !== undefined;
  // "retry" typed after a failure means the retry control, not text to add to the request.
  const retrying =
    event.kind === "retry" ||
    (event.kind === "message" && isRetryWord(event.text) && (hasStep || replay !== undefined));
  // The record's own step goes first: it already holds what the user said. Otherwise a retry
  // replays the event the store could not record.
  const effective = retrying ? (!hasStep && replay ? replay : asRetry(event)) : event;
  const replies = await dispatch(ctx, effective, conversation, loaded.status === "reset");
  return [...prefix, ...replies];
}

const isRetryWord = (text: string): boolean => /^(retry|try again)[.!]?$/i.test(text.trim());

const asRetry = (event: InboundEvent): InboundEvent =>
  event.kind === "retry" ? event : { eventId: event.eventId, key: event.key, user: event.user, kind: "retry" };

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
