/**
 * A message as the adapter posts it: fallback text, Block Kit blocks, and an optional file snippet.
 * Builders here apply the limits in `slack-limits.ts`, so every rendered message fits.
 */
import type { types } from "@slack/bolt";
import { plainLabel, safeMrkdwn, truncateMrkdwn, truncatePlain } from "./mrkdwn.js";
import { SLACK_LIMITS } from "./slack-limits.js";

export type Block = types.KnownBlock;

export interface SlackMessage {
  /** Notification and fallback text (escaped mrkdwn). */
  text: string;
  blocks: Block[];
  /** Uploaded as a snippet in the same thread after the message (a prompt too long for a section). */
  attachment?: { filename: string; title: string; content: string };
}

/** A section of already-escaped mrkdwn, shortened to fit. */
export const section = (mrkdwn: string, blockId?: string): Block => ({
  type: "section",
  text: { type: "mrkdwn", text: truncateMrkdwn(mrkdwn, SLACK_LIMITS.sectionText) },
  ...(blockId ? { block_id: blockId } : {}),
});

/** A context line of already-escaped mrkdwn. */
export const context = (mrkdwn: string, blockId?: string): Block => ({
  type: "context",
  ...(blockId ? { block_id: blockId } : {}),
  elements: [{ type: "mrkdwn", text: truncateMrkdwn(mrkdwn, SLACK_LIMITS.sectionText) }],
});

export const button = (actionId: string, label: string, value: string, style?: "primary" | "danger"): types.Button => ({
  type: "button",
  action_id: actionId,
  text: { type: "plain_text", text: plainLabel(label, SLACK_LIMITS.buttonText), emoji: true },
  value: truncatePlain(value, SLACK_LIMITS.buttonValue),
  ...(style ? { style } : {}),
});

/** A select option; a value too long for Slack is the caller's to avoid (it is cut here only as a last guard). */
export const option = (label: string, value: string): types.PlainTextOption => ({
  text: { type: "plain_text", text: plainLabel(label, SLACK_LIMITS.optionText), emoji: true },
  value: value.slice(0, SLACK_LIMITS.optionValue),
});

/** A static select; `initial` must be one of `options` (Slack refuses it otherwise). */
export const staticSelect = (
  actionId: string,
  placeholder: string,
  options: types.PlainTextOption[],
  initial?: types.PlainTextOption,
): types.StaticSelect => ({
  type: "static_select",
  action_id: actionId,
  placeholder: { type: "plain_text", text: plainLabel(placeholder, SLACK_LIMITS.placeholder), emoji: true },
  options: options.slice(0, SLACK_LIMITS.selectOptions),
  ...(initial ? { initial_option: initial } : {}),
});

export const actions = (blockId: string, elements: types.ActionsBlockElement[]): Block => ({
  type: "actions",
  block_id: blockId.slice(0, SLACK_LIMITS.blockId),
  elements: elements.slice(0, SLACK_LIMITS.actionsElements),
});

/** Builds a message: fallback text escaped and shortened, blocks capped at Slack's maximum. */
export const message = (plainText: string, blocks: Block[], extra: Partial<SlackMessage> = {}): SlackMessage => ({
  text: safeMrkdwn(plainText, SLACK_LIMITS.messageText),
  blocks: blocks.slice(0, SLACK_LIMITS.blocksPerMessage),
  ...extra,
});
