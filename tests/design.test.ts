// The pack as a designed booklet (issue 22), measured on real packs: the example on A4, and a long
// company name in a light yellow on US Letter with most contacts left open. Characters per line of
// running text, one page number per page, headings that travel with what they lead, balanced titles,
// running heads on one line, 63 × 88 mm decks, light colours, and the small details.
import { spawnSync } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { BuildResult } from "../src/pipeline.js";
import { paletteOf } from "../src/brand/brandParts.js";
import { buildPack, pdfText, tempDir } from "./support/build.js";
import { examplePack } from "./support/examplePack.js";
import { contrastRatio, drawnShapes, drawnText, hex } from "./support/drawnText.js";
import { flowProblems } from "./support/pageFlow.js";
import { textLines } from "./support/textLines.js";

const MM = 72 / 25.4;
const LONG_NAME = "Sønderjyske Rustfri Stålkonstruktioner og Maskinbyggeri ApS";

function letterProfile(): string {
  const file = path.join(tempDir("wk-design-"), "profile.yaml");
  writeFileSync(
    file,
    `company: ${LONG_NAME}
colour: "#FFE066"
paper: LETTER
contacts:
  hr: { name: Personaleafdelingen, phone: 74 12 34 50 }
films: {}
`,
  );
  return file;
}

let a4: BuildResult;
let letter: BuildResult;

beforeAll(async () => {
  a4 = await examplePack(); // built once per run, shared (read only)
  letter = await buildPack({ profile: letterProfile() });
}, 300_000);

const PACKS = [
  ["A4 (the example)", () => a4],
  ["US Letter, a long name, #FFE066, contacts missing", () => letter],
] as const;

const pdfs = (r: BuildResult) => readdirSync(r.dir).filter((f) => f.endsWith(".pdf"));
const packFile = (r: BuildResult) => path.join(r.dir, pdfs(r).find((f) => f.endsWith("-pakke.pdf"))!);
/** Worksheets and documents: the pages of running text (the scoring form and the balkort are forms, the cards cards). */
const prose = (r: BuildResult) => pdfs(r).filter((f) => /^(v\d\d|intro|policy|stress-guidelines|manager-guide|about)\.pdf$/.test(f));

