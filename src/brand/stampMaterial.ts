// One material for one company: the material every company shares, stamped with the company's brand,
// and the files it becomes (the PDF, and its field map where it has one).
import type { Material, ResolvedPack } from "../model.js";
import type { FinishedMaterial } from "../finish/finishMaterial.js";
import { sha256, type ManifestEntry } from "../finish/manifest.js";
import type { OutputFile } from "../write/writePack.js";
import type { BrandParts, SlotPlacement } from "./brandParts.js";
import { stampBrand } from "./stamp.js";
import type { TextLayout } from "../render/checkLayout.js";

export interface BrandedMaterial {
  files: OutputFile[];
  entry: ManifestEntry;
  bytes: Uint8Array;
  pages: number;
}

export async function stampMaterial(material: Material, finished: FinishedMaterial & { slots: SlotPlacement[]; layout?: TextLayout }, parts: BrandParts, pack: ResolvedPack, date: Date): Promise<BrandedMaterial> {
  const info = { title: `${material.title} – ${pack.brand.company}`, author: pack.brand.company, subject: pack.toolkit.title, date };
  const bytes = await stampBrand(finished.pdf, finished.slots, parts, pack.brand.palette, info, finished.layout);
  const name = `${material.id}.pdf`;
  return {
    files: [{ name, bytes }, ...(finished.fieldMap ? [finished.fieldMap] : [])],
    entry: { file: name, title: material.title, pages: finished.pages, sha256: sha256(bytes) },
    bytes,
    pages: finished.pages,
  };
}
