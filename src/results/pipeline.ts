// The story of reading results back, in order: load → recognise → aggregate → store → render → finish → write.
// load turns files into pages (a form's answers, or a scan's page image); recognise finds each scan's
// page code and corner marks, then judges its boxes, keeping doubt as a value; aggregate makes sheets,
// totals and the group's medians; the round is stored in one transaction that is committed only once
// the report (rendered with the pack's templates, fonts and brand) and the data files are written.
// A round's report is of all its sheets, with the rows decided by hand and the sheets typed in; a
// round smaller than the anonymity limit shows the group's medians only.
// Two front doors: readResults (the CLI: files by path, the report written to a folder) and
// readUploads + roundReport (the web page: files as bytes, the report returned as files).
import path from "node:path";
import { createElement } from "react";
import { CONTENT_DIR } from "../load/contentDir.js";
import { escapeControl, problem, WorkshopkitError } from "../errors.js";
import { loadProfile, type LoadedProfile } from "../load/loadProfile.js";
import { renderStrict } from "../render/renderMaterial.js";
import { finishPdf } from "../finish/finishPdf.js";
import type { OutputFile } from "../write/writeFiles.js";
import { slug } from "../slug.js";
import { loadScanBytes, loadScans, type LoadedPage } from "./loadScans.js";
import { readerContext, type ReaderContext } from "./sheetLayout.js";
import { recognise, type PageReading } from "./recognise.js";
import { aggregate, missingPageWarnings, summarise, type SheetWithCrops } from "./aggregate.js";
import { anonymise } from "./anonymise.js";
import { RoundStore, type StoredRound } from "./rounds.js";
import { roundSheets } from "./roundSheets.js";
import { resultsCsv, resultsJson, writeResults } from "./writeResults.js";
import { MIN_GROUP, type PageNote, type Results } from "./schema.js";
import { ResultsReport, type ReportRound } from "../../templates/results/ResultsReport.js";

export interface ResultsOptions {
  /** PDFs and images of scoring sheets, in the order given. */
  files: string[];
  /** The profile the sheets were printed from: the report's brand, and the sheet's layout. */
  profile: string;
  /** The folder that receives results.pdf, results.json and results.csv. */
  out: string;
  /** Store the answers as this round and show it beside the earlier ones. */
  round?: string;
  /** The rounds database; default `results/<company>.sqlite`. */
  db?: string;
  /** A report of fewer sheets shows the group's medians only (default 5). */
  minGroup?: number;
  /** The report's creation date (default: the content's date, so the same scans give the same report). */
  date?: Date;
  /** When a round is stored (default: now); orders the rounds. */
  now?: Date;
  onPage?: (reading: PageReading) => void;
}

export interface ResultsRun {
  /** What this run read. */
  results: Results;
  /** What the report shows: the whole round when there is one, anonymous when it is small. */
  report: Results;
  written: string[];
  stored?: { db: string; added: number; already: number };
}

/** A file uploaded on the web page: its name as the browser gave it (shown in messages only) and its bytes. */
export interface Upload {
  name: string;
  bytes: Uint8Array;
}

/** The default rounds database of a company: beside out/, where a build never writes. */
export const defaultDb = (company: string, dir = "results") => path.join(dir, `${slug(company)}.sqlite`);

/** load + recognise: every page of every file, in order. */
async function recogniseAll(pages: AsyncIterable<LoadedPage>, ctx: ReaderContext, onPage?: (reading: PageReading) => void): Promise<PageReading[]> {
  const readings: PageReading[] = [];
  for await (const page of pages) {
    const reading = await recognise(page, ctx);
    readings.push(reading);
    onPage?.(reading);
  }
  return readings;
}

/** aggregate, refusing a run in which no sheet could be read (nothing is stored or written then). */
function aggregateRun(readings: PageReading[], ctx: ReaderContext, round?: string) {
  const run = aggregate(readings, ctx.material, round);
  if (run.results.sheets.length === 0) {
    const problems = [...run.results.unreadable, ...run.results.skipped].map((n) => problem("results.unreadable", { detail: n.reason }, { file: n.page ? `${n.source}, page ${n.page}` : n.source }));
    throw WorkshopkitError.listing("results.noneRead", {}, problems);
  }
  return run;
}

const withCrops = (sheets: SheetWithCrops[]) => sheets.map(({ number: _n, crops, ...sheet }) => ({ ...sheet, crops }));

export interface RoundResults {
  results: Results;
  crops: Map<number, Map<string, Buffer>>;
  rounds: ReportRound[];
}

