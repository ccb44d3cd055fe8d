/**
 * The engine: one turn per platform event, claimed once and run under the conversation's lock.
 * Platform-neutral in, platform-neutral replies out.
 */

import { type Conversation, conversationKeySchema } from "../conversation.js";
import type {
  ClaimRequest,
  ClaimResult,
  EngineReply,
  InboundEvent,
  ReplyBody,
  TailorEngine,
  TurnIo,
  TurnOptions,
} from "../engine-api.js";
import { isTailorError } from "../errors.js";
import { EN } from "../messages/catalog.js";
import { localizeReply, messageLanguage } from "../messages/localize-replies.js";
import { answer, message, slotEdit } from "./answer-turns.js";
import { closedRound, openRoundOf } from "./closed-round.js";
import { awaitIntent, gone, retry, retryableStep, skip, start, typed } from "./conversation-commands.js";
import { promptReply, questionsReply } from "./conversation-state.js";
import { defaultsCommand } from "./defaults-command.js";
import { DEFAULT_LIMITS, type EngineDeps } from "./engine-deps.js";
import { HELP_TEXT, notice, notOwner, typedWord } from "./engine-texts.js";
import type { StepContext } from "./model-steps.js";
import { failureReply, INTERNAL_ERROR_TEXT, withPolicy } from "./reply-policy.js";
import { StopControl } from "./stop-control.js";
import { isStopEvent, stopTurn } from "./stop-turn.js";
import { TurnState } from "./turn-state.js";
import { UnsavedEvents } from "./unsaved-events.js";

export type { EngineDeps } from "./engine-deps.js";

/** What a failed turn's `deliver` gets: nothing was saved, so there are no refs to read or write. */
const NO_IO: TurnIo = { refs: {}, setRefs: async () => false };

