/**
 * One engine turn on Discord: typing indicator and queue position while the model works, then the
 * replies, rendered inside the turn (under the conversation's lock). Which replies are private and
 * when a round is over is the engine's decision; the round's questions message, the prompt and the
 * queue notice are found through the conversation's refs (saved in the store), so any replica, after
 * any restart, updates the right message.
 */
import {
  type ClaimRequest,
  type EngineReply,
  type InboundEvent,
  type Progress,
  REF_NAMES,
  type TailorEngine,
  type TurnIo,
} from "../../core/engine-api.js";
import type { Logger } from "../../core/ports.js";
import type { OutboundMessage } from "./outbound-message.js";
import { renderReply } from "./render-reply.js";
import type { Replier } from "./replier.js";
import { startTyping } from "./typing-indicator.js";

export interface TurnContext {
  engine: TailorEngine;
  logger: Logger;
  signal: AbortSignal;
}

const queueNotice = (position: number): OutboundMessage => ({
  content:
    position === 1
      ? "⏳ The model is busy: you are next in line."
      : `⏳ The model is busy: you are number ${position} in line.`,
});

/**
 * Claims the event before any side effect (a thread, a deferral); false when this replica must do
 * nothing more. A refusal the user should hear about is handed to `tell`.
 */
export async function claimFirst(
  context: TurnContext,
  request: ClaimRequest,
  tell: (replies: EngineReply[]) => Promise<unknown>,
): Promise<boolean> {
  const claim = await context.engine.claim(request, context.signal);
  if (claim.claimed) return true;
  if (claim.replies.length > 0)
    await tell(claim.replies).catch((error: unknown) => context.logger.warn("could not answer a refusal", { error }));
  return false;
}

export interface TurnPlace {
  replier: Replier;
  /** The message a component or modal was used on (updated when the record has no ref for it). */
  sourceId?: string;
  typing?: boolean;
}

/** Runs the claimed event's turn and renders its replies. */
export async function runTurn(context: TurnContext, event: InboundEvent, place: TurnPlace): Promise<void> {
  const logger = context.logger.child({ eventId: event.eventId });
  const { replier } = place;
  const typing = place.typing === false ? undefined : startTypingOn(replier, logger);
  let queued: Promise<string | undefined> | undefined;
  let lastPosition = 0;
  const onProgress = (progress: Progress, io: TurnIo) => {
    if (progress.kind !== "queued" || progress.position < 1 || progress.position === lastPosition) return;
    lastPosition = progress.position;
    const notice = queueNotice(progress.position);
    // The first position is posted (and its id saved), later ones edit that message; sends stay in order.
    queued = (
      queued
        ? queued.then(async (id) => {
            if (id) await replier.editById(id, notice);
            return id;
          })
        : replier.sendToChannel(notice).then(async (id) => {
            await io.setRefs({ [REF_NAMES.working]: id });
            return id;
          })
    ).catch((error: unknown) => {
      logger.warn("queue notice failed", { error });
      return undefined;
    });
  };
  try {
    await context.engine.handle(event, {
      claimed: true,
      signal: context.signal,
      onProgress,
      deliver: async (replies, io) => {
        typing?.stop();
        await queued;
        await deliver(replies, io, place, event, logger);
      },
    });
  } finally {
    typing?.stop();
  }
}

async function deliver(
  replies: readonly EngineReply[],
  io: TurnIo,
  place: TurnPlace,
  event: InboundEvent,
  logger: Logger,
): Promise<void> {
  const { replier } = place;
  const attempt = async (what: string, work: () => Promise<unknown>) =>
    work().catch((error: unknown) => logger.warn(`could not ${what}`, { error }));

  // The queue position is stale once the answer is there (also one left by a process that died).
  const working = io.refs[REF_NAMES.working];
  if (working) {
    await attempt("remove the queue notice", () => replier.deleteById(working));
    await io.setRefs({ [REF_NAMES.working]: undefined });
  }
  // A used retry button goes away as the step's outcome arrives.
  const sourceId = place.sourceId;
  if (event.kind === "retry" && sourceId && replies.some((r) => r.visibility === "public"))
    await attempt("close the retry button", () => replier.closeControlsById(sourceId));
  const controlsUsed = event.kind === "answer" || event.kind === "answers" || event.kind === "skip";
  for (const reply of replies) {
    if (reply.kind === "questions") {
      const saved = io.refs[REF_NAMES.questions];
      const roundId = saved
        ? io.refs[REF_NAMES.questionsRound] === String(reply.round)
          ? saved
          : undefined
        : controlsUsed
          ? place.sourceId
          : undefined;
      const [message] = renderReply(reply);
      if (!message) continue;
      if (reply.closesRound) {
        if (roundId) await attempt("close a round's controls", () => replier.editById(roundId, message));
        await io.setRefs({ [REF_NAMES.questions]: undefined, [REF_NAMES.questionsRound]: undefined });
        continue;
      }
      if (roundId) {
        const updated = await replier.editById(roundId, message).then(
          () => true,
          () => false,
        );
        if (updated) continue;
      }
      const id = await replier.send(message);
      await io.setRefs({ [REF_NAMES.questions]: id, [REF_NAMES.questionsRound]: String(reply.round) });
      continue;
    }
    let last: string | undefined;
    for (const message of renderReply(reply)) last = await replier.send(message);
    if (reply.kind === "prompt" && last) await io.setRefs({ [REF_NAMES.prompt]: last });
  }
}

function startTypingOn(replier: Replier, logger: Logger) {
  const channel = replier.channel;
  return "sendTyping" in channel ? startTyping(channel, logger) : undefined;
}
