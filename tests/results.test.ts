// Reading scoring sheets back: scans made from the real sheet (tests/support/scans.ts) with marks of
// every kind in known boxes, through what scanners and copiers do; the page code and marks on the sheet;
// uncertain rows never read as a value; pages skipped; bad files; sheets filled on screen.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { PDFDocument, PDFRadioGroup } from "pdf-lib";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import type { ReaderContext, SheetLayout } from "../src/results/sheetLayout.js";
import { loadScans, MAX_PAGES } from "../src/results/loadScans.js";
import { recognise, type PageReading } from "../src/results/recognise.js";
import { parsePageCode } from "../src/results/pageCode.js";
import { findCodes } from "../src/results/register.js";
import { rasterisePdf } from "../src/raster/rasterisePdf.js";
import { aggregate, bandOf, median, summarise } from "../src/results/aggregate.js";
import { EXAMPLE_PROFILE, tempDir } from "./support/build.js";
import { exampleReader, type ExampleReader } from "./support/reader.js";
import { answerPage, random, scanPage, scanPdf, type PenMark, type ScanOptions } from "./support/scans.js";
import { pen, type DrawnMark, type MarkKind, type PenKind } from "./support/paper/marks.js";
import { paperPage, type Capture, type PaperDamage } from "./support/paper/page.js";
import { fitHomography, invert, project } from "../src/results/homography.js";
import { build } from "../src/pipeline.js";
import { readFileSync } from "node:fs";

let ctx: ReaderContext;
let a4: SheetLayout;
let dir: string;

let readFiles: ExampleReader["read"];

beforeAll(async () => {
  const reader = await exampleReader("wk-results-");
  ({ ctx, a4, dir, read: readFiles } = reader);
}, 60_000);

async function readScan(layout: SheetLayout, page: number, marks: PenMark[], options: ScanOptions) {
  const [reading] = await readFiles([{ name: "scan.jpg", bytes: await scanPage(layout, page, marks, options) }]);
  return reading!;
}

/** Every statement of the page compared with the marks drawn: right, uncertain, or wrong. */
function score(reading: PageReading, marks: PenMark[]) {
  if (reading.kind !== "read") throw new Error(`not read: ${JSON.stringify(reading)}`);
  let right = 0, uncertain = 0, wrong = 0;
  for (const s of reading.statements) {
    const mark = marks.find((m) => m.field === s.field)!;
    if (s.value === null) uncertain++;
    else if (String(s.value) === mark.option) right++;
    else wrong++;
  }
  return { right, uncertain, wrong, total: reading.statements.length };
}

describe("the printed sheet carries a page code and registration marks", () => {
  it("has a QR page code on every page naming material, version, page and paper", async () => {
    const codes: string[] = [];
    for await (const p of rasterisePdf(a4.pdf, { dpi: 150 })) {
      const grey = await sharp(p.rgba, { raw: { width: p.width, height: p.height, channels: 4 } }).greyscale().extractChannel(0).raw().toBuffer();
      codes.push(...(await findCodes({ width: p.width, height: p.height, data: new Uint8Array(grey) })).map((f) => f.text));
    }
    expect(codes).toEqual(Array.from({ length: a4.pageCount }, (_, i) => `WK1:V01-SCORING:${ctx.pack.toolkit.version.toUpperCase()}:${i + 1}:A4:${a4.key}`));
    expect(parsePageCode(codes[0]!)).toEqual({ material: "v01-scoring", version: ctx.pack.toolkit.version, page: 1, paper: "A4", layout: a4.key });
  });

  it("takes every statement's boxes from the build's field map: 20 rows of five boxes", () => {
    const rows = [...a4.pages.values()].flat();
    expect(rows.map((r) => r.field)).toEqual(ctx.fields);
    expect(ctx.fields[0]).toBe("v01.passiv.1");
    expect(ctx.fields.at(-1)).toBe("v01.skabende.4");
    for (const row of rows) expect(row.boxes.map((b) => b.option)).toEqual(["1", "2", "3", "4", "5"]);
  });
});

