/**
 * Decides what a Discord message means for PromptTailor, from plain facts about it (no discord.js
 * objects): ignore it, open a thread for a new conversation, or pass it to a conversation.
 */
export type ChannelKind = "dm" | "thread" | "text" | "other";

export interface MessageFacts {
  authorId: string;
  authorIsBot: boolean;
  /** A system message (thread created, pins…) rather than something a person typed. */
  system: boolean;
  content: string;
  mentionsBot: boolean;
  channelKind: ChannelKind;
}

export type MessageRoute =
  | { action: "ignore"; reason: string }
  /** A mention in a guild channel: a new conversation in a thread opened on the message. */
  | { action: "start-in-thread"; text: string }
  /** A mention where no thread can be opened: a new conversation right there. */
  | { action: "start-here"; text: string }
  /** A message for the conversation of a thread or DM. */
  | { action: "message"; text: string; mayStart: boolean };

export function routeMessage(facts: MessageFacts, bot: { id: string; messageContent: boolean }): MessageRoute {
  if (facts.authorId === bot.id) return { action: "ignore", reason: "own message" };
  if (facts.authorIsBot) return { action: "ignore", reason: "bot author" };
  if (facts.system) return { action: "ignore", reason: "system message" };
  const text = withoutBotMention(facts.content, bot.id);

  switch (facts.channelKind) {
    case "dm":
      // Every DM message belongs to the DM's conversation and may start one.
      return text === "" ? { action: "ignore", reason: "empty" } : { action: "message", text, mayStart: true };
    case "thread":
      // Without the message-content intent Discord sends empty content unless the bot is mentioned.
      if (!facts.mentionsBot && !bot.messageContent) return { action: "ignore", reason: "no mention" };
      return text === "" ? { action: "ignore", reason: "empty" } : { action: "message", text, mayStart: false };
    case "text":
      return facts.mentionsBot ? { action: "start-in-thread", text } : { action: "ignore", reason: "no mention" };
    case "other":
      return facts.mentionsBot ? { action: "start-here", text } : { action: "ignore", reason: "no mention" };
  }
}

/** The message text with the bot's mention(s) taken out. */
export function withoutBotMention(content: string, botId: string): string {
  return content
    .replace(new RegExp(`<@!?${botId}>`, "g"), " ")
    .replace(/[ \t]+/g, " ")
    .replace(/ *\n */g, "\n")
    .trim();
}
