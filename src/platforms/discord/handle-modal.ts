/**
 * A submitted modal ("answer all", "answer in my own words", a setting's own value): claimed,
 * acknowledged at once (deferUpdate on the message it was opened from), then one engine event
 * (`answers`, or `slot`).
 */
import { ComponentType, MessageFlags, type ModalSubmitInteraction } from "discord.js";
import type { EngineReply } from "../../core/engine-api.js";
import { controlLabels } from "../../core/messages/control-labels.js";
import type { DiscordContext } from "./discord-context.js";
import { languageOfView, viewOf } from "./message-view.js";
import { normalizeModal } from "./normalize-events.js";
import { NO_MENTIONS } from "./outbound-message.js";
import { placeOf } from "./place-of.js";
import { readQuestionMessage } from "./question-message.js";
import { renderReply } from "./render-reply.js";
import { Replier } from "./replier.js";
import { claimFirst, runTurn } from "./run-turn.js";

export async function handleModal(context: DiscordContext, interaction: ModalSubmitInteraction): Promise<void> {
  const place = await placeOf(interaction.channel);
  const channel = interaction.channel;
  if (!place || !channel) return;
  const fields = new Map<string, string>();
  const picks = new Map<string, readonly string[]>();
  for (const [customId, field] of interaction.fields.fields) {
    if (field.type === ComponentType.TextInput) fields.set(customId, field.value);
    else if (field.type === ComponentType.StringSelect) picks.set(customId, field.values);
  }
  const message = interaction.message;
  const source = message ? viewOf(message) : undefined;
  const normalized = normalizeModal({
    interactionId: interaction.id,
    place,
    user: { id: interaction.user.id, name: interaction.user.globalName ?? interaction.user.username },
    customId: interaction.customId,
    fields,
    picks,
    round: source ? readQuestionMessage(source.content, source.rows) : undefined,
    rows: source?.rows ?? [],
  });
  if (normalized.action === "ignore") return;

  const refuse = async (replies: EngineReply[]) => {
    const [first] = replies.flatMap(renderReply);
    if (first)
      await interaction.reply({ content: first.content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  };
  if (!(await claimFirst(context, normalized.claim, refuse))) return;
  if (normalized.action === "empty") {
    await interaction.reply({
      // In the language of the message the modal was opened from (English when there is none).
      content: controlLabels(source ? languageOfView(source) : "en").nothingPicked,
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
    return;
  }
  if (message) await interaction.deferUpdate();
  else await interaction.deferReply();
  const replier = new Replier({ channel, interaction, ...(message ? {} : { fillsDeferredReply: true }) });
  await runTurn(context, normalized.event, { replier, ...(message ? { sourceId: message.id } : {}) });
}

/** The labels and placeholders of a message's controls (what tells the language it was written in). */