describe("reading scans", () => {
  it("reads crosses, ticks, slashes, filled boxes and rings around the number at 200 dpi", async () => {
    const kinds = ["cross", "tick", "slash", "fill", "circle"] as const;
    const rows = a4.pages.get(1)!;
    const marks: PenMark[] = rows.map((row, i) => ({ field: row.field, option: row.boxes[(i * 2) % 5]!.option, kind: kinds[i % kinds.length]! }));
    const jpeg = await scanPage(a4, 1, marks, { dpi: 200, rotate: 0.4, noise: 6 });
    // The same scan as JPEG and as a TIFF (a scanner's other format), both read alike.
    const readings = await readFiles([{ name: "scan.jpg", bytes: jpeg }, { name: "scan.tif", bytes: await sharp(jpeg).tiff({ compression: "lzw" }).toBuffer() }]);
    for (const reading of readings) {
      expect(reading.kind).toBe("read");
      expect(score(reading, marks)).toMatchObject({ right: rows.length, uncertain: 0, wrong: 0 });
    }
  }, 30_000);

  it("reads pages turned, shifted, scaled, blurred, photocopied, upside down, at 150 and 300 dpi: never wrong", async () => {
    const rnd = random(42);
    const cases: ScanOptions[] = [
      { dpi: 200, rotate: 3, shift: [5, -5], scale: 0.97, jpeg: 70, seed: 1 },
      { dpi: 200, rotate: -3, shift: [-5, 5], scale: 1.03, blur: 1, noise: 12, upsideDown: true, seed: 2 },
      { dpi: 150, rotate: 1.5, photocopy: true, noise: 8, jpeg: 60, seed: 3 },
      { dpi: 300, rotate: -2, shift: [3, 2], colour: true, upsideDown: true, seed: 4 },
    ];
    let right = 0, total = 0;
    for (const [i, options] of cases.entries()) {
      const page = 1 + (i % 2);
      const marks = answerPage(a4, page, rnd);
      const reading = await readScan(a4, page, marks, options);
      expect(reading.kind, JSON.stringify(options)).toBe("read");
      if (reading.kind === "read") expect(reading.sheetPage).toBe(page);
      const s = score(reading, marks);
      expect(s.wrong, JSON.stringify(options)).toBe(0);
      right += s.right;
      total += s.total;
    }
    expect(right / total).toBeGreaterThanOrEqual(0.95);
  }, 60_000);

  it("reads a US Letter sheet by the Letter layout its page code names", async () => {
    const letter = await ctx.layout("LETTER");
    expect(letter.page.height).toBe(792);
    const marks = answerPage(letter, 1, random(5));
    const reading = await readScan(letter, 1, marks, { dpi: 200, rotate: -1, seed: 5 });
    expect(score(reading, marks)).toMatchObject({ uncertain: 0, wrong: 0 });
  }, 60_000);

  it("flags no mark, two marks and a faint mark as uncertain, with a picture of the row, and never reads them as a value", async () => {
    const rows = a4.pages.get(1)!;
    const marks: PenMark[] = rows.slice(3).map((row) => ({ field: row.field, option: "3", kind: "cross" }));
    marks.push({ field: rows[1]!.field, option: "2", kind: "cross" }, { field: rows[1]!.field, option: "4", kind: "tick" });
    marks.push({ field: rows[2]!.field, option: "5", kind: "cross", strength: 0.1 });
    const reading = await readScan(a4, 1, marks, { dpi: 200, rotate: 1, noise: 5, seed: 7 });
    if (reading.kind !== "read") throw new Error("not read");
    const by = new Map(reading.statements.map((s) => [s.field, s]));
    expect(by.get(rows[0]!.field)).toMatchObject({ value: null, doubt: "no mark" });
    expect(by.get(rows[1]!.field)).toMatchObject({ value: null, doubt: "more than one mark" });
    expect(by.get(rows[2]!.field)?.value).toBeNull();
    for (const row of rows.slice(3)) expect(by.get(row.field)?.value).toBe(3);
    const crop = by.get(rows[1]!.field)!.crop!;
    const meta = await sharp(crop).metadata();
    expect(meta.format).toBe("png");
    expect(meta.width).toBeGreaterThan(meta.height! * 4); // a row: wide and low

    // Aggregated: the level with doubt has no total for this sheet, and the rows are listed.
    const { results } = aggregate([reading], ctx.material);
    const sheet = results.sheets[0]!;
    expect(sheet.totals[rows[0]!.level]).toBeNull();
    expect(sheet.uncertain.map((u) => u.field)).toEqual(expect.arrayContaining([rows[0]!.field, rows[1]!.field, rows[2]!.field]));
    expect(sheet.missingPages).toEqual([...a4.pages.keys()].filter((p) => p !== 1));
  }, 30_000);

  it("does not read a page printed from another content version or another profile", async () => {
    const marks = answerPage(a4, 1, random(8));
    const jpeg = await scanPage(a4, 1, marks, { dpi: 150, seed: 8 });
    const newer = { ...ctx, pack: { ...ctx.pack, toolkit: { ...ctx.pack.toolkit, version: "9.9.9" } } };
    const file = path.join(dir, "old-version.jpg");
    writeFileSync(file, jpeg);
    for await (const page of loadScans([file], ctx.statementOf)) {
      expect(await recognise(page, newer)).toMatchObject({ kind: "unreadable", note: { code: "other-version", reason: expect.stringMatching(/another version of workshopkit \(content version 1\.0\.0; this one has 9\.9\.9\)/), problem: { code: "page.otherVersion" } } });
      // The same page read as if this profile's sheet were laid out otherwise (another company name, say).
      const other = { ...ctx, layout: async () => ({ ...a4, key: "000000" }) };
      expect(await recognise(page, other)).toMatchObject({ kind: "unreadable", note: { code: "other-profile", problem: { code: "page.otherProfile" } } });
      // A layout whose rows sit 40 pt lower, with the same key (a template changed without SHEET_REVISION):
      // never read as other rows' answers.
      const moved = { ...ctx, layout: async () => ({ ...a4, pages: new Map([...a4.pages].map(([p, rows]) => [p, rows.map((r) => ({ ...r, boxes: r.boxes.map((b) => ({ ...b, y: b.y + 40 })) }))])) }) };
      const reading = await recognise(page, moved);
      if (reading.kind === "read") for (const s of reading.statements) expect(s.value === null || String(s.value) === marks.find((m) => m.field === s.field)?.option, s.field).toBe(true);
    }
  }, 30_000);

  it("reports a sheet page whose code is too blurred to read as unreadable, not as another page", async () => {
    const reading = await readScan(a4, 1, answerPage(a4, 1, random(51)), { dpi: 150, blur: 1.6, noise: 9, jpeg: 70, seed: 51 });
    expect(reading).toMatchObject({ kind: "unreadable", note: { code: "no-code", reason: expect.stringMatching(/page code could not be read/), problem: { code: "page.blurred" } } });
  }, 30_000);

  it("skips a blank page, a page of the sheet without statements, and a page with another QR code", async () => {
    const blank = await sharp({ create: { width: 1654, height: 2339, channels: 3, background: "#ffffff" } }).jpeg().toBuffer();
    const other = await sharp({ create: { width: 1654, height: 2339, channels: 3, background: "#ffffff" } })
      .composite([{ input: await (await import("qrcode")).default.toBuffer("https://example.org/film", { scale: 8 }), left: 200, top: 200 }]).jpeg().toBuffer();
    // The sheet's own page without statements (its profile row), if the layout has one.
    const bare = Array.from({ length: a4.pageCount }, (_, i) => i + 1).find((p) => !a4.pages.has(p));
    const readings = await readFiles([
      { name: "blank.jpg", bytes: blank },
      { name: "other.jpg", bytes: other },
      ...(bare ? [{ name: "profile-page.jpg", bytes: await scanPage(a4, bare, [], { dpi: 150, seed: 3 }) }] : []),
    ]);
    expect(readings.map((r) => r.kind)).toEqual(bare ? ["skipped", "skipped", "skipped"] : ["skipped", "skipped"]);
    const reasons = readings.map((r) => (r.kind === "skipped" ? r.note.reason : ""));
    expect(reasons[0]).toMatch(/no page code/);
    expect(reasons[1]).toMatch(/not a workshopkit page code/);
    if (bare) expect(reasons[2]).toMatch(new RegExp(`page ${bare} of the scoring sheet has no statements`));
  }, 30_000);

  it("reads a scanner's image-only PDF page by page, and groups pages into sheets in the order scanned", async () => {
    const rnd = random(11);
    const pages: { jpeg: Buffer; dpi: number }[] = [];
    const drawn: PenMark[][] = [];
    for (let sheet = 0; sheet < 2; sheet++) for (const page of [1, 2]) {
      const marks = answerPage(a4, page, rnd);
      drawn.push(marks);
      pages.push({ jpeg: await scanPage(a4, page, marks, { dpi: 150, rotate: rnd() * 2 - 1, seed: sheet * 2 + page }), dpi: 150 });
    }
    const readings = await readFiles([{ name: "stack.pdf", bytes: await scanPdf(pages) }]);
    readings.forEach((r, i) => expect(score(r, drawn[i]!).wrong).toBe(0));
    const { results } = aggregate(readings, ctx.material);
    expect(results.sheets.map((s) => s.pages.map((p) => p.page))).toEqual([[1, 2], [3, 4]]);
    // The same stack given twice in one run: its sheets count once, the repeats are listed.
    const twice = aggregate([...readings, ...readings], ctx.material).results;
    expect(twice.sheets).toHaveLength(2);
    expect(twice.skipped.map((n) => [n.code, n.page, n.reason])).toEqual([["duplicate", 1, "it is the same scan as sheet 1"], ["duplicate", 2, "it is the same scan as sheet 1"], ["duplicate", 3, "it is the same scan as sheet 2"], ["duplicate", 4, "it is the same scan as sheet 2"]]);
    expect(results.sheets[0]!.answers[drawn[0]![0]!.field]).toBe(Number(drawn[0]![0]!.option));
  }, 60_000);
});

