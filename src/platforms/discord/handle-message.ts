/**
 * A message: a mention in a guild channel opens a thread for a new conversation, a mention (or, with
 * the message-content intent, any message) in a thread continues its conversation, every DM message
 * belongs to the DM's conversation. The event is claimed before the thread is opened or anything is
 * posted, so a replayed MESSAGE_CREATE (or one reaching two replicas) acts once.
 */
import {
  DiscordAPIError,
  type Message,
  MessageType,
  RESTJSONErrorCodes,
  ThreadAutoArchiveDuration,
  type ThreadChannel,
} from "discord.js";
import type { InboundUser } from "../../core/engine-api.js";
import { type DiscordContext, opensConversation } from "./discord-context.js";
import { DISCORD_LIMITS } from "./discord-limits.js";
import { keyOfOpenedThread, normalizeMessage } from "./normalize-events.js";
import { placeOf } from "./place-of.js";
import { renderReply } from "./render-reply.js";
import { Replier } from "./replier.js";
import { claimFirst, runTurn } from "./run-turn.js";
import { oneLine, truncate } from "./text-format.js";

export async function handleMessage(context: DiscordContext, message: Message): Promise<void> {
  const place = await placeOf(message.channel);
  if (!place) return;
  const normalized = normalizeMessage(
    {
      id: message.id,
      place,
      user: userOf(message),
      authorId: message.author.id,
      authorIsBot: message.author.bot,
      system: message.system || (message.type !== MessageType.Default && message.type !== MessageType.Reply),
      content: message.content,
      mentionsBot: message.mentions.users.has(context.client.user.id),
    },
    { id: context.client.user.id, messageContent: context.messageContent },
  );
  if (normalized.action === "ignore") {
    context.logger.debug("message ignored", { messageId: message.id, reason: normalized.reason });
    return;
  }
  // Refusals and store errors answer the message itself (a plain message cannot be answered privately).
  const here = new Replier({ channel: message.channel, replyTo: message });
  const tell = async (replies: Parameters<typeof renderReply>[0][]) => {
    for (const reply of replies) for (const part of renderReply(reply)) await here.send(part);
  };
  if (!(await claimFirst(context, normalized.claim, tell))) return;

  if (normalized.action === "message") {
    await runTurn(context, normalized.event, { replier: new Replier({ channel: message.channel }) });
    return;
  }
  if (
    normalized.action === "start-in-thread" &&
    message.inGuild() &&
    opensConversation(normalized.text, context.maxIntentChars)
  ) {
    const { thread, duplicate } = await openThread(context, message, normalized.text);
    if (duplicate) return;
    const key = thread ? keyOfOpenedThread(place, thread.id) : undefined;
    if (thread && key) {
      await runTurn(context, normalized.inThread(key), { replier: new Replier({ channel: thread }) });
      return;
    }
  }
  // No thread (an empty or too long intent, or none could be opened): answer in the channel itself.
  await runTurn(context, normalized.event, { replier: here });
}

/**
 * Opens the conversation's thread on the message. Discord allows one thread per message, so a thread
 * that already exists means this message was handled before (a replay after the claim was forgotten,
 * as an in-process claim is by a restart): it is dropped.
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
