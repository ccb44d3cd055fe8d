/**
 * Posts into one conversation's thread: messages with link unfurling off, in-place updates, ephemeral
 * notes and file snippets. Failures are logged and reported as `undefined`: a Slack hiccup never
 * crashes a turn, and nothing here shows an internal error to users.
 */
import type { webApi } from "@slack/bolt";
import type { Logger } from "../../core/ports.js";
import { renderPromptParts } from "./render-prompt.js";
import type { SlackMessage } from "./slack-message.js";

export interface ThreadTarget {
  channel: string;
  threadTs: string;
  /** The person who acted: ephemeral notes go to them. */
  userId: string;
  /** The workspace of that person (a stream outside a DM names its recipient's team). */
  teamId?: string;
}

/** A Slack call's outcome where the caller needs Slack's reason (to fall back). */
export type CallOutcome<T> = { ok: true; value: T } | { ok: false; error: string };

export class ThreadPoster {
  constructor(
    private readonly client: webApi.WebClient,
    readonly target: ThreadTarget,
    readonly logger: Logger,
  ) {}

  /** Posts in the thread; returns the new message's ts. */
  async post(message: SlackMessage): Promise<string | undefined> {
    const result = await this.call("chat.postMessage", () =>
      this.client.chat.postMessage({
        channel: this.target.channel,
        thread_ts: this.target.threadTs,
        text: message.text,
        blocks: message.blocks,
        // Model text may contain links: never expand them into previews.
        unfurl_links: false,
        unfurl_media: false,
      }),
    );
    return result?.ts;
  }

  async update(ts: string, message: Pick<SlackMessage, "text" | "blocks">): Promise<boolean> {
    const result = await this.call("chat.update", () =>
      this.client.chat.update({ channel: this.target.channel, ts, text: message.text, blocks: message.blocks }),
    );
    return result !== undefined;
  }

  async remove(ts: string): Promise<void> {
    await this.call("chat.delete", () => this.client.chat.delete({ channel: this.target.channel, ts }));
  }

  async postEphemeral(message: SlackMessage): Promise<void> {
    await this.call("chat.postEphemeral", () =>
      this.client.chat.postEphemeral({
        channel: this.target.channel,
        user: this.target.userId,
        thread_ts: this.target.threadTs,
        text: message.text,
        blocks: message.blocks,
      }),
    );
  }

  /**
   * Starts a streamed message in the thread (chat.startStream) addressed to the person who acted;
   * resolves with its ts, or Slack's reason when streaming is refused here.
   * @see https://docs.slack.dev/reference/methods/chat.startStream
   */
  async startStream(markdown: string): Promise<CallOutcome<string>> {
    const { channel, threadTs, userId, teamId } = this.target;
    const started = await this.tryCall(() =>
      this.client.chat.startStream({
        channel,
        thread_ts: threadTs,
        markdown_text: markdown,
        recipient_user_id: userId,
        ...(teamId ? { recipient_team_id: teamId } : {}),
      }),
    );
    if (!started.ok) return started;
    return started.value.ts ? { ok: true, value: started.value.ts } : { ok: false, error: "no_ts" };
  }

  async appendStream(ts: string, markdown: string): Promise<CallOutcome<true>> {
    const appended = await this.tryCall(() =>
      this.client.chat.appendStream({ channel: this.target.channel, ts, markdown_text: markdown }),
    );
    return appended.ok ? { ok: true, value: true } : appended;
  }

  /** Ends a stream: the message becomes an ordinary one that chat.update can replace. */
  async stopStream(ts: string): Promise<boolean> {
    const stopped = await this.tryCall(() => this.client.chat.stopStream({ channel: this.target.channel, ts }));
    if (!stopped.ok) this.logger.warn("Slack call failed", { method: "chat.stopStream", error: stopped.error });
    return stopped.ok;
  }

  /** Uploads a file snippet in the thread; when that fails, posts its text as code blocks instead. */
  async attach(file: NonNullable<SlackMessage["attachment"]>): Promise<void> {
    const uploaded = await this.call("files.uploadV2", () =>
      this.client.files.uploadV2({
        channel_id: this.target.channel,
        thread_ts: this.target.threadTs,
        filename: file.filename,
        title: file.title,
        content: file.content,
      }),
    );
    if (uploaded) return;
    for (const part of renderPromptParts(file.content, file.title)) await this.post(part);
  }

  /** Runs a call and keeps Slack's error code (`not_allowed`, `method_not_supported_for_channel_type`…). */
  private async tryCall<T>(run: () => Promise<T>): Promise<CallOutcome<T>> {
    try {
      return { ok: true, value: await run() };
    } catch (error) {
      const data = (error as { data?: { error?: unknown } }).data;
      const code = typeof data?.error === "string" ? data.error : error instanceof Error ? error.name : "unknown";
      return { ok: false, error: code };
    }
  }

  private async call<T>(method: string, run: () => Promise<T>): Promise<T | undefined> {
    try {
      return await run();
    } catch (error) {
      this.logger.warn("Slack call failed", { method, channel: this.target.channel, error });
      return undefined;
    }
  }
}
