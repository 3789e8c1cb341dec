// The worker processes run file after file (isolate: false in vitest.config.ts): a file that changes what
// every build reads from the process (the cache folder, the time zone, the working folder) must put it back,
// or the files after it in the same worker build differently. Checked after every file.
import { afterAll, expect } from "vitest";

const state = () => ({ WORKSHOPKIT_CACHE: process.env.WORKSHOPKIT_CACHE, TZ: process.env.TZ, SOURCE_DATE_EPOCH: process.env.SOURCE_DATE_EPOCH, cwd: process.cwd() });
const before = state();

afterAll(() => {
  expect(state(), "a test file changed the process's environment or folder and did not put it back").toEqual(before);
});
