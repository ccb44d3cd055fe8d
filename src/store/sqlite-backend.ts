/**
 * `sqlite://PATH`: one file, one process. Locks and event claims are in-process (a second process on
 * the same file would not see them); records survive restarts.
 */
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import KeyvSqlite from "@keyv/sqlite";
import { TailorError } from "../core/errors.js";
import type { Logger } from "../core/ports.js";
import { MemoryEventDedupe } from "./event-dedupe.js";
import { MemoryLeaseBackend } from "./memory-lease-backend.js";
import { createKeyv, inProcessFencedSet, type StoreBackend } from "./store-backend.js";
import { storeCall } from "./store-call.js";

/** Keyv only drops an expired record when it is read; this sweep keeps the retention promise. */
const SWEEP_EVERY_MS = 60 * 60 * 1000;
const SWEEP_SQL = "DELETE FROM keyv WHERE (CASE WHEN json_valid(value) THEN json_extract(value, '$.expires') END) < ?";

export async function openSqliteBackend(
  path: string,
  options: { timeoutMs: number; logger: Logger },
): Promise<StoreBackend> {
  const { logger } = options;
  try {
    await mkdir(dirname(path), { recursive: true });
  } catch (error) {
    throw new TailorError("store.unavailable", `cannot create the folder of the SQLite store ${path}`, {
      cause: error,
    });
  }
  const adapter = new KeyvSqlite({ uri: `sqlite://${path}`, busyTimeout: options.timeoutMs });
  adapter.on("error", (error: unknown) => logger.debug("sqlite error", { error }));
  const keyv = createKeyv(adapter, logger);

  const ping = async () => {
    await adapter.query("SELECT 1");
  };
  const sweep = async () => {
    await adapter.query(SWEEP_SQL, Date.now());
  };

  // Fail at start-up on an unusable path (a folder, no permission) rather than on the first turn.
  try {
    await storeCall("open", options.timeoutMs * 5, undefined, sweep);
  } catch (error) {
    await adapter.disconnect().catch(() => {});
    throw new TailorError("store.unavailable", `cannot open the SQLite store ${path}`, { cause: error });
  }
  const timer = setInterval(() => {
    sweep().catch((error: unknown) => logger.warn("sqlite expiry sweep failed", { error }));
  }, SWEEP_EVERY_MS);
  timer.unref();

  // One process owns the file (its locks are in-process), so the fencing check is in-process too.
  const leases = new MemoryLeaseBackend();
  return {
    kind: "sqlite",
    keyv,
    leases,
    fencedSet: (id, value, ttlMs, fence) => inProcessFencedSet(keyv, leases, id, value, ttlMs, fence),
    dedupe: new MemoryEventDedupe(),
    ping: () => ping(),
    close: async () => {
      clearInterval(timer);
      await adapter.disconnect();
    },
  };
}
