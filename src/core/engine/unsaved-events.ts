/**
 * Events whose turn failed before anything could be saved (the store was down when the turn began,
 * or could not record the failure): kept in this process so that the retry control replays them
 * instead of answering "nothing to retry" to someone whose message was never stored.
 */
import { type ConversationKey, conversationKeyString } from "../conversation.js";
import type { InboundEvent } from "../engine-api.js";

/** Enough for every conversation an outage can touch; the oldest go first. */
const CAPACITY = 1000;

export class UnsavedEvents {
  private readonly events = new Map<string, InboundEvent>();

  remember(event: InboundEvent): void {
    // Only what carries the user's input is worth replaying.
    if (event.kind === "retry") return;
    const id = conversationKeyString(event.key);
    this.events.delete(id);
    this.events.set(id, event);
    if (this.events.size > CAPACITY) {
      const oldest = this.events.keys().next().value;
      if (oldest !== undefined) this.events.delete(oldest);
    }
  }

  get(key: ConversationKey): InboundEvent | undefined {
    return this.events.get(conversationKeyString(key));
  }

  /** A turn of this user went through: what they sent before is settled (replayed or superseded). */
  settled(key: ConversationKey, userId: string): void {
    const id = conversationKeyString(key);
    if (this.events.get(id)?.user.id === userId) this.events.delete(id);
  }
}
