// A material's own file numbers its pages ("Side 2 af 3") in its footer; the complete pack does not
// take that folio along, it numbers every page once, with its own numbers, in the same place. So the
// render every company shares leaves the folio out (templates/parts/PageFrame.tsx), and this draws it
// over the pages of the material's own file (its live document, before it is saved), as an overlay
// like the pack's numbers.
import type { Brand } from "../model.js";
import type { BrandParts, SlotPlacement } from "../brand/brandParts.js";
import type { StampedMaterial } from "../brand/stampMaterial.js";
import { drawParts } from "../brand/stampParts.js";
import { partKey } from "../brand/partKey.js";
import { footerNamePart } from "../../templates/parts/PageFrame.js";
import type { NumberedPage } from "../../templates/pack/PageNumbers.js";
import { renderPageNumbers } from "./packFront.js";

const folio = (page: number, pages: number) => `Side ${page} af ${pages}`;
/**
 * The overlay's first page draws every glyph a folio can hold, in a fixed order, so that the font
 * subset (and so a material's bytes) is the same whichever other materials are numbered with it.
 */
const PRIMER: NumberedPage = { text: "Side af 0123456789", width: 200, height: 50 };

/** The pages (1-based) that have a page footer: those with the footer's name slot. */
export function footedPages(slots: SlotPlacement[], paper: Brand["paper"]): number[] {
  const footers = new Set([partKey(footerNamePart(paper, "portrait")), partKey(footerNamePart(paper, "landscape"))]);
  return [...new Set(slots.filter((s) => footers.has(s.part)).map((s) => s.page))].sort((a, b) => a - b);
}

/** Some pages of a material in a PDF of their own (the web page's preview): which pages (1-based) of how many. */
export interface KeptPages {
  pages: number[];
  total: number;
}

/**
 * Draws its folio on every footed page of each material's document, in place; materials without a
 * footer are left as they are. One overlay for all of them (the same bytes for the same pages, kept
 * in the process).
 */
export async function drawFolios(materials: StampedMaterial[], slots: SlotPlacement[][], paper: Brand["paper"], kept: (KeptPages | undefined)[] = []): Promise<void> {
  const footed = materials.map((_, i) => footedPages(slots[i] ?? [], paper));
  const pages: NumberedPage[] = [PRIMER];
  const index = new Map<string, number>();
  const placements = materials.map((m, i) =>
    footed[i]!.map((page) => {
      const { width, height } = m.pdf.getPage(page - 1).getSize();
      const k = kept[i];
      const p: NumberedPage = { text: k ? folio(k.pages[page - 1]!, k.total) : folio(page, m.pages), width, height };
      const key = JSON.stringify([p.text, width, height]);
      if (!index.has(key)) index.set(key, pages.push(p) - 1);
      return { page, part: key, x: 0, y: 0, width, height };
    }),
  );
  if (index.size === 0) return;
  const overlay: BrandParts = { pdf: await renderPageNumbers(pages), pages: Object.fromEntries(index) };
  for (const [i, m] of materials.entries()) await drawParts(m.pdf, placements[i]!, overlay);
}
