/**
 * Stable Slack interaction ids (contract.md, "Stable interaction ids"): tests and operators rely on them.
 */
export const TAILOR_COMMAND = "/tailor";
/** Answer buttons: `tailor_answer_0`, `tailor_answer_1`… (Slack wants action ids unique within a block). */
export const ANSWER_ACTION_PREFIX = "tailor_answer";
export const SKIP_ACTION_ID = "tailor_skip";
export const RETRY_ACTION_ID = "tailor_retry";
/** The block that carries the prompt itself, or the line saying it is attached as a file. */
export const PROMPT_BLOCK_ID = "tailor_prompt";
/** The block of a question's buttons carries the question id, so a click names the question it answers. */
export const QUESTION_BLOCK_PREFIX = "tailor_q:";

export const answerActionId = (index: number): string => `${ANSWER_ACTION_PREFIX}_${index}`;
export const questionBlockId = (questionId: string): string => `${QUESTION_BLOCK_PREFIX}${questionId}`;
export const questionIdOfBlock = (blockId: string): string | undefined =>
  blockId.startsWith(QUESTION_BLOCK_PREFIX) ? blockId.slice(QUESTION_BLOCK_PREFIX.length) || undefined : undefined;
/** The "answer in your own words" line under a round's questions (removed once the round is over). */
export const HINT_BLOCK_ID = "tailor_hint";
