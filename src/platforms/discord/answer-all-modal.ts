/**
 * "Answer all": one modal with every open question of the round, each a select of its options (a
 * text input for a question without options), and one field for the user's own words. Built from the
 * questions message itself (any replica, after any restart), read back into the engine's `answers`.
 *
 * What a submission means: a picked option answers its question. The own words answer every open
 * question left without a pick, as one typed message answers the round; when every question got a
 * pick, they are added to each answer ("Formal — keep it short") for the integrate call to sort out.
 * @see https://discord.com/developers/docs/components/reference#label
 */

import { type APIModalInteractionResponseCallbackData, ComponentType, TextInputStyle } from "discord.js";
import { type ControlLabels, controlLabels } from "../../core/messages/control-labels.js";
import { CUSTOM_IDS, fitsCustomId } from "./custom-ids.js";
import { DISCORD_LIMITS } from "./discord-limits.js";
import type { ActionRow } from "./message-view.js";
import { optionsOf, optionText, type RoundOnMessage } from "./question-message.js";
import { oneLine, truncate } from "./text-format.js";

const MAX_OWN_WORDS_CHARS = 1000;
/** One label stays free for the own-words field. */
const MAX_QUESTIONS = DISCORD_LIMITS.modalInputs - 1;

/** The open questions the modal shows (at most four, ids that fit a custom id). */
const shownQuestions = (round: RoundOnMessage) =>
  round.questions.filter((q) => q.answer === undefined && fitsCustomId(q.id)).slice(0, MAX_QUESTIONS);

export function buildAnswerAllModal(
  round: RoundOnMessage,
  rows: readonly ActionRow[],
  labels: ControlLabels = controlLabels("en"),
): APIModalInteractionResponseCallbackData {
  const questions = shownQuestions(round);
  return {
    custom_id: CUSTOM_IDS.answerAllModal(round.round),
    title: truncate(labels.answerAllTitle, DISCORD_LIMITS.modalTitle),
    components: [
      ...questions.map((question, index) => {
        const options = optionsOf(rows, question.id);
        const text = oneLine(question.text);
        return {
          type: ComponentType.Label as const,
          label: truncate(`${index + 1}. ${text}`, DISCORD_LIMITS.labelText),
          ...(text.length + 3 > DISCORD_LIMITS.labelText
            ? { description: truncate(text, DISCORD_LIMITS.labelDescription) }
            : {}),
          component:
            options.length > 0
              ? {
                  type: ComponentType.StringSelect as const,
                  custom_id: question.id,
                  placeholder: truncate(labels.pickOne, DISCORD_LIMITS.selectPlaceholder),
                  options: options.map((option, value) => ({
                    label: truncate(option, DISCORD_LIMITS.selectOptionLabel),
                    value: String(value),
                  })),
                  required: false,
                  min_values: 0,
                  max_values: 1,
                }
              : {
                  type: ComponentType.TextInput as const,
                  custom_id: question.id,
                  style: TextInputStyle.Paragraph,
                  required: false,
                  max_length: MAX_OWN_WORDS_CHARS,
                },
        };
      }),
      {
        type: ComponentType.Label,
        label: truncate(labels.ownWordsField, DISCORD_LIMITS.labelText),
        component: {
          type: ComponentType.TextInput,
          custom_id: CUSTOM_IDS.ownWords,
          style: TextInputStyle.Paragraph,
          required: false,
          max_length: MAX_OWN_WORDS_CHARS,
        },
      },
    ],
  };
}

export interface AnswerAllSubmission {
  /** Select values (option indexes as text) by question id. */
  picks: ReadonlyMap<string, readonly string[]>;
  /** Text inputs by custom id (questions without options, and the own-words field). */
  texts: ReadonlyMap<string, string>;
}

/** The answers of a submission, by question id (empty when nothing was picked or written). */
export function answersOf(
  submission: AnswerAllSubmission,
  round: RoundOnMessage | undefined,
  rows: readonly ActionRow[],
): Record<string, string> {
  if (!round) return {};
  const ownWords = submission.texts.get(CUSTOM_IDS.ownWords)?.trim() ?? "";
  const given = new Map<string, string>();
  const open = round.questions.filter((q) => q.answer === undefined);
  for (const question of open) {
    const index = Number(submission.picks.get(question.id)?.[0] ?? Number.NaN);
    const picked = Number.isInteger(index) ? optionText(rows, question.id, index) : undefined;
    const typed = submission.texts.get(question.id)?.trim();
    const value = picked ?? (typed || undefined);
    if (value !== undefined) given.set(question.id, value);
  }
  const answers: Record<string, string> = {};
  const everyPicked = open.every((q) => given.has(q.id));
  for (const question of open) {
    const value = given.get(question.id);
    if (value !== undefined) answers[question.id] = everyPicked && ownWords ? `${value} — ${ownWords}` : value;
    else if (ownWords) answers[question.id] = ownWords;
  }
  return answers;
}
