/**
 * Buttons and selects: an option answers its question, "skip" writes the prompt now, "retry" re-runs
 * the failed step (each claimed, then acknowledged with deferUpdate, before any model work), and
 * "answer in my own words" opens a modal (a modal is itself the acknowledgement).
 */
import { type ButtonInteraction, MessageFlags, type StringSelectMenuInteraction } from "discord.js";
import type { EngineReply } from "../../core/engine-api.js";
import { buildAnswerModal } from "./answer-modal.js";
import type { DiscordContext } from "./discord-context.js";
import { viewOf } from "./message-view.js";
import { normalizeComponent } from "./normalize-events.js";
import { NO_MENTIONS } from "./outbound-message.js";
import { placeOf } from "./place-of.js";
import { readQuestionMessage } from "./question-message.js";
import { renderReply } from "./render-reply.js";
import { Replier } from "./replier.js";
import { claimFirst, runTurn } from "./run-turn.js";

export async function handleComponent(
  context: DiscordContext,
  interaction: ButtonInteraction | StringSelectMenuInteraction,
): Promise<void> {
  const source = viewOf(interaction.message);
  const place = await placeOf(interaction.channel);
  if (!place || !interaction.channel) return;
  const normalized = normalizeComponent({
    interactionId: interaction.id,
    place,
    user: { id: interaction.user.id, name: interaction.user.globalName ?? interaction.user.username },
    customId: interaction.customId,
    component: interaction.isStringSelectMenu() ? "select" : "button",
    ...(interaction.isStringSelectMenu() ? { values: interaction.values } : {}),
    rows: source.rows,
  });
  if (normalized.action === "ignore") {
    context.logger.debug("component ignored", { customId: interaction.customId, reason: normalized.reason });
    return;
  }
  if (normalized.action === "open-modal") {
    const round = readQuestionMessage(source.content, source.rows);
    if (!round || round.questions.length === 0) {
      await interaction.reply({
        content: "This round of questions is over.",
        flags: MessageFlags.Ephemeral,
        allowedMentions: NO_MENTIONS,
      });
      return;
    }
    await interaction.showModal(buildAnswerModal(round));
    return;
  }

  const refuse = async (replies: EngineReply[]) => {
    const [first] = replies.flatMap(renderReply);
    if (first)
      await interaction.reply({ content: first.content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  };
  if (!(await claimFirst(context, normalized.claim, refuse))) return;
  await interaction.deferUpdate();
  const replier = new Replier({ channel: interaction.channel, interaction });
  await runTurn(context, normalized.event, { replier, sourceId: interaction.message.id });
}
