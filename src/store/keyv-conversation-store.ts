/**
 * The ConversationStore port on Keyv. Every call runs under a deadline and fails with
 * TailorError("store.*"): an outage never reads as "no conversation". Records are validated on every
 * read; one that fails is moved aside (kept for inspection) and the turn starts a new conversation.
 */

import { z } from "zod";
import type { Conversation, ConversationKey } from "../core/conversation.js";
import { capabilityIdSchema, conversationKeyString, conversationSchema } from "../core/conversation.js";
import { TailorError } from "../core/errors.js";
import { EN } from "../core/messages/catalog.js";
import type { ConversationStore, LoadResult, LockLease, Logger, PlaceDefaults, SaveOptions } from "../core/ports.js";
import { withLeaseLock } from "./lease-lock.js";
import { decodeConversation } from "./record-codec.js";
import type { StoreBackend } from "./store-backend.js";
import { storeCall } from "./store-call.js";
import { storeKeys } from "./store-keys.js";

/** A stop request outlives any poll of the turn it is for, and then goes away. */
const STOP_REQUEST_TTL_MS = 60_000;

const placeDefaultsSchema = z.partialRecord(capabilityIdSchema, z.string().min(1));

export interface StoreSettings {
  ttlMs: number;
  timeoutMs: number;
  lockLeaseMs: number;
  lockWaitMs: number;
  dedupeTtlMs: number;
}

export class KeyvConversationStore implements ConversationStore {
  #closing: Promise<void> | undefined;

  constructor(
    private readonly backend: StoreBackend,
    private readonly settings: StoreSettings,
    private readonly logger: Logger,
  ) {}

  async load(key: ConversationKey, signal?: AbortSignal): Promise<LoadResult> {
    const id = storeKeys.conversation(key);
    const value = await this.#call("load", signal, () => this.backend.keyv.get(id));
    if (value === undefined) return { status: "missing" };
    const decoded = decodeConversation(value);
    if (decoded.status === "found") {
      if (conversationKeyString(decoded.conversation.key) === conversationKeyString(key)) return decoded;
      return this.#moveAside(key, "the record belongs to another conversation", value, signal);
    }
    return this.#moveAside(key, decoded.reason, decoded.stored, signal);
  }