describe("aggregate", () => {
  it("takes each level's median of the complete totals, and its band; a median between bands rounds into one", () => {
    expect(median([])).toBeNull();
    expect(median([12, 4, 20])).toBe(12);
    expect(median([10, 11])).toBe(10.5);
    expect(bandOf(ctx.material, 10)).toBe("Lavt niveau");
    expect(bandOf(ctx.material, 10.5)).toBe("Mellemniveau");
    expect(bandOf(ctx.material, 16)).toBe("Højt niveau");
    const totals = (passiv: number | null) => ({ totals: { passiv, reaktiv: 8, aktiv: null, forebyggende: 20, skabende: 4 } });
    const levels = summarise(ctx.material, [totals(5), totals(null), totals(13)]);
    expect(levels.map((l) => [l.level, l.totals, l.median, l.band])).toEqual([
      ["passiv", [5, 13], 9, "Lavt niveau"],
      ["reaktiv", [8, 8, 8], 8, "Lavt niveau"],
      ["aktiv", [], null, null],
      ["forebyggende", [20, 20, 20], 20, "Højt niveau"],
      ["skabende", [4, 4, 4], 4, "Lavt niveau"],
    ]);
  });
});

describe("sheets filled on screen", () => {
  it("reads the scoring sheet's radio groups; a statement left open is uncertain ('not answered')", async () => {
    const pdf = await PDFDocument.load(a4.pdf);
    const form = pdf.getForm();
    ctx.fields.forEach((field, i) => {
      if (i !== 5) (form.getField(field) as PDFRadioGroup).select(String((i % 5) + 1));
    });
    const [reading] = await readFiles([{ name: "filled.pdf", bytes: await pdf.save() }]);
    if (reading?.kind !== "read") throw new Error("not read");
    expect(reading.from).toBe("screen");
    expect(reading.statements[0]).toEqual({ field: "v01.passiv.1", value: 1 });
    expect(reading.statements[4]).toEqual({ field: ctx.fields[4], value: 5 });
    expect(reading.statements[5]).toMatchObject({ value: null, doubt: "not answered" });
  });

  it("skips a scoring sheet with nothing filled in", async () => {
    const [reading] = await readFiles([{ name: "empty.pdf", bytes: a4.pdf }]);
    expect(reading).toMatchObject({ kind: "skipped", note: { reason: expect.stringMatching(/nothing filled in/) } });
  });
});

