// Reading scoring sheets back: scans made from the real sheet (tests/support/scans.ts) with marks of
// every kind in known boxes, through what scanners and copiers do; the page code and marks on the sheet;
// uncertain rows never read as a value; pages skipped; bad files; sheets filled on screen.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { PDFDocument, PDFRadioGroup } from "pdf-lib";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { CONTENT_DIR } from "../src/pipeline.js";
import { loadProfile } from "../src/load/loadProfile.js";
import { readerContext, type ReaderContext, type SheetLayout } from "../src/results/sheetLayout.js";
import { loadScans, MAX_PAGES } from "../src/results/loadScans.js";
import { recognise, type PageReading } from "../src/results/recognise.js";
import { parsePageCode } from "../src/results/pageCode.js";
import { findCodes } from "../src/results/register.js";
import { rasterisePdf } from "../src/raster/rasterisePdf.js";
import { aggregate, bandOf, median, summarise } from "../src/results/aggregate.js";
import { EXAMPLE_PROFILE, tempDir } from "./support/build.js";
import { answerPage, random, scanPage, scanPdf, type PenMark, type ScanOptions } from "./support/scans.js";

let ctx: ReaderContext;
let a4: SheetLayout;
let dir: string;

beforeAll(async () => {
  ctx = await readerContext(CONTENT_DIR, await loadProfile(EXAMPLE_PROFILE));
  a4 = await ctx.layout("A4");
  dir = tempDir("wk-results-");
}, 60_000);

let n = 0;
async function readFiles(files: { name: string; bytes: Uint8Array }[]): Promise<PageReading[]> {
  const paths = files.map((f) => {
    const file = path.join(dir, `${n++}-${f.name}`);
    writeFileSync(file, f.bytes);
    return file;
  });
  const out: PageReading[] = [];
  for await (const page of loadScans(paths, ctx.statementOf)) out.push(await recognise(page, ctx));
  return out;
}

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
      expect(await recognise(page, newer)).toMatchObject({ kind: "unreadable", note: { code: "other-version", reason: expect.stringMatching(/printed from content version 1\.0\.0; this workshopkit has version 9\.9\.9/) } });
      // The same page read as if this profile's sheet were laid out otherwise (another company name, say).
      const other = { ...ctx, layout: async () => ({ ...a4, key: "000000" }) };
      expect(await recognise(page, other)).toMatchObject({ kind: "unreadable", note: { code: "other-profile" } });
      // A layout whose rows sit 40 pt lower, with the same key (a template changed without SHEET_REVISION):
      // never read as other rows' answers.
      const moved = { ...ctx, layout: async () => ({ ...a4, pages: new Map([...a4.pages].map(([p, rows]) => [p, rows.map((r) => ({ ...r, boxes: r.boxes.map((b) => ({ ...b, y: b.y + 40 })) }))])) }) };
      const reading = await recognise(page, moved);
      if (reading.kind === "read") for (const s of reading.statements) expect(s.value === null || String(s.value) === marks.find((m) => m.field === s.field)?.option, s.field).toBe(true);
    }
  }, 30_000);

  it("reports a sheet page whose code is too blurred to read as unreadable, not as another page", async () => {
    const reading = await readScan(a4, 1, answerPage(a4, 1, random(51)), { dpi: 150, blur: 1.6, noise: 9, jpeg: 70, seed: 51 });
    expect(reading).toMatchObject({ kind: "unreadable", note: { code: "no-code", reason: expect.stringMatching(/page code could not be read/) } });
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
