import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Native model contexts and local servers: run files in forks, a couple at a time (2-core machines).
    pool: "forks",
    maxWorkers: 2,
  },
});
