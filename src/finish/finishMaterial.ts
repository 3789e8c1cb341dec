// Finishes one material as far as every company shares it, as one pdf-lib document: the render read
// once, form fields over its marks, metadata and page boxes, the form's field map read from the
// document itself, saved once. Its metadata names no company yet: the brand stamp
// (src/brand/stampMaterial.ts) gives every company its own title and author.
import type { PDFDocument } from "pdf-lib";
import type { Material } from "../model.js";
import type { Rendered } from "../render/renderMaterial.js";
import type { OutputFile } from "../write/writePack.js";
import { fieldMapFile, fieldMapOf } from "./fieldMap.js";
import { finishDocument } from "./finishPdf.js";
import { addMarkedFields } from "./markedFields.js";
import { loadPdf, savePdf } from "./savePdf.js";

export interface FinishedMaterial {
  /** The PDF, with placeholder colours and empty brand slots. */
  pdf: Uint8Array;
  pages: number;
  /** `v06.fields.json`, where the material has form fields. */
  fieldMap?: OutputFile;
}

export async function finishMaterial(material: Material, rendered: Rendered, toolkitTitle: string, date: Date, check?: (pdf: PDFDocument) => void): Promise<FinishedMaterial> {
  const pdf = await loadPdf(rendered.bytes);
  await addMarkedFields(pdf);
  finishDocument(pdf, { title: material.title, author: "", subject: toolkitTitle, date, boxes: material.boxes });
  check?.(pdf); // the caller's look at the finished document, before it is saved (no second read)
  const fields = fieldMapOf(material.id, pdf);
  const pages = pdf.getPageCount();
  return { pdf: await savePdf(pdf), pages, ...(fields.fields.length > 0 ? { fieldMap: fieldMapFile(fields) } : {}) };
}
