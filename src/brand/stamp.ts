// Brands a material rendered once for every company: its placeholder colours become the company's
// palette, the company's parts (logo, name) are drawn into its slots, and its metadata names the
// company. The placeholder render arrives finished (form fields, page boxes); only this is per company.
import type { PDFDocument } from "pdf-lib";
import { setDocumentInfo, type DocumentInfo } from "../finish/finishPdf.js";
import { loadPdf, savePdf } from "../finish/savePdf.js";
import type { TextLayout } from "../render/checkLayout.js";
import { PLACEHOLDER_PALETTE, type BrandParts, type Palette, type SlotPlacement } from "./brandParts.js";
import { holdsPlaceholderName } from "./placeholder.js";
import { checkDerivedColours, recolourPdf, type RecolourStats } from "./stampColours.js";
import { drawParts } from "./stampParts.js";
import { stampFault } from "./stampFault.js";

/** What a stamp did: the recolour counts, and the slots drawn. */
export interface StampReport {
  recoloured: RecolourStats;
  slots: number;
}

/** Placeholder renders already searched for colours made from a placeholder: a server stamps the same one for every company. */
const searched = new WeakSet<Uint8Array>();

/**
 * Fails as a fault of workshopkit where a placeholder render holds what no company's stamp could
 * brand: the placeholder name in its text (`layout`, where known), a colour made from a placeholder
 * colour (stampColours.ts). The document (`pdf`: the render, finished) is only read.
 */
export function checkPlaceholderRender(pdf: PDFDocument, layout?: TextLayout, { colours = true }: { colours?: boolean } = {}): void {
  if (layout && holdsPlaceholderName(layout.runs.map((r) => r.text))) throw stampFault("the material prints the company's name itself, not in a brand slot, so every company would get the placeholder's name");
  if (colours) checkDerivedColours(pdf, PLACEHOLDER_PALETTE);
}

/**
 * The material read once and branded, as a live document (to be numbered and saved by the caller),
 * and what the stamp did. Fails as a fault of workshopkit where the placeholder render holds what the
 * stamp cannot brand: what checkPlaceholderRender finds (its colours not again where `checked`: the
 * render passed that when it was made), a placeholder colour written in a way it cannot change, a
 * slot it cannot fill. The report's counts are what the tests check per material.
 */
export async function stampDocument(placeholderPdf: Uint8Array, slots: SlotPlacement[], parts: BrandParts, palette: Palette, info: DocumentInfo, layout?: TextLayout, { checked = false }: { checked?: boolean } = {}): Promise<{ pdf: PDFDocument; report: StampReport }> {
  const pdf = await loadPdf(placeholderPdf);
  // the name is looked for in every stamp (a scan of the layout's text); the colours, an inflate of every stream, once
  checkPlaceholderRender(pdf, layout, { colours: !checked && !searched.has(placeholderPdf) });
  searched.add(placeholderPdf);
  const recoloured = recolourPdf(pdf, PLACEHOLDER_PALETTE, palette); // before the parts: they are in the company's colours already
  const drawn = await drawParts(pdf, slots, parts);
  if (drawn !== slots.length) throw stampFault(`${drawn} of ${slots.length} brand slots were drawn`);
  setDocumentInfo(pdf, info);
  return { pdf, report: { recoloured, slots: drawn } };
}

/** The placeholder render branded and saved, and what the stamp did: a stamp from bytes to bytes (the tests stamp small PDFs of their own so). */
export async function stampBrandReport(placeholderPdf: Uint8Array, slots: SlotPlacement[], parts: BrandParts, palette: Palette, info: DocumentInfo, layout?: TextLayout): Promise<{ bytes: Uint8Array; report: StampReport }> {
  const { pdf, report } = await stampDocument(placeholderPdf, slots, parts, palette, info, layout);
  return { bytes: await savePdf(pdf), report };
}

export async function stampBrand(placeholderPdf: Uint8Array, slots: SlotPlacement[], parts: BrandParts, palette: Palette, info: DocumentInfo, layout?: TextLayout): Promise<Uint8Array> {
  return (await stampBrandReport(placeholderPdf, slots, parts, palette, info, layout)).bytes;
}
