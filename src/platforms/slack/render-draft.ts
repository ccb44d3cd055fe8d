/**
 * The prompt while it is being written: the markdown a stream carries, and the message the fallback
 * (chat.update of one message) shows. Model text is escaped here like every Slack text, so a draft can
 * never carry a live `<!channel>` or `<@U…>`; escaping is per character, so escaped pieces streamed one
 * after another read exactly like the escaped whole.
 */
import type { PromptDraft } from "../../core/engine-api.js";
import { fill } from "../../core/messages/catalog.js";
import { controlLabels } from "../../core/messages/control-labels.js";
import { escapeMrkdwn, truncateMrkdwn } from "./mrkdwn.js";
import { stopControls } from "./render-reply.js";
import { SLACK_LIMITS } from "./slack-limits.js";
import { type Block, context, message, type SlackMessage, section } from "./slack-message.js";

const FENCE = "```";
/** Looks like a fence, is not one (U+02CB): a draft's own ``` cannot end the code block early. */
const FENCE_LOOKALIKE = "ˋˋˋ";

export const draftHeading = (draft: Pick<PromptDraft, "version" | "language">): string =>
  fill(controlLabels(draft.language).writing, { version: draft.version });

/** The first piece of a stream: a heading line, then the prompt so far. */
export const streamOpening = (draft: PromptDraft): string =>
  truncateMrkdwn(`_${draftHeading(draft)}_\n\n${escapeMrkdwn(draft.text)}`, SLACK_LIMITS.streamText);

/** A later piece: what was written since (`delta`), escaped. */
export const streamPiece = (delta: string): string => truncateMrkdwn(escapeMrkdwn(delta), SLACK_LIMITS.streamText);

/** The fallback's draft message; `withStop` keeps the Stop button when it is the turn's working message. */
export function renderDraft(draft: PromptDraft, withStop: boolean): SlackMessage {
  const room = SLACK_LIMITS.sectionText - 2 * FENCE.length - 2;
  const body = truncateMrkdwn(escapeMrkdwn(draft.text.replaceAll(FENCE, FENCE_LOOKALIKE)), room);
  const blocks: Block[] = [context(`:writing_hand: ${draftHeading(draft)}`)];
  if (body.trim()) blocks.push(section(`${FENCE}\n${body}\n${FENCE}`));
  if (withStop) blocks.push(stopControls(draft.language));
  return message(draftHeading(draft), blocks);
}
