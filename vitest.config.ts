import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Once before any test: the Debian tools checked (one message naming what is missing), the run's build cache
    // (WORKSHOPKIT_CACHE, tests/support/runCache.ts) and a folder for the shared example pack.
    globalSetup: ["tests/support/globalSetup.ts"],
    // Tests build real PDFs; a pack takes seconds, not milliseconds. Speed goals live in `npm run bench`.
    testTimeout: 180_000,
    hookTimeout: 300_000,
    // Two cores in CI: run test files two at a time.
    maxWorkers: 2,
  },
});
