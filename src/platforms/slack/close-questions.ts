/**
 * Updates a posted questions message in place: the clicked question shows the choice, and controls
 * that can no longer be used (the round is over) disappear, form selects included.
 */
import { escapeMrkdwn } from "./mrkdwn.js";
import { HINT_BLOCK_ID, pickBlockId, questionBlockId } from "./slack-ids.js";
import { type Block, context } from "./slack-message.js";

export interface CloseOptions {
  /** The question a button answered, shown with its choice in place of its buttons. */
  chosen?: { questionId: string; option: string };
  /** True when the round is over: every remaining button goes, and `note` is appended. */
  roundOver: boolean;
  note?: string;
}

export function closeQuestionBlocks(blocks: readonly Block[], options: CloseOptions): Block[] {
  const out: Block[] = [];
  const chosenBlock = options.chosen ? questionBlockId(options.chosen.questionId) : undefined;
  const chosenPick = options.chosen ? pickBlockId(options.chosen.questionId) : undefined;
  for (const block of blocks) {
    // A form's select goes with its question's buttons (and with every control once the round is over).
    if (block.type === "input") {
      if (!options.roundOver && block.block_id !== chosenPick) out.push(block);
      continue;
    }
    if (block.type !== "actions") {
      out.push(block);
      continue;
    }
    if (chosenBlock && block.block_id === chosenBlock && options.chosen) {
      out.push(context(`:white_check_mark: ${escapeMrkdwn(options.chosen.option)}`));
      continue;
    }
    if (!options.roundOver) out.push(block);
  }
  if (options.roundOver) {
    // The "answer in your own words" hint is stale once the round is over.
    const withoutHint = out.filter((block) => block.block_id !== HINT_BLOCK_ID);
    if (options.note) withoutHint.push(context(options.note));
    return withoutHint;
  }
  return out;
}
