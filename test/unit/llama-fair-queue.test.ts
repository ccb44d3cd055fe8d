import { describe, expect, it } from "vitest";
import { FairQueue } from "../../src/model/llama/fair-queue.js";

describe("fair queue", () => {
  it("serves the least recently served key first, FIFO within a key, and reports positions", async () => {
    const queue = new FairQueue<number>();
    queue.noteServed("flood");
    const positions: Record<string, number[]> = { f2: [], f3: [], o1: [], f4: [] };
    const served: string[] = [];
    const wait = (key: string, label: string) =>
      queue.wait(key, (p) => positions[label]?.push(p)).then(() => served.push(label));
    const all = [wait("flood", "f2"), wait("flood", "f3"), wait("other", "o1"), wait("flood", "f4")];
    expect(positions.o1?.at(-1)).toBe(1);
    expect(positions.f2?.at(-1)).toBe(2);
    for (let i = 0; i < 4; i++) queue.serve(i);
    await Promise.all(all);
    expect(served).toEqual(["o1", "f2", "f3", "f4"]);
    expect(positions.f4).toEqual([4, 3, 2, 1, 0]);
  });

  it("an aborted waiter leaves the queue and the others move up", async () => {
    const queue = new FairQueue<number>();
    const controller = new AbortController();
    const positions: number[] = [];
    const first = queue.wait("a", undefined, controller.signal).catch((e: unknown) => e);
    const second = queue.wait("b", (p) => positions.push(p));
    controller.abort(new Error("gone"));
    expect(await first).toEqual(new Error("gone"));
    expect(positions).toEqual([2, 1]);
    expect(queue.size).toBe(1);
    queue.serve(7);
    expect(await second).toBe(7);
  });
});
