/**
 * After a button, select or modal: the message it came from shows what happened (the answered
 * controls disabled with the choice shown, or every control disabled once the round or the failed
 * step is over), then the other replies follow as new messages.
 */
import type { ConversationKey } from "../../core/conversation.js";
import type { EngineReply } from "../../core/engine-api.js";
import type { MessageView } from "./message-view.js";
import { markAnswered, readQuestionMessage } from "./question-message.js";
import { renderQuestions } from "./render-questions.js";
import type { Replier } from "./replier.js";
import { deliver, type TurnContext } from "./run-turn.js";

export type SourceView = MessageView;

/** What the person did on the source message. */
export type Action = { kind: "answered"; answers: Array<{ questionId: string; choice: string }> } | { kind: "closed" };

export async function settleSource(
  context: TurnContext,
  key: ConversationKey,
  replies: readonly EngineReply[],
  replier: Replier,
  source: SourceView & { id: string },
  action: Action,
): Promise<void> {
  const round = readQuestionMessage(source.content, source.rows)?.round;
  const sameRound = replies.find((r) => r.kind === "questions" && r.round === round);
  // The engine took the action (rather than refusing it: not the owner, nothing to skip…).
  const taken = replies.some(
    (r) =>
      r.kind === "questions" ||
      r.kind === "prompt" ||
      r.kind === "error" ||
      (r.kind === "notice" && r.code === "answer_recorded"),
  );
  const update =
    sameRound?.kind === "questions"
      ? renderQuestions(sameRound)
      : taken
        ? marked(replies, source, action, round)
        : undefined;
  if (update)
    await replier
      .updateSource(update)
      .catch((error: unknown) => context.logger.warn("could not update the message", { error }));
  // The updated controls already say the answer was recorded.
  const rest = replies.filter((r) => r !== sameRound && !(r.kind === "notice" && r.code === "answer_recorded"));
  await deliver(context, key, rest, replier, source.id);
}

function marked(replies: readonly EngineReply[], source: SourceView, action: Action, round: number | undefined) {
  let view = { content: source.content, components: source.rows };
  if (action.kind === "answered")
    for (const answer of action.answers) {
      const next = markAnswered(view.content, view.components, answer);
      view = { content: next.content, components: next.components ?? view.components };
    }
  const over =
    action.kind === "closed" ||
    replies.some((r) => r.kind === "prompt" || (r.kind === "questions" && r.round !== round));
  return over ? markAnswered(view.content, view.components, { all: true }) : view;
}
