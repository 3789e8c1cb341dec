// Værktøj 1's scoring sheet: radio groups over the printed boxes, totals, band legend, profile row.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { PDFDocument, PDFRadioGroup, PDFTextField } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { openPdf, textRuns, type TextRun } from "../src/render/checkLayout.js";
import type { BuildResult } from "../src/pipeline.js";
import { QR } from "../src/results/pageCode.js";
import { buildPack, pdfText, readPdf, tempDir } from "./support/build.js";

const LEVELS = ["passiv", "reaktiv", "aktiv", "forebyggende", "skabende"];

let result: BuildResult;
let pdf: PDFDocument;
let runs: TextRun[];

beforeAll(async () => {
  result = await buildPack({ only: ["v01-scoring"] });
  pdf = await PDFDocument.load(readPdf(result, "v01-scoring"), { updateMetadata: false });
  const doc = await openPdf(readPdf(result, "v01-scoring"));
  runs = (await textRuns(doc)).runs;
  await doc.destroy();
});

const pageOf = (ref: unknown) => pdf.getPages().findIndex((p) => p.ref === ref) + 1;

describe("the scoring sheet", () => {
  it("is one or two pages", () => {
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(pdf.getPageCount()).toBeLessThanOrEqual(2);
  });

  it("has 20 radio groups, v01.<level>.1–4, with the options 1–5", () => {
    const radios = pdf.getForm().getFields().filter((f): f is PDFRadioGroup => f instanceof PDFRadioGroup);
    expect(radios.map((r) => r.getName()).sort()).toEqual(LEVELS.flatMap((l) => [1, 2, 3, 4].map((n) => `v01.${l}.${n}`)).sort());
    for (const radio of radios) {
      expect(radio.getOptions()).toEqual(["1", "2", "3", "4", "5"]);
      expect(radio.acroField.getWidgets()).toHaveLength(5);
      expect(radio.getSelected()).toBeUndefined();
    }
  });

  it("puts each radio button on the printed box of its score, in a row from 1 to 5", () => {
    for (const radio of pdf.getForm().getFields().filter((f): f is PDFRadioGroup => f instanceof PDFRadioGroup)) {
      const widgets = radio.acroField.getWidgets();
      const rects = widgets.map((w) => w.getRectangle());
      rects.forEach((rect, i) => {
        const page = pageOf(widgets[i]!.P());
        // The box's digit, printed small and grey in its middle.
        const digit = runs.find((r) => r.page === page && r.text === String(i + 1) && r.height < 8 && r.x >= rect.x && r.x + r.width <= rect.x + rect.width && r.y >= rect.y && r.y <= rect.y + rect.height);
        expect(digit, `${radio.getName()} option ${i + 1}`).toBeDefined();
        expect(rect.width).toBeGreaterThanOrEqual(12); // big enough to tick by hand
        if (i > 0) {
          expect(rect.x).toBeGreaterThan(rects[i - 1]!.x);
          expect(rect.y).toBeCloseTo(rects[i - 1]!.y, 1);
        }
      });
    }
  });

  it("has a total box per level (printed again, for the pen, in the profile row) and a band line per level", () => {
    const texts = pdf.getForm().getFields().filter((f): f is PDFTextField => f instanceof PDFTextField);
    const totals = texts.filter((t) => t.getName().endsWith(".total"));
    expect(totals.map((t) => t.getName()).sort()).toEqual(LEVELS.map((l) => `v01.${l}.total`).sort());
    // One widget each: poppler 22 saves a field of several widgets where other readers do not look.
    for (const t of totals) expect(t.acroField.getWidgets()).toHaveLength(1);
    expect(texts.filter((t) => t.getName().endsWith(".band"))).toHaveLength(5);
  });

  it("prints the band legend, level descriptions and the caution for PASSIV and REAKTIV, and no overall verdict", () => {
    const text = pdfText(path.join(result.dir, "v01-scoring.pdf")).replace(/\s+/g, " ").replace(/ﬁ/g, "fi");
    for (const band of ["4–10 Lavt niveau", "11–15 Mellemniveau", "16–20 Højt niveau"]) expect(text).toContain(band);
    expect(text).toContain("Der er ingen samlet score.");
    for (const name of ["PASSIV", "REAKTIV", "AKTIV", "FOREBYGGENDE", "SKABENDE"]) expect(text).toContain(name);
    expect(text).toContain("Virksomheden gør ikke noget");
    expect(text).toContain("Mental sundhed er hele tiden integreret i virksomhedens tankegang");
    expect(text.match(/Her er en høj score ikke et godt tegn\./g)).toHaveLength(2);
    expect(text).toContain("Jeres profil");
  });

  it("keeps a chosen score when saved", async () => {
    const copy = await PDFDocument.load(readPdf(result, "v01-scoring"));
    copy.getForm().getRadioGroup("v01.reaktiv.3").select("4");
    copy.getForm().getTextField("v01.reaktiv.total").setText("12");
    const again = await PDFDocument.load(await copy.save());
    expect(again.getForm().getRadioGroup("v01.reaktiv.3").getSelected()).toBe("4");
    expect(again.getForm().getTextField("v01.reaktiv.total").getText()).toBe("12");
  });
});

describe("the scoring sheet for a long company name on US Letter", () => {
  const company = "Sønderjyllands Rådgivende Ingeniør- og Arkitektvirksomhed for Bæredygtigt Byggeri ApS";
  let letter: { pages: number; runs: TextRun[] };

  beforeAll(async () => {
    const dir = tempDir();
    const profile = path.join(dir, "long.yaml");
    writeFileSync(profile, `company: "${company}"\ncolour: "#FFE066"\npaper: Letter\n`);
    const built = await buildPack({ profile, out: dir, only: ["v01-scoring"] });
    const doc = await openPdf(readPdf(built, "v01-scoring"));
    letter = { pages: doc.numPages, runs: (await textRuns(doc)).runs };
    await doc.destroy();
  });

  it("keeps the five levels, the bands and the profile on two pages", () => {
    expect(letter.pages).toBe(2);
  });

  it("keeps the company name in the header clear of the page code", () => {
    const header = letter.runs.filter((r) => company.includes(r.text.trim()) && r.y > 700);
    expect(header.length).toBeGreaterThan(0);
    for (const run of header) expect(run.x + run.width, run.text).toBeLessThan(QR.left);
  });
});
