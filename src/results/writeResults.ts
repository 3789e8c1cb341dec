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

/** One row per sheet: where it came from (file:page …), every statement's score (empty: not certain), each level's total. */
export function resultsCsv(results: Results, fields: string[], levels: { level: string; field: string }[]): OutputFile {
  const header = ["sheet", "pages", "from", ...fields, ...levels.map((l) => l.field), "uncertain"];
  const rows = results.sheets.map((s) => [
    s.number,
    s.pages.map((p) => `${p.source}:${p.page}`).join(" "),
    s.from,
    ...fields.map((f) => s.answers[f] ?? ""),
    ...levels.map((l) => s.totals[l.level] ?? ""),
    s.uncertain.map((u) => `${u.field}: ${u.reason}`).join("; "),
  ]);
  return { name: "results.csv", bytes: new TextEncoder().encode(stringify([header, ...rows])) };
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
    throw WorkshopkitError.of("results.writeFailed", { dir, detail: writeFailure(err) }, { file: "options", path: "out" });
  }
  return temps.map((t) => t.target);
}
