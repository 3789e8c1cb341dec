// `npm run bench` (or `tsx bench/omr.ts [--pages N]`): how well and how fast `workshopkit results` reads
// paper. Scans are made from the real scoring sheet (tests/support/scans.ts) with known marks, then read
// as a user's files are; each statement is counted as read correctly, flagged uncertain, or read
// wrongly. Targets (#14): 0 wrong reads; ≥ 99 % read at 200 dpi with up to ±3° rotation.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { CONTENT_DIR } from "../src/pipeline.js";
import { loadProfile } from "../src/load/loadProfile.js";
import { readerContext, type SheetLayout } from "../src/results/sheetLayout.js";
import { loadScans } from "../src/results/loadScans.js";
import { recognise } from "../src/results/recognise.js";
import { answerPage, random, scanPage, scanPdf, type PenMark, type ScanOptions } from "../tests/support/scans.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const { values: flags } = parseArgs({ options: { pages: { type: "string", default: "40" }, set: { type: "string" } } });
const PAGES = Number(flags.pages);
const work = mkdtempSync(path.join(tmpdir(), "wk-omr-"));

interface Page {
  file: string;
  marks: PenMark[];
  /** Statements that must come out uncertain (no mark, two marks): reading a value there is wrong. */
  mustDoubt: Set<string>;
}

type Make = (layout: SheetLayout, page: number, rnd: () => number, i: number) => { marks: PenMark[]; mustDoubt: Set<string>; options: ScanOptions };

const SETS: { name: string; make: Make; pdf?: boolean }[] = [
  {
    name: "200 dpi, ±3°, office scanner (JPEG 75, slight noise)",
    make: (layout, page, rnd, i) => ({
      marks: answerPage(layout, page, rnd),
      mustDoubt: new Set(),
      options: { dpi: 200, rotate: rnd() * 6 - 3, shift: [rnd() * 4 - 2, rnd() * 4 - 2], noise: rnd() * 8, jpeg: 75, seed: i },
    }),
  },
  {
    name: "mixed: 150–300 dpi, ±3°, ±5 mm, 97–103 %, blur, photocopies, upside down, colour (image-only PDF)",
    pdf: true,
    make: (layout, page, rnd, i) => ({
      marks: answerPage(layout, page, rnd),
      mustDoubt: new Set(),
      options: {
        dpi: [150, 200, 300][i % 3]!, rotate: rnd() * 6 - 3, shift: [rnd() * 10 - 5, rnd() * 10 - 5], scale: 0.97 + rnd() * 0.06,
        blur: rnd() < 0.5 ? 0.3 + rnd() : 0, noise: rnd() * 15, photocopy: rnd() < 0.3, upsideDown: rnd() < 0.25, colour: rnd() < 0.3, jpeg: 55 + Math.round(rnd() * 35), seed: i,
      },
    }),
  },
  {
    name: "doubt: rows left empty, marked twice, or marked faintly (200 dpi, ±3°)",
    make: (layout, page, rnd, i) => {
      const marks = answerPage(layout, page, rnd);
      const mustDoubt = new Set<string>();
      const rows = layout.pages.get(page)!;
      for (const row of rows) {
        const r = rnd();
        const at = marks.findIndex((m) => m.field === row.field);
        if (r < 0.15) {
          marks.splice(at, 1);
          mustDoubt.add(row.field);
        } else if (r < 0.3) {
          const other = row.boxes.find((b) => b.option !== marks[at]!.option && rnd() < 0.5) ?? row.boxes.find((b) => b.option !== marks[at]!.option)!;
          marks.push({ field: row.field, option: other.option, kind: "cross" });
          mustDoubt.add(row.field);
        } else if (r < 0.45) {
          marks[at]!.strength = 0.05 + rnd() * 0.2; // faint: uncertain or read as the box marked, never another
        }
      }
      return { marks, mustDoubt, options: { dpi: 200, rotate: rnd() * 6 - 3, noise: rnd() * 8, jpeg: 75, seed: i } };
    },
  },
];

