import { describe, expect, it } from "vitest";
import { SequencePool } from "../../src/model/llama/sequence-pool.js";

class Sequence {
  cleared = 0;
  constructor(
    readonly name: string,
    private readonly failClear = false,
  ) {}
  async clearHistory(): Promise<void> {
    this.cleared += 1;
    if (this.failClear) throw new Error("native clear failed");
  }
}

describe("sequence pool", () => {
  it("clears a sequence and hands it to the next waiter, even when clearing fails", async () => {
    const only = new Sequence("s0", true);
    const pool = new SequencePool([only]);
    const first = await pool.acquire("a");
    const next = pool.acquire("b");
    expect(pool.stats()).toEqual({ queued: 1, active: 1, sequences: 1 });
    const errors: unknown[] = [];
    await pool.release(first, (error) => errors.push(error));
    expect(await next).toBe(only);
    expect(only.cleared).toBe(1);
    expect(errors).toHaveLength(1);
    expect(pool.stats()).toEqual({ queued: 0, active: 1, sequences: 1 });
  });

  it("close fails waiting and new calls; released sequences are not handed out", async () => {
    const pool = new SequencePool([new Sequence("s0")]);
    const held = await pool.acquire("a");
    const waiting = pool.acquire("b").catch((error: unknown) => error);
    const shutdown = new Error("shutting down");
    pool.close(shutdown);
    expect(await waiting).toBe(shutdown);
    await expect(pool.acquire("c")).rejects.toBe(shutdown);
    await pool.release(held);
    expect(pool.stats()).toEqual({ queued: 0, active: 0, sequences: 1 });
  });

  it("an aborted waiter leaves the queue without taking a sequence", async () => {
    const pool = new SequencePool([new Sequence("s0")]);
    const held = await pool.acquire("a");
    const controller = new AbortController();
    const waiting = pool.acquire("b", undefined, controller.signal).catch((error: unknown) => error);
    controller.abort(new Error("user left"));
    expect(await waiting).toEqual(new Error("user left"));
    await pool.release(held);
    expect(await pool.acquire("c")).toBe(held);
  });
});
