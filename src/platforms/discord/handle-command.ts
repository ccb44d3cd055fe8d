/**
 * `/tailor intent:…`: deferred at once (within Discord's 3 seconds, before any model work). In a guild
 * text channel the deferred reply becomes the conversation's starter message (owner and intent) and the
 * conversation moves into a thread on it; in a DM or a thread it stays where it is. An empty or too long
 * intent gets the engine's notice privately.
 */
import {
  ChannelType,
  type ChatInputCommandInteraction,
  MessageFlags,
  type TextBasedChannel,
  ThreadAutoArchiveDuration,
  type ThreadChannel,
  userMention,
} from "discord.js";
import { TAILOR_COMMAND } from "../../../commands/tailor.js";
import type { ConversationKey } from "../../core/conversation.js";
import type { InboundUser } from "../../core/engine-api.js";
import { keyOfChannel } from "./channel-key.js";
import { channelKey, dmKey, interactionEventId, threadKey } from "./conversation-keys.js";
import { type DiscordContext, opensConversation } from "./discord-context.js";
import { threadName } from "./handle-message.js";
import { NO_MENTIONS } from "./outbound-message.js";
import { Replier } from "./replier.js";
import { deliver, runTurn } from "./run-turn.js";
import { escapeText, truncate } from "./text-format.js";

const STARTER_INTENT_CHARS = 300;

export async function handleCommand(context: DiscordContext, interaction: ChatInputCommandInteraction): Promise<void> {
  if (interaction.commandName !== TAILOR_COMMAND.name) return;
  const intent = (interaction.options.getString("intent") ?? "").trim();
  const base = { eventId: interactionEventId(interaction.id), user: userOf(interaction) };
  const channel = interaction.channel;

  if (!opensConversation(intent, context.maxIntentChars) || !channel) {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const key: ConversationKey = interaction.guildId
      ? channelKey(interaction.guildId, interaction.channelId)
      : dmKey(interaction.channelId);
    const replier = new Replier({ channel: channel as TextBasedChannel, interaction, fillsDeferredReply: true });
    const replies = await runTurn(context, { ...base, key, kind: "start", text: intent }, replier, { typing: false });
    if (replies) await deliver(context, key, replies, replier);
    return;
  }

  await interaction.deferReply();
  let key: ConversationKey | undefined;
  let replier: Replier;
  if (
    interaction.inGuild() &&
    (channel.type === ChannelType.GuildText || channel.type === ChannelType.GuildAnnouncement)
  ) {
    const opened = await openThread(context, interaction, intent);
    key = opened.thread
      ? threadKey(interaction.guildId, channel.id, opened.thread.id)
      : channelKey(interaction.guildId, channel.id);
    replier = opened.thread
      ? new Replier({ channel: opened.thread })
      : new Replier({ channel, interaction, fillsDeferredReply: !opened.starterSent });
  } else {
    key = await keyOfChannel(channel);
    replier = new Replier({ channel, interaction, fillsDeferredReply: true });
  }
  if (!key) return;
  const replies = await runTurn(context, { ...base, key, kind: "start", text: intent }, replier);
  if (replies) await deliver(context, key, replies, replier);
}

/** Turns the deferred reply into the starter message (owner and intent) and opens the thread on it. */
async function openThread(
  context: DiscordContext,
  interaction: ChatInputCommandInteraction<"cached" | "raw">,
  intent: string,
): Promise<{ thread?: ThreadChannel; starterSent: boolean }> {
  const channel = interaction.channel;
  if (channel?.type !== ChannelType.GuildText && channel?.type !== ChannelType.GuildAnnouncement)
    return { starterSent: false };
  let starterSent = false;
  try {
    const starter = await interaction.editReply({
      content: `${userMention(interaction.user.id)} asked for a tailored prompt:\n> ${escapeText(truncate(intent.replace(/\s+/g, " "), STARTER_INTENT_CHARS))}\nThe conversation goes on in the thread.`,
      allowedMentions: NO_MENTIONS,
    });
    starterSent = true;
    const thread = await channel.threads.create({
      name: threadName(intent),
      startMessage: starter.id,
      autoArchiveDuration: ThreadAutoArchiveDuration.OneDay,
    });
    return { thread, starterSent };
  } catch (error) {
    context.logger.warn("could not open a thread; the conversation stays in the channel", {
      error,
      channelId: channel.id,
    });
    return { starterSent };
  }
}

const userOf = (interaction: ChatInputCommandInteraction): InboundUser => ({
  id: interaction.user.id,
  name: interaction.user.globalName ?? interaction.user.username,
});
