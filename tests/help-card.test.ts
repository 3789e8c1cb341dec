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
import { paintedPaths } from "./support/pdfDrawing.js";

const MM = 72 / 25.4;

let toolkit: Toolkit;
let example: BuildResult;
let sparse: BuildResult;

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
  [example, sparse] = await Promise.all([buildPack({ only: ["help-card"] }), buildPack({ profile: sparseProfile(), only: ["help-card"] })]);
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
});
