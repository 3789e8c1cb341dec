// A material's own file numbers its pages ("Side 2 af 3") in its footer; the complete pack does not
// take that folio along, it numbers every page once, with its own numbers, in the same place. So the
// render every company shares leaves the folio out (templates/parts/PageFrame.tsx), and this draws it
// over the pages of the material's own file, as an overlay like the pack's numbers.
import { ParseSpeeds, PDFDocument } from "pdf-lib";
import type { Brand } from "../model.js";
import type { BrandParts, SlotPlacement } from "../brand/brandParts.js";
import type { BrandedMaterial } from "../brand/stampMaterial.js";
import { drawParts } from "../brand/stampParts.js";
import { partKey } from "../brand/partKey.js";
import { footerNamePart } from "../../templates/parts/PageFrame.js";
import type { NumberedPage } from "../../templates/pack/PageNumbers.js";
import { sha256 } from "./manifest.js";
import { renderPageNumbers } from "./packFront.js";
import { savePdf } from "./savePdf.js";

const folio = (page: number, pages: number) => `Side ${page} af ${pages}`;

/** The pages (1-based) that have a page footer: those with the footer's name slot. */
export function footedPages(slots: SlotPlacement[], paper: Brand["paper"]): number[] {
  const footers = new Set([partKey(footerNamePart(paper, "portrait")), partKey(footerNamePart(paper, "landscape"))]);
  return [...new Set(slots.filter((s) => footers.has(s.part)).map((s) => s.page))].sort((a, b) => a - b);
}

/**
 * Each material's own file with its folio on every footed page; materials without a footer as they
 * were. One overlay for all of them (the same bytes for the same pages, kept in the process).
 */
/** Some pages of a material in a PDF of their own (the web page's preview): which pages (1-based) of how many. */
export interface KeptPages {
  pages: number[];
  total: number;
}

export async function withFolios(materials: BrandedMaterial[], slots: SlotPlacement[][], paper: Brand["paper"], kept: (KeptPages | undefined)[] = []): Promise<BrandedMaterial[]> {
  const loaded = await Promise.all(
    materials.map(async (m, i) => {
      const footed = footedPages(slots[i] ?? [], paper);
      return footed.length === 0 ? undefined : { footed, pdf: await PDFDocument.load(m.bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest }) };
    }),
  );
  const pages: NumberedPage[] = [];
  const index = new Map<string, number>();
  const placements = loaded.map((l, i) =>
    (l?.footed ?? []).map((page) => {
      const { width, height } = l!.pdf.getPage(page - 1).getSize();
      const k = kept[i];
      const p: NumberedPage = { text: k ? folio(k.pages[page - 1]!, k.total) : folio(page, materials[i]!.pages), width, height };
      const key = JSON.stringify([p.text, width, height]);
      if (!index.has(key)) index.set(key, pages.push(p) - 1);
      return { page, part: key, x: 0, y: 0, width, height };
    }),
  );
  if (pages.length === 0) return materials;
  const overlay: BrandParts = { pdf: await renderPageNumbers(pages), pages: Object.fromEntries(index) };
  return Promise.all(
    materials.map(async (m, i) => {
      const l = loaded[i];
      if (!l) return m;
      await drawParts(l.pdf, placements[i]!, overlay);
      const bytes = await savePdf(l.pdf);
      const [file, ...rest] = m.files;
      return { ...m, files: [{ ...file!, bytes }, ...rest], entry: { ...m.entry, sha256: sha256(bytes) } };
    }),
  );
}
