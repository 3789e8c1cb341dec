// Værktøj 11's balkort: a landscape sheet on the profile's paper and an A3 poster, big writing areas
// with a text field over each.
import path from "node:path";
import { PDFDocument, PDFTextField } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import type { BuildResult } from "../src/pipeline.js";
import { mm } from "../templates/theme.js";
import { buildPack, pdfText, readPdf } from "./support/build.js";

const AREAS = ["partner", "why", "idea-1", "idea-2", "idea-3", "idea-4"];
const A4_LANDSCAPE = { width: 841.89, height: 595.28 };
const A3_LANDSCAPE = { width: 1190.55, height: 841.89 };

let result: BuildResult;
const load = (id: string) => PDFDocument.load(readPdf(result, id), { updateMetadata: false });

beforeAll(async () => {
  result = await buildPack({ only: ["v11-balkort", "v11-balkort-a3"] });
});

describe.each([
  { id: "v11-balkort", size: A4_LANDSCAPE, minArea: { width: mm(60), height: mm(35) } },
  { id: "v11-balkort-a3", size: A3_LANDSCAPE, minArea: { width: mm(85), height: mm(50) } },
])("$id", ({ id, size, minArea }) => {
  it("is one landscape page of its size", async () => {
    const pdf = await load(id);
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getPage(0).getWidth()).toBeCloseTo(size.width, 0);
    expect(pdf.getPage(0).getHeight()).toBeCloseTo(size.height, 0);
  });

  it("has a multiline text field over each big writing area, inside the page", async () => {
    const pdf = await load(id);
    const fields = pdf.getForm().getFields().filter((f): f is PDFTextField => f instanceof PDFTextField);
    expect(fields.map((f) => f.getName()).sort()).toEqual(AREAS.map((a) => `${id}.${a}`).sort());
    for (const field of fields) {
      expect(field.isMultiline()).toBe(true);
      const [widget] = field.acroField.getWidgets();
      const r = widget!.getRectangle();
      expect(r.width, field.getName()).toBeGreaterThan(minArea.width);
      expect(r.height, field.getName()).toBeGreaterThan(minArea.height);
      expect(r.x).toBeGreaterThan(0);
      expect(r.y).toBeGreaterThan(0);
      expect(r.x + r.width).toBeLessThan(size.width);
      expect(r.y + r.height).toBeLessThan(size.height);
    }
  });

  it("prints the step's title and every label", () => {
    const text = pdfText(path.join(result.dir, `${id}.pdf`)).replace(/\s+/g, " ");
    expect(text).toContain("BALKORTET – ER DER SAMARBEJDSPARTNERE, VI SKAL BYDE OP TIL DANS?");
    expect(text).toContain("Afdeling eller samarbejdspartner, vi vil byde op til dans for at forbedre kommunikationen");
    expect(text).toContain("Hvorfor kunne det være godt?");
    for (const n of ["1.", "2.", "3.", "4."]) expect(text).toContain(n);
  });
});

it("scales the poster's writing areas with the paper (A3 is √2 × A4)", async () => {
  const area = async (id: string) => (await load(id)).getForm().getTextField(`${id}.idea-1`).acroField.getWidgets()[0]!.getRectangle();
  const [a4, a3] = [await area("v11-balkort"), await area("v11-balkort-a3")];
  expect(a3.width / a4.width).toBeCloseTo(Math.SQRT2, 1);
  expect(a3.height / a4.height).toBeCloseTo(Math.SQRT2, 1);
});
