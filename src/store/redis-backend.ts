/**
 * `redis://…`: shared by every replica. Records go through Keyv; locks and event claims use the same
 * client directly (SET NX PX, Lua), since Keyv has no set-if-absent.
 */
import KeyvRedis from "@keyv/redis";
import type { Logger } from "../core/ports.js";
import { RedisEventDedupe } from "./event-dedupe.js";
import { closeRedisClient, openRedisClient } from "./redis-client.js";
import { RedisLeaseBackend } from "./redis-lease-backend.js";
import { createKeyv, type StoreBackend } from "./store-backend.js";

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
    ping: async () => {
      await client.ping();
    },
    close: () => closeRedisClient(client, options.timeoutMs),
  };
}
