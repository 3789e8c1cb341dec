// Fitting a nearly empty last page away (src/fit): the variants predicted hopeless from the first
// layout are never rendered, and the PDF kept is byte for byte the one trying every variant gives.
// Real renders of the example pack's materials, on A4 and on US Letter.
import { beforeAll, describe, expect, it } from "vitest";
import { fitPages, variants, worthFitting } from "../src/fit/fitPages.js";
import { cannotSave } from "../src/fit/cannotSave.js";
import { pageFacts, readMarks } from "../src/fit/pageFacts.js";
import { loadContent } from "../src/load/loadContent.js";
import { loadProfile } from "../src/load/loadProfile.js";
import type { Material } from "../src/model.js";
import { checkLayout } from "../src/render/checkLayout.js";
import { renderMaterial, type Rendered } from "../src/render/renderMaterial.js";
import type { MarkBox } from "../src/render/layoutText.js";
import { resolve } from "../src/resolve/resolve.js";
import { EXAMPLE_PROFILE, ROOT } from "./support/build.js";
import path from "node:path";

interface Case {
  paper: string;
  material: Material;
  /** Pages of the first layout, and of each variant in the order fitPages tries them. */
  pages: number;
  first: Rendered;
  tried: { variant: Material; pages: number; skipped: boolean; rendered: Rendered }[];
}

const cases: Case[] = [];
/** Every first render's field marks, from react-pdf's layout and read back from its PDF. */
const marks: { id: string; fromLayout?: MarkBox[]; fromPdf: MarkBox[] }[] = [];

beforeAll(async () => {
  const toolkit = await loadContent(path.join(ROOT, "content"));
  const example = await loadProfile(EXAMPLE_PROFILE);
  const date = new Date(`${toolkit.info.date}T00:00:00Z`);
  for (const paper of ["A4", "LETTER"] as const) {
    const pack = resolve({ toolkit, profile: { ...example.profile, paper }, logo: example.logo });
    for (const material of pack.materials.filter((m) => m.kind === "worksheet" || m.kind === "document")) {
      const first = await renderMaterial(material, pack, date);
      const layout = await checkLayout(material.id, first);
      marks.push({ id: `${paper} ${material.id}`, fromLayout: first.marks, fromPdf: (await readMarks(first.bytes)).flatMap((onPage, i) => onPage.map((m) => ({ page: i + 1, ...m }))) });
      if (!worthFitting(material, layout)) continue;
      const facts = await pageFacts({ ...first, layout });
      const tried: Case["tried"] = [];
      // Every variant rendered, the skipped ones too: the prediction is checked against what they give.
      for (const variant of variants(material, layout)) {
        const rendered = await renderMaterial(variant, pack, date);
        tried.push({ variant, pages: (await checkLayout(material.id, rendered)).pages.length, skipped: cannotSave(material, variant, facts), rendered });
      }
      cases.push({ paper, material, pages: layout.pages.length, first, tried });
    }
  }
}, 300_000);

describe("fitting a nearly empty last page away", () => {
  it("finds the form fields' marks in react-pdf's layout exactly where the PDF has them, so the PDF need not be read (every worksheet and document, A4 and Letter)", () => {
    expect(marks.filter((m) => m.fromPdf.length > 0).length).toBeGreaterThanOrEqual(10);
    expect(marks.filter((m) => JSON.stringify(m.fromLayout) !== JSON.stringify(m.fromPdf)).map((m) => m.id)).toEqual([]);
  });

  it("never skips a variant that would have saved a page (every sparse material of the example, A4 and Letter)", () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
    const wrong = cases.flatMap((c) => c.tried.filter((t) => t.skipped && t.pages < c.pages).map((t) => `${c.paper} ${c.material.id}: ${JSON.stringify({ lineGap: (t.variant as { lineGap?: number }).lineGap, tail: (t.variant as { tail?: string }).tail })}`));
    expect(wrong).toEqual([]);
  });

  it("skips the variants that cannot help: Værktøj 9 on A4 is rendered once, the tail of Værktøj 7 is not tried on its landscape page", () => {
    const v09 = cases.find((c) => c.paper === "A4" && c.material.id === "v09")!;
    expect(v09.tried.length).toBeGreaterThanOrEqual(3);
    expect(v09.tried.every((t) => t.skipped && t.pages === v09.pages)).toBe(true);
    for (const paper of ["A4", "LETTER"]) {
      const v07 = cases.find((c) => c.paper === paper && c.material.id === "v07")!;
      expect(v07.tried[0]).toMatchObject({ skipped: true, variant: { tail: "landscape" } });
      expect(v07.tried[0]!.pages).toBe(v07.pages);
    }
  });

  it("keeps the same PDF as trying every variant, with fewer renders (counted)", async () => {
    let saved = 0;
    for (const c of cases) {
      // What trying every variant in order keeps: the first that takes a page away, else the first layout.
      const everyVariant = c.tried.find((t) => t.pages < c.pages);
      // The renders made above, handed out again (with the layouts react-pdf gave them): the same bytes a new render makes.
      const made = new Map([[JSON.stringify(c.material), c.first], ...c.tried.map((t) => [JSON.stringify(t.variant), t.rendered] as const)]);
      let renders = 0;
      const kept = await fitPages(c.material, async (m) => {
        renders++;
        const rendered = made.get(JSON.stringify(m));
        if (!rendered) throw new Error(`${c.paper} ${c.material.id}: a variant not among variants(): ${JSON.stringify({ lineGap: (m as { lineGap?: number }).lineGap, tail: (m as { tail?: string }).tail })}`);
        return rendered;
      });
      const expected = everyVariant?.rendered ?? c.first;
      expect(Buffer.from(kept.bytes).equals(Buffer.from(expected.bytes)), `${c.paper} ${c.material.id}`).toBe(true);
      const upTo = everyVariant ? c.tried.indexOf(everyVariant) + 1 : c.tried.length;
      expect(renders, `${c.paper} ${c.material.id}`).toBe(1 + c.tried.slice(0, upTo).filter((t) => !t.skipped).length);
      saved += upTo - (renders - 1);
    }
    expect(saved).toBeGreaterThanOrEqual(5); // A4: v09's three and v07's landscape tail; Letter: v07's landscape tail
  });
});
