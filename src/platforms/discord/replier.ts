/**
 * Where a turn's messages go. Through the interaction token while it lives (a deferred reply is filled
 * first, then follow-ups), as plain channel messages once it is near its 15 minutes (a CPU model can
 * take longer). A send refused because the thread was archived unarchives it and sends again.
 * @see https://discord.com/developers/docs/interactions/receiving-and-responding#followup-messages
 */
import {
  AttachmentBuilder,
  DiscordAPIError,
  type Message,
  MessageFlags,
  RESTJSONErrorCodes,
  type RepliableInteraction,
  type TextBasedChannel,
  type ThreadChannel,
} from "discord.js";
import { INTERACTION_TOKEN_SAFE_MS } from "./discord-limits.js";
import { viewOf } from "./message-view.js";
import { NO_MENTIONS, type OutboundMessage } from "./outbound-message.js";
import { markAnswered } from "./question-message.js";

/** A channel the bot can post in (discord.js types a forum thread apart from `TextBasedChannel`). */
export type ReplyChannel = TextBasedChannel | ThreadChannel;
type SendableChannel = ReplyChannel & { send: (options: never) => Promise<Message> };

export interface ReplierOptions {
  channel: ReplyChannel;
  interaction?: RepliableInteraction;
  /** The interaction was deferred with a reply (type 5) that the first message fills. */
  fillsDeferredReply?: boolean;
  /** Channel messages answer this message (a mention that could not start a conversation). */
  replyTo?: Message;
  now?: () => number;
}

export class Replier {
  readonly channel: ReplyChannel;
  private fillsDeferredReply: boolean;
  private readonly now: () => number;

  constructor(private readonly options: ReplierOptions) {
    this.channel = options.channel;
    this.fillsDeferredReply = options.fillsDeferredReply ?? false;
    this.now = options.now ?? Date.now;
  }

  /** The interaction's deferred reply still waits for its first message ("is thinking…" until then). */
  get owesDeferredReply(): boolean {
    return this.fillsDeferredReply && this.liveInteraction() !== undefined;
  }

  /** Sends a message (filling a deferred reply first); returns its id. */
  async send(message: OutboundMessage): Promise<string> {
    const interaction = this.liveInteraction();
    const payload = toPayload(message);
    if (interaction) {
      if (this.fillsDeferredReply) {
        this.fillsDeferredReply = false;
        const sent = await this.unarchivingRetry(() => interaction.editReply(payload));
        return sent.id;
      }
      const flags = message.ephemeral ? MessageFlags.Ephemeral : undefined;
      const sent = await this.unarchivingRetry(() => interaction.followUp({ ...payload, ...(flags ? { flags } : {}) }));
      return sent.id;
    }
    return this.sendToChannel(message);
  }

  /** A plain channel message (never through the interaction): any replica can edit or delete it by id. */
  async sendToChannel(message: OutboundMessage): Promise<string> {
    const channel = this.channel as SendableChannel;
    const reply = this.options.replyTo
      ? { reply: { messageReference: this.options.replyTo.id, failIfNotExists: false } }
      : {};
    const sent = await this.unarchivingRetry(() => channel.send({ ...toPayload(message), ...reply } as never));
    return sent.id;
  }

  /** Replaces a message of this channel posted earlier (by any replica, before any restart). */
  async editById(id: string, message: OutboundMessage): Promise<void> {
    await this.unarchivingRetry(() => this.channel.messages.edit(id, toPayload(message)));
  }

  /** Takes every control off a message posted earlier; its text, embeds and files stay. */
  async removeControlsById(id: string): Promise<void> {
    await this.unarchivingRetry(() => this.channel.messages.edit(id, { components: [], allowedMentions: NO_MENTIONS }));
  }

  async deleteById(id: string): Promise<void> {
    await this.channel.messages.delete(id);
  }

  /** Disables every control of a message posted earlier (read fresh, so shown answers stay). */
  async closeControlsById(id: string): Promise<void> {
    const current = viewOf(await this.channel.messages.fetch(id));
    if (current.rows.length === 0) return;
    await this.editById(id, markAnswered(current.content, current.rows, { all: true }));
  }

  private liveInteraction(): RepliableInteraction | undefined {
    const interaction = this.options.interaction;
    if (!interaction || this.now() - interaction.createdTimestamp >= INTERACTION_TOKEN_SAFE_MS) return undefined;
    return interaction;
  }

  /** Discord refuses messages to an archived thread (50083): unarchive it once, then try again. */
  private async unarchivingRetry<T>(attempt: () => Promise<T>): Promise<T> {
    try {
      return await attempt();
    } catch (error) {
      const archived =
        error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.InvalidActionOnArchivedThread;
      if (!archived || !this.channel.isThread()) throw error;
      await this.channel.setArchived(false, "The conversation goes on");
      return attempt();
    }
  }
}

/** The discord.js payload of a message: allowed mentions parse nothing, on every message. */
function toPayload(message: OutboundMessage) {
  return {
    content: message.content,
    components: message.components ?? [],
    embeds: message.embeds ?? [],
    files: (message.files ?? []).map(
      (file) => new AttachmentBuilder(Buffer.from(file.text, "utf8"), { name: file.name }),
    ),
    allowedMentions: NO_MENTIONS,
  };
}
