// Finishes one rendered material: form fields over their marks, metadata and page boxes,
// and the form's field map read back from the finished file.
import type { Material, ResolvedPack } from "../model.js";
import type { OutputFile } from "../write/writePack.js";
import { fieldMapFile, readFieldMap } from "./fieldMap.js";
import { finishPdf } from "./finishPdf.js";
import { sha256, type ManifestEntry } from "./manifest.js";
import { addMarkedFields } from "./markedFields.js";

export interface FinishedMaterial {
  /** The PDF, and its field map (`v06.fields.json`) where it has fields. */
  files: OutputFile[];
  entry: ManifestEntry;
  bytes: Uint8Array;
  pages: number;
}

export async function finishMaterial(material: Material, rendered: Uint8Array, pack: ResolvedPack, date: Date): Promise<FinishedMaterial> {
  const withFields = await addMarkedFields(rendered);
  const { bytes, pages } = await finishPdf(withFields, {
    title: `${material.title} – ${pack.brand.company}`,
    author: pack.brand.company,
    subject: pack.toolkit.title,
    date,
    boxes: material.boxes,
  });
  const name = `${material.id}.pdf`;
  const files: OutputFile[] = [{ name, bytes }];
  const fields = await readFieldMap(material.id, bytes);
  if (fields.fields.length > 0) files.push(fieldMapFile(fields));
  return { files, bytes, pages, entry: { file: name, title: material.title, pages, sha256: sha256(bytes) } };
}
