/**
 * What one turn holds while it has the conversation's lock: the record it works on, the message refs
 * the adapter keeps in it, and the one queue every save of the turn goes through (the steps' saves
 * and the adapter's ref updates never overtake each other).
 */
import type { Conversation } from "../conversation.js";
import type { MessageRefs, TurnIo } from "../engine-api.js";
import type { ConversationStore, Logger, SaveOptions } from "../ports.js";

export class TurnState implements TurnIo {
  /** The record as this turn last saved it (or as loaded); undefined when there is none or it was deleted. */
  current: Conversation | undefined;
  #refs: Record<string, string>;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: ConversationStore,
    private readonly fence: string | undefined,
    private readonly logger: Logger,
    loaded: Conversation | undefined,
  ) {
    this.current = loaded;
    this.#refs = { ...(loaded?.refs ?? {}) };
  }

  get refs(): MessageRefs {
    return this.#refs;
  }

  /** Saves `conversation` (with the turn's refs) after every earlier save of this turn. */
  save(conversation: Conversation, signal?: AbortSignal): Promise<void> {
    this.current = conversation;
    conversation.refs = { ...this.#refs };
    const options: SaveOptions = {
      ...(signal ? { signal } : {}),
      ...(this.fence !== undefined ? { fence: this.fence } : {}),
    };
    const saved = this.#queue.then(() => this.store.save(conversation, options));
    this.#queue = saved.catch(() => undefined);
    return saved;
  }

  /** The record was deleted (`forget`): later ref updates have nothing to go into. */
  deleted(): void {
    this.current = undefined;
  }

  async setRefs(patch: Record<string, string | undefined>): Promise<boolean> {
    for (const [name, value] of Object.entries(patch)) {
      if (value === undefined) delete this.#refs[name];
      else this.#refs[name] = value;
    }
    const conversation = this.current;
    if (!conversation) return false;
    try {
      await this.save(conversation);
      return true;
    } catch (error) {
      // The message was posted all the same; the next save of this conversation carries the refs.
      this.logger.warn("could not save message refs", { error });
      return false;
    }
  }

  /** Resolves once every save queued so far has settled. */
  async settled(): Promise<void> {
    await this.#queue;
  }
}
