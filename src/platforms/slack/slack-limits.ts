/**
 * Slack's size limits, obeyed by the renderer.
 * @see https://api.slack.com/methods/chat.postMessage#truncating (text: keep ≤ 4000, truncated past 40,000)
 * @see https://api.slack.com/reference/block-kit/blocks (≤ 50 blocks, section text ≤ 3000)
 * @see https://api.slack.com/reference/block-kit/block-elements#button (text ≤ 75, value ≤ 2000)
 * @see https://api.slack.com/reference/block-kit/composition-objects#option (text ≤ 75, value ≤ 150)
 * @see https://api.slack.com/reference/block-kit/block-elements#static_select (≤ 100 options, placeholder ≤ 150)
 * @see https://api.slack.com/reference/surfaces/views (modal title, submit and close ≤ 24, private_metadata ≤ 3000)
 * @see https://docs.slack.dev/reference/methods/chat.startStream (markdown_text ≤ 12,000 a call)
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
  /** A select option's text and value. */
  optionText: 75,
  optionValue: 150,
  selectOptions: 100,
  placeholder: 150,
  /** An input block's label. */
  inputLabel: 2000,
  modalTitle: 24,
  /** A modal's submit and close button texts. */
  modalButton: 24,
  privateMetadata: 3000,
  /** Markdown text in one chat.startStream / appendStream call. */
  streamText: 12_000,
} as const;
