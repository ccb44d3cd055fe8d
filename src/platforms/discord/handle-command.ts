/**
 * `/tailor intent:…`: claimed, then deferred (within Discord's 3 seconds, before any model work). In a
 * guild text channel the deferred reply becomes the conversation's starter message (owner and intent)
 * and the conversation moves into a thread on it; in a DM or a thread it stays where it is. An empty or
 * too long intent gets the engine's notice privately. A duplicate delivery touches nothing.
 * `/tailor defaults …` shows or changes the server's defaults instead (see handle-defaults.ts).
 */
import {
  type ChatInputCommandInteraction,
  MessageFlags,
  type TextBasedChannel,
  ThreadAutoArchiveDuration,
  type ThreadChannel,
  userMention,
} from "discord.js";
import { TAILOR_COMMAND } from "../../../commands/tailor.js";
import type { EngineReply, InboundUser } from "../../core/engine-api.js";
import { type DiscordContext, opensConversation } from "./discord-context.js";
import { defaultsCommand, handleDefaults } from "./handle-defaults.js";
import { threadName } from "./handle-message.js";
import { keyOfOpenedThread, normalizeCommand } from "./normalize-events.js";
import { NO_MENTIONS } from "./outbound-message.js";
import { placeOf } from "./place-of.js";
import { renderReply } from "./render-reply.js";
import { Replier } from "./replier.js";
import { claimFirst, runTurn } from "./run-turn.js";
import { escapeText, truncate } from "./text-format.js";

const STARTER_INTENT_CHARS = 300;

export async function handleCommand(context: DiscordContext, interaction: ChatInputCommandInteraction): Promise<void> {
  if (interaction.commandName !== TAILOR_COMMAND.name) return;
  const intent = (interaction.options.getString("intent") ?? "").trim();
  const defaults = defaultsCommand(intent);
  if (defaults !== undefined) {
    await handleDefaults(context, interaction, defaults, userOf(interaction));
    return;
  }
  const channel = interaction.channel;
  const place = (await placeOf(channel)) ?? {
    kind: interaction.guildId ? ("other" as const) : ("dm" as const),
    ...(interaction.guildId ? { guildId: interaction.guildId } : {}),
    channelId: interaction.channelId,
  };
  const command = normalizeCommand({ interactionId: interaction.id, place, user: userOf(interaction), intent });
  const refuse = async (replies: EngineReply[]) => {
    const [first] = replies.flatMap(renderReply);
    if (first)
      await interaction.reply({ content: first.content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  };
  if (!(await claimFirst(context, command.claim, refuse))) return;

  if (!opensConversation(intent, context.maxIntentChars) || !channel) {
    // The engine explains (usage, too long) privately.
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const event = command.event();
    if (!event) return;
    const replier = new Replier({ channel: channel as TextBasedChannel, interaction, fillsDeferredReply: true });
    await runTurn(context, event, { replier, typing: false });
    return;
  }

  await interaction.deferReply();
  if (interaction.inGuild() && place.kind === "text") {
    const opened = await openThread(context, interaction, intent);
    const key = opened.thread ? keyOfOpenedThread(place, opened.thread.id) : undefined;
    const event = command.event(key);
    if (!event) return;
    const replier = opened.thread
      ? new Replier({ channel: opened.thread })
      : new Replier({ channel, interaction, fillsDeferredReply: !opened.starterSent });
    await runTurn(context, event, { replier });
    return;
  }
  const event = command.event();
  if (!event) return;
  await runTurn(context, event, { replier: new Replier({ channel, interaction, fillsDeferredReply: true }) });
}

/** Turns the deferred reply into the starter message (owner and intent) and opens the thread on it. */
async function openThread(
  context: DiscordContext,
  interaction: ChatInputCommandInteraction<"cached" | "raw">,
  intent: string,
): Promise<{ thread?: ThreadChannel; starterSent: boolean }> {
  const channel = interaction.channel;
  if (!channel || !("threads" in channel)) return { starterSent: false };
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
    return { thread: thread as ThreadChannel, starterSent };
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
