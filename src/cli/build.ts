// `workshopkit build`: builds the pack for one company, with progress and a summary; several profiles (or a folder) make a batch.
import { Command } from "commander";
import { z } from "zod";
import { WorkshopkitError } from "../errors.js";
import { parseCardOptions, type CardOptions } from "../cards/options.js";
import { buildSummary, printListLines, progressReporter } from "./progress.js";
import { WorkshopChoice } from "../workshop/choice.js";
import { stat } from "node:fs/promises";

const Options = z.object({
  profile: z.array(z.string().trim().min(1, "--profile is empty; give the profile file, e.g. --profile my-company.yaml")).min(1),
  out: z.string().trim().min(1, "--out is empty; give the folder for packs, e.g. --out out (the default), or leave --out away"),
  only: z.array(z.string()).optional(),
  cacheDir: z.string().optional(),
  cache: z.boolean().optional(),
  numberedSheets: z.coerce.number().int("--numbered-sheets must be a whole number, e.g. --numbered-sheets 24").min(1, "--numbered-sheets must be at least 1").max(500, "--numbered-sheets can be at most 500").optional(),
  participants: z.string().optional(),
  groups: z.string().optional(),
  copies: z.array(z.string()).optional(),
});

const TOOL_ID = /^v\d\d$/;

/** --participants and --groups make a workshop build: --only then names its tools, --copies changes a count. */
function workshopOf(o: { only?: string[]; participants?: string; groups?: string; copies?: string[] }): WorkshopChoice | undefined {
  if (o.participants === undefined && o.groups === undefined) {
    if (o.copies) throw WorkshopkitError.of("options.copiesAlone", {}, { file: "options", path: "workshop.copies" });
    return undefined;
  }
  if (o.participants === undefined || o.groups === undefined) throw WorkshopkitError.of("options.workshopNeedsBoth", { got: o.participants === undefined ? "--groups" : "--participants" }, { file: "options", path: o.participants === undefined ? "workshop.participants" : "workshop.groups" });
  const notTools = (o.only ?? []).filter((id) => !TOOL_ID.test(id));
  if (notTools.length > 0) throw WorkshopkitError.of("options.notTools", { ids: notTools.map((id) => `"${id}"`).join(", "), count: notTools.length }, { file: "options", path: "workshop.tools" });
  const copies: Record<string, string> = {};
  for (const pair of o.copies ?? []) {
    const m = /^([a-z0-9][a-z0-9-]*)=(\S+)$/.exec(pair.trim());
    if (!m) throw WorkshopkitError.of("options.copiesPair", { pair }, { file: "options", path: "workshop.copies" });
    copies[m[1]!] = m[2]!;
  }
  const parsed = WorkshopChoice.safeParse({ tools: o.only, participants: o.participants, groups: o.groups, copies: o.copies ? copies : undefined });
  if (!parsed.success) throw WorkshopkitError.of("options.workshop", { lines: parsed.error.issues.map((i) => `  --${i.path[0] === "tools" ? "only" : String(i.path[0])}${i.path.length > 1 ? ` ${String(i.path[1])}` : ""}: ${i.message}`).join("\n") }, { file: "options", path: "workshop" });
  return parsed.data;
}

/** The latest date a PDF can carry: its dates have four-digit years. */
const LAST_EPOCH = Date.UTC(9999, 11, 31, 23, 59, 59) / 1000;

/** SOURCE_DATE_EPOCH (seconds), the reproducible-builds convention, overrides the content's date. */
function sourceDate(): Date | undefined {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (!epoch) return undefined;
  const params = { epoch, example: Math.floor(Date.UTC(2026, 0, 1) / 1000), last: LAST_EPOCH };
  if (!/^\d+$/.test(epoch)) throw WorkshopkitError.of("options.epoch", params, { file: "options", path: "SOURCE_DATE_EPOCH" });
  if (Number(epoch) > LAST_EPOCH) throw WorkshopkitError.of("options.epochTooLate", params, { file: "options", path: "SOURCE_DATE_EPOCH" });
  return new Date(Number(epoch) * 1000);
}

/** The card flags given (parsed), and only those: the profile's `cards` fills in the rest. */
function givenCardOptions(raw: Record<string, unknown>): Partial<CardOptions> {
  const all = parseCardOptions(raw);
  return {
    ...(raw.cardSize !== undefined ? { size: all.size } : {}),
    ...(raw.duplex !== undefined ? { duplex: all.duplex } : {}),
    ...(raw.blankCards !== undefined ? { blanks: all.blanks } : {}),
  };
}

export function buildCommand(): Command {
  return new Command("build")
    .description("build the pack for a company into <out>/<company>/")
    .requiredOption("-p, --profile <files...>", "the company profile (YAML or JSON); several, or a folder of them, build each company's pack")
    .option("-o, --out <dir>", "the folder for packs", "out")
    .option("--only <ids...>", "build only these materials (see workshopkit list); with --participants, the workshop's tools (v01 … v11)")
    .option("--participants <n>", "a workshop of this many people: only what its tools need is built, with a print list (printliste.pdf)")
    .option("--groups <n>", "the workshop's groups (decks and group worksheets are counted per group)")
    .option("--copies <id=n...>", "change a workshop's suggested count, e.g. help-card=30 v04=12 (the help card counts cards)")
    .option("--card-size <WxH>", "card size in millimetres, width x height (default 90x60)")
    .option("--duplex <edge>", "card backs for duplex printing: long, short or none (default long)")
    .option("--blank-cards <n>", "blank cards added to each deck, for the group's own questions (default 0)")
    .option("--cache-dir <dir>", "the cache of finished materials (default: WORKSHOPKIT_CACHE, else node_modules/.cache/workshopkit)")
    .option("--no-cache", "build everything afresh, without reading or filling the cache")
    .option("--numbered-sheets <n>", "also write the scoring sheet as n numbered copies for paper (v01-scoring-copies.pdf), whose pages the results reader joins in any order")
    .action(async (raw: unknown) => {
      const parsed = Options.safeParse(raw);
      if (!parsed.success) throw WorkshopkitError.of("options.invalid", { detail: parsed.error.issues.map((i) => i.message).join("\n") }, { file: "options" });
      const { profile: profiles, cacheDir, cache, participants, groups, copies, ...opts } = parsed.data;
      const cards = givenCardOptions(raw as Record<string, unknown>);
      const workshop = workshopOf({ only: opts.only, participants, groups, copies });
      const common = { ...opts, ...(workshop ? { only: undefined, workshop } : {}), cards, date: sourceDate(), cacheDir: cache === false ? (false as const) : cacheDir };
      if (profiles.length > 1 || (await stat(profiles[0]!).catch(() => undefined))?.isDirectory()) {
        const { buildBatch } = await import("../batch/batchBuild.js"); // loaded only for a batch
        return buildBatch(profiles, common);
      }
      await (await import("./earlyDecoder.js")).startLogoDecoderEarly(profiles[0]!, common.cacheDir); // it starts while the pipeline loads
      const { build } = await import("../pipeline.js"); // loaded when building, not for --help
      const started = Date.now();
      const progress = progressReporter(process.stderr);
      const result = await build({ ...common, profile: profiles[0]!, onProgress: progress.update }).finally(() => progress.end());
      for (const line of buildSummary(result, Date.now() - started)) console.log(line);
      if (result.printList) for (const line of printListLines(result.printList)) console.log(line);
    });
}
