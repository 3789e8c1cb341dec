// `workshopkit build`: builds the pack for one company, with progress and a summary; several profiles (or a folder) make a batch.
import { Command } from "commander";
import { z } from "zod";
import { WorkshopkitError } from "../errors.js";
import { parseCardOptions } from "../cards/options.js";
import { buildSummary, progressReporter } from "./progress.js";
import { stat } from "node:fs/promises";

const Options = z.object({
  profile: z.array(z.string().trim().min(1, "--profile is empty; give the profile file, e.g. --profile my-company.yaml")).min(1),
  out: z.string().trim().min(1, "--out is empty; give the folder for packs, e.g. --out out (the default), or leave --out away"),
  only: z.array(z.string()).optional(),
  cacheDir: z.string().optional(),
  cache: z.boolean().optional(),
  copies: z.coerce.number().int("--copies must be a whole number, e.g. --copies 24").min(1, "--copies must be at least 1").max(500, "--copies can be at most 500").optional(),
});

/** The latest date a PDF can carry: its dates have four-digit years. */
const LAST_EPOCH = Date.UTC(9999, 11, 31, 23, 59, 59) / 1000;

/** SOURCE_DATE_EPOCH (seconds), the reproducible-builds convention, overrides the content's date. */
function sourceDate(): Date | undefined {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (!epoch) return undefined;
  const hint = `Set it to the seconds since 1970-01-01 (e.g. ${Math.floor(Date.UTC(2026, 0, 1) / 1000)} for 2026-01-01), at most ${LAST_EPOCH} (the end of year 9999), or unset it to use the content's date.`;
  if (!/^\d+$/.test(epoch)) throw new WorkshopkitError(`SOURCE_DATE_EPOCH must be a whole number of seconds, not "${epoch}".`, hint);
  if (Number(epoch) > LAST_EPOCH) throw new WorkshopkitError(`SOURCE_DATE_EPOCH=${epoch} is after the year 9999, which a PDF date cannot hold.`, hint);
  return new Date(Number(epoch) * 1000);
}

export function buildCommand(): Command {
  return new Command("build")
    .description("build the pack for a company into <out>/<company>/")
    .requiredOption("-p, --profile <files...>", "the company profile (YAML or JSON); several, or a folder of them, build each company's pack")
    .option("-o, --out <dir>", "the folder for packs", "out")
    .option("--only <ids...>", "build only these materials (see workshopkit list)")
    .option("--card-size <WxH>", "card size in millimetres, width x height (default 90x60)")
    .option("--duplex <edge>", "card backs for duplex printing: long, short or none (default long)")
    .option("--blank-cards <n>", "blank cards added to each deck, for the group's own questions (default 0)")
    .option("--cache-dir <dir>", "the cache of finished materials (default: WORKSHOPKIT_CACHE, else node_modules/.cache/workshopkit)")
    .option("--no-cache", "build everything afresh, without reading or filling the cache")
    .option("--copies <n>", "also write the scoring sheet as n numbered copies for paper (v01-scoring-copies.pdf), whose pages the results reader joins in any order")
    .action(async (raw: unknown) => {
      const parsed = Options.safeParse(raw);
      if (!parsed.success) throw new WorkshopkitError(parsed.error.issues.map((i) => i.message).join("\n"));
      const { profile: profiles, cacheDir, cache, ...opts } = parsed.data;
      const cards = parseCardOptions(raw as Record<string, unknown>);
      const common = { ...opts, cards, date: sourceDate(), cacheDir: cache === false ? (false as const) : cacheDir };
      if (profiles.length > 1 || (await stat(profiles[0]!).catch(() => undefined))?.isDirectory()) {
        const { buildBatch } = await import("../batch/batchBuild.js"); // loaded only for a batch
        return buildBatch(profiles, common);
      }
      const { build } = await import("../pipeline.js"); // loaded when building, not for --help
      const started = Date.now();
      const progress = progressReporter(process.stderr);
      const result = await build({ ...common, profile: profiles[0]!, onProgress: progress.update }).finally(() => progress.end());
      for (const line of buildSummary(result, Date.now() - started)) console.log(line);
    });
}
