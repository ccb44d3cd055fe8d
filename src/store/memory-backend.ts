/** `memory://`: everything in this process, gone when it exits (tests, trying the bot out). */
import type { Logger } from "../core/ports.js";
import { MemoryEventDedupe } from "./event-dedupe.js";
import { MemoryLeaseBackend } from "./memory-lease-backend.js";
import { createKeyv, inProcessFencedSet, type StoreBackend } from "./store-backend.js";

export function openMemoryBackend(logger: Logger): StoreBackend {
  const map = new Map<string, unknown>();
  const keyv = createKeyv(map, logger);
  const leases = new MemoryLeaseBackend();
  return {
    kind: "memory",
    keyv,
    leases,
    fencedSet: (id, value, ttlMs, fence) => inProcessFencedSet(keyv, leases, id, value, ttlMs, fence),
    dedupe: new MemoryEventDedupe(),
    ping: async () => {},
    close: async () => {
      map.clear();
    },
  };
}
