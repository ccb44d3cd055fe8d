/**
 * Runs one engine turn for a Slack event and keeps the thread tidy: replies go through `SlackTurn`,
 * the clicked message shows what was chosen, and buttons of a round that is over disappear (from the
 * clicked message, and from the last questions message when a typed message ended the round).
 */
import type { webApi } from "@slack/bolt";
import { conversationKeyString } from "../../core/conversation.js";
import type { EngineReply, InboundEvent, NoticeCode, TailorEngine } from "../../core/engine-api.js";
import { isTailorError } from "../../core/errors.js";
import type { Logger } from "../../core/ports.js";
import { closeQuestionBlocks } from "./close-questions.js";
import { INTERNAL_ERROR_TEXT, isEphemeral } from "./render-reply.js";
import { questionIdOfBlock } from "./slack-ids.js";
import type { Block } from "./slack-message.js";
import { type QuestionsMessage, SlackTurn } from "./slack-turn.js";
import { ThreadPoster, type ThreadTarget } from "./thread-poster.js";

/** The message holding the control that was clicked, as the action payload showed it. */
export interface ClickedMessage {
  ts: string;
  text: string;
  blocks: Block[];
}

/** Notices after which the current round's buttons no longer mean anything. */
const ROUND_ENDING_NOTICES: ReadonlySet<NoticeCode> = new Set(["new", "cancelled", "forgotten", "reset", "ended"]);

const NOTES = {
  answered: "Answered: thank you.",
  skipped: "Questions skipped: writing the prompt now.",
  closed: "These questions are closed.",
  retried: "Retried.",
} as const;

export class TurnRunner {
  /**
   * The latest questions message per conversation, to close it when a typed message ends its round.
   * In memory only: after a restart, old buttons stay visible (and the engine ignores stale clicks).
   */
  private readonly openQuestions = new Map<string, QuestionsMessage>();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly engine: TailorEngine,
    private readonly logger: Logger,
  ) {}

  async run(event: InboundEvent, target: ThreadTarget, clicked?: ClickedMessage): Promise<void> {
    const poster = new ThreadPoster(this.client, target, this.logger);
    const turn = new SlackTurn(poster);
    const key = conversationKeyString(event.key);
    const tracked = this.openQuestions.get(key);
    // Only a clicked answer updates its questions message in place (question ids repeat across `new`).
    const inPlace =
      clicked && event.kind === "answer" ? { ...clicked, questionIds: questionIdsOf(clicked.blocks) } : undefined;

    const replies = await this.handle(event, turn);
    const delivery = await turn.deliver(replies, inPlace);
    if (delivery.questions) this.openQuestions.set(key, delivery.questions);
    // Nothing happened (a duplicate, someone else's click) or only the actor was told something.
    if (replies.length === 0 || replies.every(isEphemeral)) return;

    const ending = replies.some((r) => r.kind === "notice" && ROUND_ENDING_NOTICES.has(r.code));
    const roundOver =
      ending || replies.some((r) => r.kind === "prompt" || (r.kind === "questions" && !delivery.updatedInPlace));
    const skipped = event.kind === "skip" || (event.kind === "message" && event.text.trim().toLowerCase() === "skip");
    const note = ending ? NOTES.closed : skipped ? NOTES.skipped : NOTES.answered;

    if (clicked && !delivery.updatedInPlace) {
      const chosen = event.kind === "answer" ? { questionId: event.questionId, option: event.option } : undefined;
      const over = event.kind !== "answer" || roundOver;
      const closingNote = event.kind === "retry" ? NOTES.retried : over ? note : undefined;
      const blocks = closeQuestionBlocks(clicked.blocks, { chosen, roundOver: over, note: closingNote });
      await poster.update(clicked.ts, { text: clicked.text, blocks });
    }
    if (roundOver && tracked && tracked.ts !== clicked?.ts && tracked.ts !== delivery.questions?.ts) {
      const blocks = closeQuestionBlocks(tracked.blocks, { roundOver: true, note });
      await poster.update(tracked.ts, { text: tracked.text, blocks });
    }
    if (roundOver && !delivery.questions) this.openQuestions.delete(key);
  }

  private async handle(event: InboundEvent, turn: SlackTurn): Promise<EngineReply[]> {
    try {
      return await this.engine.handle(event, { onProgress: turn.onProgress });
    } catch (error) {
      this.logger.error("engine turn failed", { eventId: event.eventId, error });
      // Internal errors never reach a chat verbatim: only a TailorError's user-safe message does.
      const message = isTailorError(error) ? error.userMessage : INTERNAL_ERROR_TEXT;
      return [{ kind: "error", code: "internal", message, retry: false }];
    }
  }
}

const questionIdsOf = (blocks: readonly Block[]): string[] =>
  blocks.flatMap((block) => {
    const id = block.type === "actions" && block.block_id ? questionIdOfBlock(block.block_id) : undefined;
    return id ? [id] : [];
  });
