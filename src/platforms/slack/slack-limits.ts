/**
 * Slack's size limits, obeyed by the renderer.
 * @see https://api.slack.com/methods/chat.postMessage#truncating (text: keep ≤ 4000, truncated past 40,000)
 * @see https://api.slack.com/reference/block-kit/blocks (≤ 50 blocks, section text ≤ 3000)
 * @see https://api.slack.com/reference/block-kit/block-elements#button (text ≤ 75, value ≤ 2000)
 */
export const SLACK_LIMITS = {
  /** A message's top-level `text`. */
  messageText: 4000,
  /** A section block's text (and a context block's text element). */
  sectionText: 3000,
  blocksPerMessage: 50,
  buttonText: 75,
  buttonValue: 2000,
  /** `block_id` and `action_id`. */
  blockId: 255,
  /** Elements in one actions block. */
  actionsElements: 25,
} as const;
