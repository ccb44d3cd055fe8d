/**
 * Which posted message shows a round of questions, for both platforms: the one the conversation's
 * refs name for that round; without a ref, the message the user acted on (a click on the round
 * itself), when the adapter has one.
 */
import { type MessageRefs, REF_NAMES } from "../core/engine-api.js";

export function roundMessage(refs: MessageRefs, round: number, actedOn: string | undefined): string | undefined {
  const saved = refs[REF_NAMES.questions];
  if (saved === undefined) return actedOn;
  return refs[REF_NAMES.questionsRound] === String(round) ? saved : undefined;
}
