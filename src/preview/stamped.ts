// A preview material made as a build makes it for a company, by the pipeline's own steps: rendered and
// finished once for every company (renderForEveryCompany: the placeholder brand, placeholder colours
// and empty slots where the logo or name goes), then stamped with the company's brand (brandMaterials).
// The company-independent material is remembered here, so a change of the company's name, colour,
// logo or contacts (the help card's front is a part) costs the company's parts, the stamps and the
// drawing, not a render of the materials.
import { createHash } from "node:crypto";
import { ParseSpeeds, PDFDocument } from "pdf-lib";
import type { Material, ResolvedPack } from "../model.js";
import type { BrandParts, SlotPlacement } from "../brand/brandParts.js";
import { placeholderPack } from "../brand/placeholder.js";
import { renderBrandParts } from "../brand/parts.js";
import type { KeptPages } from "../finish/packFolios.js";
import { brandMaterials, renderForEveryCompany } from "../pipeline.js";
import { keyOf, Memo } from "../memo.js";
import type { TextLayout } from "../render/checkLayout.js";

/** A material rendered and finished for every company: its PDF (or some of its pages) and the slots its brand goes into. */
export interface Placeholder {
  pdf: Uint8Array;
  pages: number;
  slots: SlotPlacement[];
  /** The whole material's text as laid out: the stamp looks in it for the placeholder's name, as a build's does. */
  layout: TextLayout;
  /** Where only some pages are kept: which, of how many (for their folios, "Side 1 af 4"). */
  kept?: KeptPages;
}

const placeholders = new Memo<Promise<Placeholder>>(16);
const companyParts = new Memo<Promise<BrandParts>>(4);

/** What was made since the process started, for the tests: renders for every company by material id, and parts renders. */
export const made = { materials: new Map<string, number>(), parts: 0 };

/**
 * The material as every company shares it (src/pipeline.ts: renderForEveryCompany), and of it only
 * `pages` (1-based; all when left out): a worksheet's first page is stamped in a third of the time
 * its four pages take. Remembered by what the templates are given: the material, the paper, the films
 * and the date, none of them the company's name, colour, logo or contacts.
 */
export function placeholderOf(material: Material, pack: ResolvedPack, date: Date, pages?: number[]): Promise<Placeholder> {
  const neutral = placeholderPack(pack);
  const key = keyOf({ material, brand: neutral.brand, films: neutral.films, date: date.toISOString(), pages });
  return placeholders.remember(key, async () => {
    made.materials.set(material.id, (made.materials.get(material.id) ?? 0) + 1);
    const { pdf, pages: count, slots, layout } = await renderForEveryCompany(material, neutral, date);
    return pages ? keepPages({ pdf, pages: count, slots, layout }, pages) : { pdf, pages: count, slots, layout };
  }); // a failed render is not remembered
}

/** The pages given (1-based), each as it is, in a PDF of their own; their slots numbered as there. */
async function keepPages(whole: Placeholder, pages: number[]): Promise<Placeholder> {
  if (pages.length === whole.pages && pages.every((p, i) => p === i + 1)) return whole;
  const source = await PDFDocument.load(whole.pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  const pdf = await PDFDocument.create({ updateMetadata: false });
  for (const page of await pdf.copyPages(source, pages.map((p) => p - 1))) pdf.addPage(page);
  const slots = whole.slots.flatMap((s) => (pages.includes(s.page) ? [{ ...s, page: pages.indexOf(s.page) + 1 }] : []));
  return { pdf: await pdf.save(), pages: pages.length, slots, layout: whole.layout, kept: { pages, total: whole.pages } };
}

/** The company's parts for these slots: one render per company (its name, colour and logo) and set of parts. */
export function partsOf(pack: ResolvedPack, slots: SlotPlacement[]): Promise<BrandParts> {
  const keys = [...new Set(slots.map((s) => s.part))].sort();
  const { logo, ...brand } = pack.brand;
  const key = keyOf({ brand, logo: logo && createHash("sha256").update(logo.png).digest("hex"), keys });
  return companyParts.remember(key, () => {
    made.parts++;
    return renderBrandParts(pack.brand, keys);
  });
}

/** The material branded for the company by the build's own step (brandMaterials): its colours, its logo and name in the slots, "Side n af m" as in its own file. */
export async function stamped(placeholder: Placeholder, parts: BrandParts, pack: ResolvedPack, material: Material, date: Date): Promise<Uint8Array> {
  const [branded] = await brandMaterials({ ...pack, materials: [material] }, [placeholder], parts, date, { kept: [placeholder.kept], forPack: false });
  return branded!.bytes;
}
