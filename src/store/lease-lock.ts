/**
 * A per-conversation lock with a lease: taken (waiting a bounded time), renewed while the holder
 * works (a CPU model call can take minutes), released by its holder only. A holder that died stops
 * renewing, so its lease runs out and the next turn takes over.
 */

import { randomUUID } from "node:crypto";
import { TailorError } from "../core/errors.js";
import { EN } from "../core/messages/catalog.js";
import type { LockLease, Logger } from "../core/ports.js";
import type { LeaseBackend } from "./lease-backend.js";
import { storeCall } from "./store-call.js";

export interface LeaseLockOptions {
  leaseMs: number;
  /** How long to wait for a busy lock before TailorError("store.lock_timeout"). */
  waitMs: number;
  /** Deadline of each store command. */
  timeoutMs: number;
  logger: Logger;
}

const MIN_POLL_MS = 20;
const MAX_POLL_MS = 250;

export async function withLeaseLock<T>(
  backend: LeaseBackend,
  lockKey: string,
  options: LeaseLockOptions,
  fn: (signal: AbortSignal, lease: LockLease) => Promise<T>,
  signal?: AbortSignal,
): Promise<T> {
  const token = randomUUID();
  await acquire(backend, lockKey, token, options, signal);

  const lease = new AbortController();
  const stopRenewing = keepRenewed(backend, lockKey, token, options, lease);
  try {
    return await fn(signal ? AbortSignal.any([signal, lease.signal]) : lease.signal, { token });
  } finally {
    stopRenewing();
    await storeCall("unlock", options.timeoutMs, undefined, (s) => backend.release(lockKey, token, s)).catch(
      (error: unknown) => {
        // The lease expires on its own; the turn's outcome stands.
        options.logger.warn("could not release a conversation lock; it expires with its lease", { error });
      },
    );
  }
}

async function acquire(
  backend: LeaseBackend,
  lockKey: string,
  token: string,
  options: LeaseLockOptions,
  signal: AbortSignal | undefined,
): Promise<void> {
  const giveUpAt = Date.now() + options.waitMs;
  for (let attempt = 0; ; attempt++) {
    let acquired: boolean;
    try {
      acquired = await storeCall("lock", options.timeoutMs, signal, (s) =>
        backend.acquire(lockKey, token, options.leaseMs, s),
      );
    } catch (error) {
      // The SET may have landed after the deadline: give back whatever we might hold.
      void storeCall("unlock", options.timeoutMs, undefined, (s) => backend.release(lockKey, token, s)).catch(() => {});
      throw error;
    }
    if (acquired) return;
    const left = giveUpAt - Date.now();
    if (left <= 0) {
      throw new TailorError("store.lock_timeout", `conversation lock still busy after ${options.waitMs} ms`, {
        userMessage: EN.busy,
      });
    }
    const poll = Math.min(MAX_POLL_MS, MIN_POLL_MS * 2 ** Math.min(attempt, 4)) + Math.random() * MIN_POLL_MS;
    await backend.waitForChange(lockKey, Math.min(left, poll), signal);
  }
}

/** Renews every third of the lease; aborts `lease` when the lease is lost or could not be renewed in time. */
function keepRenewed(
  backend: LeaseBackend,
  lockKey: string,
  token: string,
  options: LeaseLockOptions,
  lease: AbortController,
): () => void {
  const every = Math.max(1, Math.floor(options.leaseMs / 3));
  let renewedAt = Date.now();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const lose = (message: string, cause?: unknown) => {
    options.logger.warn("conversation lock lease lost", { reason: message });
    lease.abort(new TailorError("store.lock_timeout", `conversation lock lost: ${message}`, { cause }));
  };

  const tick = async () => {
    if (stopped) return;
    try {
      const ok = await storeCall("renew lock", Math.min(options.timeoutMs, every), undefined, (s) =>
        backend.renew(lockKey, token, options.leaseMs, s),
      );
      if (stopped) return;
      if (!ok) return lose("the lease expired and was not ours any more");
      renewedAt = Date.now();
    } catch (error) {
      if (stopped) return;
      // Give up while the lease is still ours, before another turn could take it over.
      if (Date.now() + every >= renewedAt + options.leaseMs)
        return lose("could not renew before the lease ran out", error);
      options.logger.warn("could not renew a conversation lock; retrying", { error });
    }
    schedule();
  };
  const schedule = () => {
    timer = setTimeout(() => void tick(), every);
    timer.unref();
  };

  schedule();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
