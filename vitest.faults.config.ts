import { defineConfig } from "vitest/config";

/** `npm run test:faults`: the fault and load suite (real bot processes, Redis, platform stand-ins). */
export default defineConfig({
  test: {
    include: ["test/faults/**/*.fault.ts"],
    testTimeout: 900_000,
    hookTimeout: 120_000,
    pool: "forks",
    // One file at a time: each starts its own bot processes and breaks its own Redis.
    maxWorkers: 1,
    fileParallelism: false,
  },
});
