// Brands a material rendered once for every company: its placeholder colours become the company's
// palette, the company's parts (logo, name) are drawn into its slots, and its metadata names the
// company. The placeholder render arrives finished (form fields, page boxes); only this is per company.
import { ParseSpeeds, PDFDocument } from "pdf-lib";
import { setDocumentInfo, type DocumentInfo } from "../finish/finishPdf.js";
import { savePdf } from "../finish/savePdf.js";
import { PLACEHOLDER_PALETTE, type BrandParts, type Palette, type SlotPlacement } from "./brandParts.js";
import { recolourPdf } from "./stampColours.js";
import { drawParts } from "./stampParts.js";

export async function stampBrand(placeholderPdf: Uint8Array, slots: SlotPlacement[], parts: BrandParts, palette: Palette, info: DocumentInfo): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(placeholderPdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest }); // no timer tick every 100 objects
  recolourPdf(pdf, PLACEHOLDER_PALETTE, palette); // before the parts: they are in the company's colours already
  await drawParts(pdf, slots, parts);
  setDocumentInfo(pdf, info);
  return savePdf(pdf);
}
