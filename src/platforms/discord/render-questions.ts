/**
 * A round of questions as one Discord message: the questions as text, a row of option buttons (or a
 * select) per question, and a last row with "answer all" (one modal with a select per open question),
 * "answer in my own words" (a modal) and "skip".
 * Answered questions keep their row, disabled, with the chosen option highlighted.
 */
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIComponentInMessageActionRow,
  type APIStringSelectComponent,
  ButtonStyle,
  ComponentType,
} from "discord.js";
import type { EngineReply, QuestionView } from "../../core/engine-api.js";
import { type ControlLabels, controlLabels } from "../../core/messages/control-labels.js";
import { CUSTOM_IDS, fitsCustomId } from "./custom-ids.js";
import { DISCORD_LIMITS } from "./discord-limits.js";
import type { OutboundMessage } from "./outbound-message.js";
import { escapeText, oneLine, truncate } from "./text-format.js";

type QuestionsReply = Extract<EngineReply, { kind: "questions" }>;
type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

const MAX_INTRO_CHARS = 400;
export const MAX_ANSWER_CHARS = 150;
/** One row stays free for "answer in my own words" and "skip". */
const MAX_QUESTION_ROWS = DISCORD_LIMITS.actionRows - 1;

/** The line that introduces question `n` (1-based); `readQuestionMessage` parses it back. */
export const questionLine = (n: number, text: string): string => `**${n}. ${text}**`;
/** The line under an answered question. */
export const answerLine = (answer: string): string => `→ ${answer}`;

export function renderQuestions(reply: QuestionsReply): OutboundMessage {
  const questions = reply.questions;
  // Controls in the conversation's language.
  const labels = controlLabels(reply.language);
  const intro = escapeText(truncate(reply.intro.trim(), MAX_INTRO_CHARS));
  const perQuestion = Math.floor(
    (DISCORD_LIMITS.messageContent - intro.length - 8) / Math.max(questions.length, 1) - MAX_ANSWER_CHARS - 8,
  );
  // A closed round's view may come without an introduction: no blank lines at the top then.
  const lines = intro === "" ? [] : [intro, ""];
  questions.forEach((question, index) => {
    lines.push(questionLine(index + 1, escapeText(truncate(oneLine(question.text), perQuestion))));
    if (question.answer !== undefined)
      lines.push(answerLine(escapeText(truncate(oneLine(question.answer), MAX_ANSWER_CHARS))));
  });

  // A closed round keeps its rows (the choices stay visible), every control disabled.
  const closed = reply.closed === true;
  const rows: Row[] = [];
  for (const question of questions) {
    const row = rows.length < MAX_QUESTION_ROWS ? questionRow(question, closed, labels) : undefined;
    if (row) rows.push(row);
  }
  const open = closed ? [] : questions.filter((q) => q.answer === undefined);
  // "Answer all" (one modal, every open question) when there is more than one to answer.
  const answerAll: APIButtonComponent[] =
    open.length > 1
      ? [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Success,
            custom_id: CUSTOM_IDS.answerAll,
            label: labels.answerAll,
          },
        ]
      : [];
  rows.push({
    type: ComponentType.ActionRow,
    components: [
      ...answerAll,
      {
        type: ComponentType.Button,
        style: ButtonStyle.Primary,
        custom_id: CUSTOM_IDS.other(
          reply.round,
          questions.map((q) => q.id),
        ),
        label: labels.ownWords,
        disabled: open.length === 0,
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        custom_id: CUSTOM_IDS.skip,
        label: labels.skip,
        disabled: open.length === 0,
      },
    ],
  });
  return { content: truncate(lines.join("\n"), DISCORD_LIMITS.messageContent), components: rows };
}

/** Buttons when every option fits a button, a select otherwise; nothing for a free-text-only question. */
function questionRow(question: QuestionView, closed: boolean, labels: ControlLabels): Row | undefined {
  const options = question.options.slice(0, DISCORD_LIMITS.selectOptions);
  if (options.length === 0) return undefined;
  const answered = question.answer !== undefined || closed;
  const asButtons =
    options.length <= DISCORD_LIMITS.buttonsPerRow &&
    options.every(
      (option, index) =>
        option.length <= DISCORD_LIMITS.buttonLabel && fitsCustomId(CUSTOM_IDS.answerButton(question.id, index)),
    );
  if (asButtons) {
    const buttons: APIButtonComponent[] = options.map((option, index) => ({
      type: ComponentType.Button,
      style: question.answer === option ? ButtonStyle.Success : ButtonStyle.Secondary,
      custom_id: CUSTOM_IDS.answerButton(question.id, index),
      label: option,
      disabled: answered,
    }));
    return { type: ComponentType.ActionRow, components: buttons };
  }
  const customId = CUSTOM_IDS.answerSelect(question.id);
  if (!fitsCustomId(customId)) return undefined;
  const select: APIStringSelectComponent = {
    type: ComponentType.StringSelect,
    custom_id: customId,
    placeholder: truncate(`${labels.pickOne}: ${oneLine(question.text)}`, DISCORD_LIMITS.selectPlaceholder),
    options: options.map((option, index) => ({
      label: truncate(oneLine(option), DISCORD_LIMITS.selectOptionLabel),
      value: String(index),
      ...(question.answer === option ? { default: true } : {}),
    })),
    min_values: 1,
    max_values: 1,
    disabled: answered,
  };
  return { type: ComponentType.ActionRow, components: [select] };
}
