// The pocket card "Hvor får jeg hjælp?": the company's contacts, write-in lines and warnings, resources from the manager's guide.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { resourcesOf } from "../src/cards/helpCard.js";
import { WRITE_IN } from "../src/resolve/placeholders.js";
import { loadContent } from "../src/load/loadContent.js";
import type { BuildResult } from "../src/pipeline.js";
import { listMaterials } from "../src/resolve/resolve.js";
import type { Toolkit } from "../src/schema/toolkit.js";
import { buildPack, pdfText, readPdf, ROOT, tempDir } from "./support/build.js";
import { openPdf } from "../src/render/checkLayout.js";
import { contrastRatio, drawnText, hex } from "./support/drawnText.js";
import { paintedPaths } from "./support/pdfDrawing.js";

const MM = 72 / 25.4;

let toolkit: Toolkit;
let example: BuildResult;
let sparse: BuildResult;
/** A long company name (two footer lines), US Letter, a light brand colour. */
let long: BuildResult;
const LONG_NAME = "Vestjyllands Andelsbaserede Maskin- og Værktøjsfabrik for Landbrug og Industri A/S";

/** A profile with a counselling provider but no opening hours, and no AMR or TR. */
function sparseProfile(): string {
  const file = path.join(tempDir("wk-help-"), "bageriet.yaml");
  writeFileSync(
    file,
    [
      "company: Bageriet Østergård ApS",
      "contacts:",
      "  counselling: { name: Rådgivningen, phone: 70 20 30 40 }",
      "  hr: { name: Anne Hansen, phone: 12 34 56 78, email: ah@bageriet.dk }",
    ].join("\n"),
  );
  return file;
}

const pages = (result: BuildResult) => pdfText(path.join(result.dir, "help-card.pdf")).split("\f").map((p) => p.replace(/\s+/g, " "));

beforeAll(async () => {
  toolkit = await loadContent(path.join(ROOT, "content"));
  const longProfile = path.join(tempDir("wk-help-"), "long-name.yaml");
  writeFileSync(longProfile, [`company: ${LONG_NAME}`, "paper: LETTER", 'colour: "#FFE066"', "contacts:", "  counselling: { name: Rådgivningen, phone: 70 20 30 40, hours: hverdage kl. 8–16 }"].join("\n"));
  [example, sparse, long] = await Promise.all([
    buildPack({ only: ["help-card"] }),
    buildPack({ profile: sparseProfile(), only: ["help-card"] }),
    buildPack({ profile: longProfile, only: ["help-card"] }),
  ]);
});

