/**
 * An in-process ConversationStore for engine unit tests: records kept as JSON and validated on every
 * read (as the real stores do), a per-conversation lock, once-only event claims, and faults a test
 * switches on (store errors, unreadable state).
 */
import {
  type Conversation,
  type ConversationKey,
  conversationKeyString,
  conversationSchema,
} from "../../src/core/conversation.js";
import { TailorError } from "../../src/core/errors.js";
import type { ConversationStore, LoadResult, LockLease, PlaceDefaults, SaveOptions } from "../../src/core/ports.js";

export interface StoreFaults {
  /** The next N saves throw store.timeout (with internal detail a user must never see). */
  failSaves: number;
  /** The next N loads throw store.unavailable. */
  failLoads: number;
  /** The next N event claims throw store.unavailable. */
  failClaims: number;
  /** The next load finds the record unreadable: it is moved aside and reported as a reset. */
  resetNextLoad: boolean;
  /** The next N fenced saves are refused as if the lease had passed to another turn. */
  staleLeases: number;
}

export class MemoryStore implements ConversationStore {
  readonly faults: StoreFaults = {
    failSaves: 0,
    failLoads: 0,
    failClaims: 0,
    resetNextLoad: false,
    staleLeases: 0,
  };
  /** Records that failed validation, kept for inspection. */
  readonly movedAside: string[] = [];
  saves = 0;
  refusedSaves = 0;
  private readonly records = new Map<string, string>();
  private readonly claimed = new Set<string>();
  private readonly defaults = new Map<string, PlaceDefaults>();
  private readonly stops = new Map<string, number>();
  private readonly locks = new Map<string, Promise<unknown>>();
  /** The token of each conversation's current lock holder (the fencing check of `save`). */
  private readonly holders = new Map<string, string>();
  private nextToken = 0;

  async load(key: ConversationKey, signal?: AbortSignal): Promise<LoadResult> {
    // Like the real stores: an aborted caller gets its abort, not a store result.
    signal?.throwIfAborted();
    if (this.faults.failLoads > 0) {
      this.faults.failLoads -= 1;
      throw new TailorError("store.unavailable", "GET failed: ECONNREFUSED 10.0.0.7:6379");
    }
    const id = conversationKeyString(key);
    const raw = this.records.get(id);
    if (raw === undefined) return { status: "missing" };
    const parsed = this.faults.resetNextLoad ? undefined : conversationSchema.safeParse(JSON.parse(raw));
    this.faults.resetNextLoad = false;
    if (parsed?.success) return { status: "found", conversation: parsed.data };
    this.movedAside.push(raw);
    this.records.delete(id);
    return { status: "reset", reason: parsed ? (parsed.error.issues[0]?.message ?? "invalid") : "unreadable" };
  }

  async save(conversation: Conversation, options: SaveOptions = {}): Promise<void> {
    options.signal?.throwIfAborted();
    if (this.faults.failSaves > 0) {
      this.faults.failSaves -= 1;
      throw new TailorError("store.timeout", "SET timed out after 2000 ms on redis://10.0.0.7");
    }
    if (options.fence !== undefined) {
      const holder = this.holders.get(conversationKeyString(conversation.key));
      if (this.faults.staleLeases > 0 || holder !== options.fence) {
        this.faults.staleLeases = Math.max(0, this.faults.staleLeases - 1);
        this.refusedSaves += 1;
        throw new TailorError("store.lock_timeout", "save refused: stale lock holder");
      }
    }
    // What the engine saves must read back: a record the schema refuses is a bug in the engine.
    const checked = conversationSchema.parse(JSON.parse(JSON.stringify(conversation)));
    this.records.set(conversationKeyString(conversation.key), JSON.stringify(checked));
    this.saves += 1;
  }

  async delete(key: ConversationKey, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    this.records.delete(conversationKeyString(key));
  }

  async withLock<T>(key: ConversationKey, fn: (signal: AbortSignal, lease: LockLease) => Promise<T>): Promise<T> {
    const id = conversationKeyString(key);
    const previous = this.locks.get(id) ?? Promise.resolve();
    const hold = () => {
      const token = `lease-${++this.nextToken}`;
      this.holders.set(id, token);
      return fn(new AbortController().signal, { token });
    };
    const turn = previous.then(hold, hold);
    const settled = turn.catch(() => undefined);
    this.locks.set(id, settled);
    try {
      return await turn;
    } finally {
      if (this.locks.get(id) === settled) this.locks.delete(id);
    }
  }

  async claimEvent(eventId: string, signal?: AbortSignal): Promise<boolean> {
    signal?.throwIfAborted();
    if (this.faults.failClaims > 0) {
      this.faults.failClaims -= 1;
      throw new TailorError("store.unavailable", "SET NX failed: ECONNREFUSED 10.0.0.7:6379");
    }
    if (this.claimed.has(eventId)) return false;
    this.claimed.add(eventId);
    return true;
  }

  async loadDefaults(scope: string, signal?: AbortSignal): Promise<PlaceDefaults> {
    signal?.throwIfAborted();
    return { ...(this.defaults.get(scope) ?? {}) };
  }

  async saveDefaults(scope: string, defaults: PlaceDefaults, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    if (Object.keys(defaults).length === 0) this.defaults.delete(scope);
    else this.defaults.set(scope, { ...defaults });
  }

  async requestStop(key: ConversationKey, at: number, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    this.stops.set(conversationKeyString(key), at);
  }

  async stopRequestedSince(key: ConversationKey, signal?: AbortSignal): Promise<number | undefined> {
    signal?.throwIfAborted();
    return this.stops.get(conversationKeyString(key));
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}

  /** The stored record, if any (without going through the faults). */
  peek(key: ConversationKey): Conversation | undefined {
    const raw = this.records.get(conversationKeyString(key));
    return raw === undefined ? undefined : conversationSchema.parse(JSON.parse(raw));
  }
}
