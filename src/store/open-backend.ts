/** Opens the backend a parsed STORE_URL names. */
import type { Logger } from "../core/ports.js";
import { openMemoryBackend } from "./memory-backend.js";
import { openRedisBackend } from "./redis-backend.js";
import { openSqliteBackend } from "./sqlite-backend.js";
import type { StoreBackend } from "./store-backend.js";
import type { StoreLocation } from "./store-url.js";

export async function openStoreBackend(
  location: StoreLocation,
  options: { timeoutMs: number; logger: Logger },
): Promise<StoreBackend> {
  const { logger, timeoutMs } = options;
  if (location.kind === "memory") return openMemoryBackend(logger);
  if (location.kind === "sqlite") return openSqliteBackend(location.path, { timeoutMs, logger });
  return openRedisBackend(location.url, { timeoutMs, logger: logger.child({ redis: location.display }) });
}
