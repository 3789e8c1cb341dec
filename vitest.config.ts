import { defineConfig } from "vitest/config";
import LongestFirst from "./tests/support/sequencer.js";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Once before any test: the Debian tools checked (one message naming what is missing), the run's build cache
    // (WORKSHOPKIT_CACHE, tests/support/runCache.ts) and a folder for the shared example pack.
    globalSetup: ["tests/support/globalSetup.ts"],
    // Before each file: that it leaves the process's environment as it found it (tests/support/processState.ts);
    // WK_TEST_CPU=<file> npm test: each file's CPU time appended to <file> (tests/support/cpuTime.ts).
    setupFiles: ["tests/support/processState.ts", "tests/support/cpuTime.ts"],
    // Tests build real PDFs; a pack takes seconds, not milliseconds. Speed goals live in `npm run bench`.
    testTimeout: 180_000,
    hookTimeout: 300_000,
    // Two cores in CI: run test files two at a time.
    maxWorkers: 2,
    // Each of the two worker processes runs file after file without loading the modules again (react-pdf,
    // fonts, sharp, pdf.js: seconds a file). So a file that changes process state puts it back when it is
    // done (WORKSHOPKIT_CACHE: useCache in tests/support/runCache.ts; TZ in tests/docx.test.ts). Processes
    // (forks), not threads: serve-hostile measures its process's memory, which a thread would share (and threads
    // were no faster: 42.8 against 43.2 s CPU for eight of the files).
    pool: "forks",
    isolate: false,
    // The longest files first, serve-hostile before all (tests/support/sequencer.ts).
    sequence: { sequencer: LongestFirst },
  },
});
