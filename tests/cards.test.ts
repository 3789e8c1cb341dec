// Cut-out card sheets, read back from real PDFs: sheet geometry, crop marks, page boxes, duplex registration, text.
// Expected positions are worked out here from the paper and card sizes, not taken from src/cards.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as fontkit from "fontkit";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { fitDeck } from "../src/cards/fitDeck.js";
import { faceOf } from "../src/cards/face.js";
import { breakLines } from "../src/cards/fitText.js";
import { parseCardOptions } from "../src/cards/options.js";
import { sha256 } from "../src/finish/manifest.js";
import { hyphenate, textWidth } from "../src/fonts.js";
import { loadContent } from "../src/load/loadContent.js";
import type { BuildResult } from "../src/pipeline.js";
import { openPdf, textRuns, type TextRun } from "../src/render/checkLayout.js";
import { listMaterials } from "../src/resolve/resolve.js";
import type { Toolkit } from "../src/schema/toolkit.js";
import { buildPack, EXAMPLE_PROFILE, pdfText, readPdf, ROOT, runCli, tempDir } from "./support/build.js";
import { paintedPaths, type PaintedPath } from "./support/pdfDrawing.js";

const MM = 72 / 25.4;
/** Front and back must register within 0.2 mm. */
const TOLERANCE = 0.2 * MM;
const A4 = { width: 210 * MM, height: 297 * MM };
const LETTER = { width: 612, height: 792 };

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
type Page = { width: number; height: number };

/** Cells of a centred cols × rows grid of w × h mm cards, row by row from the top, in PDF points (origin bottom-left). */
function cells(page: Page, w = 90, h = 60, cols = 2, rows = 4): Box[] {
  const [cw, ch] = [w * MM, h * MM];
  const left = (page.width - cols * cw) / 2;
  const top = page.height - (page.height - rows * ch) / 2;
  return Array.from({ length: cols * rows }, (_, i) => ({ x: left + (i % cols) * cw, y: top - (Math.floor(i / cols) + 1) * ch, width: cw, height: ch }));
}

const gridOf = (cs: Box[]): Box => {
  const x0 = Math.min(...cs.map((c) => c.x));
  const y0 = Math.min(...cs.map((c) => c.y));
  return { x: x0, y: y0, width: Math.max(...cs.map((c) => c.x + c.width)) - x0, height: Math.max(...cs.map((c) => c.y + c.height)) - y0 };
};
const grow = (b: Box, d: number): Box => ({ x: b.x - d, y: b.y - d, width: b.width + 2 * d, height: b.height + 2 * d });
const inside = (r: { x: number; y: number }, b: Box) => r.x >= b.x && r.x <= b.x + b.width && r.y >= b.y && r.y <= b.y + b.height;
const closeBox = (a: Box, b: Box, tol = 0.01) => Math.max(Math.abs(a.x - b.x), Math.abs(a.y - b.y), Math.abs(a.width - b.width), Math.abs(a.height - b.height)) <= tol;

/** Card numbers: the small (6.5 pt) digits in a card's corner. */
const numbers = (runs: TextRun[], page: number) => runs.filter((r) => r.page === page && /^\d+$/.test(r.text) && Math.abs(r.height - 6.5) < 0.1);

