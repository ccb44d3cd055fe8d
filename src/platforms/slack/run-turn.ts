/**
 * Runs one engine turn for a Slack event: progress and replies go through `SlackTurn`, inside the
 * turn (under the conversation's lock, with its message refs). The engine decides who sees each reply
 * and when a round is over; this file only wires a Slack event to it.
 */
import type { webApi } from "@slack/bolt";
import type { InboundEvent, TailorEngine } from "../../core/engine-api.js";
import type { Logger } from "../../core/ports.js";
import { closeQuestionBlocks } from "./close-questions.js";
import type { Block } from "./slack-message.js";
import { SlackTurn } from "./slack-turn.js";
import { ThreadPoster, type ThreadTarget } from "./thread-poster.js";

/** The message holding the control that was clicked, as the action payload showed it. */
export interface ClickedMessage {
  ts: string;
  text: string;
  blocks: Block[];
}

export interface RunOptions {
  /** The adapter claimed the event already (before posting the /tailor root message). */
  claimed?: boolean;
  clicked?: ClickedMessage;
  signal: AbortSignal;
}

export class TurnRunner {
  constructor(
    private readonly client: webApi.WebClient,
    private readonly engine: TailorEngine,
    private readonly logger: Logger,
  ) {}

  async run(event: InboundEvent, target: ThreadTarget, options: RunOptions): Promise<void> {
    const poster = new ThreadPoster(this.client, target, this.logger);
    const clicked = options.clicked;
    // A click on a questions message whose ref was never saved (a conversation older than refs).
    const fallback = clicked && (event.kind === "answer" || event.kind === "skip") ? clicked.ts : undefined;
    const turn = new SlackTurn(poster, fallback);
    await this.engine.handle(event, {
      signal: options.signal,
      ...(options.claimed ? { claimed: true } : {}),
      onProgress: turn.onProgress,
      deliver: async (replies, io) => {
        // A used retry button goes away as the step's outcome arrives (the payload shows its message).
        if (clicked && event.kind === "retry" && replies.some((r) => r.visibility === "public")) {
          const blocks = closeQuestionBlocks(clicked.blocks, { roundOver: true, note: "Retried." });
          await poster.update(clicked.ts, { text: clicked.text, blocks });
        }
        await turn.deliver(replies, io);
      },
    });
  }
}
