import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AckFirst } from "../../src/platforms/ack-first.js";

/** A store-like port whose calls are instant: only giving way can hold them. */
const port = () => ({
  chat: { postMessage: async (text: string) => `posted ${text}` },
  load: async () => "record",
  describe: () => "a sync method",
});

describe("acknowledgements first", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Requests arriving every 5 ms for `ms`. */
  const arriving = async (ackFirst: AckFirst, ms: number, done: () => void) => {
    for (let at = 0; at < ms; at += 5) {
      ackFirst.arrived();
      await vi.advanceTimersByTimeAsync(5);
    }
    done();
  };

  it("a turn's step waits while requests keep arriving and goes on once they stop", async () => {
    const ackFirst = new AckFirst(10, 10_000);
    const wrapped = ackFirst.wrap(port());
    const order: string[] = [];
    ackFirst.arrived();
    const step = ackFirst.background(async () => {
      order.push(await wrapped.load());
      order.push(await wrapped.chat.postMessage("v1"));
    });
    await arriving(ackFirst, 100, () => order.push("requests stopped"));
    await vi.advanceTimersByTimeAsync(50);
    await step;
    expect(order).toEqual(["requests stopped", "record", "posted v1"]);
  });

  it("work outside the background (what a listener does before its ack) never waits", async () => {
    const ackFirst = new AckFirst(10, 10_000);
    const wrapped = ackFirst.wrap(port());
    ackFirst.arrived();
    const order: string[] = [];
    const direct = wrapped.load().then((value) => order.push(value));
    await vi.advanceTimersByTimeAsync(0);
    order.push("next request");
    await direct;
    expect(order).toEqual(["record", "next request"]);
    expect(wrapped.describe()).toBe("a sync method");
  });

  it("under steady load a step goes on after the longest wait: turns do not starve", async () => {
    const ackFirst = new AckFirst(10, 40);
    const wrapped = ackFirst.wrap(port());
    const order: string[] = [];
    ackFirst.arrived();
    const step = ackFirst.background(async () => {
      order.push(await wrapped.load());
    });
    await arriving(ackFirst, 200, () => order.push("requests stopped"));
    await step;
    expect(order).toEqual(["record", "requests stopped"]);
  });

  it("a failed call still fails, after giving way", async () => {
    const ackFirst = new AckFirst(10, 10_000);
    const wrapped = ackFirst.wrap({ save: async () => Promise.reject(new Error("store down")) });
    const step = ackFirst.background(() => wrapped.save());
    const settled = step.catch((error: Error) => error.message);
    ackFirst.arrived();
    await vi.advanceTimersByTimeAsync(20);
    expect(await settled).toBe("store down");
  });
});