/** A stored round as the report shows it: its sheets decided by hand, beside every round's medians. */
export function roundResults(ctx: ReaderContext, store: RoundStore, name: string, run?: Pick<Results, "skipped" | "unreadable" | "warnings" | "sheets">): RoundResults {
  const round: StoredRound = store.round(name) ?? { name, created: "", sheets: [], crops: new Map() };
  const decided = roundSheets(ctx.material, round);
  // The copies of the sheets read now (the store keeps no copy numbers), by the sheet's key.
  const copies = new Map((run?.sheets ?? []).flatMap((s) => (s.copy ? [[s.key, s.copy] as const] : [])));
  const sheets = decided.sheets.map((s) => (copies.has(s.key) ? { ...s, copy: copies.get(s.key)! } : s));
  const { crops } = decided;
  // This run's notes and its stacks' warnings; a page missing, of every sheet of the round by its number there.
  const notes = { skipped: run?.skipped ?? [], unreadable: run?.unreadable ?? [], warnings: [...(run?.warnings ?? []).filter((w) => w.code !== "sheets.missingPage"), ...missingPageWarnings(sheets)] };
  const rounds = store.history().map((r) => {
    const decided = roundSheets(ctx.material, r).sheets;
    return { name: r.name, sheets: decided.length, levels: summarise(ctx.material, decided), current: r.name === name };
  });
  const results: Results = { material: ctx.material.id, round: name, sheets, levels: summarise(ctx.material, sheets), ...notes };
  return { results, crops, rounds };
}

/** render + finish: results.pdf, results.json and results.csv of a report, anonymous below `minGroup` sheets. */
export async function reportFiles(ctx: ReaderContext, report: RoundResults, options: { minGroup?: number; date?: Date } = {}): Promise<{ results: Results; files: OutputFile[] }> {
  const results = anonymise(report.results, options.minGroup ?? MIN_GROUP);
  const crops = results.anonymous ? new Map() : report.crops;
  const date = options.date ?? new Date(`${ctx.date}T00:00:00Z`);
  const title = `Værktøj ${ctx.material.tool.number}: Resultater – ${ctx.pack.brand.company}`;
  const meta = { title, author: ctx.pack.brand.company, subject: ctx.pack.toolkit.title };
  const rendered = await renderStrict("results.pdf", createElement(ResultsReport, {
    brand: ctx.pack.brand, material: ctx.material, results, crops, rounds: report.rounds, meta: { ...meta, creationDate: date },
  }) as Parameters<typeof renderStrict>[1]);
  // finish: metadata and a compact file, as every PDF workshopkit writes
  const { bytes: pdf } = await finishPdf(rendered.bytes, { ...meta, date });
  const levels = ctx.material.scoring.levels.map((l) => ({ level: l.id, field: `${ctx.material.tool.id}.${l.id}.total` }));
  return { results, files: [{ name: "results.pdf", bytes: pdf }, resultsJson(results), resultsCsv(results, ctx.fields, levels)] };
}

/** The CLI's door: scans by path in, the report written to `out`, the round stored. */
export async function readResults(options: ResultsOptions): Promise<ResultsRun> {
  // load: what the sheets were printed from; the rounds database is checked before any scan is read
  const profile = await loadProfile(options.profile);
  const ctx = await readerContext(CONTENT_DIR, profile);
  const db = options.db ?? defaultDb(ctx.pack.brand.company);
  if (options.round) RoundStore.check(db);
  // load the scans, page by page; recognise
  const readings = await recogniseAll(loadScans(options.files, ctx.statementOf), ctx, options.onPage);
  // aggregate
  const { results, sheets } = aggregateRun(readings, ctx, options.round);
  const store = options.round ? RoundStore.open(db) : undefined;
  try {
    // store: the round's transaction stays open until everything is written
    let stored: ResultsRun["stored"];
    let report: RoundResults = { results, crops: new Map(sheets.map((s) => [s.number, s.crops])), rounds: [] };
    if (store && options.round) {
      const { added, already } = store.addRound(options.round, options.now ?? new Date(), withCrops(sheets));
      stored = { db: store.file, added, already };
      report = roundResults(ctx, store, options.round, results);
    }
    // render + finish
    const { results: shown, files } = await reportFiles(ctx, report, options);
    // write
    const written = await writeResults(options.out, files);
    store?.commit();
    return { results, report: shown, written, ...(stored ? { stored } : {}) };
  } catch (err) {
    store?.rollback();
    throw err;
  } finally {
    store?.close();
  }
}

/**
 * The web page's door: uploaded files read in memory into a round, stored at once. A run in which no
 * sheet could be read stores nothing and says why, page by page (`results.skipped`, `results.unreadable`).
 */
export async function readUploads(
  profile: LoadedProfile,
  uploads: Upload[],
  options: { round: string; db: string; now?: Date; onFile?: (index: number) => void; onPage?: (reading: PageReading) => void },
): Promise<{ results: Results; added: number; already: number }> {
  RoundStore.check(options.db);
  const ctx = await readerContext(CONTENT_DIR, profile);
  async function* pages() {
    for (const [i, upload] of uploads.entries()) {
      options.onFile?.(i);
      yield* loadScanBytes(safeName(upload.name), upload.bytes, ctx.statementOf);
    }
  }
  const readings = await recogniseAll(pages(), ctx, options.onPage);
  const { results, sheets } = aggregate(readings, ctx.material, options.round);
  if (sheets.length === 0) return { results, added: 0, already: 0 };
  const store = RoundStore.open(options.db);
  try {
    return { results, ...store.addSheets(options.round, options.now ?? new Date(), withCrops(sheets)) };
  } finally {
    store.close();
  }
}

/** A browser's file name as shown and stored: its last part, one line, at most 120 characters. */
export function safeName(name: string): string {
  const base = escapeControl(name.split(/[\\/]/).pop() ?? "").trim().slice(0, 120);
  return base || "fil";
}