interface Word {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
interface Line {
  page: number;
  words: Word[];
  /** The last line of its block (a paragraph's last line is short by nature). */
  last: boolean;
  height: number;
}

/** Every line of `file` as poppler lays it out (pdftotext -bbox-layout): its words and boxes. */
function bboxLines(file: string): { lines: Line[]; pages: { width: number; height: number }[] } {
  const r = spawnSync("pdftotext", ["-bbox-layout", file, "-"], { encoding: "utf8", maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`pdftotext failed on ${file}: ${r.stderr}`);
  const lines: Line[] = [];
  const pages: { width: number; height: number }[] = [];
  const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  for (const page of r.stdout.split("<page ").slice(1)) {
    pages.push({ width: Number(/width="([\d.]+)"/.exec(page)![1]), height: Number(/height="([\d.]+)"/.exec(page)![1]) });
    for (const block of page.split("<block ").slice(1)) {
      const inBlock = [...block.matchAll(/<line [^>]*>([\s\S]*?)<\/line>/g)];
      inBlock.forEach((m, i) => {
        const words = [...m[1]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((w) => ({
          text: unescape(w[5]!),
          x0: Number(w[1]),
          y0: Number(w[2]),
          x1: Number(w[3]),
          y1: Number(w[4]),
        }));
        if (words.length > 0) lines.push({ page: pages.length, words, last: i === inBlock.length - 1, height: words[0]!.y1 - words[0]!.y0 });
      });
    }
  }
  return { lines, pages };
}

const lineText = (l: Line) => l.words.map((w) => w.text).join(" ");
/** Body type (10.5 pt): poppler's line box is 1.2 times the size. */
const isBody = (l: Line) => Math.abs(l.height - 10.5 * 1.2) < 0.2;

describe("the type system", () => {
  it.each(PACKS)("sets running text 60–75 characters a line: %s", (_, result) => {
    const r = result();
    const full: number[] = [];
    for (const file of prose(r)) {
      for (const l of bboxLines(path.join(r.dir, file)).lines) {
        // A full line: of body type, not a paragraph's last, and not one unbreakable word (a web address).
        if (!isBody(l) || l.last || l.words.length < 2) continue;
        const n = [...lineText(l)].length;
        full.push(n);
        expect(n, `${file} p${l.page}: "${lineText(l)}"`).toBeLessThanOrEqual(76); // 75 and a hyphen
      }
    }
    full.sort((a, b) => a - b);
    expect(full.length).toBeGreaterThan(500);
    const median = full[Math.floor(full.length / 2)]!;
    expect(median, "the median full line").toBeGreaterThanOrEqual(60);
    expect(median, "the median full line").toBeLessThanOrEqual(75);
  });

  it.each(PACKS)("numbers every page of the pack once, with the pack's number; 'Side n af m' only in a material's own file: %s", (_, result) => {
    const r = result();
    const { lines, pages } = bboxLines(packFile(r));
    expect(lines.filter((l) => /Side \d+ af \d+/.test(lineText(l)))).toEqual([]);
    let numbered = 0;
    pages.forEach((page, i) => {
      const footer = lines.filter((l) => l.page === i + 1).flatMap((l) => l.words).filter((w) => w.y0 > page.height - 14 * MM && /^\d+$/.test(w.text));
      expect(footer.length, `pack page ${i + 1}: ${footer.map((w) => w.text).join(", ")}`).toBeLessThanOrEqual(1);
      if (footer.length === 1) {
        expect(footer[0]!.text).toBe(String(i + 1));
        numbered++;
      }
    });
    expect(numbered).toBeGreaterThan(60);
    // A material's own file has its folio on every page, once.
    for (const file of ["v04.pdf", "policy.pdf"]) {
      const own = bboxLines(path.join(r.dir, file));
      own.pages.forEach((_, i) => {
        const folios = own.lines.filter((l) => l.page === i + 1 && /Side \d+ af \d+/.test(lineText(l)));
        expect(folios.map(lineText), `${file} p${i + 1}`).toEqual([`Side ${i + 1} af ${own.pages.length}`]);
      });
    }
  });

  it.each(PACKS)("sets a running head on one line and never leaves one word alone on a title's last line: %s", (_, result) => {
    const r = result();
    for (const file of prose(r)) {
      const pages = textLines(path.join(r.dir, file));
      for (const page of pages) {
        // The running head: small grey type right of the mark, in the header.
        const head = page.lines.filter((l) => l.y1 < 20 * MM && l.size < 8.5 && l.x0 > page.width * 0.4);
        expect(head.map((l) => l.text), `${file} p${page.page}: the running head`).toHaveLength(1);
        // Titles (22 pt) and headings (14 pt), bold: a heading of several lines ends in two words or more.
        const titles = page.lines.filter((l) => l.bold && (Math.abs(l.size - 22) < 0.1 || Math.abs(l.size - 14) < 0.1));
        titles.forEach((l, k) => {
          const next = titles[k + 1];
          const continues = next && Math.abs(next.size - l.size) < 0.1 && next.y0 - l.y0 < l.size * 1.5 && next.y0 > l.y0;
          const prev = titles[k - 1];
          const continued = prev && Math.abs(prev.size - l.size) < 0.1 && l.y0 - prev.y0 < l.size * 1.5 && l.y0 > prev.y0;
          if (continued && !continues) expect(l.text.trim().split(/\s+/).length, `${file} p${page.page}: "${prev.text}" / "${l.text}"`).toBeGreaterThanOrEqual(2);
        });
      }
    }
    // No tool's title is hyphenated anywhere, the overview of the tools included.
    const text = pdfText(packFile(r));
    for (const bad of ["Omsorgs-\n", "kollega-\nsamtale", "Menta-\n"]) expect(text, bad).not.toContain(bad);
    expect(text).toContain("Omsorgssamtale");
  });
});

describe("keeping together", () => {
  it.each(PACKS)("leaves no heading or label last on a page: %s", (_, result) => {
    const r = result();
    const problems: string[] = [];
    for (const file of pdfs(r).filter((f) => !f.endsWith("-pakke.pdf"))) {
      const at = path.join(r.dir, file);
      for (const p of flowProblems(textLines(at), drawnShapes(at))) if (p.kind === "heading at the foot") problems.push(`${file} p${p.page}: "${p.text}"`);
    }
    expect(problems).toEqual([]);
  });

  it.each(PACKS)("opens each tool with its number large, its title and the MÅLGRUPPE / FORMÅL / TID panel: %s", (_, result) => {
    const r = result();
    for (let n = 1; n <= 11; n++) {
      const file = path.join(r.dir, `v${String(n).padStart(2, "0")}.pdf`);
      const first = textLines(file)[0]!;
      const number = first.lines.find((l) => l.text.trim() === String(n) && l.size >= 36);
      expect(number, `Værktøj ${n}: its number`).toBeDefined();
      const labels = first.lines.filter((l) => ["MÅLGRUPPE", "FORMÅL", "TID"].includes(l.text.trim())).slice(0, 3);
      expect(labels.map((l) => l.text.trim()), `Værktøj ${n}`).toEqual(["MÅLGRUPPE", "FORMÅL", "TID"]);
      // The panel sits below the number, on one row.
      expect(Math.max(...labels.map((l) => l.y0)) - Math.min(...labels.map((l) => l.y0))).toBeLessThan(1);
      expect(labels[0]!.y0).toBeGreaterThan(number!.y1);
    }
  });
});

describe("cards", () => {
  it("builds every deck and the help card at 63 × 88 mm, a topic stepped down or broken at a word, never hyphenated", async () => {
    const r = await buildPack({ only: ["v02-dialogkort", "v09-tryghedskort", "help-card"], cards: { size: { width: 63, height: 88 }, duplex: "long", blanks: 0 } });
    for (const file of ["v02-dialogkort.pdf", "v09-tryghedskort.pdf", "help-card.pdf"]) {
      // A card's topic: bold, in capitals (the cover's running text may be hyphenated as running text is).
      const topics = textLines(path.join(r.dir, file)).flatMap((p) => p.lines.filter((l) => l.bold && l.text === l.text.toLocaleUpperCase("da")));
      expect(topics.length, file).toBeGreaterThan(0);
      for (const l of topics) expect(/\p{L}-$/u.test(l.text.trim()), `${file}: "${l.text}"`).toBe(false);
    }
    const deck = pdfText(path.join(r.dir, "v02-dialogkort.pdf"));
    for (const topic of ["KOMMUNIKATION?", "PERFEKTIONISME?", "FORANDRINGER?"]) expect(deck).toContain(topic);
  }, 120_000);

  it("keeps each mini card's number on the line of its deck's name (Værktøj 9)", () => {
    const { lines } = bboxLines(path.join(a4.dir, "v09.pdf"));
    const words = lines.flatMap((l) => l.words.map((w) => ({ ...w, page: l.page }))).filter((w) => w.y1 - w.y0 < 9);
    const names = words.filter((w) => w.text === "Dialogkort");
    expect(names.length).toBeGreaterThanOrEqual(8);
    // Each card's number (1–8) on the first line of its deck's name, to its right.
    for (let n = 1; n <= 8; n++) {
      const number = words.filter((w) => w.text === String(n) && names.some((d) => d.page === w.page && Math.abs(d.y0 - w.y0) < 1 && w.x0 > d.x1));
      expect(number.length, `card ${n}`).toBeGreaterThanOrEqual(1);
    }
  });

  it("gives a contact left open a write-in line long enough for a name and a phone number", () => {
    const { lines } = bboxLines(path.join(letter.dir, "help-card.pdf"));
    const writeIns = lines.flatMap((l) => l.words).filter((w) => /^_{10,}$/.test(w.text));
    expect(writeIns.length).toBeGreaterThan(0);
    for (const w of writeIns) expect(w.x1 - w.x0).toBeGreaterThanOrEqual(60 * MM);
  });

  it("shows the card, front and back, on the help card's first page, not an empty page", () => {
    const [first] = textLines(path.join(a4.dir, "help-card.pdf"));
    expect(first!.lines.filter((l) => l.text.includes("Hvor får jeg hjælp?")).length).toBeGreaterThanOrEqual(2);
    expect(first!.lines.some((l) => l.text.includes("Mere viden og hjælp"))).toBe(true);
  });
});

describe("light colours", () => {
  it("sets headings near-black when the brand colour is too light for text, and keeps the colour in fills and visible rules", () => {
    const texts = prose(letter).flatMap((f) => drawnText(path.join(letter.dir, f)));
    const headings = texts.filter((t) => t.bold && t.size >= 11.5 && hex(t.background) === "#ffffff");
    expect(headings.length).toBeGreaterThan(50);
    for (const t of headings) expect(contrastRatio(t.colour, [1, 1, 1]), `"${t.text}" in ${hex(t.colour)}`).toBeGreaterThanOrEqual(15);
    // The brand colour itself is where it shows: behind the tools' numbers.
    expect(texts.filter((t) => hex(t.background) === "#ffe066").length).toBeGreaterThanOrEqual(11);
    // Thin rules and frames in a darker shade that is seen on white (3:1); a dark brand colour is its own line.
    const yellow = paletteOf("#FFE066");
    expect(contrastRatio(rgb(yellow.line), [1, 1, 1])).toBeGreaterThanOrEqual(3);
    expect(yellow.ink).toBe("#1a1a1a");
    expect(paletteOf("#1F6F8B")).toMatchObject({ ink: "#1f6f8b", line: "#1f6f8b" });
  });
});

describe("details", () => {
  it("centres the ruler's labels on their ticks", () => {
    const { lines } = bboxLines(path.join(a4.dir, "help-card.pdf"));
    const word = (t: string) => lines.filter((l) => l.page === 1).flatMap((l) => l.words).find((w) => w.text === t && w.y1 - w.y0 < 9)!;
    const centre = (w: Word) => (w.x0 + w.x1) / 2;
    const [zero, fifty, hundred] = [word("0"), word("50"), word("100")];
    expect(centre(hundred) - centre(zero)).toBeCloseTo(100 * MM, 0);
    expect(Math.abs(centre(fifty) - (centre(zero) + centre(hundred)) / 2)).toBeLessThan(0.5);
  });

  it("draws the film arrow on the line of the film's text", () => {
    const { lines } = bboxLines(path.join(a4.dir, "v04.pdf"));
    const arrows = lines.filter((l) => l.words[0]!.text === "→");
    expect(arrows.length).toBeGreaterThan(0);
    for (const l of arrows) expect(l.words.length, lineText(l)).toBeGreaterThan(1);
  });

  it("closes a contact inserted mid-sentence with a comma", () => {
    expect(pdfText(path.join(a4.dir, "policy.pdf")).replace(/\s+/g, " ")).toContain("At HR-chef Lars Winther, lw@nordlys-maskinfabrik.dk, vil arrangere");
  });
});

function rgb(colour: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16) / 255) as [number, number, number];
}
