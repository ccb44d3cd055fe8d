import { describe, expect, it } from "vitest";
import { MemoryEventDedupe } from "../../src/store/event-dedupe.js";

describe("in-process event dedupe", () => {
  it("claims an id once until its TTL passes", async () => {
    let now = 0;
    const dedupe = new MemoryEventDedupe(() => now);
    expect(await dedupe.claim("evt-1", 1_000)).toBe(true);
    expect(await dedupe.claim("evt-1", 1_000)).toBe(false);
    expect(await dedupe.claim("evt-2", 1_000)).toBe(true);
    now = 1_001;
    expect(await dedupe.claim("evt-1", 1_000)).toBe(true);
  });

  it("still refuses recent duplicates after sweeping thousands of expired ids", async () => {
    let now = 0;
    const dedupe = new MemoryEventDedupe(() => now);
    for (let i = 0; i < 1_500; i++) await dedupe.claim(`old-${i}`, 10);
    now = 100;
    expect(await dedupe.claim("recent", 1_000)).toBe(true);
    for (let i = 0; i < 1_500; i++) await dedupe.claim(`new-${i}`, 1_000);
    expect(await dedupe.claim("recent", 1_000)).toBe(false);
  });
});
