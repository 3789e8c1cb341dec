// Reading back what is hard to read (issue #21, items 4–6): phone photos from tests/support/paper/photo.ts
// straightened and read, never wrongly; a page that cannot be read says why and what to do, in English
// and Danish, each reason its own code (a faded copy, a photo, the wrong paper size, another profile or
// version); and pages joined into sheets with a warning where the stack starts on page 2 or was fed
// backwards, and a sheet with a page missing named.
import { beforeAll, describe, expect, it } from "vitest";
import type { ReaderContext, SheetLayout } from "../src/results/sheetLayout.js";
import type { PageReading } from "../src/results/recognise.js";
import { aggregate } from "../src/results/aggregate.js";
import { anonymise } from "../src/results/anonymise.js";
import { EN, english, type ParamsOf, type ProblemCode } from "../src/problems/en.js";
import { DA, danish } from "../src/problems/da.js";
import { exampleReader, type ExampleReader } from "./support/reader.js";
import { pen, type DrawnMark } from "./support/paper/marks.js";
import { paperPage, random } from "./support/paper/page.js";
import { photoPage, randomPhoto, type PhotoOptions } from "./support/paper/photo.js";

let ctx: ReaderContext;
let a4: SheetLayout;

let readFiles: ExampleReader["read"];

beforeAll(async () => {
  ({ ctx, a4, read: readFiles } = await exampleReader("wk-results-photo-"));
}, 60_000);

async function read(bytes: Uint8Array, name = "page.jpg"): Promise<PageReading> {
  const [reading] = await readFiles([{ name, bytes }]);
  if (!reading) throw new Error("no page");
  return reading;
}

/** A ballpoint or felt-tip mark of a plain kind in every row of the page: the answer is 1 + (row % 5). */
function plainMarks(page: number, seed: number) {
  const rnd = random(seed);
  const marks: DrawnMark[] = [];
  const truth = new Map<string, string>();
  a4.pages.get(page)!.forEach((row, i) => {
    const option = String(1 + (i % 5));
    truth.set(row.field, option);
    marks.push({ field: row.field, option, kind: (["cross", "tick", "fill", "stroke"] as const)[i % 4]!, pen: pen(i % 2 ? "felt tip" : "ballpoint", rnd) });
  });
  return { marks, truth };
}

function tally(reading: PageReading, truth: Map<string, string>) {
  if (reading.kind !== "read") throw new Error(`not read: ${JSON.stringify(reading.note)}`);
  let right = 0, wrong = 0, left = 0;
  for (const s of reading.statements) {
    if (s.value === null) left++;
    else if (String(s.value) === truth.get(s.field)) right++;
    else wrong++;
  }
  return { right, wrong, left };
}

describe("phone photos", () => {
  // Three photos unlike each other: a wide lens tilted 18° with the page turned and arched on a dark
  // table in a shadow; a zoom lens, the page upside down and curled at its edges on wood; a landscape
  // frame on a white table with the light falling off from one corner.
  const photos: [string, Partial<PhotoOptions>][] = [
    ["wide lens, 18°, shadow, dark table", { tilt: 18, axis: 30, turn: 12, focal: 26, curl: 1.2, curlAlong: "height", shadow: 0.35, light: 0.3, table: "dark", blur: 0.9 }],
    ["zoom lens, upside down, curled, wood", { tilt: 12, axis: 250, turn: 186, focal: 70, curl: -3, curlAlong: "width", shadow: 0, light: 0.45, table: "wood", blur: 0.6 }],
    ["landscape frame, white table, light from a corner", { tilt: 15, axis: 120, turn: -8, focal: 28, landscape: true, curl: 1, shadow: 0.2, light: 0.5, lightFrom: 225, table: "white", blur: 1 }],
  ];
  for (const [i, [name, options]] of photos.entries()) {
    it(`straightens and reads a photo (${name}), never wrongly`, async () => {
      const page = 1 + (i % 2);
      const { marks, truth } = plainMarks(page, 300 + i);
      const photo = await photoPage(a4, page, marks, { ...randomPhoto(random(400 + i)), ...options }, 500 + i);
      const t = tally(await read(photo), truth);
      expect(t.wrong).toBe(0);
      expect(t.right).toBeGreaterThanOrEqual(truth.size - 1);
    }, 120_000);
  }

  it("refuses a photo with a corner mark out of view, saying photo and what to do", async () => {
    const { marks } = plainMarks(1, 310);
    // Zoomed in so far that the page overflows the frame: its lower corner marks are cut off.
    const photo = await photoPage(a4, 1, marks, { ...randomPhoto(random(411)), tilt: 5, turn: 0, fill: 1.25, landscape: false }, 511);
    const reading = await read(photo);
    expect(reading).toMatchObject({ kind: "unreadable", note: { problem: { code: "page.photo" }, reason: expect.stringMatching(/photo/), hint: expect.stringMatching(/photo/) } });
    if (reading.kind === "unreadable") expect(danish(reading.note.problem!.code, reading.note.problem!.params as never)).toMatch(/foto/);
  }, 120_000);
});

