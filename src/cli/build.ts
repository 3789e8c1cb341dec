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
    if (o.copies) throw new WorkshopkitError("--copies changes a workshop's counts: give --participants and --groups too.", "Example: workshopkit build -p profile.yaml --only v02 v04 --participants 24 --groups 5 --copies help-card=30");
    return undefined;
  }
  const example = "Example: workshopkit build -p profile.yaml --only v02 v04 --participants 24 --groups 5";
  if (o.participants === undefined || o.groups === undefined) throw new WorkshopkitError(`A workshop build needs both --participants and --groups (got only ${o.participants === undefined ? "--groups" : "--participants"}).`, example);
  const notTools = (o.only ?? []).filter((id) => !TOOL_ID.test(id));
  if (notTools.length > 0) throw new WorkshopkitError(`With --participants, --only names the workshop's tools (v01 … v11); ${notTools.map((id) => `"${id}"`).join(", ")} ${notTools.length === 1 ? "is" : "are"} not one.`, `${example}. Each tool brings the materials it needs; leave out --participants and --groups to build materials by id.`);
  const copies: Record<string, string> = {};
  for (const pair of o.copies ?? []) {
    const m = /^([a-z0-9][a-z0-9-]*)=(\S+)$/.exec(pair.trim());
    if (!m) throw new WorkshopkitError(`--copies ${pair}: expected a material id and a count, like help-card=30.`, example);
    copies[m[1]!] = m[2]!;
  }
  const parsed = WorkshopChoice.safeParse({ tools: o.only, participants: o.participants, groups: o.groups, copies: o.copies ? copies : undefined });
  if (!parsed.success) throw new WorkshopkitError(`The workshop is not valid:\n${parsed.error.issues.map((i) => `  --${i.path[0] === "tools" ? "only" : String(i.path[0])}${i.path.length > 1 ? ` ${String(i.path[1])}` : ""}: ${i.message}`).join("\n")}`, example);
  return parsed.data;
}

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
      if (!parsed.success) throw new WorkshopkitError(parsed.error.issues.map((i) => i.message).join("\n"));
      const { profile: profiles, cacheDir, cache, participants, groups, copies, ...opts } = parsed.data;
      const cards = givenCardOptions(raw as Record<string, unknown>);
      const workshop = workshopOf({ only: opts.only, participants, groups, copies });
      const common = { ...opts, ...(workshop ? { only: undefined, workshop } : {}), cards, date: sourceDate(), cacheDir: cache === false ? (false as const) : cacheDir };
      if (profiles.length > 1 || (await stat(profiles[0]!).catch(() => undefined))?.isDirectory()) {
        const { buildBatch } = await import("../batch/batchBuild.js"); // loaded only for a batch
        return buildBatch(profiles, common);
      }
      const { build } = await import("../pipeline.js"); // loaded when building, not for --help
      const started = Date.now();
      const progress = progressReporter(process.stderr);
      const result = await build({ ...common, profile: profiles[0]!, onProgress: progress.update }).finally(() => progress.end());
      for (const line of buildSummary(result, Date.now() - started)) console.log(line);
      if (result.printList) for (const line of printListLines(result.printList)) console.log(line);
    });
}
