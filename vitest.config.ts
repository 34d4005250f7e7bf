import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // vitest's default is one fork fewer than the cores, i.e. a single fork on a 2-core CI machine; most of the
    // suite waits on child processes (the built CLI, LibreOffice, Chromium), so two forks keep both cores busy.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
