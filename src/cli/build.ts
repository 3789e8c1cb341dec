// `workshopkit build`: builds the pack for one company, with progress and a summary.
import path from "node:path";
import { Command } from "commander";
import { z } from "zod";
import { WorkshopkitError } from "../errors.js";
import { build } from "../pipeline.js";
import { progressReporter } from "./progress.js";

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
    .action(async (raw: unknown) => {
      const opts = Options.parse(raw);
      const started = Date.now();
      const progress = progressReporter(process.stderr);
      const result = await build({ ...opts, date: sourceDate(), onProgress: progress.update });
      progress.end();
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`Built ${result.files.length} PDFs, ${result.pages} pages, in ${seconds} s → ${path.relative(process.cwd(), result.dir) || result.dir}/`);
      if (result.warnings.length > 0) {
        console.log(`${result.warnings.length} thing(s) to fill in by hand:`);
        for (const w of result.warnings) console.log(`  - ${w.message}`);
      }
    });
}
