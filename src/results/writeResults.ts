// write: the report and the data files, each written beside its target, synced, then renamed into
// place, so a reader of the folder sees the old files or the new ones, never half of one.
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { stringify } from "csv-stringify/sync";
import { WorkshopkitError } from "../errors.js";
import { writeFailure, writeSynced, type OutputFile } from "../write/writeFiles.js";
import type { Results } from "./schema.js";

export function resultsJson(results: Results): OutputFile {
  return { name: "results.json", bytes: new TextEncoder().encode(JSON.stringify(results, null, 2) + "\n") };
}

/**
 * One row per sheet: where it came from (file:page …), every statement's score (empty: not certain), each
 * level's total, the rows decided by hand and those still uncertain. An anonymous report has no sheets'
 * rows: one row per level, with how many sheets it counts, the median and its band.
 */
export function resultsCsv(results: Results, fields: string[], levels: { level: string; field: string }[]): OutputFile {
  const csv = (rows: (string | number)[][]) => ({ name: "results.csv", bytes: new TextEncoder().encode(stringify(rows)) });
  if (results.anonymous) {
    return csv([
      ["level", "sheets", "counted", "median", "band"],
      ...results.levels.map((l) => [l.level, results.anonymous!.sheets, l.counted, l.median ?? "", l.band ?? ""]),
    ]);
  }
  const header = ["sheet", "pages", "from", ...fields, ...levels.map((l) => l.field), "resolved", "uncertain"];
  const rows = results.sheets.map((s) => [
    s.number,
    s.pages.map((p) => `${p.source}:${p.page}`).join(" "),
    s.from,
    ...fields.map((f) => s.answers[f] ?? ""),
    ...levels.map((l) => s.totals[l.level] ?? ""),
    s.resolved.map((r) => `${r.field}: ${r.value ?? "no valid mark"}`).join("; "),
    s.uncertain.map((u) => `${u.field}: ${u.reason}`).join("; "),
  ]);
  return csv([header, ...rows]);
}

export async function writeResults(dir: string, files: OutputFile[]): Promise<string[]> {
  const temps: { temp: string; target: string }[] = [];
  try {
    await mkdir(dir, { recursive: true });
    for (const f of files) {
      const target = path.join(dir, f.name);
      const temp = path.join(dir, `.${f.name}.writing-${process.pid}`);
      temps.push({ temp, target });
      await writeSynced(temp, f.bytes, "w");
    }
    for (const { temp, target } of temps) await rename(temp, target);
  } catch (err) {
    await Promise.all(temps.map((t) => rm(t.temp, { force: true })));
    throw new WorkshopkitError(`Cannot write the results to ${dir}: ${writeFailure(err)}.`, "Choose another folder with --out. Nothing was stored in the rounds database.");
  }
  return temps.map((t) => t.target);
}
