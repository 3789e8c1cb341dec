// One company of a batch, in a worker thread: the same build() as a single build, with its
// progress sent to the main thread and its outcome (or its error, as text) returned.
import type { MessagePort } from "node:worker_threads";
import { WorkshopkitError } from "../errors.js";
import { openCache } from "../cache/cacheDir.js";
import { build, loadInput, prepare, sharedMaterials, type BuildOptions } from "../pipeline.js";
import type { PrintEntry } from "../workshop/printList.js";

export interface BatchTask {
  options: Omit<BuildOptions, "onProgress">;
  progress: MessagePort;
}

export type BatchOutcome =
  | { ok: true; dir: string; pages: number; files: number; warnings: string[]; printList?: PrintEntry[]; ms: number }
  | { ok: false; error: string; hint?: string; ms: number };

export default async function buildOne({ options, progress }: BatchTask): Promise<BatchOutcome> {
  const started = performance.now();
  try {
    const result = await build({ ...options, onProgress: (event) => progress.postMessage(event) });
    const { dir, pages, files, warnings, printList } = result;
    return { ok: true, dir, pages, files: files.length, warnings: warnings.map((w) => w.message), printList, ms: performance.now() - started };
  } catch (err) {
    const known = err instanceof WorkshopkitError;
    return {
      ok: false,
      error: known ? err.message : `Unexpected error: ${(err as Error).stack ?? String(err)}`,
      hint: known ? err.hint : "This is a fault in workshopkit; please report it.",
      ms: performance.now() - started,
    };
  } finally {
    progress.close();
  }
}

/** Some of the materials every company shares, into the cache (the batch's first round); a failure is left to the builds to report. */
export async function fillSharedCache({ profile, cacheDir, ...options }: Omit<BuildOptions, "out" | "onProgress">): Promise<void> {
  try {
    const cache = openCache(cacheDir);
    if (!cache) return; // caching is off: nothing would be kept
    const { pack, date } = prepare(await loadInput(profile, options));
    await sharedMaterials(pack, date, cache);
  } catch {
    // each company's build reports its own problems (a bad cache folder among them)
  }
}
