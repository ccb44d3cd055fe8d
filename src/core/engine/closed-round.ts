/**
 * Whether a turn ended the round of questions that was open when it began, and the round's final view
 * (the answers it got; questions left unanswered are shown closed). Adapters render that view in place
 * of the round's questions message, so no control of a finished round stays live.
 */
import type { Conversation, Question } from "../conversation.js";
import { REF_NAMES, type ReplyBody } from "../engine-api.js";

export interface OpenRound {
  /** Identifies the conversation (a `new` one in the same thread starts another). */
  createdAt: string;
  round: number;
  intro: string;
  questions: Question[];
}

export function openRoundOf(conversation: Conversation): OpenRound | undefined {
  if (conversation.questions.length === 0) return undefined;
  // A turn cut off by a restart after its save but before the round's message was closed (an
  // integrate step, or a skip whose prompt was saved but not shown): adapters forget the message once
  // they close it, so one still named in the refs kept its controls, and whatever ends this turn
  // closes it.
  const unclosed =
    conversation.refs[REF_NAMES.questions] !== undefined &&
    conversation.refs[REF_NAMES.questionsRound] === String(conversation.round);
  if (conversation.phase !== "asking" && !unclosed) return undefined;
  return {
    createdAt: conversation.createdAt,
    round: conversation.round,
    intro: "",
    questions: conversation.questions.map((q) => ({ ...q })),
  };
}

/** The closed view of `before` when the turn ended it (`after`: the record as the turn left it). */
export function closedRound(before: OpenRound, after: Conversation | undefined): ReplyBody | undefined {
  const same = after !== undefined && after.createdAt === before.createdAt;
  if (same && after.phase === "asking" && after.round === before.round) return undefined;
  const settled = same ? [...(after.earlierQuestions ?? []), ...after.questions] : [];
  return {
    kind: "questions",
    round: before.round,
    intro: before.intro,
    closed: true,
    questions: before.questions.map((question) => {
      const answer = settled.find((q) => q.id === question.id)?.answer ?? question.answer;
      return {
        id: question.id,
        capability: question.capability,
        text: question.text,
        options: question.options,
        ...(answer !== undefined ? { answer } : {}),
      };
    }),
  };
}
