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
}

export class ThreadPoster {
  constructor(
    private readonly client: webApi.WebClient,
    readonly target: ThreadTarget,
    private readonly logger: Logger,
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
    for (const part of renderPromptParts(file.content)) await this.post(part);
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
