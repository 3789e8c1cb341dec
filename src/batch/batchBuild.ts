// `workshopkit build --profile a.yaml b.yaml …` (or a folder): every company, across the cores,
// with one progress line, a table at the end, and a failure if any company failed.
import { WorkshopkitError } from "../errors.js";
import type { BuildOptions } from "../pipeline.js";
import { batchPrintLists, batchProgress, batchSummary } from "./batchReport.js";
import { expandProfiles } from "./profiles.js";
import { runBatch } from "./runBatch.js";

export async function buildBatch(profileArgs: string[], options: Omit<BuildOptions, "profile" | "onProgress">): Promise<void> {
  const profiles = await expandProfiles(profileArgs);
  const started = Date.now();
  const progress = batchProgress(process.stderr);
  const results = await runBatch(profiles, options, progress.update).finally(() => progress.end());
  for (const line of [...batchSummary(results, Date.now() - started), ...batchPrintLists(results)]) console.log(line);
  const failed = results.filter((r) => !r.outcome.ok).length;
  if (failed > 0) throw WorkshopkitError.of("batch.failed", { failed, total: results.length });
}
