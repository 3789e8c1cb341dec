// `workshopkit build`: builds the pack for one company, with progress and a summary.
import { Command } from "commander";
import { z } from "zod";
import { WorkshopkitError } from "../errors.js";
import { build } from "../pipeline.js";
import { parseCardOptions } from "../cards/options.js";
import { buildSummary, progressReporter } from "./progress.js";

const Options = z.object({
  profile: z.string().min(1),
  out: z.string().min(1),
  only: z.array(z.string()).optional(),
});

/** SOURCE_DATE_EPOCH (seconds), the reproducible-builds convention, overrides the content's date. */
function sourceDate(): Date | undefined {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (!epoch) return undefined;
  if (!/^\d+$/.test(epoch)) throw new WorkshopkitError(`SOURCE_DATE_EPOCH must be a number of seconds, not "${epoch}".`);
  return new Date(Number(epoch) * 1000);
}

export function buildCommand(): Command {
  return new Command("build")
    .description("build the pack for a company into <out>/<company>/")
    .requiredOption("-p, --profile <file>", "the company profile (YAML or JSON)")
    .option("-o, --out <dir>", "the folder for packs", "out")
    .option("--only <ids...>", "build only these materials (see workshopkit list)")
    .option("--card-size <WxH>", "card size in millimetres, width x height (default 90x60)")
    .option("--duplex <edge>", "card backs for duplex printing: long, short or none (default long)")
    .option("--blank-cards <n>", "blank cards added to each deck, for the group's own questions (default 0)")
    .action(async (raw: unknown) => {
      const opts = Options.parse(raw);
      const cards = parseCardOptions(raw as Record<string, unknown>);
      const started = Date.now();
      const progress = progressReporter(process.stderr);
      const result = await build({ ...opts, cards, date: sourceDate(), onProgress: progress.update }).finally(() => progress.end());
      for (const line of buildSummary(result, Date.now() - started)) console.log(line);
    });
}
