/**
 * The open questions message of each conversation, remembered in memory so that a round that ends
 * another way (a typed answer, `skip`, `new`, `cancel`, a refinement) leaves no live buttons behind.
 * After a restart nothing is remembered: old buttons then get the engine's answer when clicked.
 */
import { type ConversationKey, conversationKeyString } from "../../core/conversation.js";
import type { EngineReply } from "../../core/engine-api.js";
import type { Logger } from "../../core/ports.js";
import type { Replier, SentRef } from "./replier.js";

/** Bounds the memory: the oldest conversations are forgotten first. */
const MAX_OPEN_ROUNDS = 1_000;
const CLOSING_NOTICES = new Set(["cancelled", "new", "forgotten", "ended", "reset"]);

export const refId = (ref: SentRef): string => (ref.via === "channel" ? ref.message.id : ref.id);

export class OpenRounds {
  readonly #open = new Map<string, { replier: Replier; ref: SentRef }>();

  remember(key: ConversationKey, replier: Replier, ref: SentRef): void {
    const id = conversationKeyString(key);
    this.#open.delete(id);
    this.#open.set(id, { replier, ref });
    if (this.#open.size > MAX_OPEN_ROUNDS) {
      const oldest = this.#open.keys().next().value;
      if (oldest !== undefined) this.#open.delete(oldest);
    }
  }

  /** Disables the remembered message's controls, unless it is `settledId` (its own controls were just updated). */
  async close(key: ConversationKey, logger: Logger, settledId?: string): Promise<void> {
    const id = conversationKeyString(key);
    const open = this.#open.get(id);
    if (!open) return;
    this.#open.delete(id);
    if (refId(open.ref) === settledId) return;
    await open.replier
      .closeControls(open.ref)
      .catch((error: unknown) => logger.debug("could not close an old round's controls", { error }));
  }
}

/** Whether these replies end the conversation's current round of questions. */
export const endsRound = (replies: readonly EngineReply[]): boolean =>
  replies.some(
    (r) => r.kind === "questions" || r.kind === "prompt" || (r.kind === "notice" && CLOSING_NOTICES.has(r.code)),
  );
