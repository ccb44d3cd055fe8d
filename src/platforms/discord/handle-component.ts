/**
 * Buttons and selects: an option answers its question, "skip" writes the prompt now, "retry" re-runs
 * the failed step (each acknowledged at once with deferUpdate, before any model work), and "answer in
 * my own words" opens a modal (a modal is itself the acknowledgement).
 */
import { type ButtonInteraction, MessageFlags, type StringSelectMenuInteraction } from "discord.js";
import type { InboundEvent } from "../../core/engine-api.js";
import { buildAnswerModal } from "./answer-modal.js";
import { keyOfChannel } from "./channel-key.js";
import { interactionEventId } from "./conversation-keys.js";
import { parseCustomId } from "./custom-ids.js";
import type { DiscordContext } from "./discord-context.js";
import { viewOf } from "./message-view.js";
import { optionText, readQuestionMessage } from "./question-message.js";
import { Replier } from "./replier.js";
import { runTurn } from "./run-turn.js";
import { type Action, settleSource } from "./settle-source.js";

export async function handleComponent(
  context: DiscordContext,
  interaction: ButtonInteraction | StringSelectMenuInteraction,
): Promise<void> {
  const parsed = parseCustomId(interaction.customId, interaction.isStringSelectMenu() ? "select" : "button");
  if (!parsed || parsed.kind === "modal") return;
  const source = { ...viewOf(interaction.message), id: interaction.message.id };

  if (parsed.kind === "other") {
    const round = readQuestionMessage(source.content, source.rows);
    if (!round || round.questions.length === 0) {
      await interaction.reply({ content: "This round of questions is over.", flags: MessageFlags.Ephemeral });
      return;
    }
    await interaction.showModal(buildAnswerModal(round));
    return;
  }

  await interaction.deferUpdate();
  const channel = interaction.channel;
  const key = channel ? await keyOfChannel(channel) : undefined;
  if (!channel || !key) return;
  const base = {
    eventId: interactionEventId(interaction.id),
    key,
    user: { id: interaction.user.id, name: interaction.user.globalName ?? interaction.user.username },
  };

  let event: InboundEvent;
  let action: Action;
  if (parsed.kind === "answer") {
    const index = interaction.isStringSelectMenu() ? Number(interaction.values[0]) : parsed.optionIndex;
    const option = index === undefined ? undefined : optionText(source.rows, parsed.questionId, index);
    if (option === undefined) {
      context.logger.warn("answer control without a readable option", { customId: interaction.customId });
      return;
    }
    event = { ...base, kind: "answer", questionId: parsed.questionId, option };
    action = { kind: "answered", answers: [{ questionId: parsed.questionId, choice: option }] };
  } else {
    event = { ...base, kind: parsed.kind };
    action = { kind: "closed" };
  }

  const replier = new Replier({ channel, interaction, sourceMessage: interaction.message });
  const replies = await runTurn(context, event, replier);
  if (replies) await settleSource(context, key, replies, replier, source, action);
}
