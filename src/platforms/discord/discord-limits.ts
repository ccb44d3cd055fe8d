/**
 * Discord's limits, named where the renderers that obey them live.
 * @see https://discord.com/developers/docs/resources/message#create-message
 * @see https://discord.com/developers/docs/components/reference
 * @see https://discord.com/developers/docs/interactions/receiving-and-responding
 */
export const DISCORD_LIMITS = {
  /** Characters in a message's content. */
  messageContent: 2000,
  /** Action rows in one message. */
  actionRows: 5,
  /** Buttons in one action row. */
  buttonsPerRow: 5,
  buttonLabel: 80,
  selectOptions: 25,
  selectOptionLabel: 100,
  selectPlaceholder: 150,
  /** Every custom_id (buttons, selects, modals, text inputs). */
  customId: 100,
  modalTitle: 45,
  /** Text inputs in one modal. */
  modalInputs: 5,
  labelText: 45,
  labelDescription: 100,
  textInputPlaceholder: 100,
  textInputValue: 4000,
  embedDescription: 4096,
  threadName: 100,
} as const;

/** The prompt goes in at most this many messages; beyond that it is attached as prompt.md. */
export const MAX_PROMPT_MESSAGES = 3;

/** An interaction token lives 15 minutes; past this margin replies go to the channel instead. */
export const INTERACTION_TOKEN_SAFE_MS = 14 * 60_000;

/** A typing indicator lasts about 10 seconds; refreshing a little sooner keeps it steady. */
export const TYPING_REFRESH_MS = 8_000;
