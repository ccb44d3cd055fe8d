/**
 * Reads a questions message back (after a restart too: everything needed is on the message itself)
 * and marks its answered controls: disabled, with the choice shown.
 */
import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  ButtonStyle,
  ComponentType,
} from "discord.js";
import { CUSTOM_IDS, parseCustomId } from "./custom-ids.js";
import { DISCORD_LIMITS } from "./discord-limits.js";
import type { OutboundMessage } from "./outbound-message.js";
import { answerLine, MAX_ANSWER_CHARS } from "./render-questions.js";
import { escapeText, oneLine, truncate, unescapeText } from "./text-format.js";

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

export interface QuestionOnMessage {
  id: string;
  /** The question as shown (markdown escapes undone). */
  text: string;
  answer?: string;
}

export interface RoundOnMessage {
  round: number;
  questions: QuestionOnMessage[];
}

const QUESTION_LINE = /^\*\*(\d+)\. (.*)\*\*$/;
const ANSWER_LINE = /^→ (.*)$/;

export function readQuestionMessage(content: string, rows: readonly Row[]): RoundOnMessage | undefined {
  const components = rows.flatMap((row) => row.components);
  const other = components
    .map((c) => ("custom_id" in c ? parseCustomId(c.custom_id, "button") : undefined))
    .find((parsed) => parsed?.kind === "other");
  if (other?.kind !== "other") return undefined;
  const ids = other.questionIds.length > 0 ? other.questionIds : idsFromControls(components);

  const texts: string[] = [];
  const answers: Array<string | undefined> = [];
  for (const line of content.split("\n")) {
    const question = QUESTION_LINE.exec(line);
    if (question?.[1]) {
      texts[Number(question[1]) - 1] = unescapeText(question[2] ?? "");
      continue;
    }
    const answer = ANSWER_LINE.exec(line);
    if (answer && texts.length > 0) answers[texts.length - 1] = unescapeText(answer[1] ?? "");
  }
  return {
    round: other.round,
    questions: ids.map((id, index) => {
      const answer = answers[index] ?? chosenOption(components, id);
      return { id, text: texts[index] ?? `Question ${index + 1}`, ...(answer !== undefined ? { answer } : {}) };
    }),
  };
}

/** Every option of a question as its controls show it, in order (empty for a free-text question). */
export function optionsOf(rows: readonly Row[], questionId: string): string[] {
  const options: string[] = [];
  for (let index = 0; index < DISCORD_LIMITS.selectOptions; index++) {
    const text = optionText(rows, questionId, index);
    if (text === undefined) break;
    options.push(text);
  }
  return options;
}

/** The text of option `index` of a question, read from its button or select. */
export function optionText(rows: readonly Row[], questionId: string, index: number): string | undefined {
  for (const component of rows.flatMap((row) => row.components)) {
    if (component.type === ComponentType.Button && "custom_id" in component) {
      if (component.custom_id === CUSTOM_IDS.answerButton(questionId, index)) return component.label;
    } else if (
      component.type === ComponentType.StringSelect &&
      component.custom_id === CUSTOM_IDS.answerSelect(questionId)
    )
      return component.options.find((option) => option.value === String(index))?.label;
  }
  return undefined;
}

/**
 * The message with one question answered (its controls disabled, the choice highlighted and written
 * under it) or, with `all`, every control disabled because the round is over.
 */
export function markAnswered(
  content: string,
  rows: readonly Row[],
  mark: { questionId: string; choice: string } | { all: true },
): OutboundMessage {
  const belongs = (customId: string) =>
    "all" in mark ||
    customId === CUSTOM_IDS.answerSelect(mark.questionId) ||
    customId.startsWith(`${CUSTOM_IDS.answerSelect(mark.questionId)}:`);
  const components = rows.map(
    (row): Row => ({
      ...row,
      components: row.components.map((component) => {
        if (!("custom_id" in component) || !belongs(component.custom_id)) return component;
        const chosen = "choice" in mark ? mark.choice : undefined;
        if (component.type === ComponentType.Button)
          return {
            ...component,
            disabled: true,
            ...(chosen !== undefined && component.label === chosen ? { style: ButtonStyle.Success } : {}),
          };
        if (component.type === ComponentType.StringSelect)
          return {
            ...component,
            disabled: true,
            options: component.options.map((option) => ({ ...option, default: option.label === chosen })),
          };
        return { ...component, disabled: true };
      }),
    }),
  );
  return { content: "all" in mark ? content : withAnswerLine(content, rows, mark), components };
}

function withAnswerLine(content: string, rows: readonly Row[], mark: { questionId: string; choice: string }): string {
  const round = readQuestionMessage(content, rows);
  const position = round?.questions.findIndex((q) => q.id === mark.questionId) ?? -1;
  if (position < 0) return content;
  const lines = content.split("\n");
  const at = lines.findIndex((line) => QUESTION_LINE.exec(line)?.[1] === String(position + 1));
  if (at < 0 || ANSWER_LINE.test(lines[at + 1] ?? "")) return content;
  lines.splice(at + 1, 0, answerLine(escapeText(truncate(oneLine(mark.choice), MAX_ANSWER_CHARS))));
  return truncate(lines.join("\n"), DISCORD_LIMITS.messageContent);
}

function idsFromControls(components: readonly APIComponentInMessageActionRow[]): string[] {
  const ids: string[] = [];
  for (const component of components) {
    if (!("custom_id" in component)) continue;
    const parsed = parseCustomId(
      component.custom_id,
      component.type === ComponentType.StringSelect ? "select" : "button",
    );
    if (parsed?.kind === "answer" && !ids.includes(parsed.questionId)) ids.push(parsed.questionId);
  }
  return ids;
}

function chosenOption(components: readonly APIComponentInMessageActionRow[], questionId: string): string | undefined {
  for (const component of components) {
    if (component.type === ComponentType.Button && "custom_id" in component) {
      if (
        component.custom_id.startsWith(`${CUSTOM_IDS.answerSelect(questionId)}:`) &&
        component.style === ButtonStyle.Success
      )
        return component.label;
    } else if (
      component.type === ComponentType.StringSelect &&
      component.custom_id === CUSTOM_IDS.answerSelect(questionId)
    )
      return component.options.find((option) => option.default)?.label;
  }
  return undefined;
}
