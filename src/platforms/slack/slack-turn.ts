/**
 * One engine turn as the thread sees it: a "working" placeholder on the first progress report (kept
 * current with the queue position), then the replies, the first of which takes the placeholder's place
 * (chat.update). A same-round questions reply updates the open questions message in place.
 */
import type { EngineReply, Progress } from "../../core/engine-api.js";
import { isEphemeral, renderReply, renderWorking } from "./render-reply.js";
import type { Block, SlackMessage } from "./slack-message.js";
import type { ThreadPoster } from "./thread-poster.js";

/** A posted questions message: enough to update or close it later. */
export interface QuestionsMessage {
  ts: string;
  text: string;
  blocks: Block[];
  questionIds: string[];
}

export interface Delivery {
  /** The questions message this turn posted or updated, if any. */
  questions?: QuestionsMessage;
  /** True when a same-round questions reply updated `inPlace`. */
  updatedInPlace: boolean;
}

export class SlackTurn {
  private placeholder: Promise<string | undefined> | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private lastWorkingText = "";

  constructor(private readonly poster: ThreadPoster) {}

  /** Engine progress callback: synchronous, so Slack calls are queued in order behind it. */
  readonly onProgress = (progress: Progress): void => {
    const working = renderWorking(progress);
    if (working.text === this.lastWorkingText) return;
    this.lastWorkingText = working.text;
    if (!this.placeholder) {
      const posted = this.enqueue(() => this.poster.post(working));
      this.placeholder = posted;
      return;
    }
    const placeholder = this.placeholder;
    void this.enqueue(async () => {
      const ts = await placeholder;
      if (ts) await this.poster.update(ts, working);
    });
  };

  async deliver(replies: readonly EngineReply[], inPlace?: QuestionsMessage): Promise<Delivery> {
    await this.chain;
    let placeholderTs = this.placeholder ? await this.placeholder : undefined;
    const delivery: Delivery = { updatedInPlace: false };
    for (const reply of replies) {
      const message = renderReply(reply);
      if (isEphemeral(reply)) {
        await this.poster.postEphemeral(message);
        continue;
      }
      if (reply.kind === "questions" && inPlace && sameRound(reply.questions, inPlace)) {
        if (await this.poster.update(inPlace.ts, message)) delivery.updatedInPlace = true;
        delivery.questions = { ...inPlace, text: message.text, blocks: message.blocks };
        continue;
      }
      const ts = await this.place(message, placeholderTs);
      placeholderTs = undefined;
      if (ts && reply.kind === "questions")
        delivery.questions = {
          ts,
          text: message.text,
          blocks: message.blocks,
          questionIds: reply.questions.map((q) => q.id),
        };
      if (message.attachment) await this.poster.attach(message.attachment);
    }
    // Nothing took the placeholder's place (say, only an ephemeral note): it would say "working" forever.
    if (placeholderTs) await this.poster.remove(placeholderTs);
    return delivery;
  }

  private async place(message: SlackMessage, placeholderTs: string | undefined): Promise<string | undefined> {
    if (placeholderTs && (await this.poster.update(placeholderTs, message))) return placeholderTs;
    return this.poster.post(message);
  }

  private enqueue<T>(step: () => Promise<T>): Promise<T> {
    const next = this.chain.then(step);
    this.chain = next.catch(() => undefined);
    return next;
  }
}

const sameRound = (questions: readonly { id: string }[], open: QuestionsMessage): boolean =>
  questions.length > 0 && questions.every((question) => open.questionIds.includes(question.id));
