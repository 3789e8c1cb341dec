// `workshopkit results`: reads scoring sheets back (filled on screen, or scanned paper) into a report,
// and keeps rounds over time; `--list` and `--delete-round` look after the rounds.
import { Command } from "commander";
import path from "node:path";
import { z } from "zod";
import { escapeControl, WorkshopkitError } from "../errors.js";
import { slug } from "../slug.js";
import type { ResultsRun } from "../results/pipeline.js";
import type { PageReading } from "../results/recognise.js";
import { MIN_GROUP, RoundName } from "../results/schema.js";

const Options = z.object({
  profile: z.string().min(1).optional(),
  out: z.string().min(1).optional(),
  round: RoundName.optional(),
  db: z.string().min(1).optional(),
  minGroup: z.string().regex(/^\d{1,4}$/, "expected a number of sheets like 5").transform(Number).refine((n) => n >= 1, "expected at least 1 sheet").default(MIN_GROUP),
  list: z.boolean().optional(),
  deleteRound: z.string().min(1).optional(),
});

async function dbFile(opts: z.infer<typeof Options>): Promise<string> {
  if (opts.db) return opts.db;
  if (!opts.profile) throw WorkshopkitError.of("results.whichDb", {}, { file: "options", path: "db" });
  const [{ loadProfile }, { defaultDb }] = await Promise.all([import("../load/loadProfile.js"), import("../results/pipeline.js")]);
  const { profile } = await loadProfile(opts.profile);
  return defaultDb(profile.company);
}

/** On a terminal, one rewritten line saying which page is being read; nothing otherwise (logs, CI). */
function pageProgress(stream: NodeJS.WriteStream) {
  let n = 0;
  return {
    page(reading: PageReading) {
      if (!stream.isTTY) return;
      const where = reading.kind === "read" ? `${path.basename(reading.source)}, page ${reading.page}` : `${reading.note.source}${reading.note.page ? `, page ${reading.note.page}` : ""}`;
      stream.write(`\r\x1b[2KRead ${++n} page${n === 1 ? "" : "s"} (${escapeControl(where)})`.slice(0, (stream.columns || 80) - 1));
    },
    end() {
      if (stream.isTTY && n > 0) stream.write("\r\x1b[2K");
    },
  };
}

function summary(run: ResultsRun): string[] {
  const { results, report } = run;
  const pages = results.sheets.reduce((n, s) => n + s.pages.length, 0);
  const uncertain = results.sheets.reduce((n, s) => n + s.uncertain.length, 0);
  const lines = [`Read ${results.sheets.length} sheet${results.sheets.length === 1 ? "" : "s"} (${pages} page${pages === 1 ? "" : "s"}).`];
  if (uncertain > 0) {
    const where = report.anonymous
      ? "the report is anonymous, so it shows no rows to check; check them on the web page (workshopkit serve, Resultater) once the round is large enough"
      : `check them by hand (results.pdf, "Tjek i hånden"), or on the web page (workshopkit serve, Resultater)`;
    lines.push(`${uncertain} statement${uncertain === 1 ? " was" : "s were"} not read with certainty and left out of the totals: ${where}.`);
  }
  for (const n of results.skipped) lines.push(`Skipped ${n.source}${n.page ? `, page ${n.page}` : ""}: ${n.reason}.`);
  for (const n of results.unreadable) lines.push(`Could not read ${n.source}${n.page ? `, page ${n.page}` : ""}: ${n.reason}.${n.hint ? ` ${n.hint}` : ""}`);
  for (const w of results.warnings) lines.push(`Warning: ${w.message}.${w.hint ? ` ${w.hint}` : ""}`);
  if (run.stored) lines.push(`Stored round "${results.round}" in ${run.stored.db}: ${run.stored.added} new sheet${run.stored.added === 1 ? "" : "s"}${run.stored.already ? `, ${run.stored.already} already there (not counted twice)` : ""}.`);
  if (run.stored) {
    const n = report.anonymous?.sheets ?? report.sheets.length;
    lines.push(`The round "${results.round}" holds ${n} sheet${n === 1 ? "" : "s"} (those read before and those typed in on the web page included); the report is of them all.`);
  }
  if (report.anonymous) {
    const { sheets, minGroup } = report.anonymous;
    lines.push(`Anonymous report: ${report.round ? "the round has" : "there are"} ${sheets} sheet${sheets === 1 ? "" : "s"}, fewer than ${minGroup}, so the report shows the group's medians only (no sheet's dots, no pictures of rows, no file or page names). Change the limit with --min-group.`);
  }
  lines.push(`Wrote ${run.written.map((f) => path.basename(f)).join(", ")} → ${path.dirname(run.written[0]!)}/`);
  return lines.map((l) => escapeControl(l));
}

