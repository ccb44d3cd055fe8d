/**
 * One engine turn on Discord: a typing indicator and the working indicator (step, queue position, the
 * prompt as it is written, a Stop button) while the model works, then the replies, rendered inside the
 * turn (under the conversation's lock). The first public message of the replies takes the working
 * indicator's place, so no stale draft or Stop button is left behind. Which replies are private and
 * when a round is over is the engine's decision; the round's questions message, the prompt and the
 * working indicator are found through the conversation's refs (saved in the store), so any replica,
 * after any restart, updates the right message.
 */
import {
  type ClaimRequest,
  type EngineReply,
  type InboundEvent,
  REF_NAMES,
  type TailorEngine,
  type TurnIo,
} from "../../core/engine-api.js";
import type { Logger } from "../../core/ports.js";
import type { AckFirst } from "../ack-first.js";
import { roundMessage } from "../round-message.js";
import type { OutboundMessage } from "./outbound-message.js";
import { renderReply } from "./render-reply.js";
import type { Replier } from "./replier.js";
import { startTyping } from "./typing-indicator.js";
import { WorkingMessage } from "./working-message.js";

export interface TurnContext {
  engine: TailorEngine;
  logger: Logger;
  signal: AbortSignal;
  /** Turns run as background work: their store and model calls give way to arriving interactions. */
  ackFirst?: AckFirst;
}

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

/**
 * Runs the claimed event's turn and renders its replies; every caller has acknowledged its interaction
 * by then, so the turn runs as background work (Stop excepted: it must not wait).
 */
export function runTurn(context: TurnContext, event: InboundEvent, place: TurnPlace): Promise<void> {
  const run = () => turn(context, event, place);
  return context.ackFirst && event.kind !== "stop" ? context.ackFirst.background(run) : run();
}

async function turn(context: TurnContext, event: InboundEvent, place: TurnPlace): Promise<void> {
  const logger = context.logger.child({ eventId: event.eventId });
  const { replier } = place;
  const typing = place.typing === false ? undefined : startTypingOn(replier, logger);
  const working = new WorkingMessage(replier, logger);
  let delivered = false;
  // The indicator a turn whose process died left behind, read before this turn's own replaces its ref.
  let deadTurns: { working: string | undefined } | undefined;
  const leftBehind = (io: TurnIo) => {
    deadTurns ??= { working: io.refs[REF_NAMES.working] };
  };
  try {
    const replies = await context.engine.handle(event, {
      claimed: true,
      signal: context.signal,
      onProgress: (progress, io) => {
        leftBehind(io);
        if (progress.kind === "working" || progress.position > 0) working.update(progress, io);
      },
      onDraft: (draft, io) => {
        leftBehind(io);
        working.update({ kind: "draft", ...draft }, io);
      },
      deliver: async (replies, io) => {
        leftBehind(io);
        delivered = true;
        typing?.stop();
        await deliver(replies, io, place, event, await working.finish(), deadTurns?.working, logger);
      },
    });
    // Replies returned without `deliver` (none is lost if the engine answers an event outside a turn).
    if (!delivered && replies.length > 0) {
      typing?.stop();
      for (const reply of replies) for (const message of renderReply(reply)) await replier.send(message);
    }
  } finally {
    typing?.stop();
    const left = await working.finish();
    if (!delivered && left)
      await replier
        .deleteById(left)
        .catch((error: unknown) => logger.warn("could not remove the indicator", { error }));
  }
}

async function deliver(
  replies: readonly EngineReply[],
  io: TurnIo,
  place: TurnPlace,
  event: InboundEvent,
  workingId: string | undefined,
  stale: string | undefined,
  logger: Logger,
): Promise<void> {
  const { replier } = place;
  const attempt = async (what: string, work: () => Promise<unknown>) =>
    work().catch((error: unknown) => logger.warn(`could not ${what}`, { error }));

  // An indicator left by a process that died goes away.
  if (stale && stale !== workingId) await attempt("remove a stale working indicator", () => replier.deleteById(stale));
  if (stale || workingId || io.refs[REF_NAMES.working]) await io.setRefs({ [REF_NAMES.working]: undefined });
  // The indicator becomes the first public message (an owed deferred reply is filled first instead).
  let spare = replier.owesDeferredReply ? undefined : workingId;
  const post = async (message: OutboundMessage): Promise<string> => {
    const reuse = spare;
    if (message.ephemeral || !reuse) return replier.send(message);
    spare = undefined;
    const edited = await replier.editById(reuse, message).then(
      () => true,
      (error: unknown) => {
        logger.warn("could not turn the working indicator into a reply", { error });
        return false;
      },
    );
    if (edited) return reuse;
    await attempt("remove the working indicator", () => replier.deleteById(reuse));
    return replier.send(message);
  };

  // A used retry button goes away as the step's outcome arrives.
  const sourceId = place.sourceId;
  if (event.kind === "retry" && sourceId && replies.some((r) => r.visibility === "public"))
    await attempt("close the retry button", () => replier.closeControlsById(sourceId));
  const controlsUsed = event.kind === "answer" || event.kind === "answers" || event.kind === "skip";
  try {
    for (const reply of replies) {
      if (reply.kind === "questions") {
        const roundId = roundMessage(io.refs, reply.round, controlsUsed ? place.sourceId : undefined);
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
        const id = await post(message);
        await io.setRefs({ [REF_NAMES.questions]: id, [REF_NAMES.questionsRound]: String(reply.round) });
        continue;
      }
      let last: string | undefined;
      for (const message of renderReply(reply)) last = await post(message);
      if (reply.kind === "prompt" && last) {
        // Only the newest version offers slot edits: an older one's menu would edit the newest anyway.
        const previous = io.refs[REF_NAMES.prompt];
        if (previous && previous !== last)
          await attempt("close the previous version's menu", () => replier.removeControlsById(previous));
        await io.setRefs({ [REF_NAMES.prompt]: last });
      }
    }
  } finally {
    // Nothing public took the indicator's place (a private notice, a failed send): it goes away.
    if (spare) await attempt("remove the working indicator", () => replier.deleteById(spare as string));
  }
}

function startTypingOn(replier: Replier, logger: Logger) {
  const channel = replier.channel;
  return "sendTyping" in channel ? startTyping(channel, logger) : undefined;
}
