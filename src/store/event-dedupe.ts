/**
 * Once-only claims of platform event ids (platforms redeliver; duplicates are normal).
 */
import type { RedisClient } from "./redis-client.js";

export interface EventDedupe {
  /** true the first time `dedupeKey` is claimed within `ttlMs`, false for every duplicate. */
  claim(dedupeKey: string, ttlMs: number): Promise<boolean>;
}

/** Across replicas: `SET key 1 NX PX ttl` is atomic on the server (Keyv has no set-if-absent). */
export class RedisEventDedupe implements EventDedupe {
  constructor(private readonly client: RedisClient) {}

  async claim(dedupeKey: string, ttlMs: number): Promise<boolean> {
    const reply = await this.client.set(dedupeKey, "1", {
      condition: "NX",
      expiration: { type: "PX", value: Math.ceil(ttlMs) },
    });
    return reply === "OK";
  }
}

/**
 * Per process only (SQLite and memory stores): a second process on the same SQLite file would not
 * see these claims. Expired ids are swept once the map has grown, so it stays bounded.
 */
export class MemoryEventDedupe implements EventDedupe {
  readonly #claims = new Map<string, number>();
  #sweepAt = 1_000;

  constructor(private readonly now: () => number = Date.now) {}

  async claim(dedupeKey: string, ttlMs: number): Promise<boolean> {
    const now = this.now();
    const expiresAt = this.#claims.get(dedupeKey);
    if (expiresAt !== undefined && expiresAt > now) return false;
    this.#claims.set(dedupeKey, now + ttlMs);
    if (this.#claims.size >= this.#sweepAt) this.#sweep(now);
    return true;
  }

  #sweep(now: number): void {
    for (const [key, expiresAt] of this.#claims) if (expiresAt <= now) this.#claims.delete(key);
    this.#sweepAt = Math.max(1_000, this.#claims.size * 2);
  }
}
