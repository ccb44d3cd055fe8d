import { describe, expect, it } from "vitest";
import { defaultSequences, defaultThreads } from "../../src/model/llama/default-threads.js";

describe("default threads and sequences (from bench:model measurements)", () => {
  it("uses one thread on the 2-vCPU machines and about half the cores on bigger ones", () => {
    expect(defaultThreads(1)).toBe(1);
    expect(defaultThreads(2)).toBe(1);
    expect(defaultThreads(4)).toBe(2);
    expect(defaultThreads(16)).toBe(8);
    expect(defaultThreads(128)).toBe(16);
  });

  it("keeps a second sequence on a small CPU machine and four elsewhere", () => {
    expect(defaultSequences(false, 2)).toBe(2);
    expect(defaultSequences(false, 16)).toBe(4);
    expect(defaultSequences(true, 2)).toBe(4);
  });
});
