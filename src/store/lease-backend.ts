/**
 * The primitive a per-conversation lock is built on: a key held by a token for a lease.
 * Redis implements it across processes; the in-process one gives SQLite and memory stores the same
 * semantics (lease, renewal, takeover after expiry) within one process.
 */
export interface LeaseBackend {
  /** Takes the lease if nobody holds a live one. */
  acquire(lockKey: string, token: string, leaseMs: number, signal: AbortSignal): Promise<boolean>;
  /** Extends the lease if `token` still holds it; false when it was lost. */
  renew(lockKey: string, token: string, leaseMs: number, signal: AbortSignal): Promise<boolean>;
  /** Gives the lease back if `token` still holds it (never someone else's). */
  release(lockKey: string, token: string, signal: AbortSignal): Promise<void>;
  /** Resolves when trying again is worthwhile: the lease was released here, or after `ms`. */
  waitForChange(lockKey: string, ms: number, signal?: AbortSignal): Promise<void>;
}
