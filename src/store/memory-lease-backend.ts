/**
 * In-process leases for the SQLite and memory stores (one process owns those files).
 * Waiters are woken in arrival order when a lease is released, so turns run first come, first served.
 */
import type { LeaseBackend } from "./lease-backend.js";
import { sleep } from "./sleep.js";

interface Held {
  token: string;
  expiresAt: number;
}

export class MemoryLeaseBackend implements LeaseBackend {
  readonly #held = new Map<string, Held>();
  readonly #waiters = new Map<string, Set<() => void>>();

  constructor(private readonly now: () => number = Date.now) {}

  async acquire(lockKey: string, token: string, leaseMs: number): Promise<boolean> {
    const held = this.#held.get(lockKey);
    if (held && held.expiresAt > this.now()) return false;
    this.#held.set(lockKey, { token, expiresAt: this.now() + leaseMs });
    return true;
  }

  /** Whether `token` holds a live lease on `lockKey` (the fencing check of SQLite and memory saves). */
  holds(lockKey: string, token: string): boolean {
    const held = this.#held.get(lockKey);
    return held !== undefined && held.token === token && held.expiresAt > this.now();
  }

  async renew(lockKey: string, token: string, leaseMs: number): Promise<boolean> {
    const held = this.#held.get(lockKey);
    // Like Redis: an expired lease is gone, even if nobody has taken it yet.
    if (!held || held.token !== token || held.expiresAt <= this.now()) return false;
    held.expiresAt = this.now() + leaseMs;
    return true;
  }

  async release(lockKey: string, token: string): Promise<void> {
    if (this.#held.get(lockKey)?.token !== token) return;
    this.#held.delete(lockKey);
    const waiters = this.#waiters.get(lockKey);
    this.#waiters.delete(lockKey);
    for (const wake of waiters ?? []) wake();
  }

  async waitForChange(lockKey: string, ms: number, signal?: AbortSignal): Promise<void> {
    const released = new AbortController();
    const waiters = this.#waiters.get(lockKey) ?? new Set<() => void>();
    this.#waiters.set(lockKey, waiters);
    const wake = () => released.abort();
    waiters.add(wake);
    try {
      await sleep(ms, signal ? AbortSignal.any([signal, released.signal]) : released.signal);
    } catch (error) {
      if (!released.signal.aborted || signal?.aborted) throw error;
    } finally {
      waiters.delete(wake);
      if (waiters.size === 0 && this.#waiters.get(lockKey) === waiters) this.#waiters.delete(lockKey);
    }
  }
}