  async save(conversation: Conversation, options: SaveOptions = {}): Promise<void> {
    const { signal, fence } = options;
    const checked = conversationSchema.safeParse(conversation);
    if (!checked.success) {
      // Writing it would only make the next read fail; this is a bug upstream, not a store outage.
      throw new TailorError("internal", "refusing to save a conversation record that fails validation", {
        cause: checked.error,
        retryable: false,
      });
    }
    const id = storeKeys.conversation(checked.data.key);
    if (fence !== undefined) {
      const lockKey = storeKeys.lock(checked.data.key);
      const accepted = await this.#call("save", signal, () =>
        this.backend.fencedSet(id, checked.data, this.settings.ttlMs, { lockKey, token: fence }),
      );
      if (!accepted) throw staleHolder();
      return;
    }
    const written = await this.#call("save", signal, () =>
      this.backend.keyv.set(id, checked.data, this.settings.ttlMs),
    );
    if (written === false) throw new TailorError("store.unavailable", "store save was not acknowledged");
  }

  async delete(key: ConversationKey, signal?: AbortSignal): Promise<void> {
    await this.#call("delete", signal, () => this.backend.keyv.delete(storeKeys.conversation(key)));
  }

  async withLock<T>(
    key: ConversationKey,
    fn: (signal: AbortSignal, lease: LockLease) => Promise<T>,
    signal?: AbortSignal,
  ): Promise<T> {
    this.#assertOpen();
    const { lockLeaseMs, lockWaitMs, timeoutMs } = this.settings;
    return withLeaseLock(
      this.backend.leases,
      storeKeys.lock(key),
      { leaseMs: lockLeaseMs, waitMs: lockWaitMs, timeoutMs, logger: this.logger },
      fn,
      signal,
    );
  }

  async claimEvent(eventId: string, signal?: AbortSignal): Promise<boolean> {
    if (eventId.length === 0) throw new TailorError("input.invalid", "an event id is required to claim an event");
    const dedupeKey = storeKeys.dedupe(eventId);
    return this.#call("claim event", signal, () => this.backend.dedupe.claim(dedupeKey, this.settings.dedupeTtlMs));
  }

  async loadDefaults(scope: string, signal?: AbortSignal): Promise<PlaceDefaults> {
    const value = await this.#call("load defaults", signal, () => this.backend.keyv.get(storeKeys.defaults(scope)));
    const parsed = placeDefaultsSchema.safeParse(value ?? {});
    if (parsed.success) return parsed.data;
    this.logger.warn("ignoring unreadable channel defaults", { scope });
    return {};
  }

  async saveDefaults(scope: string, defaults: PlaceDefaults, signal?: AbortSignal): Promise<void> {
    const id = storeKeys.defaults(scope);
    if (Object.keys(defaults).length === 0) {
      await this.#call("clear defaults", signal, () => this.backend.keyv.delete(id));
      return;
    }
    // No TTL: a channel's defaults are settings, kept until `/tailor defaults clear`.
    const written = await this.#call("save defaults", signal, () => this.backend.keyv.set(id, defaults));
    if (written === false) throw new TailorError("store.unavailable", "store save was not acknowledged");
  }

  async requestStop(key: ConversationKey, at: number, signal?: AbortSignal): Promise<void> {
    await this.#call("request stop", signal, () => this.backend.keyv.set(storeKeys.stop(key), at, STOP_REQUEST_TTL_MS));
  }

  async stopRequestedSince(key: ConversationKey, signal?: AbortSignal): Promise<number | undefined> {
    const value = await this.#call("read stop", signal, () => this.backend.keyv.get(storeKeys.stop(key)));
    return typeof value === "number" ? value : undefined;
  }

  async ping(signal?: AbortSignal): Promise<void> {
    await this.#call("ping", signal, (s) => this.backend.ping(s));
  }

  close(): Promise<void> {
    this.#closing ??= this.backend.close().catch((error: unknown) => {
      this.logger.warn("store did not close cleanly", { error });
    });
    return this.#closing;
  }

  /** Copies the bad record to a `corrupt:` key (same retention TTL), then removes the live key. */
  async #moveAside(key: ConversationKey, reason: string, stored: unknown, signal?: AbortSignal): Promise<LoadResult> {
    const movedAt = new Date();
    const id = storeKeys.conversation(key);
    const aside = storeKeys.corrupt(key, movedAt);
    const copy = { from: id, reason, movedAt: movedAt.toISOString(), stored };
    await this.#call("move aside", signal, () => this.backend.keyv.set(aside, copy, this.settings.ttlMs));
    await this.#call("move aside", signal, () => this.backend.keyv.delete(id));
    this.logger.warn("conversation record failed validation; moved aside and starting over", {
      key: id,
      aside,
      reason,
    });
    return { status: "reset", reason };
  }

  #call<T>(operation: string, signal: AbortSignal | undefined, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
    this.#assertOpen();
    return storeCall(operation, this.settings.timeoutMs, signal, run);
  }

  #assertOpen(): void {
    if (this.#closing) throw new TailorError("store.unavailable", "the conversation store is closed");
  }
}

/**
 * A save from a turn whose lease ran out (another turn holds the lock now, or nobody does): refused,
 * so it cannot overwrite newer state. What that turn was given is still in the record up to its last
 * accepted save; the step it was running can be retried.
 */
const staleHolder = (): TailorError =>
  new TailorError("store.lock_timeout", "save refused: the conversation lock is no longer held by this turn", {
    userMessage: EN.staleSave,
  });
