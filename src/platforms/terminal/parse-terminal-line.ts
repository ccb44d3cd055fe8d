/**
 * Turns one typed line of the terminal chat into engine input: a number answers the first open
 * question with that option, several numbers answer the open questions in order, anything else is text.
 */
import type { QuestionView } from "../../core/engine-api.js";

export type TerminalInput =
  | { kind: "answers"; picks: { questionId: string; option: string }[] }
  | { kind: "text"; text: string }
  | { kind: "invalid"; message: string };

export function parseTerminalLine(line: string, openQuestions: readonly QuestionView[]): TerminalInput {
  const text = line.trim();
  if (openQuestions.length === 0 || !/^\d+(\s+\d+)*$/.test(text)) return { kind: "text", text };
  const numbers = text.split(/\s+/).map(Number);
  if (numbers.length > openQuestions.length) {
    return {
      kind: "invalid",
      message: `There are ${openQuestions.length} open questions; type at most that many numbers.`,
    };
  }
  const picks: { questionId: string; option: string }[] = [];
  for (const [index, number] of numbers.entries()) {
    const question = openQuestions[index];
    if (!question) break;
    const option = question.options[number - 1];
    if (option === undefined) {
      return { kind: "invalid", message: `Question ${index + 1} has options 1 to ${question.options.length}.` };
    }
    picks.push({ questionId: question.id, option });
  }
  return { kind: "answers", picks };
}
