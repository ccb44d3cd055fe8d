/**
 * A round of questions as Block Kit: per question a section and a row of option buttons (the block id
 * carries the question id, each button's value is `capability=option`), then a skip button. Answered
 * questions show the choice and lose their buttons.
 */
import type { EngineReply, QuestionView } from "../../core/engine-api.js";
import { escapeMrkdwn, safeMrkdwn } from "./mrkdwn.js";
import { answerActionId, HINT_BLOCK_ID, questionBlockId, SKIP_ACTION_ID } from "./slack-ids.js";
import { SLACK_LIMITS } from "./slack-limits.js";
import { actions, type Block, button, context, message, type SlackMessage, section } from "./slack-message.js";

type QuestionsReply = Extract<EngineReply, { kind: "questions" }>;

/** The engine asks at most 3; the cap keeps a misbehaving engine inside Slack's 50 blocks. */
const MAX_QUESTIONS = 10;
const SKIP_BLOCK_ID = "tailor_controls";

/** The last line of a round that is over. */
const CLOSED_NOTES = { answered: "Answered: thank you.", closed: "These questions are closed." } as const;

export function renderQuestions(reply: QuestionsReply): SlackMessage {
  const questions = reply.questions.slice(0, MAX_QUESTIONS);
  const blocks: Block[] = [];
  if (reply.intro.trim()) blocks.push(section(escapeMrkdwn(reply.intro)));
  const closed = reply.closed === true;
  for (const [index, question] of questions.entries()) blocks.push(...renderQuestion(question, index, closed));
  const open = questions.some((question) => question.answer === undefined);
  if (closed) {
    blocks.push(context(open ? CLOSED_NOTES.closed : CLOSED_NOTES.answered));
  } else if (open) {
    blocks.push(
      context("Or answer in your own words: reply in this thread (one message can answer them all).", HINT_BLOCK_ID),
    );
    blocks.push(actions(SKIP_BLOCK_ID, [button(SKIP_ACTION_ID, "Skip: write the prompt now", "skip")]));
  }
  const fallback = [reply.intro, ...questions.map((q, i) => `${i + 1}. ${q.text}`)].join("\n");
  return message(fallback, blocks);
}

function renderQuestion(question: QuestionView, index: number, closed: boolean): Block[] {
  const heading = `*${index + 1}. ${safeMrkdwn(question.text, SLACK_LIMITS.sectionText - 200)}*`;
  if (question.answer !== undefined) {
    return [section(`${heading}\n:white_check_mark: ${escapeMrkdwn(question.answer)}`)];
  }
  if (closed) return [section(`${heading}\n_not answered_`)];
  const blocks = [section(heading)];
  if (question.options.length > 0) {
    const buttons = question.options.map((option, i) =>
      button(answerActionId(i), option, answerValue(question.capability, option)),
    );
    blocks.push(actions(questionBlockId(question.id), buttons));
  }
  return blocks;
}

/** The contract's button value: `capability=option text` (shortened to Slack's 2000 characters). */
export const answerValue = (capability: string, option: string): string => `${capability}=${option}`;

/** The option text of a button value (`capability=option`); undefined when the value has no `=`. */
export function optionOfValue(value: string): string | undefined {
  const at = value.indexOf("=");
  return at < 0 ? undefined : value.slice(at + 1);
}
