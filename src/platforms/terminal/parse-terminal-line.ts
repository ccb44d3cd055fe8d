/**
 * Turns one typed line of the terminal chat into engine input: a number answers the first open
 * question with that option, several numbers answer the open questions in order, anything else is text.
 */
import type { QuestionView } from "../../core/engine-api.js";
import { fill, type MessageLanguage } from "../../core/messages/catalog.js";
import { controlLabels, countLabel } from "../../core/messages/control-labels.js";

export type TerminalInput =
  | { kind: "answers"; picks: { questionId: string; option: string }[] }
  | { kind: "text"; text: string }
  | { kind: "invalid"; message: string };

/** `language`: the open questions' (the reply that asked them), for the messages about invalid numbers. */
export function parseTerminalLine(
  line: string,
  openQuestions: readonly QuestionView[],
  language?: MessageLanguage,
): TerminalInput {
  const labels = controlLabels(language);
  const text = line.trim();
  if (openQuestions.length === 0 || !/^\d+(\s+\d+)*$/.test(text)) return { kind: "text", text };
  const numbers = text.split(/\s+/).map(Number);
  if (numbers.length > openQuestions.length) {
    return {
      kind: "invalid",
      message: countLabel(labels, { one: "tooManyNumbersOne", many: "tooManyNumbersMany" }, openQuestions.length),
    };
  }
  const picks: { questionId: string; option: string }[] = [];
  for (const [index, number] of numbers.entries()) {
    const question = openQuestions[index];
    if (!question) break;
    const option = question.options[number - 1];
    if (option === undefined) {
      return {
        kind: "invalid",
        message: fill(labels.optionRange, { question: index + 1, count: question.options.length }),
      };
    }
    picks.push({ questionId: question.id, option });
  }
  return { kind: "answers", picks };
}
