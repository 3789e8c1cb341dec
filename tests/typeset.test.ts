// Typesetting read back from real packs: brand colour contrast, headings that extract as words.
// Two packs cover the hard cases: the example company in a light yellow on A4 (laid out exactly as the
// default pack: the colour changes no size), and a long company name in white on US Letter with
// contacts missing.
import { readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { BuildResult } from "../src/pipeline.js";
import { buildPack, pdfText as readText, ROOT, tempDir } from "./support/build.js";
import { contrastRatio, drawnShapes as readShapes, drawnText as readDrawn, hex, isLarge } from "./support/drawnText.js";
import { hyphenate } from "../src/fonts.js";
import { flowProblems, underfilledLastPage } from "./support/pageFlow.js";
import { TIGHTER_GAPS, type Fitted } from "../templates/parts/fitting.js";
import { fitPages, lastPageFill } from "../src/fit/fitPages.js";
import { loadContent } from "../src/load/loadContent.js";
import { resolve } from "../src/resolve/resolve.js";
import { Profile } from "../src/schema/profile.js";
import { LINE_GAP, mm } from "../templates/theme.js";
import { textLines as readLines, type TextLine } from "./support/textLines.js";

/** Each reader runs once a file (mutool and pdftotext take seconds over two packs; several tests read the same PDFs). The packs are never written again. */
function once<A extends unknown[], T>(read: (...args: A) => T): (...args: A) => T {
  const seen = new Map<string, T>();
  return (...args) => {
    const key = JSON.stringify(args);
    if (!seen.has(key)) seen.set(key, read(...args));
    return seen.get(key)!;
  };
}
const drawnText = once(readDrawn);
const drawnShapes = once(readShapes);
const textLines = once(readLines);
const pdfText = once(readText);

const LONG_NAME = "Sønderjyllands Forenede Maskin- og Stålkonstruktionsfabrikker ApS";

function profile(yaml: string): string {
  const file = path.join(tempDir("wk-typeset-"), "profile.yaml");
  writeFileSync(file, yaml);
  return file;
}

/** The example company's profile in another colour (its logo path made absolute). */
const yellowProfile = () =>
  profile(`company: Nordlys Maskinfabrik A/S
logo: ${path.resolve(import.meta.dirname, "../assets/default-logo.svg")}
colour: "#FFE066"
paper: A4
contacts:
  hr: { name: "Personaleafdelingen, Mette Holm", phone: 86 12 34 50, email: hr@nordlys-maskinfabrik.dk }
  amr: { name: Jonas Kragh (arbejdsmiljørepræsentant), phone: 86 12 34 61 }
  tr: { name: Ayse Demir (tillidsrepræsentant), phone: 86 12 34 62 }
  counselling: { name: Falck Healthcare, phone: 70 10 20 30, hours: hverdage kl. 8–20 }
  psychologist: { name: HR-chef Lars Winther, email: lw@nordlys-maskinfabrik.dk }
  sickLeaveAdvice: { name: Personaleafdelingen, phone: 86 12 34 50 }
films: {}
`);

/** No logo, a long name, white, US Letter, and only two contacts. */
const whiteProfile = () =>
  profile(`company: ${LONG_NAME}
colour: "#FFFFFF"
paper: LETTER
contacts:
  hr: { name: Personaleafdelingen, phone: 74 12 34 50 }
  counselling: { name: Falck Healthcare, phone: 70 10 20 30 }
films: {}
`);

let yellow: BuildResult;
let white: BuildResult;

beforeAll(async () => {
  yellow = await buildPack({ profile: yellowProfile() });
  white = await buildPack({ profile: whiteProfile() });
}, 120_000);

const pdfs = (r: BuildResult) => readdirSync(r.dir).filter((f) => f.endsWith(".pdf"));

describe("brand colour", () => {
  it.each([
    ["#FFE066 on A4", () => yellow],
    ["#FFFFFF on US Letter", () => white],
  ])("every text of every PDF reads against what it is printed on (WCAG 4.5:1, large text 3:1): %s", (_, result) => {
    const r = result();
    let coloured = 0;
    for (const file of pdfs(r)) {
      for (const t of drawnText(path.join(r.dir, file))) {
        const [cr, cg, cb] = t.colour;
        if (Math.max(cr, cg, cb) - Math.min(cr, cg, cb) > 0.02) coloured++;
        const ratio = contrastRatio(t.colour, t.background);
        expect(ratio, `${file} p${t.page}: "${t.text}" in ${hex(t.colour)} on ${hex(t.background)}, ${t.size.toFixed(1)} pt`).toBeGreaterThanOrEqual(isLarge(t) ? 3 : 4.5);
      }
    }
    // A light yellow is not turned into a muddy olive for text: text is near-black (coloured text is
    // only where a colour reads, none here), and the yellow shows in fills, bars and card backs.
    if (r === yellow) expect(coloured).toBe(0);
  });

  it("prints the tool labels and step headings near-black when the brand colour is too light for text, and card backs in it", () => {
    const texts = drawnText(path.join(yellow.dir, "v02.pdf"));
    for (const text of ["VÆRKTØJ 2", "Køreplan"]) {
      const label = texts.find((t) => t.text === text)!;
      expect(label, text).toBeDefined();
      expect(contrastRatio(label.colour, [1, 1, 1]), text).toBeGreaterThanOrEqual(15); // near-black, not olive
    }
    // The tool's number sits on a tile of the brand colour itself.
    expect(texts.find((t) => t.text === "2" && hex(t.background) === "#ffe066"), "the number tile").toBeDefined();
    // The backs keep the brand colour itself, with dark text on it.
    const back = drawnText(path.join(yellow.dir, "v02-dialogkort.pdf")).filter((t) => hex(t.background) === "#ffe066");
    expect(back.length).toBeGreaterThan(8);
    for (const t of back) expect(contrastRatio(t.colour, t.background), t.text).toBeGreaterThanOrEqual(4.5);
  });

  it("warns when it had to darken the colour, naming the colour and the contrast", () => {
    const warning = (r: BuildResult) => r.warnings.filter((w) => /brand colour/.test(w.message)).map((w) => w.message);
    expect(warning(yellow)).toEqual([expect.stringMatching(/#FFE066 has a contrast of 1\.3:1 on white paper.*printed in near-black #1a1a1a.*thin rules and frames the darker #[0-9a-f]{6}/)]);
    expect(warning(white)).toEqual([expect.stringMatching(/#FFFFFF has a contrast of 1\.0:1/)]);
  });
});

describe("letter-spaced headings", () => {
  it("extract as their words", () => {
    for (const r of [yellow, white]) {
      const pack = pdfs(r).find((f) => f.endsWith("-pakke.pdf"))!;
      const text = pdfText(path.join(r.dir, pack));
      expect(text).toContain("VÆRKTØJ 2");
      expect(text).toContain("VÆRKTØJ 11");
      expect(text).toContain("UDARBEJDET TIL");
      expect(text).toContain("MÅLGRUPPE");
      // No word of capitals spelled out letter by letter ("VÆ R K T Ø J"), in any file.
      for (const file of pdfs(r)) expect(pdfText(path.join(r.dir, file)), file).not.toMatch(/(?:^|\s)(?:\p{Lu} ){4,}/mu);
    }
  });
});

describe("hyphenation", () => {
  /**
   * A line that ends in a hyphen the text does not have: a word broken by the layout. A line broken
   * at a space keeps the space ("samarbejds- " / "og arbejdsmiljøudvalget"); the company name's own
   * hyphen ends a line of the card backs, which are broken by our own fitting.
   */
  const broken = (text: string) => /\p{L}-$/u.test(text) && !LONG_NAME.includes(`${text.split(" ").at(-1)!} `);
  const capitals = (text: string) => /\p{Lu}{3}/u.test(text) && text === text.toLocaleUpperCase("da");

  it("never breaks a heading, label, table header or card topic (bold or in capitals)", () => {
    for (const r of [yellow, white]) {
      for (const file of pdfs(r).filter((f) => !f.endsWith("-pakke.pdf"))) {
        for (const { lines } of textLines(path.join(r.dir, file))) {
          for (const line of lines) if (line.bold || capitals(line.text)) expect(broken(line.text), `${file} p${line.page}: "${line.text}"`).toBe(false);
        }
      }
    }
  });

  it("never splits an English loanword as if Danish: \"start-workshop\", not \"startwor-kshop\" (and the intro's table of tools keeps it whole)", () => {
    expect(hyphenate("startworkshop")).toEqual(["start", "workshop"]);
    expect(hyphenate("stresssymptomer").join("-")).toMatch(/^stress-/);
    expect(hyphenate("medarbejdere").length).toBeGreaterThan(1); // Danish words still break
    for (const r of [yellow, white]) {
      const text = pdfText(path.join(r.dir, pdfs(r).find((f) => f.endsWith("-pakke.pdf"))!), true);
      expect(text).toContain("startworkshop"); // the intro's table of tools is never hyphenated: its cell is set to fit the word
      for (const bad of ["startwor-", "wor-kshop", "stres-s", "feed-back"]) expect(text, bad).not.toContain(bad);
    }
  });

  it("in running text leaves at least three letters on either side of a break", () => {
    let breaks = 0;
    for (const r of [yellow, white]) {
      for (const file of pdfs(r).filter((f) => !f.endsWith("-pakke.pdf"))) {
        for (const { lines } of textLines(path.join(r.dir, file))) {
          lines.forEach((line, i) => {
            if (!broken(line.text)) return;
            breaks++;
            const before = /(\p{L}+)-$/u.exec(line.text)![1]!;
            const after = /^\p{L}+/u.exec(lines[i + 1]?.text.trimStart() ?? "")?.[0] ?? "";
            expect(before.length, `${file} p${line.page}: "${line.text}" / "${lines[i + 1]?.text}"`).toBeGreaterThanOrEqual(3);
            if (after) expect(after.length, `${file} p${line.page}: "${line.text}" / "${lines[i + 1]?.text}"`).toBeGreaterThanOrEqual(3);
          });
        }
      }
    }
    expect(breaks).toBeGreaterThan(0); // running text is still hyphenated
  });
});

describe("page breaks", () => {
  it("are judged by a check that finds a heading at the foot, an orphan and a lone item (made-up pages)", () => {
    const line = (page: number, y0: number, text: string, more: Partial<TextLine> = {}): TextLine => ({ page, text, size: 10.5, bold: false, x0: 51, x1: 540, y0, y1: y0 + 13, ...more });
    const page = (n: number, lines: TextLine[]) => ({ page: n, width: 595, height: 842, lines });
    const heading = [page(1, [line(1, 100, "Et afsnit."), line(1, 740, "Overskrift", { bold: true, size: 14, x1: 200 })]), page(2, [line(2, 80, "Tekst.")])];
    expect(flowProblems(heading).map((p) => p.kind)).toEqual(["heading at the foot"]);
    const orphan = [page(1, [line(1, 100, "Et afsnit.", { x1: 200 }), line(1, 740, "Første linje af et afsnit, der fortsætter på")]), page(2, [line(2, 80, "næste side og slutter her.")])];
    expect(flowProblems(orphan).map((p) => p.kind)).toContain("orphan");
    const item = [page(1, [line(1, 700, "• første punkt", { x1: 200 }), line(1, 720, "• andet punkt", { x1: 200 })]), page(2, [line(2, 80, "• sidste punkt", { x1: 200 }), line(2, 120, "Et nyt afsnit.", { x1: 300 })])];
    expect(flowProblems(item).map((p) => p.kind)).toEqual(["lone item at the head"]);
  });

  /** Materials of running text and writing spaces; card sheets and the balkort are laid out by hand. */
  const flowing = (r: BuildResult) => pdfs(r).filter((f) => !/kort\.pdf$|^help-card\.pdf$|balkort|-pakke\.pdf$/.test(f));

  it.each([
    ["A4 (the default pack)", () => yellow],
    ["US Letter", () => white],
  ])("leave no heading or label last on a page, no lone line of a paragraph, no lone item of a list, checklist or scale: %s", (_, result) => {
    const r = result();
    const problems: string[] = [];
    for (const file of flowing(r)) {
      const at = path.join(r.dir, file);
      for (const p of flowProblems(textLines(at), drawnShapes(at))) problems.push(`${file} p${p.page}: ${p.kind}: "${p.text}"`);
    }
    expect(flowing(r).length).toBeGreaterThan(15);
    expect(problems).toEqual([]);
  });
});

describe("wasted pages", () => {
  const line = (page: number, y0: number, text: string): TextLine => ({ page, text, size: 10.5, bold: false, x0: 51, x1: 540, y0, y1: y0 + 13 });
  const page = (n: number, lines: TextLine[]) => ({ page: n, width: 595, height: 842, lines });
  const full = page(1, Array.from({ length: 50 }, (_, i) => line(1, 70 + i * 14, `Linje ${i + 1}.`)));

  it("are found by a check of how far down a material's last page is filled, text and drawn lines alike (made-up pages)", () => {
    const spill = [full, page(2, [line(2, 70, "• to linjer, der"), line(2, 84, "  løb over.")])];
    expect(underfilledLastPage(spill)).toMatchObject({ page: 2, kind: "nearly empty page" });
    // A label at the top whose ruled lines reach halfway down is a page in use.
    const ruled = Array.from({ length: 12 }, (_, i) => ({ page: 2, x0: 51, x1: 540, y0: 110 + i * 25.5, y1: 110 + i * 25.5 }));
    expect(underfilledLastPage([full, page(2, [line(2, 70, "Hvad kan vi gøre?")])], ruled)).toBeUndefined();
    expect(underfilledLastPage([full, page(2, [line(2, 70, "Hvad kan vi gøre?")])], ruled.slice(0, 2))).toBeDefined();
    expect(underfilledLastPage([page(1, [line(1, 70, "Én side.")])])).toBeUndefined(); // a one-page material
  });

  it("are saved by the least change that takes the nearly empty last page away, and a well-filled one is left alone (made-up layouts)", async () => {
    const toolkit = await loadContent(path.join(ROOT, "content"));
    const v06 = resolve({ toolkit, profile: Profile.parse({ company: "Testfirma ApS" }), only: ["v06"] }).materials.find((m) => m.id === "v06")!;
    const A4 = { width: 595, height: 842 };
    const run = (page: number, y: number) => ({ page, text: "Tekst", x: 60, y, width: 100, height: 10 });
    /** A fake render: two pages whose second holds one line near its top, or one page once the lines are `saving` apart. */
    const fake = (saving: number | undefined, lastY: number) => {
      const tried: (Fitted & { lineGap?: number })[] = [];
      const render = async (m: Fitted) => {
        tried.push(m);
        const bytes = new Uint8Array([tried.length]);
        const one = saving !== undefined && m.lineGap === saving;
        return { bytes, layout: { pages: one ? [A4] : [A4, A4], runs: one ? [run(1, 700)] : [run(1, 700), run(2, lastY)] }, slots: [] };
      };
      return { tried, render };
    };
    const spill = fake(TIGHTER_GAPS.at(-1), 740);
    expect([...(await fitPages(v06, spill.render)).bytes]).toEqual([3]); // first render, 8.6 mm (still two pages), 8.2 mm
    expect(spill.tried.map((m) => m.lineGap)).toEqual([undefined, ...TIGHTER_GAPS]);
    const full = fake(TIGHTER_GAPS.at(-1), 120);
    expect([...(await fitPages(v06, full.render)).bytes]).toEqual([1]);
    expect(full.tried).toHaveLength(1);
    const hopeless = fake(undefined, 740);
    expect([...(await fitPages(v06, hopeless.render)).bytes]).toEqual([1]); // nothing saves the page: the first render stays
    expect(lastPageFill({ pages: [A4, A4], runs: [run(2, 740)] })).toBeLessThan(0.1);
  });

  it("are saved by tighter ruling only down to 8 mm a line, a pen's room (never fewer lines than the source asks for)", () => {
    expect(TIGHTER_GAPS.length).toBeGreaterThan(0);
    for (const gap of TIGHTER_GAPS) {
      expect(gap).toBeLessThan(LINE_GAP);
      expect(gap).toBeGreaterThanOrEqual(mm(8) - 1e-9);
    }
  });

  it.each([
    ["A4 (the default pack)", () => yellow],
    ["US Letter", () => white],
  ])("no material ends on a page filled less than a fifth (a few lines spilled over): %s", (_, result) => {
    const r = result();
    const files = pdfs(r).filter((f) => !/kort\.pdf$|^help-card\.pdf$|balkort|-pakke\.pdf$/.test(f));
    const problems: string[] = [];
    for (const file of files) {
      const at = path.join(r.dir, file);
      const p = underfilledLastPage(textLines(at), drawnShapes(at));
      if (p) problems.push(`${file} p${p.page}: ${p.text}`);
    }
    expect(files.length).toBeGreaterThan(15);
    expect(problems).toEqual([]);
  });
});
