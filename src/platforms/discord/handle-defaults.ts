/**
 * `/tailor defaults …`: shows, sets or clears the server's default capabilities (the engine decides;
 * members with Manage Server may change them). Claimed first, then deferred privately (within
 * Discord's 3 seconds); private notices stay ephemeral, a public one is posted for the channel.
 * In a DM it says that defaults belong to a server.
 */
import { type ChatInputCommandInteraction, MessageFlags, PermissionFlagsBits } from "discord.js";
import type { EngineReply, InboundUser } from "../../core/engine-api.js";
import { DM_WORKSPACE, interactionEventId } from "./conversation-keys.js";
import type { DiscordContext } from "./discord-context.js";
import { NO_MENTIONS } from "./outbound-message.js";
import { renderReply } from "./render-reply.js";
import { claimFirst } from "./run-turn.js";

const DEFAULTS_WORD = /^defaults(?=\s|$)/i;

/** What follows the word `defaults` in the intent option, or undefined when it is an intent to tailor. */
export function defaultsCommand(intent: string): string | undefined {
  const trimmed = intent.trim();
  return DEFAULTS_WORD.test(trimmed) ? trimmed.replace(DEFAULTS_WORD, "").trim() : undefined;
}

export const DEFAULTS_IN_DM =
  "Defaults are set per server: use `/tailor defaults` in a channel of the server (Manage Server is needed to change them).";

export async function handleDefaults(
  context: DiscordContext,
  interaction: ChatInputCommandInteraction,
  text: string,
  user: InboundUser,
): Promise<void> {
  const eventId = interactionEventId(interaction.id);
  const guildId = interaction.guildId;
  const place = { platform: "discord" as const, workspace: guildId ?? DM_WORKSPACE, channel: interaction.channelId };
  const refuse = async (replies: EngineReply[]) => {
    const [first] = replies.flatMap(renderReply);
    if (first)
      await interaction.reply({ content: first.content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  };
  const claim = { eventId, place, user, direct: !guildId, starts: false };
  if (!(await claimFirst(context, claim, refuse))) return;
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  if (!guildId) {
    await interaction.editReply({ content: DEFAULTS_IN_DM, allowedMentions: NO_MENTIONS });
    return;
  }
  const canManage = interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
  // The engine claims its own id: this interaction's claim above already kept duplicates out.
  const replies = await context.engine.defaults(
    { eventId: `${eventId}:defaults`, place, user, text, canManage },
    context.signal,
  );
  let privateFilled = false;
  for (const reply of replies)
    for (const message of renderReply(reply)) {
      const payload = { content: message.content, embeds: message.embeds ?? [], allowedMentions: NO_MENTIONS };
      if (!message.ephemeral) await interaction.followUp(payload);
      else if (!privateFilled) {
        privateFilled = true;
        await interaction.editReply(payload);
      } else await interaction.followUp({ ...payload, flags: MessageFlags.Ephemeral });
    }
  // Only public notices: the private "thinking…" placeholder goes away.
  if (!privateFilled) await interaction.deleteReply();
}