describe("the help card", () => {
  it("comes after the manager's guide it takes its resources from", () => {
    const ids = listMaterials(toolkit).map((m) => m.id);
    expect(ids[ids.indexOf("manager-guide") + 1]).toBe("help-card");
  });

  it("prints the company's counselling provider, phone and hours, HR, AMR and TR on every front", () => {
    const front = pages(example)[2]!;
    for (const s of ["Hvor får jeg hjælp?", "Falck Healthcare", "tlf. 70 10 20 30, hverdage kl. 8–20", "Personaleafdelingen, Mette Holm", "86 12 34 50", "hr@nordlys-maskinfabrik.dk", "Jonas Kragh", "86 12 34 61", "Ayse Demir", "86 12 34 62"]) {
      expect(front).toContain(s);
    }
    // A sheet of eight copies, one for each person.
    expect(front.split("Falck Healthcare").length - 1).toBe(8);
  });

  it("prints the organisations of the manager's guide, with their addresses, on the back", () => {
    const back = pages(example)[3]!;
    const resources = resourcesOf(toolkit.documents, toolkit.cards.helpCard);
    expect(resources.map((r) => r.address)).toEqual(["www.cabiweb.dk", "mentalsundhed.dk", "www.nfa.dk", "www.codeofcare.dk", "www.sst.dk/da/en-af-os"]);
    for (const r of resources) {
      expect(back).toContain(r.name);
      expect(back).toContain(r.address);
    }
  });

  it("prints a write-in line for each contact the profile lacks, and lists it in the warnings", () => {
    const front = pages(sparse)[2]!;
    expect(front).toContain("Rådgivningen");
    expect(front).toContain(`tlf. 70 20 30 40, ${WRITE_IN}`);
    expect(front).toContain("Anne Hansen");
    for (const field of ["contacts.counselling.hours", "contacts.amr", "contacts.tr"]) {
      const warning = sparse.warnings.find((w) => w.message.startsWith(`${field} is not in the profile`));
      expect(warning?.message, field).toContain("help-card");
    }
    expect(sparse.warnings.some((w) => w.message.startsWith("contacts.hr "))).toBe(false);
  });

  it("is cut like the cards: crop marks outside the cards, TrimBox the cut area, no bleed", async () => {
    const bytes = readPdf(example, "help-card");
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(4);
    const marks = (await paintedPaths(bytes)).filter((p) => p.page === 3 && p.paint === "stroke" && Math.abs(Math.max(p.x1 - p.x0, p.y1 - p.y0) - 5 * MM) < 0.05);
    expect(marks).toHaveLength(16);
    const page = pdf.getPage(2);
    const trim = page.getTrimBox();
    expect(trim.width).toBeCloseTo(180 * MM, 2);
    expect(trim.height).toBeCloseTo(240 * MM, 2);
    expect(page.getBleedBox()).toEqual(trim);
    for (const m of marks) expect(m.x1 <= trim.x || m.x0 >= trim.x + trim.width || m.y1 <= trim.y || m.y0 >= trim.y + trim.height).toBe(true);
  });

  it("names the content field when the resources' section does not exist", () => {
    const text = { ...toolkit.cards.helpCard, resources: { ...toolkit.cards.helpCard.resources, section: "hjaelpen" } };
    expect(() => resourcesOf(toolkit.documents, text)).toThrow(/content\/cards\/help-card\.yaml › resources\.section: no section "hjaelpen" in content\/documents\/manager-guide\.yaml/);
  });

  it("prints 112 for acute danger on every front, and each contact once", () => {
    const front = pages(example)[2]!;
    expect(front.match(/Ring 112 ved akut fare/g)).toHaveLength(8);
    // The label names the role; the profile's "(arbejdsmiljørepræsentant)" after the name is not printed again.
    expect(front.match(/arbejdsmiljørepræsentant/gi)).toHaveLength(8);
    expect(front.match(/tillidsrepræsentant/gi)).toHaveLength(8);
    expect(front.match(/Falck Healthcare/g)).toHaveLength(8);
    expect(front).toContain("Arbejdsmiljørepræsentant (AMR): Jonas Kragh, tlf. 86 12 34 61");
  });

  /** Every text run of the card pages (pdf.js): its size from the text matrix, its box in PDF points. */
  async function cardRuns(result: BuildResult) {
    const pdf = await openPdf(readPdf(result, "help-card"));
    const runs: { page: number; text: string; size: number; x0: number; y0: number; x1: number; y1: number }[] = [];
    try {
      for (const n of [3, 4]) {
        for (const item of (await (await pdf.getPage(n)).getTextContent()).items) {
          if (!("str" in item) || !item.str.trim()) continue;
          const [a, b, , , x, y] = item.transform as number[];
          const size = Math.hypot(a!, b!);
          runs.push({ page: n, text: item.str, size, x0: x!, y0: y! - 0.25 * size, x1: x! + item.width, y1: y! + 0.8 * size });
        }
      }
    } finally {
      await pdf.destroy();
    }
    return runs;
  }

  it("sets the card's text at 8.5 pt or more, its footer at 7 pt or more, all of it inside the card's safe area", async () => {
    for (const result of [example, sparse, long]) {
      const bytes = readPdf(result, "help-card");
      const doc = await PDFDocument.load(bytes);
      const runs = await cardRuns(result);
      expect(runs.length).toBeGreaterThan(50);
      // The footers: the company name (two lines when long) and the toolkit's title.
      const footers = ["Nordlys Maskinfabrik A/S", "Bageriet Østergård ApS", LONG_NAME, "Fællesskaber Skaber Mental Sundhed"];
      for (const r of runs) {
        const min = r.size < 8.5 && footers.some((f) => f.includes(r.text.trim())) ? 7 : 8.5;
        expect(r.size, `"${r.text}"`).toBeGreaterThanOrEqual(min - 0.01);
        // The card (90 × 60 mm) it lies on: the trim box is a grid of them; 5 mm of it is kept clear of the cut.
        const trim = doc.getPage(r.page - 1).getTrimBox();
        const [w, h] = [90 * MM, 60 * MM];
        const col = Math.floor((r.x0 - trim.x) / w);
        const row = Math.floor((r.y0 - trim.y) / h);
        const card = { x0: trim.x + col * w + 5 * MM, y0: trim.y + row * h + 5 * MM, x1: trim.x + (col + 1) * w - 5 * MM, y1: trim.y + (row + 1) * h - 5 * MM };
        expect(r.x0 >= card.x0 - 0.5 && r.x1 <= card.x1 + 0.5 && r.y0 >= card.y0 - 0.5 && r.y1 <= card.y1 + 0.5, `"${r.text}" inside its card`).toBe(true);
      }
    }
  });

  it("sets a long company name in the footer on two lines, whole", () => {
    const front = pages(long)[2]!;
    expect(front.split("Vestjyllands Andelsbaserede").length - 1).toBe(8);
    expect(front.split("Landbrug og Industri A/S").length - 1).toBe(8);
  });

  it("prints every text of the card dark enough to read (4.5:1 on white), labels included", () => {
    for (const result of [example, sparse, long]) {
      const drawn = drawnText(path.join(result.dir, "help-card.pdf")).filter((t) => t.page === 3 || t.page === 4);
      expect(drawn.some((t) => t.text.startsWith("Anonym psykologisk rådgivning") && t.bold)).toBe(true);
      for (const t of drawn) expect(contrastRatio(t.colour, t.background), `"${t.text}" ${hex(t.colour)}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("writes an open contact's line after its label when lines across the card leave too little room", async () => {
    // The sparse profile's open contacts take lines across the card (label above, line below).
    const across = pdfText(path.join(sparse.dir, "help-card.pdf")).split("\f")[2]!;
    expect(across).toMatch(/^Arbejdsmiljørepræsentant \(AMR\):\n_{30,}$/m);
    // A long name's two footer lines, the example's long counselling entry and two open contacts do not
    // fit that way (the build failed on this profile): the lines go after their labels instead.
    const file = path.join(tempDir("wk-help-"), "long-open.yaml");
    const contacts = ["  counselling: { name: Falck Healthcare, phone: 70 10 20 30, hours: hverdage kl. 8–20 }", "  hr: { name: \"Personaleafdelingen, Mette Holm\", phone: 86 12 34 50, email: hr@nordlys-maskinfabrik.dk }"];
    writeFileSync(file, [`company: ${LONG_NAME}`, "paper: LETTER", "contacts:", ...contacts].join("\n"));
    const result = await buildPack({ profile: file, only: ["help-card"] });
    const front = pdfText(path.join(result.dir, "help-card.pdf")).split("\f")[2]!;
    expect(front).toMatch(/^Arbejdsmiljørepræsentant \(AMR\): _{12,}$/m);
    expect(front).toMatch(/^Tillidsrepræsentant \(TR\): _{12,}$/m);
    expect(front).toContain("Anonym psykologisk rådgivning: Falck Healthcare");
    expect(front.split("Vestjyllands Andelsbaserede").length - 1).toBe(8);
  });

  it("stops the build, naming the entry, when the contacts do not fit the card", async () => {
    const file = path.join(tempDir("wk-help-"), "long.yaml");
    const name = JSON.stringify("Personale- og HR-afdelingen i hovedkontoret, att. personalechef og souschef for medarbejderforhold");
    writeFileSync(file, ["company: Bageriet Østergård ApS", "contacts:", `  hr: { name: ${name}, phone: 12 34 56 78, email: personaleafdelingen.hovedkontoret@bageriet-oestergaard.dk }`, `  amr: { name: ${name}, phone: 12 34 56 79 }`, `  tr: { name: ${name}, phone: 12 34 56 80 }`].join("\n"));
    const error = await buildPack({ profile: file, only: ["help-card"] }).then(() => undefined, (e: Error) => e);
    expect(error?.message).toMatch(/^The help card \(front\) does not fit a 90 × 60 mm card: .*"HR: Personale- og HR-afdelingen i hovedkontoret/);
    // Each entry short enough for its lines, all of them together too long: the longest is named.
    writeFileSync(file, ["company: Bageriet Østergård ApS", "contacts:", "  counselling: { name: Rådgivningen for ansatte i fødevarebranchen, phone: 70 20 30 40, hours: hverdage kl. 8–16 og weekender kl. 10–14 }", `  hr: { name: ${name}, phone: 12 34 56 78 }`, `  amr: { name: ${name}, phone: 12 34 56 79 }`, `  tr: { name: ${name}, phone: 12 34 56 80 }`].join("\n"));
    const total = await buildPack({ profile: file, only: ["help-card"] }).then(() => undefined, (e: Error) => e);
    expect(total?.message).toMatch(/^The help card \(front\) does not fit a 90 × 60 mm card: its text is too long even at 8\.5 pt; the longest entry is "(Anonym psykologisk rådgivning: Rådgivningen for ansatte|Arbejdsmiljørepræsentant \(AMR\): Personale- og HR-afdelingen)/);
  });
});
