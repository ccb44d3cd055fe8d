/**
 * What each kind of store (memory, SQLite, Redis) provides to the conversation store.
 */
import { Keyv, type KeyvStoreAdapter } from "keyv";
import type { Logger } from "../core/ports.js";
import type { EventDedupe } from "./event-dedupe.js";
import type { LeaseBackend } from "./lease-backend.js";
import { deserializeEnvelope, serializeEnvelope } from "./record-codec.js";

export interface StoreBackend {
  readonly kind: "memory" | "sqlite" | "redis";
  readonly keyv: Keyv;
  readonly leases: LeaseBackend;
  readonly dedupe: EventDedupe;
  /**
   * Writes `value` under `id` (as Keyv would) only while `lockKey` is held by `token`, atomically with
   * the check where the backend is shared (Redis); false when the lease is someone else's or gone.
   */
  fencedSet(id: string, value: unknown, ttlMs: number, fence: { lockKey: string; token: string }): Promise<boolean>;
  ping(signal: AbortSignal): Promise<void>;
  close(): Promise<void>;
}

/**
 * Keyv as the store needs it: errors thrown, not swallowed (Keyv 5 returns undefined from `get` on a
 * failure unless `throwOnErrors` is set, which would make an outage look like an empty conversation);
 * an `error` listener; keys used verbatim (our own `pt:` namespace); tolerant JSON decoding.
 */
export function createKeyv(store: KeyvStoreAdapter | Map<string, unknown>, logger: Logger): Keyv {
  const keyv = new Keyv(store as KeyvStoreAdapter, {
    namespace: undefined,
    useKeyPrefix: false,
    throwOnErrors: true,
    serialize: serializeEnvelope,
    deserialize: deserializeEnvelope,
  });
  keyv.on("error", (error: unknown) => logger.debug("store error", { error }));
  return keyv;
}

/** The fenced write of the in-process backends: the lease table is in this process, so check, then write. */
export async function inProcessFencedSet(
  keyv: Keyv,
  leases: { holds(lockKey: string, token: string): boolean },
  id: string,
  value: unknown,
  ttlMs: number,
  fence: { lockKey: string; token: string },
): Promise<boolean> {
  if (!leases.holds(fence.lockKey, fence.token)) return false;
  return (await keyv.set(id, value, ttlMs)) !== false;
}
