/**
 * The one reply policy of every platform: who sees a reply and whether it ends the open round.
 * Adapters render what this decides; they never keep their own lists of notice codes.
 */
import type { EngineReply, NoticeCode, ReplyBody } from "../engine-api.js";
import { TailorError } from "../errors.js";

/** Notices for the person who acted only: refusals, "nothing to do", and hints about their own input. */
const PRIVATE_NOTICES: ReadonlySet<NoticeCode> = new Set<NoticeCode>([
  "usage",
  "too_long",
  "not_allowed",
  "dms_off",
  "nothing_to_retry",
  "nothing_to_skip",
  "answer_recorded",
  "already_answered",
  "not_owner",
  "nothing_to_stop",
  "no_prompt_yet",
  "defaults",
  "defaults_not_allowed",
  "defaults_usage",
]);

export function withPolicy(reply: ReplyBody): EngineReply {
  const visibility = reply.kind === "notice" && PRIVATE_NOTICES.has(reply.code) ? "private" : "public";
  const closesRound = reply.kind === "questions" && reply.closed === true;
  return { ...reply, visibility, closesRound };
}

/** Shown when a turn failed outside the engine's own error replies; internal errors never reach a chat. */
export const INTERNAL_ERROR_TEXT = new TailorError("internal", "internal").userMessage;

/** The reply of a turn that could not run at all (the engine threw, or the store failed before it). */
export function failureReply(code: string, message: string, retry: boolean): EngineReply {
  return withPolicy({ kind: "error", code, message, retry });
}
