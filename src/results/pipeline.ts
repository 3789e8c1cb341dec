// The story of reading results back, in order: load → recognise → aggregate → store → render → finish → write.
// load turns files into pages (a form's answers, or a scan's page image); recognise finds each scan's
// page code and corner marks, then judges its boxes, keeping doubt as a value; aggregate makes sheets,
// totals and the group's medians; the round is stored in one transaction that is committed only once
// the report (rendered with the pack's templates, fonts and brand) and the data files are written.
import path from "node:path";
import { createElement } from "react";
import { CONTENT_DIR } from "../load/contentDir.js";
import { problem, WorkshopkitError } from "../errors.js";
import { loadProfile } from "../load/loadProfile.js";
import { renderStrict } from "../render/renderMaterial.js";
import { finishPdf } from "../finish/finishPdf.js";
import { slug } from "../slug.js";
import { loadScans } from "./loadScans.js";
import { readerContext } from "./sheetLayout.js";
import { recognise, type PageReading } from "./recognise.js";
import { aggregate, summarise } from "./aggregate.js";
import { RoundStore } from "./rounds.js";
import { resultsCsv, resultsJson, writeResults } from "./writeResults.js";
import type { Results } from "./schema.js";
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
  /** The report's creation date (default: the content's date, so the same scans give the same report). */
  date?: Date;
  /** When a round is stored (default: now); orders the rounds. */
  now?: Date;
  onPage?: (reading: PageReading) => void;
}

export interface ResultsRun {
  results: Results;
  written: string[];
  stored?: { db: string; added: number; already: number };
}

/** The default rounds database of a company: beside out/, where a build never writes. */
export const defaultDb = (company: string) => path.join("results", `${slug(company)}.sqlite`);

export async function readResults(options: ResultsOptions): Promise<ResultsRun> {
  // load: what the sheets were printed from, then the scans, page by page
  const profile = await loadProfile(options.profile);
  const ctx = await readerContext(CONTENT_DIR, profile);
  const readings: PageReading[] = [];
  for await (const page of loadScans(options.files, ctx.statementOf)) {
    // recognise
    const reading = await recognise(page, ctx);
    readings.push(reading);
    options.onPage?.(reading);
  }
  // aggregate
  const { results, sheets } = aggregate(readings, ctx.material, options.round);
  if (results.sheets.length === 0) {
    const problems = [...results.unreadable, ...results.skipped].map((n) => problem("results.unreadable", { detail: n.reason }, { file: n.page ? `${n.source}, page ${n.page}` : n.source }));
    throw WorkshopkitError.listing("results.noneRead", {}, problems);
  }

  // store: the round's transaction stays open until everything is written
  const store = options.round ? RoundStore.open(options.db ?? defaultDb(ctx.pack.brand.company)) : undefined;
  try {
    let stored: ResultsRun["stored"];
    let rounds: ReportRound[] = [];
    if (store && options.round) {
      const { added, already } = store.addRound(options.round, options.now ?? new Date(), results.sheets);
      stored = { db: store.file, added, already };
      rounds = store.history().map((r) => ({ name: r.name, sheets: r.sheets.length, levels: summarise(ctx.material, r.sheets), current: r.name === options.round }));
    }
    // render
    const date = options.date ?? new Date(`${ctx.date}T00:00:00Z`);
    const title = `Værktøj ${ctx.material.tool.number}: Resultater – ${ctx.pack.brand.company}`;
    const crops = new Map(sheets.map((s) => [s.number, s.crops]));
    const meta = { title, author: ctx.pack.brand.company, subject: ctx.pack.toolkit.title };
    const rendered = await renderStrict("results.pdf", createElement(ResultsReport, {
      brand: ctx.pack.brand, material: ctx.material, results, crops, rounds, meta: { ...meta, creationDate: date },
    }) as Parameters<typeof renderStrict>[1]);
    // finish: metadata and a compact file, as every PDF workshopkit writes
    const { bytes: pdf } = await finishPdf(rendered, { ...meta, date });
    // write
    const levels = ctx.material.scoring.levels.map((l) => ({ level: l.id, field: `${ctx.material.tool.id}.${l.id}.total` }));
    const written = await writeResults(options.out, [{ name: "results.pdf", bytes: pdf }, resultsJson(results), resultsCsv(results, ctx.fields, levels)]);
    store?.commit();
    return { results, written, ...(stored ? { stored } : {}) };
  } catch (err) {
    store?.rollback();
    throw err;
  } finally {
    store?.close();
  }
}