export function resultsCommand(): Command {
  return new Command("results")
    .description("read filled-in scoring sheets (PDFs filled on screen, or scans) into a report of the group's maturity profile")
    .argument("[files...]", "scoring sheets: PDFs (filled on screen or scanned), JPEG, PNG or TIFF")
    .option("-p, --profile <file>", "the company profile the sheets were printed from")
    .option("-o, --out <dir>", "the folder for results.pdf, results.json and results.csv (default results/<company>)")
    .option("--round <name>", 'store the answers as a round, e.g. "Forår 2027", and compare with earlier rounds')
    .option("--db <file>", "the rounds database (default results/<company>.sqlite)")
    .option("--min-group <n>", `a report of fewer sheets is anonymous: the group's medians only (default ${MIN_GROUP})`)
    .option("--list", "list the stored rounds")
    .option("--delete-round <name>", "delete a stored round")
    .action(async (files: string[], raw: unknown) => {
      const parsed = Options.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw WorkshopkitError.of("results.option", { option: String(issue.path[0] ?? "").replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), detail: issue.message }, { file: "options", path: String(issue.path[0] ?? "") });
      }
      const opts = parsed.data;
      if (opts.round) {
        // The report prints the name: a character its font cannot draw would come out blank.
        const { missingGlyphs } = await import("../fonts.js");
        const missing = missingGlyphs(opts.round);
        if (missing.length > 0) throw WorkshopkitError.of("results.roundGlyphs", { characters: missing.map((ch) => `"${escapeControl(ch)}"`).join(", "), count: missing.length }, { file: "options", path: "round" });
      }
      if (opts.list || opts.deleteRound) {
        const { RoundStore } = await import("../results/rounds.js"); // better-sqlite3: loaded here, not for --help
        const file = await dbFile(opts);
        // Listing or deleting never makes a database: a file that is not there holds no rounds.
        const store = RoundStore.open(file, { create: false });
        if (!store) {
          if (opts.deleteRound) throw WorkshopkitError.of("results.noDatabase", { name: escapeControl(opts.deleteRound), file: escapeControl(file) }, { file: "options", path: "deleteRound" });
          console.log(escapeControl(`No rounds stored in ${file} (there is no such file yet).`));
          return;
        }
        try {
          if (opts.deleteRound) {
            const n = store.deleteRound(opts.deleteRound);
            console.log(escapeControl(`Deleted round "${opts.deleteRound}" (${n} sheet${n === 1 ? "" : "s"}) from ${store.file}.`));
          }
          if (opts.list) {
            const rounds = store.list();
            if (rounds.length === 0) console.log(escapeControl(`No rounds stored in ${store.file}.`));
            // A name stored before names were checked may hold anything: printed escaped, never raw.
            for (const r of rounds) console.log(`${escapeControl(r.name)}\t${r.sheets} sheet${r.sheets === 1 ? "" : "s"}\tstored ${escapeControl(r.created.slice(0, 10))}`);
          }
        } finally {
          store.close();
        }
        return;
      }
      if (files.length === 0) throw WorkshopkitError.of("results.noFiles", {}, { file: "options" });
      if (!opts.profile) throw WorkshopkitError.of("results.noProfile", {}, { file: "options", path: "profile" });
      const [{ loadProfile }, { readResults }] = await Promise.all([import("../load/loadProfile.js"), import("../results/pipeline.js")]); // loaded here, not for --help
      const { profile } = await loadProfile(opts.profile);
      const out = opts.out ?? path.join("results", slug(profile.company));
      const progress = pageProgress(process.stderr);
      const run = await readResults({ files, profile: opts.profile, out, round: opts.round, db: opts.db, minGroup: opts.minGroup, onPage: progress.page }).finally(() => progress.end());
      for (const line of summary(run)) console.log(line);
    });
}