describe("bad input", () => {
  it("names a file that is not a PDF or an image", async () => {
    const [r] = await readFiles([{ name: "notes.docx", bytes: new TextEncoder().encode("PK\u0003\u0004 not a scan") }]);
    expect(r).toMatchObject({ kind: "unreadable", note: { reason: expect.stringMatching(/not a PDF or an image \(\.docx\)/) } });
  });

  it("names an encrypted PDF", async () => {
    const plain = path.join(dir, "plain.pdf");
    const locked = path.join(dir, "locked.pdf");
    writeFileSync(plain, await scanPdf([{ jpeg: await sharp({ create: { width: 100, height: 140, channels: 3, background: "#fff" } }).jpeg().toBuffer(), dpi: 20 }]));
    execFileSync("qpdf", ["--encrypt", "secret", "secret", "256", "--", plain, locked]);
    const out: PageReading[] = [];
    for await (const page of loadScans([locked], ctx.statementOf)) out.push(await recognise(page, ctx));
    expect(out).toMatchObject([{ kind: "unreadable", note: { reason: expect.stringMatching(/encrypted/) } }]);
  });

  it(`refuses a scan of more than ${MAX_PAGES} pages, and an image of 20 000 × 20 000 pixels, before reading them`, async () => {
    const big = await PDFDocument.create();
    for (let i = 0; i < 200; i++) big.addPage([595, 842]);
    // A PNG whose header says 20 000 × 20 000: refused from the header, never decoded.
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#fff" } }).png().toBuffer();
    png.writeUInt32BE(20_000, 16);
    png.writeUInt32BE(20_000, 20);
    const readings = await readFiles([{ name: "stack.pdf", bytes: await big.save() }, { name: "huge.png", bytes: png }]);
    expect(readings).toMatchObject([
      { kind: "unreadable", note: { reason: expect.stringMatching(/200 pages.*at most 150/) } },
      { kind: "unreadable", note: { reason: expect.stringMatching(/20000 × 20000 pixels, too large/) } },
    ]);
  });
});

