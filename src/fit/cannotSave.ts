// Which tighter layouts cannot take a page away, known from the first layout alone, so that fitPages
// need not render them: a bound, never a guess, so the PDF kept is the one trying every variant gives.
//
// A run of pages of one orientation is one flow. To fit on a page fewer, its last page's content must
// go into room the earlier pages have: the space at their feet, what the variant's tighter ruling
// frees anywhere in the material, the space above each later page's first content (a table's repeated
// headings included), and what splitting a node at each page break gives back (BREAK_TRIM). Each of
// these is measured or bounded from above; the last page's content from below (pageFacts.ts).
import type { Material } from "../model.js";
import { BREAK_TRIM, columnHeadingLines, ruledHeight, writeLabels, type Fitted } from "../../templates/parts/fitting.js";
import type { Item, PageFacts } from "./pageFacts.js";

const bottomOf = (page: PageFacts) => Math.max(0, ...page.items.map((i) => i.bottom));

/** Consecutive pages of one orientation (a landscape table's pages next to each other count as one: more room, never less). */
function flows(pages: PageFacts[]): PageFacts[][] {
  const out: PageFacts[][] = [];
  for (const page of pages) {
    const last = out.at(-1);
    if (last && last[0]!.landscape === page.landscape) last.push(page);
    else out.push([page]);
  }
  return out;
}

/** The space above a page's first content that a tighter layout might fill: above its first item that is not a repeated column heading. */
function lead(page: PageFacts, headings: string[]): number {
  const isHeading = (item: Item) => item.text !== undefined && headings.some((h) => h.includes(item.text!.trim()));
  const tops = page.items.filter((i) => !isHeading(i)).map((i) => i.top);
  return Math.max(0, tops.length > 0 ? Math.min(...tops) : bottomOf(page));
}

/** The most room a flow's earlier pages can give its last page's content, with `freed` points freed. */
function room(flow: PageFacts[], headings: string[], freed: number): number {
  const feet = flow.slice(0, -1).reduce((sum, p) => sum + (p.body - bottomOf(p)), 0);
  const leads = flow.slice(1).reduce((sum, p) => sum + lead(p, headings), 0);
  return feet + leads + freed + Math.max(0, flow.length - 2) * BREAK_TRIM;
}

/** Length of the union of intervals: how much of a page's height they cover. */
function covered(spans: { top: number; bottom: number }[]): number {
  let total = 0;
  let reach = -Infinity;
  for (const { top, bottom } of [...spans].sort((a, b) => a.top - b.top)) {
    if (bottom <= reach) continue;
    total += bottom - Math.max(top, reach);
    reach = bottom;
  }
  return total;
}

/**
 * True when `variant` of `material` cannot have fewer pages than the first layout `pages`.
 * Ruling and cell variants: no flow can lose a page. The tail moved onto the landscape page: its
 * writing lines alone (their height does not change with the page's width) do not fit there.
 * The tail moved before the landscape table is not predicted (tried).
 */
export function cannotSave(material: Material, variant: Fitted, pages: PageFacts[]): boolean {
  const headings = columnHeadingLines(material);
  const freed = ruledHeight(material) - ruledHeight(variant);
  if (variant.tail === undefined) {
    return flows(pages).every((flow) => flow.length < 2 || bottomOf(flow.at(-1)!) > room(flow, headings, freed));
  }
  if (variant.tail === "landscape" && freed === 0) {
    const all = flows(pages);
    const [landscape, tail] = [all.at(-2), all.at(-1)];
    if (!landscape?.[0]!.landscape || tail?.length !== 1 || tail[0]!.landscape) return false;
    const labels = writeLabels(material);
    const lines = tail[0]!.items.filter((i) => i.mark?.type === "text" && i.mark.label !== undefined && labels.has(i.mark.label));
    // Room on the landscape pages as they are (they may not grow by a page), and above the tail's own first content.
    const feet = landscape.reduce((sum, p) => sum + (p.body - bottomOf(p)), 0);
    const leads = [...landscape.slice(1), tail[0]!].reduce((sum, p) => sum + lead(p, headings), 0);
    return covered(lines) > feet + leads + (landscape.length - 1) * BREAK_TRIM;
  }
  return false;
}
