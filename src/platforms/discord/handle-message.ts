/**
 * A message: a mention in a guild channel opens a thread for a new conversation, a mention (or, with
 * the message-content intent, any message) in a thread continues its conversation, every DM message
 * belongs to the DM's conversation. Bots, the bot itself and system messages are ignored.
 */
import {
  ChannelType,
  DiscordAPIError,
  type Message,
  MessageType,
  RESTJSONErrorCodes,
  ThreadAutoArchiveDuration,
  type ThreadChannel,
} from "discord.js";
import type { InboundEvent, InboundUser } from "../../core/engine-api.js";
import { keyOfChannel } from "./channel-key.js";
import { channelKey, messageEventId, threadKey } from "./conversation-keys.js";
import { type DiscordContext, opensConversation } from "./discord-context.js";
import { DISCORD_LIMITS } from "./discord-limits.js";
import { Replier } from "./replier.js";
import { type ChannelKind, routeMessage } from "./route-message.js";
import { deliver, runTurn } from "./run-turn.js";
import { oneLine, truncate } from "./text-format.js";

export async function handleMessage(context: DiscordContext, message: Message): Promise<void> {
  const route = routeMessage(
    {
      authorId: message.author.id,
      authorIsBot: message.author.bot,
      system: message.system || (message.type !== MessageType.Default && message.type !== MessageType.Reply),
      content: message.content,
      mentionsBot: message.mentions.users.has(context.client.user.id),
      channelKind: channelKind(message),
    },
    { id: context.client.user.id, messageContent: context.messageContent },
  );
  if (route.action === "ignore") {
    context.logger.debug("message ignored", { messageId: message.id, reason: route.reason });
    return;
  }
  const base = { eventId: messageEventId(message.id), user: userOf(message) };

  if (route.action === "message") {
    const key = await keyOfChannel(message.channel);
    if (!key) return;
    const event: InboundEvent = { ...base, key, kind: "message", text: route.text, mayStart: route.mayStart };
    const replier = new Replier({ channel: message.channel });
    const replies = await runTurn(context, event, replier);
    if (replies) await deliver(context, key, replies, replier);
    return;
  }

  if (!message.inGuild()) return;
  if (route.action === "start-in-thread" && opensConversation(route.text, context.maxIntentChars)) {
    const { thread, duplicate } = await openThread(context, message, route.text);
    if (duplicate) return;
    if (thread) {
      const key = threadKey(message.guildId, message.channelId, thread.id);
      const replier = new Replier({ channel: thread });
      const replies = await runTurn(context, { ...base, key, kind: "start", text: route.text }, replier);
      if (replies) await deliver(context, key, replies, replier);
      return;
    }
  }
  // No thread (an empty or too long intent, or none could be opened): answer in the channel itself.
  const key = channelKey(message.guildId, message.channelId);
  const replier = new Replier({ channel: message.channel, replyTo: message });
  const replies = await runTurn(context, { ...base, key, kind: "start", text: route.text }, replier);
  if (replies) await deliver(context, key, replies, replier);
}

/**
 * Opens the conversation's thread on the message. Discord allows one thread per message, so a thread
 * that already exists means this message was handled before (a replayed event): it is dropped.
 */
async function openThread(context: DiscordContext, message: Message<true>, text: string): Promise<OpenedThread> {
  try {
    const thread = await message.startThread({
      name: threadName(text),
      autoArchiveDuration: ThreadAutoArchiveDuration.OneDay,
    });
    return { thread };
  } catch (error) {
    if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.ThreadAlreadyCreatedForMessage) {
      context.logger.info("message already has its thread; replay dropped", { messageId: message.id });
      return { duplicate: true };
    }
    context.logger.warn("could not open a thread; answering in the channel", { error, channelId: message.channelId });
    return {};
  }
}

type OpenedThread = { thread?: ThreadChannel; duplicate?: boolean };

export const threadName = (intent: string): string =>
  truncate(oneLine(intent) || "PromptTailor", DISCORD_LIMITS.threadName);

export const userOf = (message: Message): InboundUser => ({
  id: message.author.id,
  name: message.member?.displayName ?? message.author.globalName ?? message.author.username,
});

function channelKind(message: Message): ChannelKind {
  const channel = message.channel;
  if (channel.isDMBased()) return "dm";
  if (channel.isThread()) return "thread";
  if (channel.type === ChannelType.GuildText || channel.type === ChannelType.GuildAnnouncement) return "text";
  return "other";
}