/** Text inside a box of one page, with pdftotext's own cropping (top-left origin, here at 720 dpi). */
function textIn(file: string, pageNo: number, box: Box, page: Page): string {
  const s = 10;
  const args = ["-r", "720", "-f", `${pageNo}`, "-l", `${pageNo}`, "-x", `${Math.round(box.x * s)}`, "-y", `${Math.round((page.height - box.y - box.height) * s)}`, "-W", `${Math.round(box.width * s)}`, "-H", `${Math.round(box.height * s)}`];
  const r = spawnSync("pdftotext", [...args, "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.replace(/\s+/g, " ").trim();
}

async function runsOf(bytes: Uint8Array) {
  const pdf = await openPdf(bytes);
  try {
    return await textRuns(pdf);
  } finally {
    await pdf.destroy();
  }
}

/** Crop marks: hairline strokes 5 mm long. */
const marksOn = (paths: PaintedPath[], page: number) =>
  paths.filter((p) => p.page === page && p.paint === "stroke" && Math.abs(Math.max(p.x1 - p.x0, p.y1 - p.y0) - 5 * MM) < 0.05 && Math.min(p.x1 - p.x0, p.y1 - p.y0) < 0.01);

async function letterProfile(): Promise<string> {
  const file = path.join(tempDir("wk-letter-"), "letter.yaml");
  const source = readFileSync(EXAMPLE_PROFILE, "utf8")
    .replace(/^paper: A4$/m, "paper: LETTER")
    .replace(/^logo: (.*)$/m, (_, logo: string) => `logo: ${path.resolve(path.dirname(EXAMPLE_PROFILE), logo)}`);
  writeFileSync(file, source);
  return file;
}

let toolkit: Toolkit;
let a4: BuildResult;
let letter: BuildResult;
let plain: BuildResult;
let again: BuildResult;

beforeAll(async () => {
  toolkit = await loadContent(path.join(ROOT, "content"));
  const size = { width: 90, height: 60 };
  [a4, letter, plain, again] = await Promise.all([
    buildPack({ only: ["v02-dialogkort", "v09-tryghedskort"] }),
    buildPack({ profile: await letterProfile(), only: ["v02-dialogkort", "v09-tryghedskort"], cards: { size, duplex: "short", blanks: 0 } }),
    buildPack({ only: ["v09-tryghedskort"], cards: { size: { width: 70, height: 50 }, duplex: "none", blanks: 3 } }),
    buildPack({ only: ["v09-tryghedskort"], cacheDir: false }), // rendered afresh: compared with a4's below
  ]);
});

describe("the card materials", () => {
  it("come one per deck, right after their tool's worksheet", () => {
    const ids = listMaterials(toolkit).map((m) => m.id);
    expect(ids[ids.indexOf("v02") + 1]).toBe("v02-dialogkort");
    expect(ids[ids.indexOf("v09") + 1]).toBe("v09-tryghedskort");
  });

  it("are byte-identical for the same input", () => {
    expect(sha256(readPdf(again, "v09-tryghedskort"))).toBe(sha256(readPdf(a4, "v09-tryghedskort")));
  });
});

describe.each([
  { name: "A4, long-edge duplex", get: () => a4, page: A4, duplex: "long" as const },
  { name: "US Letter, short-edge duplex", get: () => letter, page: LETTER, duplex: "short" as const },
])("card sheets on $name", ({ get, page, duplex }) => {
  const decks = [
    { id: "v02-dialogkort", deck: "dialogkort", sheets: 3 },
    { id: "v09-tryghedskort", deck: "tryghedskort", sheets: 1 },
  ];

  it("has pages of the paper's size: cover, its empty back, then fronts and backs in turn", async () => {
    for (const { id, sheets } of decks) {
      const pdf = await PDFDocument.load(readPdf(get(), id));
      expect(pdf.getPageCount()).toBe(2 + 2 * sheets);
      for (const p of pdf.getPages()) {
        expect(p.getWidth()).toBeCloseTo(page.width, 1);
        expect(p.getHeight()).toBeCloseTo(page.height, 1);
      }
    }
  });

  it("puts eight cards on a sheet, each in its place, with its prompt and topic (all 32 cards)", async () => {
    const expected = cells(page);
    for (const { id, deck, sheets } of decks) {
      const file = path.join(get().dir, `${id}.pdf`);
      const cards = toolkit.decks.find((d) => d.id === deck)!.cards;
      const { runs } = await runsOf(readPdf(get(), id));
      for (let s = 0; s < sheets; s++) {
        const front = 3 + 2 * s;
        const onSheet = cards.slice(s * 8, s * 8 + 8);
        expect(numbers(runs, front).map((r) => r.text)).toHaveLength(onSheet.length);
        onSheet.forEach((card, i) => {
          const text = textIn(file, front, expected[i]!, page);
          expect(text).toContain(card.prompt);
          expect(text).toContain(card.topic);
          expect(text).toMatch(new RegExp(`\\b${s * 8 + i + 1}$`));
        });
      }
    }
  });

  it("sets the topics at 16 pt or more", async () => {
    const { runs } = await runsOf(readPdf(get(), "v02-dialogkort"));
    for (const word of ["ARBEJDSPLADSEN?", "PRIVATLIV?", "KOLLEGER?"]) {
      const run = runs.find((r) => r.text.includes(word));
      expect(run?.height, word).toBeGreaterThanOrEqual(16);
    }
  });

  it("draws crop marks on every cut line, outside the cut area and the bleed, clear of the page edge", async () => {
    const expected = cells(page);
    const grid = gridOf(expected);
    const xs = [grid.x, grid.x + 90 * MM, grid.x + grid.width];
    const ys = [0, 1, 2, 3, 4].map((r) => grid.y + r * 60 * MM);
    const paths = await paintedPaths(readPdf(get(), "v02-dialogkort"));
    for (let n = 3; n <= 8; n++) {
      const marks = marksOn(paths, n);
      expect(marks).toHaveLength(2 * 3 + 2 * 5);
      for (const m of marks) {
        const vertical = m.x1 - m.x0 < 0.01;
        if (vertical) {
          expect(xs.some((x) => Math.abs(m.x0 - x) < 0.01)).toBe(true);
          expect(Math.min(Math.abs(m.y0 - (grid.y + grid.height)), Math.abs(grid.y - m.y1))).toBeGreaterThanOrEqual(3 * MM);
          expect(m.y1 < grid.y || m.y0 > grid.y + grid.height).toBe(true);
        } else {
          expect(ys.some((y) => Math.abs(m.y0 - y) < 0.01)).toBe(true);
          expect(Math.min(Math.abs(m.x0 - (grid.x + grid.width)), Math.abs(grid.x - m.x1))).toBeGreaterThanOrEqual(3 * MM);
          expect(m.x1 < grid.x || m.x0 > grid.x + grid.width).toBe(true);
        }
        expect(Math.min(m.x0, m.y0, page.width - m.x1, page.height - m.y1)).toBeGreaterThanOrEqual(5 * MM);
      }
    }
  });

  it("has TrimBox = the cut area on card pages, and BleedBox 3 mm beyond it where the backs are coloured", async () => {
    const grid = gridOf(cells(page));
    const pdf = await PDFDocument.load(readPdf(get(), "v02-dialogkort"));
    pdf.getPages().forEach((p, i) => {
      const kind = i < 2 ? "cover" : i % 2 === 0 ? "front" : "back";
      if (kind === "cover") {
        expect(closeBox(p.getTrimBox(), p.getMediaBox())).toBe(true);
        return;
      }
      expect(closeBox(p.getTrimBox(), grid), `page ${i + 1} TrimBox`).toBe(true);
      expect(closeBox(p.getBleedBox(), kind === "back" ? grow(grid, 3 * MM) : grid), `page ${i + 1} BleedBox`).toBe(true);
    });
  });

  it(`registers every back behind its front within 0.2 mm (${duplex} edge)`, async () => {
    const expected = cells(page);
    const capHeight = (() => {
      const font = fontkit.openSync(path.join(ROOT, "assets/fonts/Lato-Regular.ttf")) as unknown as { capHeight: number; unitsPerEm: number };
      return font.capHeight / font.unitsPerEm;
    })();
    for (const { id, sheets } of decks) {
      const bytes = readPdf(get(), id);
      const { runs } = await runsOf(bytes);
      const fills = (await paintedPaths(bytes)).filter((p) => p.paint === "fill");
      for (let s = 0; s < sheets; s++) {
        const [front, back] = [3 + 2 * s, 4 + 2 * s];
        const backs = numbers(runs, back);
        const fronts = numbers(runs, front);
        expect(backs.map((r) => r.text).sort()).toEqual(fronts.map((r) => r.text).sort());
        for (const f of fronts) {
          const b = backs.find((r) => r.text === f.text)!;
          // The card: its cell on the front; on the back, its coloured background less the 3 mm bleed.
          const cell = expected.find((c) => inside(f, c))!;
          const fill = fills.find((p) => p.page === back && p.x0 <= b.x && b.x <= p.x1 && p.y0 <= b.y && b.y <= p.y1)!;
          const backCell = { x: fill.x0 + 3 * MM, y: fill.y0 + 3 * MM, width: fill.x1 - fill.x0 - 6 * MM, height: fill.y1 - fill.y0 - 6 * MM };
          const mirrored = duplex === "long" ? { ...cell, x: page.width - cell.x - cell.width } : { ...cell, y: page.height - cell.y - cell.height };
          expect(closeBox(backCell, mirrored, TOLERANCE), `card ${f.text}: back at ${JSON.stringify(backCell)}, front mirrored ${JSON.stringify(mirrored)}`).toBe(true);
          // And the number on the back is printed right behind the number on the front.
          if (duplex === "long") {
            expect(Math.abs(b.x - (page.width - f.x - f.width))).toBeLessThanOrEqual(TOLERANCE);
            expect(Math.abs(b.y - f.y)).toBeLessThanOrEqual(TOLERANCE);
          } else {
            expect(Math.abs(b.x - f.x)).toBeLessThanOrEqual(TOLERANCE);
            expect(Math.abs(b.y - (page.height - f.y - capHeight * f.height))).toBeLessThanOrEqual(TOLERANCE);
          }
        }
      }
    }
  });

  it("opens with the print help, a 100 mm ruler and (Værktøj 2) the run-sheet", async () => {
    const file = path.join(get().dir, "v02-dialogkort.pdf");
    const cover = pdfText(file).split("\f")[0]!.replace(/\s+/g, " ");
    expect(cover).toContain("Køreplan");
    for (const s of ["15 MIN.", "30 MIN.", "Hver medarbejder får et dialogkort", "Find en ny makker", "Hvordan var det for jer at tale om mental sundhed?"]) expect(cover).toContain(s);
    expect(cover).toContain("100 %");
    expect(cover).toContain(duplex === "long" ? "Vend på lang kant" : "Vend på kort kant");
    const ruler = (await paintedPaths(readPdf(get(), "v02-dialogkort"))).filter((p) => p.page === 1 && p.paint === "stroke" && p.y1 - p.y0 < 0.01);
    expect(ruler.some((p) => Math.abs(p.x1 - p.x0 - 100 * MM) < 0.01)).toBe(true);
  });
});

describe("without backs, with blank cards and a card size of 70 × 50 mm", () => {
  it("has the cover and fronts only, ten cards to an A4 sheet, blank cards numbered after the deck", async () => {
    const bytes = readPdf(plain, "v09-tryghedskort");
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(3);
    const { runs } = await runsOf(bytes);
    expect(numbers(runs, 2).map((r) => r.text)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
    expect(numbers(runs, 3).map((r) => r.text)).toEqual(["11"]);
    const expected = cells(A4, 70, 50, 2, 5);
    const file = path.join(plain.dir, "v09-tryghedskort.pdf");
    expect(textIn(file, 2, expected[0]!, A4)).toContain("dele informationer?");
    // Card 9 is blank: only the deck name and its number.
    expect(textIn(file, 2, expected[8]!, A4)).toBe("Dialogkort om psykologisk tryghed 9");
    expect((await paintedPaths(bytes)).filter((p) => p.paint === "fill" && p.x1 - p.x0 > 50 * MM)).toEqual([]);
    expect(closeBox(pdf.getPage(1).getBleedBox(), pdf.getPage(1).getTrimBox())).toBe(true);
  });
});

describe("text fitting", () => {
  const face = faceOf({ width: 90 * MM, height: 60 * MM });

  it("breaks the longest topics between words, never inside one, at 16 pt or more", () => {
    const deck = toolkit.decks.find((d) => d.id === "dialogkort")!;
    const fit = fitDeck(deck, face, 0, textWidth);
    expect(fit.topicSize).toBeGreaterThanOrEqual(16);
    for (const topic of ["ARBEJDSLIV OG PRIVATLIV?", "LEVEREGLER PÅ ARBEJDSPLADSEN?", "SYGEMELDTE KOLLEGER?"]) {
      const lines = fit.faces.find((f) => f.topic.join(" ") === topic)?.topic;
      expect(lines, topic).toBeDefined();
      for (const l of lines!) expect(textWidth(l, fit.topicSize, true)).toBeLessThanOrEqual(face.text.width);
    }
  });

  it("balances lines and keeps a short word with the word after it", () => {
    expect(breakLines("ARBEJDSLIV OG PRIVATLIV?", face.text.width, 22, true, textWidth, { maxLines: 3 })).toEqual(["ARBEJDSLIV", "OG PRIVATLIV?"]);
  });

  it("never hyphenates a topic: a word wider than the card does not fit, so the card is made wider or the build stops", () => {
    const narrow = 40 * MM;
    expect(breakLines("KOMMUNIKATION?", narrow, 16, true, textWidth, { maxLines: 3 })).toBeUndefined();
    expect(breakLines("KOMMUNIKATION?", narrow, 16, true, textWidth, { maxLines: 3, hyphenate })).toBeUndefined();
    expect(breakLines("KOMMUNIKATION?", 60 * MM, 16, true, textWidth, { maxLines: 3, hyphenate })).toEqual(["KOMMUNIKATION?"]);
  });

  it("fails the build naming the deck and the card when a topic cannot fit", async () => {
    await expect(buildPack({ only: ["v02-dialogkort"], cards: { size: { width: 45, height: 40 }, duplex: "long", blanks: 0 } })).rejects.toThrow(
      /Deck "Dialogkort" \(content\/decks\/dialogkort\.yaml\), card \d+: the topic "[^"]+" \(12 pt bold, the smallest allowed\) does not fit a 45 × 40 mm card/,
    );
  });
});

describe("card options on the command line", () => {
  it("parses sizes in millimetres, duplex and blank cards", () => {
    expect(parseCardOptions({ cardSize: "85.5x54", duplex: "short", blankCards: "4" })).toEqual({ size: { width: 85.5, height: 54 }, duplex: "short", blanks: 4 });
    expect(parseCardOptions({})).toEqual({ size: { width: 90, height: 60 }, duplex: "long", blanks: 0 });
  });

  it("rejects bad values with what was given and what is expected, and exits 1", () => {
    const cases: [string[], RegExp][] = [
      [["--card-size", "90by60"], /--card-size: got "90by60"; expected width x height in millimetres, like "90x60"/],
      [["--card-size", "300x60"], /--card-size: got "300x60"; each side must be 40–200 mm/],
      [["--duplex", "sideways"], /--duplex: got "sideways"; expected "long" \(flip on the long edge\), "short" \(flip on the short edge\) or "none"/],
      [["--blank-cards", "many"], /--blank-cards: got "many"; expected a whole number of blank cards/],
      [["--card-size", "190x60"], /--card-size 190x60: a 190 × 60 mm card does not fit on A4 with room for crop marks/],
    ];
    for (const [args, message] of cases) {
      const r = runCli(["build", "-p", EXAMPLE_PROFILE, "-o", tempDir(), "--only", "v09-tryghedskort", ...args]);
      expect(r.status, args.join(" ")).toBe(1);
      expect(r.stderr).toMatch(message);
    }
  });

  it("builds with them as a user would", () => {
    const out = tempDir();
    const r = runCli(["build", "-p", EXAMPLE_PROFILE, "-o", out, "--only", "v09-tryghedskort", "--card-size", "90x60", "--duplex", "short", "--blank-cards", "2"]);
    expect(r.status, r.stderr).toBe(0);
    const text = pdfText(path.join(out, "nordlys-maskinfabrik-a-s", "v09-tryghedskort.pdf"));
    expect(text).toContain("Vend på kort kant");
    expect(text).toMatch(/\b10\b/);
  });
});
