import { describe, expect, it } from "vitest";
import { silentLogger } from "../../src/log/logger.js";
import { withLeaseLock } from "../../src/store/lease-lock.js";
import { MemoryLeaseBackend } from "../../src/store/memory-lease-backend.js";

const options = { leaseMs: 90, waitMs: 5_000, timeoutMs: 1_000, logger: silentLogger };
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("leased lock (in-process)", () => {
  it("keeps the lease while a turn runs longer than the lease", async () => {
    const backend = new MemoryLeaseBackend();
    const events: string[] = [];
    const leased = { ...options, leaseMs: 300 };
    const slow = withLeaseLock(backend, "lock:a", leased, async (signal) => {
      events.push("slow start");
      await wait(leased.leaseMs * 3);
      events.push(signal.aborted ? "slow lost its lease" : "slow end");
    });
    await wait(5);
    const next = withLeaseLock(backend, "lock:a", leased, async () => {
      events.push("next");
    });
    await Promise.all([slow, next]);
    expect(events).toEqual(["slow start", "slow end", "next"]);
  });

  it("runs waiting turns in the order they arrived", async () => {
    const backend = new MemoryLeaseBackend();
    const order: number[] = [];
    const turns = [0, 1, 2, 3, 4].map((i) =>
      withLeaseLock(backend, "lock:b", options, async () => {
        order.push(i);
        await wait(2);
      }),
    );
    await Promise.all(turns);
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });

  it("aborts the turn's signal when its lease was lost", async () => {
    let now = 1_000;
    const backend = new MemoryLeaseBackend(() => now);
    const outcome = await withLeaseLock(backend, "lock:c", options, async (signal) => {
      now += options.leaseMs * 10; // the process stalled past its lease: someone else may own it now
      await new Promise((resolve) => signal.addEventListener("abort", resolve));
      return signal.reason;
    });
    expect(outcome).toMatchObject({ code: "store.lock_timeout" });
  });

  it("does not release a lock that a successor holds now", async () => {
    let now = 1_000;
    const backend = new MemoryLeaseBackend(() => now);
    await withLeaseLock(backend, "lock:d", { ...options, leaseMs: 60_000 }, async () => {
      now += 120_000; // our lease ran out...
      expect(await backend.acquire("lock:d", "successor", 60_000)).toBe(true); // ...and a successor took it
    });
    // Our release must have left the successor's lease alone.
    expect(await backend.acquire("lock:d", "third", 60_000)).toBe(false);
  });
});
