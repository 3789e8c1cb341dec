// One build cache for the whole test run: the global setup makes a fresh, empty folder and sets
// WORKSHOPKIT_CACHE to it before any test file starts, so every build the tests make (in-process,
// through the CLI, or by a server under test) renders each material every company shares once per run
// and takes it from there afterwards. Fresh each run, so nothing is carried over from an earlier run
// or from the user's own cache. Tests of byte-identity (two renders compared) and of the cache itself
// build with `cacheDir: false` (`WORKSHOPKIT_CACHE=off` for the CLI) or a cache folder of their own.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** Makes the run's cache folder and points WORKSHOPKIT_CACHE at it; the function returned removes it and puts the variable back. */
export function startRunCache(): { dir: string; stop: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), "wk-run-cache-"));
  const restore = useCache(dir);
  return {
    dir,
    stop: () => {
      restore();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Sets WORKSHOPKIT_CACHE for the test file that calls it (a cache of its own, or "off"); the function
 * returned puts the run's back. Call that in afterAll: test files may share a worker (isolate: false).
 */
export function useCache(value: string): () => void {
  const before = process.env.WORKSHOPKIT_CACHE;
  process.env.WORKSHOPKIT_CACHE = value;
  return () => {
    if (before === undefined) delete process.env.WORKSHOPKIT_CACHE;
    else process.env.WORKSHOPKIT_CACHE = before;
  };
}
