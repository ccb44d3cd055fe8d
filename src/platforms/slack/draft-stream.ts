/**
 * Shows the prompt in the turn's thread while the model writes it. First choice: Slack's streaming
 * methods (chat.startStream, then chat.appendStream with what was written since, chat.stopStream before
 * the final reply replaces it). Where Slack refuses to stream (some channel types, older workspaces, a
 * stream past its 5 minutes), one message is edited instead (chat.update), the turn's working message
 * where there is one. Either way at most one Slack call per interval: drafts arriving in between are
 * coalesced, and only the latest is shown.
 */
import type { PromptDraft } from "../../core/engine-api.js";
import type { Logger } from "../../core/ports.js";
import { renderDraft, streamOpening, streamPiece } from "./render-draft.js";
import type { ThreadPoster } from "./thread-poster.js";

/** About one Slack call a second: the rate Slack tolerates for edits of one message. */
export const DRAFT_INTERVAL_MS = 1_000;

export interface DraftHooks {
  /** Runs a Slack call after the turn's earlier ones (the working message is posted first). */
  enqueue<T>(step: () => Promise<T>): Promise<T>;
  /** The turn's working message, if one was posted: the fallback edits it (keeping its Stop button). */
  workingTs(): Promise<string | undefined>;
}

/** The message showing the draft when the stream ends: `separate` when it is not the working message. */
export interface DraftMessage {
  ts: string;
  separate: boolean;
}

export class DraftStream {
  private mode: "stream" | "update" = "stream";
  private streamTs: string | undefined;
  /** The message the fallback edits, once chosen. */
  private editTs: string | undefined;
  private editIsWorking = false;
  /** The raw prompt text already streamed (deltas are cut against it). */
  private streamed = "";
  private shown = "";
  private latest: PromptDraft | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastFlush = Number.NEGATIVE_INFINITY;
  private finished = false;

  constructor(
    private readonly poster: ThreadPoster,
    private readonly hooks: DraftHooks,
    private readonly logger: Logger,
    private readonly intervalMs: number = DRAFT_INTERVAL_MS,
  ) {}

  /** A new draft (the whole prompt so far): shown now if the interval allows, otherwise at its end. */
  push(draft: PromptDraft): void {
    if (this.finished) return;
    this.latest = draft;
    if (this.timer) return;
    const wait = Math.max(0, this.lastFlush + this.intervalMs - performance.now());
    this.timer = setTimeout(() => this.flush(), wait);
  }

  /**
   * Ends the draft before the final reply: drops what was not shown yet (the reply replaces it) and
   * stops the stream. Resolves with the message that showed the draft, if any.
   */
  async finish(): Promise<DraftMessage | undefined> {
    this.finished = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    return this.hooks.enqueue(async () => {
      if (this.streamTs && this.mode === "stream") await this.poster.stopStream(this.streamTs);
      if (this.mode === "stream") return this.streamTs ? { ts: this.streamTs, separate: true } : undefined;
      return this.editTs ? { ts: this.editTs, separate: !this.editIsWorking } : undefined;
    });
  }

  private flush(): void {
    this.timer = undefined;
    this.lastFlush = performance.now();
    const draft = this.latest;
    if (!draft || draft.text === this.shown) return;
    this.shown = draft.text;
    void this.hooks
      .enqueue(() => (this.finished ? Promise.resolve() : this.show(draft)))
      .catch((error: unknown) => this.logger.warn("could not show the draft", { error }));
  }

  private async show(draft: PromptDraft): Promise<void> {
    if (this.mode === "stream" && (await this.stream(draft))) return;
    await this.edit(draft);
  }

  /** Streams the draft; false when Slack refused (the caller falls back to editing a message). */
  private async stream(draft: PromptDraft): Promise<boolean> {
    if (!this.streamTs) {
      const started = await this.poster.startStream(streamOpening(draft));
      if (started.ok) {
        this.streamTs = started.value;
        this.streamed = draft.text;
        return true;
      }
      return this.refused(started.error);
    }
    // A draft that rewrote what was already streamed cannot be shown as a stream; the final reply will.
    if (!draft.text.startsWith(this.streamed) || draft.text.length === this.streamed.length) return true;
    const appended = await this.poster.appendStream(this.streamTs, streamPiece(draft.text.slice(this.streamed.length)));
    if (appended.ok) {
      this.streamed = draft.text;
      return true;
    }
    return this.refused(appended.error);
  }

  private refused(error: string): false {
    this.logger.info("Slack refused to stream the draft; editing a message instead", { error });
    this.mode = "update";
    return false;
  }

  private async edit(draft: PromptDraft): Promise<void> {
    if (!this.editTs) {
      // A stream that broke off is edited in place; otherwise the working message shows the draft.
      const working = this.streamTs ? undefined : await this.hooks.workingTs();
      this.editTs = this.streamTs ?? working;
      this.editIsWorking = this.editTs !== undefined && this.editTs === working;
    }
    const rendered = renderDraft(draft, this.editIsWorking);
    if (this.editTs && (await this.poster.update(this.editTs, rendered))) return;
    const posted = await this.poster.post(rendered);
    if (posted) {
      this.editTs = posted;
      this.editIsWorking = false;
    }
  }
}
