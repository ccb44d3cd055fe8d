/**
 * A round of questions as Block Kit: per question a section and a row of option buttons (the block id
 * carries the question id, each button's value is `capability=option`); then the same round as one
 * form (a select per open question in input blocks, which Slack keeps until Submit is clicked) with
 * Submit and Skip. Answered questions show the choice and lose their controls.
 */
import type { EngineReply, QuestionView } from "../../core/engine-api.js";
import { controlLabels } from "../../core/messages/control-labels.js";
import { escapeMrkdwn, plainLabel, safeMrkdwn } from "./mrkdwn.js";
import {
  answerActionId,
  HINT_BLOCK_ID,
  PICK_ACTION_ID,
  pickBlockId,
  questionBlockId,
  SKIP_ACTION_ID,
  SUBMIT_ACTION_ID,
} from "./slack-ids.js";
import { SLACK_LIMITS } from "./slack-limits.js";
import {
  actions,
  type Block,
  button,
  context,
  message,
  option,
  type SlackMessage,
  section,
  staticSelect,
} from "./slack-message.js";

type QuestionsReply = Extract<EngineReply, { kind: "questions" }>;

/** The engine asks at most 3; the cap keeps a misbehaving engine inside Slack's 50 blocks. */
const MAX_QUESTIONS = 10;
const SKIP_BLOCK_ID = "tailor_controls";

export function renderQuestions(reply: QuestionsReply): SlackMessage {
  // The bot's own words in the conversation's language (the engine says which).
  const labels = controlLabels(reply.language);
  const questions = reply.questions.slice(0, MAX_QUESTIONS);
  const blocks: Block[] = [];
  if (reply.intro.trim()) blocks.push(section(escapeMrkdwn(reply.intro)));
  const closed = reply.closed === true;
  for (const [index, question] of questions.entries()) blocks.push(...renderQuestion(question, index, closed));
  const open = questions.some((question) => question.answer === undefined);
  if (closed) {
    blocks.push(context(open ? labels.closed : labels.answered));
  } else if (open) {
    blocks.push(context(escapeMrkdwn(labels.ownWordsHint), HINT_BLOCK_ID));
    const form = questions.flatMap((question, index) => pickInput(question, index, labels.pickOne));
    const skip = button(SKIP_ACTION_ID, labels.skip, "skip");
    blocks.push(...form);
    blocks.push(
      actions(
        SKIP_BLOCK_ID,
        form.length > 0 ? [button(SUBMIT_ACTION_ID, labels.submit, "submit", "primary"), skip] : [skip],
      ),
    );
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

/**
 * An open question's select for the one-form answer. An input block without `dispatch_action` sends
 * nothing when an option is picked: Slack keeps the choice in the message's `state.values` until
 * Submit. An option's value is its index: the option text itself is read from the question's button
 * (`tailor_answer_N`), whose value holds it whole (an option value holds only 150 characters).
 */
function pickInput(question: QuestionView, index: number, placeholder: string): Block[] {
  if (question.answer !== undefined || question.options.length === 0) return [];
  const options = question.options.map((text, i) => option(text, String(i)));
  return [
    {
      type: "input",
      block_id: pickBlockId(question.id),
      optional: true,
      dispatch_action: false,
      label: { type: "plain_text", text: plainLabel(`${index + 1}. ${question.text}`, SLACK_LIMITS.inputLabel) },
      element: staticSelect(PICK_ACTION_ID, placeholder, options),
    },
  ];
}

/** The contract's button value: `capability=option text` (shortened to Slack's 2000 characters). */
export const answerValue = (capability: string, option: string): string => `${capability}=${option}`;

/** The option text of a button value (`capability=option`); undefined when the value has no `=`. */
export function optionOfValue(value: string): string | undefined {
  const at = value.indexOf("=");
  return at < 0 ? undefined : value.slice(at + 1);
}