async function main() {
  const profile = await loadProfile(path.join(ROOT, "content/example-company.yaml"));
  const ctx = await readerContext(CONTENT_DIR, profile);
  const layout = await ctx.layout(profile.profile.paper);
  const sheetPages = [...layout.pages.keys()];
  console.log(`OMR bench: ${PAGES} pages per set, from the real scoring sheet (${layout.paper}, ${sheetPages.length} pages with statements).\n`);
  let failed = false;
  for (const [s, set] of SETS.entries()) {
    if (flags.set !== undefined && Number(flags.set) !== s) continue;
    const rnd = random(1000 + s);
    const pages: (Page & { jpeg: Buffer; dpi: number; options: ScanOptions })[] = [];
    for (let i = 0; i < PAGES; i++) {
      const page = sheetPages[i % sheetPages.length]!;
      const { marks, mustDoubt, options } = set.make(layout, page, rnd, i);
      const jpeg = await scanPage(layout, page, marks, options);
      pages.push({ file: "", marks, mustDoubt, jpeg, dpi: options.dpi, options });
    }
    // As a user gives them: JPEG files, or one scanner PDF.
    let files: string[];
    if (set.pdf) {
      const file = path.join(work, `set${s}.pdf`);
      writeFileSync(file, await scanPdf(pages));
      files = [file];
    } else {
      files = pages.map((p, i) => {
        const file = path.join(work, `set${s}-${i}.jpg`);
        writeFileSync(file, p.jpeg);
        return file;
      });
    }
    let right = 0, uncertain = 0, wrong = 0, unreadable = 0, statements = 0;
    const started = performance.now();
    let i = 0;
    for await (const loaded of loadScans(files, ctx.statementOf)) {
      const reading = await recognise(loaded, ctx);
      const { marks, mustDoubt } = pages[i++]!;
      const rows = new Set(marks.map((m) => m.field).concat([...mustDoubt]));
      statements += rows.size;
      if (reading.kind !== "read") {
        unreadable++;
        uncertain += rows.size;
        console.log(`  page ${i}: ${reading.kind}: ${reading.note.reason} ${process.env.OMR_DEBUG ? JSON.stringify(pages[i - 1]!.options) : ""}`);
        if (process.env.OMR_DEBUG) writeFileSync(path.join(process.env.OMR_DEBUG, `fail-${s}-${i}.jpg`), pages[i - 1]!.jpeg);
        continue;
      }
      for (const st of reading.statements) {
        const drawn = marks.filter((m) => m.field === st.field);
        if (st.value === null) uncertain++;
        else if (!mustDoubt.has(st.field) && drawn.length === 1 && String(st.value) === drawn[0]!.option) right++;
        else {
          wrong++;
          console.log(`  WRONG page ${i} ${st.field}: read ${st.value}, drawn ${drawn.map((d) => `${d.option} (${d.kind}, ${(d.strength ?? 1).toFixed(2)})`).join(" + ") || "nothing"}`);
        }
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const pct = (n: number) => `${((100 * n) / statements).toFixed(1)} %`;
    console.log(set.name);
    console.log(`  statements ${statements}: read correctly ${pct(right)}, uncertain ${pct(uncertain)}, wrong ${pct(wrong)} (${wrong}); pages not read ${unreadable}`);
    console.log(`  ${(PAGES / seconds).toFixed(2)} pages/s (${seconds.toFixed(1)} s to load and read ${PAGES} pages)\n`);
    if (wrong > 0) failed = true;
    if (s === 0 && right / statements < 0.99) failed = true;
  }
  console.log(failed ? "Targets NOT met (0 wrong; ≥ 99 % read at 200 dpi ±3°)." : "Targets met: 0 wrong reads; ≥ 99 % read at 200 dpi ±3°.");
  rmSync(work, { recursive: true, force: true });
  if (failed) process.exitCode = 1;
}

await main();
