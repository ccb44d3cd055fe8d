/**
 * Buttons and selects: an option answers its question, "skip" writes the prompt now, "retry" re-runs
 * the failed step, "stop" stops the model call in progress, a "change a setting" value writes the
 * next version (each claimed, then acknowledged with deferUpdate, before any model work). "Answer
 * all", "answer in my own words" and a setting's "other…" open a modal (a modal is itself
 * the acknowledgement).
 */

import {
  type APIModalInteractionResponseCallbackData,
  type ButtonInteraction,
  MessageFlags,
  type StringSelectMenuInteraction,
} from "discord.js";
import type { EngineReply } from "../../core/engine-api.js";
import { EN } from "../../core/messages/catalog.js";
import { controlLabels } from "../../core/messages/control-labels.js";
import { translate } from "../../core/messages/localize-replies.js";
import { buildAnswerAllModal } from "./answer-all-modal.js";
import { buildAnswerModal } from "./answer-modal.js";
import type { DiscordContext } from "./discord-context.js";
import { languageOfView, type MessageView, viewOf } from "./message-view.js";
import { type ModalToOpen, normalizeComponent } from "./normalize-events.js";
import { NO_MENTIONS } from "./outbound-message.js";
import { placeOf } from "./place-of.js";
import { readQuestionMessage } from "./question-message.js";
import { renderReply } from "./render-reply.js";
import { Replier } from "./replier.js";
import { claimFirst, runTurn } from "./run-turn.js";
import { buildSlotModal } from "./slot-modal.js";

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
  const refuse = async (replies: EngineReply[]) => {
    const [first] = replies.flatMap(renderReply);
    if (first)
      await interaction.reply({ content: first.content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  };
  if (normalized.action === "open-modal") {
    // One replica opens it: the same click delivered twice (a gateway replay) is claimed once.
    if (!(await claimFirst(context, normalized.claim, refuse))) return;
    const modal = modalFor(normalized.modal, source);
    if (modal) await interaction.showModal(modal);
    else
      await interaction.reply({
        content: translate(EN.alreadyAnswered, languageOfView(source)),
        flags: MessageFlags.Ephemeral,
        allowedMentions: NO_MENTIONS,
      });
    return;
  }

  if (!(await claimFirst(context, normalized.claim, refuse))) return;
  await interaction.deferUpdate();
  const replier = new Replier({ channel: interaction.channel, interaction });
  const stop = normalized.event.kind === "stop";
  // Stop answers at once (it does not wait for the turn it stops): no typing for it.
  await runTurn(context, normalized.event, {
    replier,
    sourceId: interaction.message.id,
    ...(stop ? { typing: false } : {}),
  });
}

/** The modal to show, built from the message the control is on; undefined when its round is over. */
function modalFor(modal: ModalToOpen, source: MessageView): APIModalInteractionResponseCallbackData | undefined {
  // The modal speaks the language the message's controls were written in.
  const labels = controlLabels(languageOfView(source));
  if (modal.kind === "slot") return buildSlotModal(modal.choice, labels);
  const round = readQuestionMessage(source.content, source.rows);
  if (!round || round.questions.length === 0) return undefined;
  if (modal.kind === "own-words") return buildAnswerModal(round, labels);
  return round.questions.some((q) => q.answer === undefined)
    ? buildAnswerAllModal(round, source.rows, labels)
    : undefined;
}
