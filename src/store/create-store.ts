/**
 * Builds the conversation store named by STORE_URL (`memory://`, `sqlite://PATH`, `redis://…`).
 * SQLite fails here when its file cannot be opened; Redis may be down at start-up (the client keeps
 * reconnecting and `ping()` tells readiness when it is back).
 */
import { TailorError } from "../core/errors.js";
import type { ConversationStore, Logger } from "../core/ports.js";
import { KeyvConversationStore, type StoreSettings } from "./keyv-conversation-store.js";
import { openStoreBackend } from "./open-backend.js";
import { DEFAULT_STORE_TIMEOUT_MS } from "./store-call.js";
import { parseStoreUrl } from "./store-url.js";

export interface CreateStoreOptions {
  url: string;
  /** Retention of a conversation, refreshed on every save. Default 7 days. */
  ttlMs?: number;
  /** Deadline of every store call. Default 2000 ms. */
  timeoutMs?: number;
  /**
   * Lease of a conversation lock, renewed every third of it while its turn runs (so a long model call
   * keeps it). Default 15 s: how long a conversation waits when the replica holding it died.
   */
  lockLeaseMs?: number;
  /** How long a turn waits for a busy conversation lock (a turn before it may be a minutes-long CPU call). Default 120 s. */
  lockWaitMs?: number;
  /** How long a claimed event id is remembered. Default 24 h. */
  dedupeTtlMs?: number;
  logger: Logger;
}

const DAY_MS = 24 * 60 * 60 * 1000;
export const STORE_DEFAULTS = {
  ttlMs: 7 * DAY_MS,
  timeoutMs: DEFAULT_STORE_TIMEOUT_MS,
  lockLeaseMs: 15_000,
  lockWaitMs: 120_000,
  dedupeTtlMs: DAY_MS,
} as const;

export async function createStore(options: CreateStoreOptions): Promise<ConversationStore> {
  const location = parseStoreUrl(options.url);
  const settings = storeSettings(options);
  const logger = options.logger.child({ component: "store", store: location.kind });
  const backend = await openStoreBackend(location, { timeoutMs: settings.timeoutMs, logger });
  return new KeyvConversationStore(backend, settings, logger);
}

/** The options with their defaults; throws TailorError("config.invalid") on a non-positive value. */
export function storeSettings(options: Omit<CreateStoreOptions, "url" | "logger">): StoreSettings {
  const lockLeaseMs = positive("lockLeaseMs", options.lockLeaseMs ?? STORE_DEFAULTS.lockLeaseMs);
  return {
    ttlMs: positive("ttlMs", options.ttlMs ?? STORE_DEFAULTS.ttlMs),
    timeoutMs: positive("timeoutMs", options.timeoutMs ?? STORE_DEFAULTS.timeoutMs),
    lockLeaseMs,
    lockWaitMs: positive("lockWaitMs", options.lockWaitMs ?? Math.max(STORE_DEFAULTS.lockWaitMs, 2 * lockLeaseMs)),
    dedupeTtlMs: positive("dedupeTtlMs", options.dedupeTtlMs ?? STORE_DEFAULTS.dedupeTtlMs),
  };
}

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw new TailorError("config.invalid", `store option ${name} must be a positive number of milliseconds`, {
      retryable: false,
    });
  }
  return value;
}
