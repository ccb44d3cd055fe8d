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
  const replay = event.kind === "retry" ? replayable(ctx, event, conversation, unsaved) : undefined;
  const replies = await dispatch(ctx, replay ?? event, conversation, loaded.status === "reset");
  return [...prefix, ...replies];
}

/**
 * A retry replays the event the store could not record, unless the record itself has a step to
 * re-run (then that step, which already holds what the user said, goes first).
 */
function replayable(
  ctx: StepContext,
  event: InboundEvent,
  conversation: Conversation | undefined,
  unsaved: UnsavedEvents,
): InboundEvent | undefined {
  const kept = unsaved.get(event.key);
  if (!kept || (kept.user.id !== event.user.id && !ctx.deps.allowOthers)) return undefined;
  if (conversation && retryableStep(conversation)) return undefined;
  return kept;
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
