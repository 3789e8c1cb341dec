// One material for one company, as one pdf-lib document: the material every company shares read
// once and stamped with the company's brand (stampMaterial), then, after the caller has taken its
// pages for the complete pack and numbered them, saved once into the files it becomes
// (savedMaterial: the PDF, and its field map where it has one).
import type { PDFDocument } from "pdf-lib";
import type { Material, ResolvedPack } from "../model.js";
import type { FinishedMaterial } from "../finish/finishMaterial.js";
import { sha256, type ManifestEntry } from "../finish/manifest.js";
import type { PagesRead } from "../finish/packSource.js";
import { savePdf } from "../finish/savePdf.js";
import type { OutputFile } from "../write/writePack.js";
import type { BrandParts, SlotPlacement } from "./brandParts.js";
import { stampDocument } from "./stamp.js";
import type { TextLayout } from "../render/checkLayout.js";

/** A material stamped for the company, not saved yet: its document is still to be numbered and saved. */
export interface StampedMaterial {
  material: Material;
  pdf: PDFDocument;
  pages: number;
  fieldMap?: FinishedMaterial["fieldMap"];
}

/** A material's own files, saved. */
export interface BrandedMaterial {
  files: OutputFile[];
  entry: ManifestEntry;
  /** The material's own PDF (also the first of `files`). */
  bytes: Uint8Array;
  pages: number;
  /** Its pages as the complete pack takes them (src/finish/packMerge.ts: pagesForPack), taken before they were numbered. */
  forPack?: PagesRead;
}

/** Stamps a render of renderForEveryCompany (src/pipeline.ts), which checked it when it was made (checkPlaceholderRender). */
export async function stampMaterial(material: Material, finished: FinishedMaterial & { slots: SlotPlacement[]; layout?: TextLayout }, parts: BrandParts, pack: ResolvedPack, date: Date): Promise<StampedMaterial> {
  const info = { title: `${material.title} – ${pack.brand.company}`, author: pack.brand.company, subject: pack.toolkit.title, date };
  const { pdf } = await stampDocument(finished.pdf, finished.slots, parts, pack.brand.palette, info, finished.layout, { checked: true });
  return { material, pdf, pages: finished.pages, ...(finished.fieldMap ? { fieldMap: finished.fieldMap } : {}) };
}

/** The stamped material's document saved: the one save it gets. Use the bytes afterwards, not the document. */
export async function savedMaterial(stamped: StampedMaterial, forPack?: PagesRead): Promise<BrandedMaterial> {
  const bytes = await savePdf(stamped.pdf);
  const name = `${stamped.material.id}.pdf`;
  return {
    files: [{ name, bytes }, ...(stamped.fieldMap ? [stamped.fieldMap] : [])],
    entry: { file: name, title: stamped.material.title, pages: stamped.pages, sha256: sha256(bytes) },
    bytes,
    pages: stamped.pages,
    ...(forPack ? { forPack } : {}),
  };
}
