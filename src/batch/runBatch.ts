// Builds many companies at once, one build per worker thread (piscina), as many threads as cores.
// Each company gets exactly a single build's guarantees (it is the same build()); a failing one is
// reported in its result and the others go on.
import { availableParallelism } from "node:os";
import path from "node:path";
import { MessageChannel } from "node:worker_threads";
import { Piscina } from "piscina";
import type { BuildOptions } from "../pipeline.js";
import { openCache } from "../cache/cacheDir.js";
import { CONTENT_DIR } from "../load/contentDir.js";
import { loadContent } from "../load/loadContent.js";
import { listMaterials } from "../resolve/listMaterials.js";
import type { BatchOutcome, BatchTask } from "./worker.js";

export interface BatchResult {
  profile: string;
  outcome: BatchOutcome;
}

export interface BatchProgress {
  companies: number;
  built: number;
  failed: number;
  /** Materials done, over the builds that have started (each build tells its total when it starts). */
  materials: { done: number; total: number };
  /** Profiles being built now. */
  building: string[];
  /** The first round: the materials every company shares, rendered once across the workers (when there is a cache). */
  shared?: { done: number; total: number };
}

/** Compiled (dist/), the worker is dist/batch-worker.js; from the TypeScript, a module that loads tsx first. */
function workerFile(): string {
  const here = import.meta.filename; // not rewritten by scripts/compile.mjs: the file actually running
  if (!here.endsWith(".ts")) return path.join(path.dirname(here), "batch-worker.js");
  return path.join(path.dirname(here), "worker-tsx.mjs");
}

export async function runBatch(
  profiles: string[],
  options: Omit<BuildOptions, "profile" | "onProgress">,
  onProgress?: (progress: BatchProgress) => void,
  threads = availableParallelism(),
): Promise<BatchResult[]> {
  const pool = new Piscina({ filename: workerFile(), minThreads: 1, maxThreads: Math.max(1, Math.min(threads, profiles.length)), idleTimeout: 1000 });
  const state: BatchProgress = { companies: profiles.length, built: 0, failed: 0, materials: { done: 0, total: 0 }, building: [] };
  const perBuild = new Map<string, { done: number; total: number }>();
  const tell = () => {
    const counts = [...perBuild.values()];
    state.materials = { done: counts.reduce((n, c) => n + c.done, 0), total: counts.reduce((n, c) => n + c.total, 0) };
    onProgress?.(state);
  };
  try {
    await fillSharedCache(pool, profiles, options, (shared) => onProgress?.({ ...state, shared }));
    return await Promise.all(
      profiles.map(async (profile): Promise<BatchResult> => {
        const { port1, port2 } = new MessageChannel();
        port1.on("message", (event: { done: number; total: number }) => {
          if (!state.building.includes(profile)) state.building.push(profile);
          perBuild.set(profile, { done: event.done, total: event.total });
          tell();
        });
        const task: BatchTask = { options: { ...options, profile }, progress: port2 };
        const outcome = (await pool.run(task, { transferList: [port2] })) as BatchOutcome;
        port1.close();
        state.building = state.building.filter((p) => p !== profile);
        if (outcome.ok) state.built++;
        else state.failed++;
        tell();
        return { profile, outcome };
      }),
    );
  } finally {
    await pool.destroy();
  }
}

/**
 * The first round of a batch with a cache: the materials every company shares (all but those with
 * the company's own text), rendered once, spread over the workers, so that the companies that follow
 * find them in the cache instead of each rendering the same pages at the same time. Made with the
 * first profile; a company on other paper or card options renders its own as it goes.
 */
async function fillSharedCache(pool: Piscina, profiles: string[], options: Omit<BuildOptions, "profile" | "onProgress">, onProgress: (shared: { done: number; total: number }) => void): Promise<void> {
  if (!openCache(options.cacheDir) || profiles.length < 2) return; // without a cache (off), nothing to fill
  const ids = listMaterials(await loadContent(CONTENT_DIR))
    .map((m) => m.id)
    .filter((id) => !options.only?.length || options.only.includes(id));
  const shared = { done: 0, total: ids.length };
  onProgress(shared);
  await Promise.all(
    ids.map(async (id) => {
      await pool.run({ ...options, profile: profiles[0]!, only: [id] }, { name: "fillSharedCache" });
      shared.done++;
      onProgress(shared);
    }),
  );
}
