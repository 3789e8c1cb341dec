// Finishes one material as far as every company shares it: form fields over their marks, page
// boxes, and the form's field map read back from the file. Its metadata names no company yet: the
// brand stamp (src/brand/stampMaterial.ts) gives every company its own title and author.
import type { Material } from "../model.js";
import type { OutputFile } from "../write/writePack.js";
import { fieldMapFile, readFieldMap } from "./fieldMap.js";
import { finishPdf } from "./finishPdf.js";
import { addMarkedFields } from "./markedFields.js";

export interface FinishedMaterial {
  /** The PDF, with placeholder colours and empty brand slots. */
  pdf: Uint8Array;
  pages: number;
  /** `v06.fields.json`, where the material has form fields. */
  fieldMap?: OutputFile;
}

export async function finishMaterial(material: Material, rendered: Uint8Array, toolkitTitle: string, date: Date): Promise<FinishedMaterial> {
  const withFields = await addMarkedFields(rendered);
  const { bytes, pages } = await finishPdf(withFields, { title: material.title, author: "", subject: toolkitTitle, date, boxes: material.boxes });
  const fields = await readFieldMap(material.id, bytes);
  return { pdf: bytes, pages, ...(fields.fields.length > 0 ? { fieldMap: fieldMapFile(fields) } : {}) };
}