describe("honest reasons", () => {
  it("says a copy of a copy is faded (not that its marks are cut off, nor that it is not the sheet)", async () => {
    const { marks } = plainMarks(1, 320);
    // Four generations of copies scanned at 150 dpi: the page code is lost, the corner marks are grey.
    const bytes = await paperPage(a4, 1, marks, {}, { kind: "scan", dpi: 150, generations: 4, jpeg: 70 }, 9);
    const reading = await read(bytes);
    expect(reading).toMatchObject({ kind: "unreadable", note: { code: "no-code", problem: { code: "page.faded" }, reason: expect.stringMatching(/faded/), hint: expect.stringMatching(/original/) } });
  }, 60_000);

  it("reads a second-generation copy and an A4 sheet printed on Letter (fit to page, or at 100 %)", async () => {
    for (const capture of [{ kind: "scan", dpi: 200, generations: 2, jpeg: 75 }, { kind: "scan", dpi: 200, otherPaper: "fit", jpeg: 80 }, { kind: "scan", dpi: 200, otherPaper: "actual", jpeg: 80 }] as const) {
      const { marks, truth } = plainMarks(1, 330);
      const t = tally(await read(await paperPage(a4, 1, marks, {}, capture, 10)), truth);
      expect(t.wrong, JSON.stringify(capture)).toBe(0);
      expect(t.right, JSON.stringify(capture)).toBeGreaterThanOrEqual(truth.size - 1);
    }
  }, 120_000);

  it("has every reason and warning in English and Danish, each saying what to do, the Danish without command-line options", () => {
    const params: { [C in ProblemCode]?: ParamsOf<C>[] } = {
      "page.photo": [{ stage: "code" }, { stage: "marks" }, { stage: "boxes" }],
      "page.faded": [{ stage: "code" }, { stage: "marks" }],
      "page.blurred": [{}],
      "page.marksMissing": [{ found: 0 }, { found: 2 }],
      "page.marksMisaligned": [{ mm: "1.4" }],
      "page.otherPaper": [{ sheet: "A4", scan: "US Letter" }],
      "page.otherProfile": [{ stage: "layout" }, { stage: "boxes" }],
      "page.otherVersion": [{ printed: "1.0.0", version: "1.1.0" }, { printed: "", version: "1.1.0" }],
      "sheets.startsOnPage2": [{ file: "stack.pdf", page: 2 }],
      "sheets.backwards": [{ file: "stack.pdf" }],
      "sheets.missingPage": [{ sheet: 3, copy: 17, pages: "2" }],
    };
    const seen = new Set<string>();
    for (const [code, list] of Object.entries(params) as [ProblemCode, ParamsOf<ProblemCode>[]][]) {
      expect(EN).toHaveProperty([code]);
      expect(DA).toHaveProperty([code]);
      for (const p of list) {
        const en = english(code, p as never), da = danish(code, p as never);
        expect(en.hint, code).toMatch(/\S/);
        expect(da, code).not.toMatch(/--|workshopkit build|workshopkit serve/);
        // Danish says what to do: an imperative (scan, tag, tryk, læs, glat) in every message.
        expect(da, code).toMatch(/\b(Scan|scan|Tag|Tryk|tryk|Læs|læs|Glat|vælg)\b/);
        seen.add(`${en.message}|${da}`);
      }
    }
    // No two reasons read the same.
    expect(seen.size).toBe(Object.values(params).reduce((k, l) => k + l.length, 0));
  });
});

