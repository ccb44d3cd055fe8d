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

/** A sent message, to edit later (a queue position update). */
export type SentRef = { via: "interaction"; id: string } | { via: "channel"; message: Message };

/** A channel the bot can post in (discord.js types a forum thread apart from `TextBasedChannel`). */
export type ReplyChannel = TextBasedChannel | ThreadChannel;
type SendableChannel = ReplyChannel & { send: (options: never) => Promise<Message> };

export interface ReplierOptions {
  channel: ReplyChannel;
  interaction?: RepliableInteraction;
  /** The interaction was deferred with a reply (type 5) that the first message fills. */
  fillsDeferredReply?: boolean;
  /** The message a component or modal came from (edited in place). */
  sourceMessage?: Message;
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

  async send(message: OutboundMessage): Promise<SentRef> {
    const interaction = this.liveInteraction();
    const payload = toPayload(message);
    if (interaction) {
      if (this.fillsDeferredReply) {
        this.fillsDeferredReply = false;
        const sent = await this.unarchivingRetry(() => interaction.editReply(payload));
        return { via: "interaction", id: sent.id };
      }
      const flags = message.ephemeral ? MessageFlags.Ephemeral : undefined;
      const sent = await this.unarchivingRetry(() => interaction.followUp({ ...payload, ...(flags ? { flags } : {}) }));
      return { via: "interaction", id: sent.id };
    }
    const channel = this.channel as SendableChannel;
    const reply = this.options.replyTo
      ? { reply: { messageReference: this.options.replyTo.id, failIfNotExists: false } }
      : {};
    const sent = await this.unarchivingRetry(() => channel.send({ ...payload, ...reply } as never));
    return { via: "channel", message: sent };
  }

  async edit(ref: SentRef, message: OutboundMessage): Promise<void> {
    const payload = toPayload(message);
    const interaction = this.liveInteraction();
    if (ref.via === "channel") await this.unarchivingRetry(() => ref.message.edit(payload));
    else if (interaction) await this.unarchivingRetry(() => interaction.editReply({ ...payload, message: ref.id }));
  }

  /** Removes a message that has served its purpose (the queue position once the answer is there). */
  async remove(ref: SentRef): Promise<void> {
    const interaction = this.liveInteraction();
    if (ref.via === "channel") await ref.message.delete();
    else if (interaction) await interaction.deleteReply(ref.id);
  }

  /** Disables every control of a message sent earlier (read fresh, so shown answers stay). */
  async closeControls(ref: SentRef): Promise<void> {
    const interaction = this.liveInteraction();
    if (ref.via === "channel") {
      const current = viewOf(await ref.message.fetch());
      if (current.rows.length === 0) return;
      await this.unarchivingRetry(() =>
        ref.message.edit(toPayload(markAnswered(current.content, current.rows, { all: true }))),
      );
    } else if (interaction) {
      const current = viewOf(await interaction.fetchReply(ref.id));
      if (current.rows.length === 0) return;
      const closed = toPayload(markAnswered(current.content, current.rows, { all: true }));
      await this.unarchivingRetry(() => interaction.editReply({ ...closed, message: ref.id }));
    }
  }

  /** Replaces the message the component or modal was on (after `deferUpdate`, "@original" is that message). */
  async updateSource(message: OutboundMessage): Promise<void> {
    const payload = toPayload(message);
    const interaction = this.liveInteraction();
    if (interaction) await this.unarchivingRetry(() => interaction.editReply(payload));
    else if (this.options.sourceMessage) {
      const source = this.options.sourceMessage;
      await this.unarchivingRetry(() => source.edit(payload));
    }
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
