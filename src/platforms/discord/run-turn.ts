/**
 * One engine turn on Discord: typing indicator and queue position while the model works, then the
 * replies. A turn the engine could not answer (it threw) gets a user-safe line, never the internals.
 */
import type { ConversationKey } from "../../core/conversation.js";
import type { EngineReply, InboundEvent, Progress, TailorEngine } from "../../core/engine-api.js";
import { isTailorError, TailorError } from "../../core/errors.js";
import type { Logger } from "../../core/ports.js";
import { endsRound, type OpenRounds } from "./open-rounds.js";
import type { OutboundMessage } from "./outbound-message.js";
import { renderReply, unexpectedFailure } from "./render-reply.js";
import type { Replier, SentRef } from "./replier.js";
import { startTyping } from "./typing-indicator.js";

export interface TurnContext {
  engine: TailorEngine;
  logger: Logger;
  signal: AbortSignal;
  rounds: OpenRounds;
}

const queueNotice = (position: number): OutboundMessage => ({
  content:
    position === 1
      ? "⏳ The model is busy: you are next in line."
      : `⏳ The model is busy: you are number ${position} in line.`,
});

/** Runs the turn; undefined when it failed outright (the user was told). */
export async function runTurn(
  context: TurnContext,
  event: InboundEvent,
  replier: Replier,
  options: { typing?: boolean } = {},
): Promise<EngineReply[] | undefined> {
  const logger = context.logger.child({ eventId: event.eventId });
  const typing = options.typing === false ? undefined : startTypingOn(replier, logger);
  let queued: Promise<SentRef | undefined> | undefined;
  let lastPosition = 0;
  const onProgress = (progress: Progress) => {
    if (progress.kind !== "queued" || progress.position < 1 || progress.position === lastPosition) return;
    lastPosition = progress.position;
    const notice = queueNotice(progress.position);
    // The first position is posted, later ones edit that message; sends stay in order.
    queued = queued
      ? queued.then(async (ref) => {
          if (ref) await replier.edit(ref, notice);
          return ref;
        })
      : replier.send(notice);
    queued = queued.catch((error: unknown) => {
      logger.warn("queue notice failed", { error });
      return undefined;
    });
  };
  try {
    return await context.engine.handle(event, { signal: context.signal, onProgress });
  } catch (error) {
    logger.error("turn failed", { error, kind: event.kind });
    const safe = isTailorError(error) ? error : new TailorError("internal", "turn failed", { cause: error });
    await replier.send(unexpectedFailure(safe.userMessage)).catch((sendError: unknown) => {
      logger.warn("could not report a failed turn", { error: sendError });
    });
    return undefined;
  } finally {
    typing?.stop();
    // The queue position is stale once the answer is there.
    const ref = await queued;
    if (ref) await replier.remove(ref).catch((error: unknown) => logger.debug("queue notice not removed", { error }));
  }
}

/**
 * Sends every reply, in order. A reply that ends the round closes the previous questions message's
 * controls (unless `settledId`, the message a control was used on, already shows the outcome).
 */
export async function deliver(
  context: TurnContext,
  key: ConversationKey,
  replies: readonly EngineReply[],
  replier: Replier,
  settledId?: string,
): Promise<void> {
  if (endsRound(replies)) await context.rounds.close(key, context.logger, settledId);
  for (const reply of replies)
    for (const message of renderReply(reply)) {
      const ref = await replier.send(message);
      if (reply.kind === "questions") context.rounds.remember(key, replier, ref);
    }
}

function startTypingOn(replier: Replier, logger: Logger) {
  const channel = replier.channel;
  return "sendTyping" in channel ? startTyping(channel, logger) : undefined;
}