describe("pages joined into sheets", () => {
  const page = (sheetPage: number, at: number, value: number, extra: Partial<Extract<PageReading, { kind: "read" }>> = {}): PageReading => ({
    kind: "read", from: "paper", source: "stack.pdf", sha256: `s${at}`, page: at, sheetPage, sheetPages: [1, 2],
    statements: a4.pages.get(sheetPage)!.map((r) => ({ field: r.field, value })), ...extra,
  });

  it("joins sheets printed without a number as before, warning when the stack is fed backwards", () => {
    // Three people's sheets, the stack fed backwards: C2 C1 B2 B1 A2 A1.
    const { results } = aggregate([page(2, 1, 3), page(1, 2, 3), page(2, 3, 2), page(1, 4, 2), page(2, 5, 1), page(1, 6, 1)], ctx.material);
    expect(results.sheets.map((s) => s.pages.map((p) => p.page))).toEqual([[1], [2, 3], [4, 5], [6]]);
    expect(results.warnings.map((w) => w.code)).toEqual(["sheets.backwards", "sheets.missingPage", "sheets.missingPage"]);
    expect(results.warnings[0]!.message).toMatch(/stack\.pdf looks fed backwards/);
    expect(danish("sheets.backwards", results.warnings[0]!.params as never)).toMatch(/bagfra/);
    expect(results.warnings.slice(1).map((w) => w.params)).toEqual([{ sheet: 1, copy: 0, pages: "1" }, { sheet: 4, copy: 0, pages: "2" }]);
  });

  it("warns when a stack starts on page 2; a stack in order, or one that goes on from the file before, has no warning", () => {
    const starts = aggregate([page(2, 1, 3), page(1, 2, 2), page(2, 3, 2), page(1, 4, 1), page(2, 5, 1)], ctx.material).results;
    expect(starts.warnings.map((w) => w.code)).toEqual(["sheets.startsOnPage2", "sheets.missingPage"]);
    expect(starts.warnings[0]!.params).toEqual({ file: "stack.pdf", page: 2 });
    const inOrder = aggregate([page(1, 1, 1), page(2, 2, 1), page(1, 3, 2), page(2, 4, 2)], ctx.material).results;
    expect(inOrder.warnings).toEqual([]);
    // Page 1 in one file, page 2 in the next: one sheet, no warning.
    const split = aggregate([page(1, 1, 1, { source: "a.pdf" }), page(2, 1, 1, { source: "b.pdf" })], ctx.material).results;
    expect(split.sheets).toHaveLength(1);
    expect(split.warnings).toEqual([]);
  });

  it("names a numbered copy with a page missing, and an anonymous report leaves the warnings out", () => {
    const { results } = aggregate([page(2, 1, 3, { copy: 3 }), page(1, 2, 3, { copy: 3 }), page(2, 3, 2, { copy: 2 }), page(1, 4, 1, { copy: 1 }), page(2, 5, 1, { copy: 1 })], ctx.material);
    expect(results.sheets.map((s) => s.copy)).toEqual([3, 2, 1]);
    expect(results.warnings).toMatchObject([{ code: "sheets.missingPage", params: { sheet: 2, copy: 2, pages: "1" }, message: expect.stringMatching(/sheet 2 \(copy 2\) has no page 1/) }]);
    expect(anonymise(results, 5).warnings).toEqual([]);
  });
});
