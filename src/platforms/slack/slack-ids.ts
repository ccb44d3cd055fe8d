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

/** The Stop button on a turn's "working" message (owner only: the engine decides). */
export const STOP_ACTION_ID = "tailor_stop";
/** "Submit answers" of a round's one-form answer: inside the answer namespace, unique in its block. */
export const SUBMIT_ACTION_ID = `${ANSWER_ACTION_PREFIX}_submit`;
/** The select of an open question in the one-form answer (an input block: it answers only on Submit). */
export const PICK_ACTION_ID = `${ANSWER_ACTION_PREFIX}_pick`;
/** The input block of a question's select carries the question id, as its buttons' block does. */
export const PICK_BLOCK_PREFIX = "tailor_pick:";
/** "What changed": posts a version's diff privately to whoever clicks it. */
export const DIFF_ACTION_ID = "tailor_diff";
/** One-click slot edits in a prompt's checklist: `tailor_slot_0`, `tailor_slot_1`… (by checklist index). */
export const SLOT_ACTION_PREFIX = "tailor_slot";
/** The section of a slot's select carries the capability it edits. */
export const SLOT_BLOCK_PREFIX = "tailor_slot:";
/** The modal "Other…" opens (a typed value for a slot). */
export const SLOT_OTHER_CALLBACK_ID = "tailor_slot_other";
/** The working message's controls block (the Stop button). */
export const WORKING_BLOCK_ID = "tailor_working";

export const pickBlockId = (questionId: string): string => `${PICK_BLOCK_PREFIX}${questionId}`;
export const questionIdOfPickBlock = (blockId: string): string | undefined =>
  blockId.startsWith(PICK_BLOCK_PREFIX) ? blockId.slice(PICK_BLOCK_PREFIX.length) || undefined : undefined;
export const slotActionId = (index: number): string => `${SLOT_ACTION_PREFIX}_${index}`;
export const slotBlockId = (capability: string): string => `${SLOT_BLOCK_PREFIX}${capability}`;
export const capabilityOfSlotBlock = (blockId: string): string | undefined =>
  blockId.startsWith(SLOT_BLOCK_PREFIX) ? blockId.slice(SLOT_BLOCK_PREFIX.length) || undefined : undefined;
