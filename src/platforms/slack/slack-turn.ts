/**
 * One engine turn as the thread sees it: a "working" placeholder with a Stop button on the first
 * progress report (kept current with the queue position), the prompt streamed while it is written,
 * then the replies, the first of which takes the place of the streamed draft or the placeholder
 * (chat.update). The round's questions message is updated in place, and closed when the engine says
 * the round is over. Every message to update later is found through the conversation's refs (saved in
 * the store), so any replica, after any restart, finds it: nothing is kept in this process.
 */

import { type EngineReply, type Progress, type PromptDraft, REF_NAMES, type TurnIo } from "../../core/engine-api.js";
import { controlLabels } from "../../core/messages/control-labels.js";
import type { Logger } from "../../core/ports.js";
import { roundMessage } from "../round-message.js";
import { DraftStream } from "./draft-stream.js";
import { progressText, renderReply, renderWorking } from "./render-reply.js";
import type { SlackMessage } from "./slack-message.js";
import type { ThreadPoster } from "./thread-poster.js";

export interface SlackTurnOptions {
  /** The questions message to update when the record has no ref for it (the clicked message). */
  questionsFallbackTs?: string;
  /** The assistant thread's status line ("" clears it), where the conversation lives in one. */
  setStatus?: (status: string) => Promise<void>;
  /** At most one draft update per this many ms (default about one a second). */
  draftIntervalMs?: number;
  logger?: Logger;
}

export class SlackTurn {
  private placeholder: Promise<string | undefined> | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private lastWorkingText = "";
  private draft: DraftStream | undefined;
  private statusShown = false;

  constructor(
    private readonly poster: ThreadPoster,
    private readonly options: SlackTurnOptions = {},
  ) {}

  /** Engine progress callback: synchronous, so Slack calls are queued in order behind it. */
  readonly onProgress = (progress: Progress, io: TurnIo): void => {
    // Once the prompt is being written the draft is what the thread shows.
    if (this.draft) return;
    const working = renderWorking(progress);
    if (working.text === this.lastWorkingText) return;
    this.lastWorkingText = working.text;
    this.showStatus(progressText(progress));
    if (!this.placeholder) {
      // A placeholder left by a turn whose process died is taken over rather than left saying "working".
      const left = io.refs[REF_NAMES.working];
      this.placeholder = this.enqueue(async () => {
        const ts = left && (await this.poster.update(left, working)) ? left : await this.poster.post(working);
        if (ts && ts !== left) await io.setRefs({ [REF_NAMES.working]: ts });
        return ts;
      });
      return;
    }
    const placeholder = this.placeholder;
    void this.enqueue(async () => {
      const ts = await placeholder;
      if (ts) await this.poster.update(ts, working);
    });
  };

  /** Engine draft callback (often): the draft stream throttles what reaches Slack. */
  readonly onDraft = (draft: PromptDraft, _io: TurnIo): void => {
    if (!this.draft) {
      this.draft = new DraftStream(
        this.poster,
        { enqueue: (step) => this.enqueue(step), workingTs: async () => this.placeholder && (await this.placeholder) },
        this.options.logger ?? this.poster.logger,
        this.options.draftIntervalMs,
      );
      this.showStatus(controlLabels(draft.language).writingStatus);
    }
    this.draft.push(draft);
  };

  async deliver(replies: readonly EngineReply[], io: TurnIo): Promise<void> {
    try {
      await this.deliverReplies(replies, io);
    } finally {
      const setStatus = this.options.setStatus;
      if (this.statusShown && setStatus) await this.enqueue(() => setStatus("")).catch(() => undefined);
    }
  }

  private async deliverReplies(replies: readonly EngineReply[], io: TurnIo): Promise<void> {
    const drafted = this.draft ? await this.draft.finish() : undefined;
    await this.chain;
    let placeholderTs = (this.placeholder ? await this.placeholder : undefined) ?? io.refs[REF_NAMES.working];
    if (drafted?.separate) {
      // The streamed draft takes the first reply; the working message and its Stop button go.
      if (placeholderTs) {
        if (io.refs[REF_NAMES.working]) await io.setRefs({ [REF_NAMES.working]: undefined });
        await this.poster.remove(placeholderTs);
      }
      placeholderTs = drafted.ts;
    }
    for (const reply of replies) {
      const message = renderReply(reply);
      if (reply.visibility === "private") {
        await this.poster.postEphemeral(message);
        continue;
      }
      if (reply.kind === "questions") {
        const openTs = roundMessage(io.refs, reply.round, this.options.questionsFallbackTs);
        if (reply.closesRound) {
          // The round is over: its message shows the answers and loses its controls.
          if (openTs) await this.poster.update(openTs, message);
          await io.setRefs({ [REF_NAMES.questions]: undefined, [REF_NAMES.questionsRound]: undefined });
          continue;
        }
        if (openTs && (await this.poster.update(openTs, message))) continue;
        const ts = await this.place(message, placeholderTs, io);
        placeholderTs = undefined;
        // The placeholder is a questions message now: one save records both (no window where a later
        // turn would take the questions for a placeholder).
        if (ts)
          await io.setRefs({
            [REF_NAMES.questions]: ts,
            [REF_NAMES.questionsRound]: String(reply.round),
            [REF_NAMES.working]: undefined,
          });
        continue;
      }
      const ts = await this.place(message, placeholderTs, io);
      placeholderTs = undefined;
      if (ts && reply.kind === "prompt") await io.setRefs({ [REF_NAMES.prompt]: ts, [REF_NAMES.working]: undefined });
      else if (io.refs[REF_NAMES.working]) await io.setRefs({ [REF_NAMES.working]: undefined });
      if (message.attachment) await this.poster.attach(message.attachment);
    }
    // Nothing took the placeholder's place (say, only a private note): it would say "working" forever.
    if (placeholderTs) await this.poster.remove(placeholderTs);
    if (io.refs[REF_NAMES.working]) await io.setRefs({ [REF_NAMES.working]: undefined });
  }

  /**
   * Puts a reply in the placeholder's place (or posts it). The placeholder's ref is dropped first: a
   * replica that dies in between leaves a stray "working" line, never a ref that would make a later
   * turn overwrite this reply.
   */
  private async place(
    message: SlackMessage,
    placeholderTs: string | undefined,
    io: TurnIo,
  ): Promise<string | undefined> {
    if (!placeholderTs) return this.poster.post(message);
    if (io.refs[REF_NAMES.working] && !(await io.setRefs({ [REF_NAMES.working]: undefined }))) {
      // The record still names the placeholder (its save was refused): a later turn would take it
      // over, so the reply goes in a message of its own.
      await this.poster.remove(placeholderTs);
      return this.poster.post(message);
    }
    if (await this.poster.update(placeholderTs, message)) return placeholderTs;
    // Not left behind saying "working" (or showing half a draft) next to the reply.
    await this.poster.remove(placeholderTs);
    return this.poster.post(message);
  }

  /** The assistant thread's status line, in order with the turn's other calls. */
  private showStatus(status: string): void {
    const setStatus = this.options.setStatus;
    if (!setStatus) return;
    this.statusShown = true;
    void this.enqueue(() => setStatus(status)).catch(() => undefined);
  }

  private enqueue<T>(step: () => Promise<T>): Promise<T> {
    const next = this.chain.then(step);
    this.chain = next.catch(() => undefined);
    return next;
  }
}
