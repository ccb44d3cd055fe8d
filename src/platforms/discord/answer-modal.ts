/**
 * "Answer in my own words": a modal with one text input per question of the round (answered ones
 * prefilled), and reading its submission back as the engine's `answers` event.
 * @see https://discord.com/developers/docs/components/reference#label
 */
import { type APIModalInteractionResponseCallbackData, ComponentType, TextInputStyle } from "discord.js";
import { type ControlLabels, controlLabels } from "../../core/messages/control-labels.js";
import { CUSTOM_IDS, fitsCustomId } from "./custom-ids.js";
import { DISCORD_LIMITS } from "./discord-limits.js";
import type { RoundOnMessage } from "./question-message.js";
import { truncate } from "./text-format.js";

const MAX_ANSWER_CHARS = 1000;

export function buildAnswerModal(
  round: RoundOnMessage,
  labels: ControlLabels = controlLabels("en"),
): APIModalInteractionResponseCallbackData {
  const questions = round.questions.filter((q) => fitsCustomId(q.id)).slice(0, DISCORD_LIMITS.modalInputs);
  return {
    custom_id: CUSTOM_IDS.modal(round.round),
    title: truncate(labels.ownWords, DISCORD_LIMITS.modalTitle),
    components: questions.map((question) => ({
      type: ComponentType.Label,
      label: truncate(question.text, DISCORD_LIMITS.labelText),
      ...(question.text.length > DISCORD_LIMITS.labelText
        ? { description: truncate(question.text, DISCORD_LIMITS.labelDescription) }
        : {}),
      component: {
        type: ComponentType.TextInput,
        custom_id: question.id,
        style: TextInputStyle.Paragraph,
        required: false,
        max_length: MAX_ANSWER_CHARS,
        ...(question.answer ? { value: truncate(question.answer, MAX_ANSWER_CHARS) } : {}),
      },
    })),
  };
}