export function createEngine(deps: EngineDeps): TailorEngine {
  const limits = { ...DEFAULT_LIMITS, ...deps.limits };
  const now = () => new Date(deps.clock.now()).toISOString();
  const unsaved = new UnsavedEvents();
  const stops = new StopControl(deps.store, deps.logger, () => deps.clock.now());

  const deliver = async (options: TurnOptions, replies: EngineReply[], io: TurnIo) => {
    if (!options.deliver) return;
    try {
      await options.deliver(replies, io);
    } catch (error) {
      deps.logger.error("could not deliver a turn's replies", { error });
    }
  };

  return {
    async claim(request: ClaimRequest, signal?: AbortSignal): Promise<ClaimResult> {
      try {
        return (await deps.store.claimEvent(request.eventId, signal))
          ? { claimed: true }
          : { claimed: false, replies: [] };
      } catch (error) {
        const code = isTailorError(error) ? error.code : "internal";
        deps.logger.warn("event could not be claimed", { code, error });
        // Nothing happened yet (no thread, no root message): the user sends it again.
        const message = isTailorError(error) ? error.userMessage : INTERNAL_ERROR_TEXT;
        return { claimed: false, replies: [failureReply(code, message, false)] };
      }
    },

    async handle(event: InboundEvent, options: TurnOptions = {}): Promise<EngineReply[]> {
      // Adapters normalize; this is the last line against a payload no adapter should have let through.
      if (!conversationKeySchema.safeParse(event.key).success || typeof event.eventId !== "string") {
        deps.logger.warn("dropped an event without a valid conversation key", { kind: event.kind });
        return [];
      }
      try {
        if (!options.claimed && !(await deps.store.claimEvent(event.eventId, options.signal))) return [];
        if (isStopEvent(event)) {
          // Never waits for the lock: the turn it stops holds it.
          const replies = await stopTurn(deps, stops, event, options.signal);
          await deliver(options, replies, NO_IO);
          return replies;
        }
        const replies = await deps.store.withLock(
          event.key,
          async (lockSignal, lease) => {
            const signal = options.signal ? AbortSignal.any([options.signal, lockSignal]) : lockSignal;
            const done = await turn(
              { deps, limits, options: { ...options, signal }, now },
              lease.token,
              event,
              unsaved,
              stops,
            );
            await deliver(options, done.replies, done.io);
            return done.replies;
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
        const message = isTailorError(error) ? error.userMessage : INTERNAL_ERROR_TEXT;
        const replies = [localizeReply(failureReply(code, message, true), messageLanguage(textOf(event)))];
        await deliver(options, replies, NO_IO);
        return replies;
      }
    },

    defaults: (request, signal) => defaultsCommand(deps, request, signal),
  };
}

async function turn(
  base: Omit<StepContext, "turn" | "stop">,
  fence: string,
  event: InboundEvent,
  unsaved: UnsavedEvents,
  stops: StopControl,
): Promise<{ replies: EngineReply[]; io: TurnIo }> {
  const loaded = await base.deps.store.load(event.key, base.options.signal);
  const conversation = loaded.status === "found" ? loaded.conversation : undefined;
  const state = new TurnState(base.deps.store, fence, base.deps.logger, conversation);
  const stop = stops.begin(event.key, conversation?.owner.id ?? event.user.id);
  const ctx: StepContext = { ...base, turn: state, stop };
  const openRound = conversation ? openRoundOf(conversation) : undefined;
  let bodies: ReplyBody[];
  try {
    bodies = await turnBodies(ctx, event, conversation, loaded.status === "reset", unsaved);
  } finally {
    stop.release();
  }
  // One place decides that a round is over, whatever ended it (answers, skip, new, cancel, forget…).
  const closed = openRound ? closedRound(openRound, state.current) : undefined;
  // Fixed texts in the conversation's language (the intent's; a new one's from what the user wrote).
  const language = messageLanguage(state.current?.intent ?? conversation?.intent ?? textOf(event));
  const replies = [...(closed ? [closed] : []), ...bodies].map((r) => localizeReply(withPolicy(r), language));
  await state.settled();
  return { replies, io: state };
}

async function turnBodies(
  ctx: StepContext,
  event: InboundEvent,
  conversation: Conversation | undefined,
  wasReset: boolean,
  unsaved: UnsavedEvents,
): Promise<ReplyBody[]> {
  const prefix: ReplyBody[] = wasReset ? [notice("reset", EN.reset)] : [];
  if (conversation && conversation.owner.id !== event.user.id && !ctx.deps.allowOthers)
    // Other people's messages are ignored; their clicks get a private word on why nothing happened.
    return event.kind === "message" || event.kind === "start" ? [] : [notOwner()];
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
  const replies = await dispatch(ctx, effective, conversation, wasReset);
  return [...prefix, ...replies];
}

const textOf = (event: InboundEvent): string | undefined =>
  event.kind === "start" || event.kind === "message" ? event.text : undefined;

function nothingToRetry(conversation: Conversation, capabilities: EngineDeps["capabilities"]): ReplyBody[] {
  const said = notice("nothing_to_retry", EN.nothingToRetry);
  if (conversation.phase === "asking" && conversation.questions.length > 0) return [said, questionsReply(conversation)];
  if (conversation.phase === "done" && conversation.versions.length > 0)
    return [said, promptReply(conversation, capabilities)];
  return [said];
}

const isRetryWord = (text: string): boolean => /^(retry|try again)[.!]?$/i.test(text.trim());

const asRetry = (event: InboundEvent): InboundEvent =>
  event.kind === "retry"
    ? event
    : { eventId: event.eventId, key: event.key, user: event.user, direct: event.direct, kind: "retry" };

async function dispatch(
  ctx: StepContext,
  event: InboundEvent,
  conversation: Conversation | undefined,
  wasReset: boolean,
): Promise<ReplyBody[]> {
  switch (event.kind) {
    case "start":
      return typedWord(event.text) === "help" ? [notice("help", HELP_TEXT)] : start(ctx, event, event.text);
    case "message": {
      const word = typedWord(event.text);
      if (!conversation) {
        if (wasReset && !event.mayStart) return awaitIntent(ctx, event);
        if (!event.mayStart) return [];
        if (word === "help") return [notice("help", HELP_TEXT)];
        // "retry" where nothing was recorded (a turn lost with its process): not an intent to tailor.
        if (isRetryWord(event.text)) return [notice("nothing_to_retry", EN.nothingToRetryHere)];
        if (word) return [notice("ended", EN.noConversationYet)];
        return start(ctx, event, event.text);
      }
      if (word) return typed(ctx, conversation, word);
      // "retry" with nothing to retry is not a request to tailor: the user may not have seen the last
      // reply (its replica died before showing it), so it is shown again.
      if (isRetryWord(event.text)) return nothingToRetry(conversation, ctx.deps.capabilities);
      return message(ctx, event, conversation, event.text);
    }
    case "answer":
    case "answers":
      return conversation ? answer(ctx, event, conversation) : wasReset ? awaitIntent(ctx, event) : [gone()];
    case "skip":
      return conversation ? skip(ctx, conversation) : wasReset ? awaitIntent(ctx, event) : [gone()];
    case "retry":
      return conversation ? retry(ctx, conversation) : wasReset ? awaitIntent(ctx, event) : [gone()];
    case "slot":
      return conversation ? slotEdit(ctx, event, conversation) : wasReset ? awaitIntent(ctx, event) : [gone()];
    case "stop":
      // Handled before the lock (see `handle`); a stop that waited for the lock found nothing running.
      return [notice("nothing_to_stop", EN.nothingToStop)];
  }
}
