import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Tests build real PDFs; a pack takes seconds, not milliseconds. Speed goals live in `npm run bench`.
    testTimeout: 180_000,
    hookTimeout: 300_000,
    // Two cores in CI: run test files two at a time.
    maxWorkers: 2,
  },
});
