/**
 * The one node-redis client of a Redis-backed store, configured so an outage fails fast and heals:
 * - `disableOfflineQueue`: while disconnected, commands reject at once instead of queueing
 *   (the store's deadline still covers commands stuck on a half-dead socket);
 * - a reconnect strategy that never gives up, so readiness comes back when Redis does;
 * - an `error` listener, since an unhandled EventEmitter error would crash the process.
 */
import { createClient } from "@keyv/redis";
import type { Logger } from "../core/ports.js";
import { sleep } from "./sleep.js";

export type RedisClient = ReturnType<typeof createClient>;

const MAX_RECONNECT_DELAY_MS = 1_000;

export function reconnectDelay(retries: number): number {
  const jitter = Math.floor(Math.random() * 50);
  return Math.min(50 * 2 ** Math.min(retries, 10), MAX_RECONNECT_DELAY_MS) + jitter;
}

/**
 * Creates the client and starts connecting. Waits up to `timeoutMs` for the first connection; when
 * Redis is not there yet it resolves anyway (the client keeps trying, `ping()` reports readiness).
 */
export async function openRedisClient(
  url: string,
  options: { timeoutMs: number; logger: Logger },
): Promise<RedisClient> {
  const { logger } = options;
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: options.timeoutMs, reconnectStrategy: reconnectDelay },
  });

  // Report the first error of an outage at warn (a wrong password or host shows up here), then stay
  // quiet while the client retries.
  let outage = false;
  let everConnected = false;
  client.on("error", (error: unknown) => {
    if (outage) return logger.debug("redis still unreachable", { error });
    outage = true;
    logger.warn(everConnected ? "redis connection lost; reconnecting" : "redis not reachable; retrying", { error });
  });
  client.on("ready", () => {
    logger.info(everConnected ? "redis reconnected" : "redis connected");
    outage = false;
    everConnected = true;
  });

  // Resolves once connected; it never rejects while retrying, only after close() (ignored then).
  const connecting = client.connect().catch(() => {});
  await Promise.race([connecting, sleep(options.timeoutMs)]);
  if (!client.isReady) logger.warn("redis not ready yet; the store keeps retrying in the background");
  return client as RedisClient;
}

/** Closes gracefully within `timeoutMs`, then drops whatever is left. Safe to call twice. */
export async function closeRedisClient(client: RedisClient, timeoutMs: number): Promise<void> {
  if (!client.isOpen) return;
  try {
    await Promise.race([client.close(), sleep(timeoutMs)]);
  } catch {
    // Closing while disconnected can reject; destroying below is enough.
  }
  if (client.isOpen) client.destroy();
}
