/**
 * The "answer in my own words" modal: acknowledged at once (deferUpdate on the questions message),
 * then its answers go to the engine as one `answers` event.
 */
import { ComponentType, type ModalSubmitInteraction } from "discord.js";
import { readModalAnswers } from "./answer-modal.js";
import { keyOfChannel } from "./channel-key.js";
import { interactionEventId } from "./conversation-keys.js";
import { parseCustomId } from "./custom-ids.js";
import type { DiscordContext } from "./discord-context.js";
import { viewOf } from "./message-view.js";
import { readQuestionMessage } from "./question-message.js";
import { Replier } from "./replier.js";
import { deliver, runTurn } from "./run-turn.js";
import { settleSource } from "./settle-source.js";

export async function handleModal(context: DiscordContext, interaction: ModalSubmitInteraction): Promise<void> {
  if (parseCustomId(interaction.customId, "modal")?.kind !== "modal") return;
  const message = interaction.message;
  if (message) await interaction.deferUpdate();
  else await interaction.deferReply();
  const channel = interaction.channel;
  const key = channel ? await keyOfChannel(channel) : undefined;
  if (!channel || !key) return;

  const submitted = new Map<string, string>();
  for (const [customId, field] of interaction.fields.fields)
    if (field.type === ComponentType.TextInput) submitted.set(customId, field.value);
  const source = message ? { ...viewOf(message), id: message.id } : undefined;
  const answers = readModalAnswers(submitted, source ? readQuestionMessage(source.content, source.rows) : undefined);
  const replier = new Replier({
    channel,
    interaction,
    ...(message ? { sourceMessage: message } : { fillsDeferredReply: true }),
  });
  if (Object.keys(answers).length === 0) {
    await replier.send({ content: "Every answer was empty: nothing changed.", ephemeral: true });
    return;
  }

  const event = {
    eventId: interactionEventId(interaction.id),
    key,
    user: { id: interaction.user.id, name: interaction.user.globalName ?? interaction.user.username },
    kind: "answers" as const,
    answers,
  };
  const replies = await runTurn(context, event, replier);
  if (!replies) return;
  if (source) {
    const choices = Object.entries(answers).map(([questionId, choice]) => ({ questionId, choice }));
    await settleSource(context, key, replies, replier, source, { kind: "answered", answers: choices });
  } else await deliver(context, key, replies, replier);
}
