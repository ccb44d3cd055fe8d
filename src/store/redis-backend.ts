/**
 * `redis://…`: shared by every replica. Records go through Keyv; locks and event claims use the same
 * client directly (SET NX PX, Lua), since Keyv has no set-if-absent.
 */
import KeyvRedis from "@keyv/redis";
import type { Logger } from "../core/ports.js";
import { RedisEventDedupe } from "./event-dedupe.js";
import { serializeEnvelope } from "./record-codec.js";
import { closeRedisClient, openRedisClient } from "./redis-client.js";
import { RedisLeaseBackend } from "./redis-lease-backend.js";
import { createKeyv, type StoreBackend } from "./store-backend.js";

/**
 * The fenced save: the record is written only while the conversation's lock still holds the saver's
 * token, checked and written in one server-side step (no other client runs in between).
 */
const FENCED_SET = `if redis.call("get", KEYS[2]) == ARGV[2] then redis.call("set", KEYS[1], ARGV[1], "PX", ARGV[3]) return 1 else return 0 end`;

export async function openRedisBackend(
  url: string,
  options: { timeoutMs: number; logger: Logger },
): Promise<StoreBackend> {
  const client = await openRedisClient(url, options);
  // Both flags: the adapter must rethrow too, or `get` answers undefined when Redis is down.
  const adapter = new KeyvRedis(client, { throwOnConnectError: true, throwOnErrors: true });
  adapter.on("error", (error: unknown) => options.logger.debug("redis adapter error", { error }));
  const keyv = createKeyv(adapter, options.logger);

  return {
    kind: "redis",
    keyv,
    leases: new RedisLeaseBackend(client),
    dedupe: new RedisEventDedupe(client),
    fencedSet: async (id, value, ttlMs, fence) => {
      const ttl = Math.ceil(ttlMs);
      // The same envelope Keyv writes (`{ value, expires }` as JSON), so `keyv.get` reads it back.
      const envelope = await serializeEnvelope({ value, expires: Date.now() + ttl });
      const reply = await client.eval(FENCED_SET, {
        keys: [id, fence.lockKey],
        arguments: [envelope, fence.token, String(ttl)],
      });
      return reply === 1;
    },
    ping: async () => {
      await client.ping();
    },
    close: () => closeRedisClient(client, options.timeoutMs),
  };
}
