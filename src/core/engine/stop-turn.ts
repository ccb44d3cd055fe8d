/**
 * A stop event (the Stop control, or `stop` typed as a whole message): stops the model call of the
 * conversation's running turn, here or on another replica, for its owner only. The stopped turn
 * answers for itself (a "stopped" error with retry); the stop event gets a word only when it did nothing.
 */
import type { EngineReply, InboundEvent } from "../engine-api.js";
import { EN } from "../messages/catalog.js";
import { localizeReply, messageLanguage } from "../messages/localize-replies.js";
import { PHASE_STEP } from "./conversation-commands.js";
import type { EngineDeps } from "./engine-deps.js";
import { notice } from "./engine-texts.js";
import { withPolicy } from "./reply-policy.js";
import type { StopControl } from "./stop-control.js";

export const isStopEvent = (event: InboundEvent): boolean =>
  event.kind === "stop" || (event.kind === "message" && /^stop[.!]?$/i.test(event.text.trim()));

export async function stopTurn(
  deps: EngineDeps,
  stops: StopControl,
  event: InboundEvent,
  signal?: AbortSignal,
): Promise<EngineReply[]> {
  const allowOthers = deps.allowOthers === true;
  const here = stops.stopHere(event.key, event.user.id, allowOthers);
  if (here === "stopped") return [];
  const loaded = await deps.store.load(event.key, signal);
  const conversation = loaded.status === "found" ? loaded.conversation : undefined;
  const language = messageLanguage(conversation?.intent);
  const say = (reply: Parameters<typeof withPolicy>[0]) => [localizeReply(withPolicy(reply), language)];
  if (here === "not_owner" || (conversation && conversation.owner.id !== event.user.id && !allowOthers))
    return say(notice("not_owner", EN.notOwnerStop));
  // A step in progress on the record (or a working indicator left up) may be running on another replica.
  const inProgress = conversation && (PHASE_STEP[conversation.phase] !== undefined || conversation.refs.working);
  if (!conversation || !inProgress || conversation.failedStep) return say(notice("nothing_to_stop", EN.nothingToStop));
  await deps.store.requestStop(event.key, deps.clock.now(), signal);
  return [];
}