// Paper as people fill it (tests/support/paper): pens, kinds of mark, changed answers, stains, photos.
describe("reading paper as people fill it", () => {
  /** Marks for the rows of `page`: row i gets `plan(i)` (undefined: left empty). */
  function planPage(page: number, plan: (i: number) => { option: string; kind: MarkKind; pen: PenKind; extra?: { option: string; kind: MarkKind; pen?: PenKind } } | undefined, seed: number) {
    const rnd = random(seed);
    const marks: DrawnMark[] = [];
    const truth = new Map<string, string | null>();
    a4.pages.get(page)!.forEach((row, i) => {
      const p = plan(i);
      truth.set(row.field, p ? p.option : null);
      if (!p) return;
      marks.push({ field: row.field, option: p.option, kind: p.kind, pen: pen(p.pen, rnd) });
      if (p.extra) marks.push({ field: row.field, option: p.extra.option, kind: p.extra.kind, pen: pen(p.extra.pen ?? p.pen, rnd) });
    });
    return { marks, truth };
  }
  async function readPaper(page: number, marks: DrawnMark[], damage: PaperDamage, capture: Capture, seed: number) {
    const bytes = await paperPage(a4, page, marks, damage, capture, seed);
    const [reading] = await readFiles([{ name: bytes[0] === 0x89 ? "paper.png" : "paper.jpg", bytes }]);
    return reading!;
  }
  function tally(reading: PageReading, truth: Map<string, string | null>) {
    if (reading.kind !== "read") throw new Error(`not read: ${JSON.stringify(reading)}`);
    let right = 0, wrong = 0, left = 0;
    for (const s of reading.statements) {
      const meant = truth.get(s.field);
      if (s.value === null) left++;
      else if (meant !== null && String(s.value) === meant) right++;
      else wrong++;
    }
    return { right, wrong, left };
  }
  const kinds: MarkKind[] = ["cross", "big cross", "tick", "spilling tick", "stroke", "fill", "ring number", "ring box", "dot", "cross", "tick", "stroke"];

  // A tick that spills into the next box, a cross larger than its box and a dot are still often left to a
  // person ("more than one mark", "a faint mark"): the floor is what the reader reads today, never a wrong read.
  it("never misreads ballpoint, felt tip and marker marks of every kind (a spilling tick, a cross larger than its box), and reads most", async () => {
    for (const [n, p] of (["ballpoint", "felt tip", "marker"] as PenKind[]).entries()) {
      const { marks, truth } = planPage(1, (i) => ({ option: String(1 + ((i + n) % 4)), kind: kinds[(i + n * 3) % kinds.length]!, pen: p }), 60 + n);
      const reading = await readPaper(1, marks, {}, { kind: "scan", dpi: 200, rotate: 1.2 - n, jpeg: 75, noise: 4 }, 60 + n);
      const t = tally(reading, truth);
      expect(t.wrong, p).toBe(0);
      expect(t.right, p).toBeGreaterThanOrEqual(truth.size - 4);
    }
  }, 90_000);

  // Issue #21: in pencil, the cancelled box filled or scribbled out and the new answer a light tick
  // (under the ink level) read the cancelled box. It is never chosen beside a light mark; a light mark
  // the size of a tick beside it is the answer; two light marks beside it are left to a person.
  it("never reads a cancelled box beside a light pencil tick, and reads the tick", async () => {
    const rnd = random(90);
    const rows = a4.pages.get(1)!;
    const marks: DrawnMark[] = [];
    const truth = new Map<string, string | null>();
    const cancelled = new Map<string, string>();
    rows.forEach((row, i) => {
      const graphite = pen("pencil", rnd);
      const light = { ...graphite, opacity: graphite.opacity * 0.45 };
      const first = String(1 + (i % 5)), meant = String(1 + ((i + 2) % 5)), also = String(1 + ((i + 4) % 5));
      marks.push({ field: row.field, option: first, kind: i % 2 ? "fill" : "scribble", pen: graphite });
      marks.push({ field: row.field, option: meant, kind: "tick", pen: light });
      cancelled.set(row.field, first);
      if (i % 4 === 3) {
        marks.push({ field: row.field, option: also, kind: "tick", pen: light });
        truth.set(row.field, null);
      } else truth.set(row.field, meant);
    });
    const reading = await readPaper(1, marks, {}, { kind: "scan", dpi: 150, rotate: -1.6, jpeg: 65, noise: 3 }, 90);
    if (reading.kind !== "read") throw new Error("not read");
    for (const s of reading.statements) expect(String(s.value), s.field).not.toBe(cancelled.get(s.field));
    const t = tally(reading, truth);
    expect(t.wrong).toBe(0);
    expect(t.right).toBeGreaterThanOrEqual(5); // of 9; 6 read today
  }, 30_000);

  it("reads a changed answer (a box filled or scribbled out, another marked) as the new one, in pencil too", async () => {
    const { marks, truth } = planPage(1, (i) => ({ option: String(1 + (i % 5)), kind: (["tick", "cross", "ring number", "stroke"] as MarkKind[])[i % 4]!, pen: i % 3 === 0 ? "pencil" : "ballpoint", extra: { option: String(1 + ((i + 2) % 5)), kind: i % 2 ? "fill" : "scribble" } }), 70);
    const reading = await readPaper(1, marks, {}, { kind: "scan", dpi: 200, rotate: -0.8, jpeg: 80 }, 70);
    const t = tally(reading, truth);
    expect(t.wrong).toBe(0);
    expect(t.right).toBeGreaterThanOrEqual(truth.size - 2);
    // A filled box alone is an answer; two marks are not.
    const alone = planPage(2, (i) => (i % 2 ? { option: "2", kind: "fill", pen: "ballpoint" } : { option: "4", kind: "cross", pen: "ballpoint", extra: { option: "1", kind: "tick" } }), 71);
    const two = await readPaper(2, alone.marks, {}, { kind: "scan", dpi: 200, jpeg: 80 }, 71);
    if (two.kind !== "read") throw new Error("not read");
    for (const [i, s] of two.statements.entries()) expect(s.value, s.field).toBe(i % 2 ? 2 : null);
  }, 60_000);

  it("reads light, grainy pencil", async () => {
    const { marks, truth } = planPage(2, (i) => ({ option: String(5 - (i % 5)), kind: kinds[i % kinds.length]!, pen: "pencil" }), 80);
    const t = tally(await readPaper(2, marks, {}, { kind: "scan", dpi: 200, rotate: 2, jpeg: 70, colour: true }, 80), truth);
    expect(t.wrong).toBe(0);
    expect(t.right).toBeGreaterThanOrEqual(truth.size / 2);
  }, 30_000);

  it("never reads a coffee stain's rim, a crease or a shadow as a mark, nor ink from the next row", async () => {
    let right = 0, total = 0;
    for (const seed of [90, 91, 92]) {
      // Every other row left empty, so a stain's rim there would show as a mark.
      const { marks, truth } = planPage(1, (i) => (i % 2 ? undefined : { option: String(1 + (i % 5)), kind: kinds[i % kinds.length]!, pen: i % 4 ? "ballpoint" : "pencil" }), seed);
      // A felt-tip ring around a box, large enough to reach into the row above it.
      const rows = a4.pages.get(1)!;
      marks.push({ field: rows[2]!.field, option: "3", kind: "ring box", pen: { ...pen("felt tip", random(seed)), width: 3 } });
      truth.set(rows[2]!.field, "3");
      const t = tally(await readPaper(1, marks, { stains: 3, stainsOnBoxes: true, creases: 2, shadow: true }, { kind: "scan", dpi: 150 + (seed % 2) * 50, rotate: -1.5, jpeg: 70 }, seed), truth);
      expect(t.wrong, `seed ${seed}`).toBe(0);
      right += t.right;
      total += [...truth.values()].filter((v) => v !== null).length;
    }
    expect(right / total).toBeGreaterThan(0.1); // what a stain covers is left for a person
  }, 90_000);

  it("straightens a phone photo from its four corner marks and reads it; a photo without them is refused, saying photo", async () => {
    const { marks, truth } = planPage(1, (i) => ({ option: String(1 + ((i * 3) % 5)), kind: kinds[i % kinds.length]!, pen: "ballpoint" }), 100);
    // Made once: read whole, then cropped.
    const photo = await paperPage(a4, 1, marks, {}, { kind: "photo", tilt: 15, turn: 6, light: 0.4 }, 100);
    const [whole] = await readFiles([{ name: photo[0] === 0x89 ? "paper.png" : "paper.jpg", bytes: photo }]);
    const t = tally(whole!, truth);
    expect(t.wrong).toBe(0);
    expect(t.right).toBeGreaterThanOrEqual(truth.size - 4);
    // The same photo cropped so that two corner marks are out of view.
    const meta = await sharp(photo).metadata();
    const cropped = await sharp(photo).extract({ left: 0, top: 0, width: meta.width!, height: Math.round(meta.height! * 0.6) }).jpeg().toBuffer();
    const [refused] = await readFiles([{ name: "cropped.jpg", bytes: cropped }]);
    expect(refused).toMatchObject({ kind: "unreadable", note: { reason: expect.stringMatching(/photo/), hint: expect.stringMatching(/photo/), problem: { code: "page.photo" } } });
  }, 90_000);

  it("joins the pages of numbered copies (build --numbered-sheets) in any order, and names a copy with a page missing", async () => {
    const out = tempDir("wk-copies-");
    const built = await build({ profile: EXAMPLE_PROFILE, out, only: ["v01-scoring"], numberedSheets: 3 });
    const copies = readFileSync(path.join(built.dir, "v01-scoring-copies.pdf"));
    const pages: { jpeg: Buffer; dpi: number }[] = [];
    for await (const p of rasterisePdf(copies, { dpi: 150 })) pages.push({ jpeg: await sharp(p.rgba, { raw: { width: p.width, height: p.height, channels: 4 } }).flatten({ background: "#ffffff" }).jpeg({ quality: 80 }).toBuffer(), dpi: 150 });
    expect(pages).toHaveLength(3 * a4.pageCount);
    // Each copy's pages carry its number.
    const codes: string[] = [];
    for (const p of pages) {
      const { data, info } = await sharp(p.jpeg).greyscale().raw().toBuffer({ resolveWithObject: true });
      codes.push(...(await findCodes({ width: info.width, height: info.height, data: new Uint8Array(data) })).map((f) => f.text));
    }
    expect(codes.map((c) => parsePageCode(c)?.copy)).toEqual([1, 1, 2, 2, 3, 3]);
    // Fed backwards, and copy 2's page 1 lost: the pages join by their copy.
    const read = (copy: number, sheetPage: number, page: number): PageReading => ({ kind: "read", from: "paper", source: "stack.pdf", sha256: "x", page, sheetPage, copy, sheetPages: [1, 2], statements: a4.pages.get(sheetPage)!.map((r) => ({ field: r.field, value: copy })) });
    const { results } = aggregate([read(3, 2, 1), read(3, 1, 2), read(2, 2, 3), read(1, 2, 4), read(1, 1, 5)], ctx.material);
    expect(results.sheets.map((s) => s.missingPages)).toEqual([[], [1], []]);
    expect(results.sheets.map((s) => s.pages.map((p) => p.page))).toEqual([[2, 1], [3], [5, 4]]);
    expect(results.sheets.map((s) => s.answers[ctx.fields[0]!])).toEqual([3, null, 1]);
  }, 120_000);

  it("fits a homography through four points exactly, and inverts it", () => {
    const from: [number, number][] = [[0, 0], [595, 0], [595, 842], [0, 842]];
    const to: [number, number][] = [[120, 80], [1500, 140], [1620, 2200], [60, 2050]];
    const h = fitHomography(from, to)!;
    for (const [i, p] of from.entries()) {
      const [u, v] = project(h, p[0], p[1]);
      expect(Math.hypot(u - to[i]![0], v - to[i]![1])).toBeLessThan(1e-6);
    }
    const back = invert(h)!;
    const [x, y] = project(back, ...project(h, 300, 400));
    expect(Math.hypot(x - 300, y - 400)).toBeLessThan(1e-6);
  });
});
