// Renders with react-pdf (through src/render/reactPdf.ts) to a value: the PDF's bytes, and what the
// layout said about them (its text runs, its brand slots, its form fields' marks), for the steps after
// to use as they are.
// A warning from react-pdf fails the render.
import { WorkshopkitError } from "../errors.js";
import { prepareFonts } from "../fonts.js";
import type { Material, ResolvedPack } from "../model.js";
import { materialDocument } from "../../templates/index.js";
import type { TextLayout } from "./checkLayout.js";
import type { SlotPlacement } from "../brand/brandParts.js";
import { layoutFieldMarks, layoutSlots, layoutTextRuns, type MarkBox } from "./layoutText.js";
import { renderDocument, TemplateError, type DocumentElement } from "./reactPdf.js";

/** What a render gives: the PDF, and the facts of its layout that later steps would otherwise read back from it. */
export interface Rendered {
  bytes: Uint8Array;
  /** Its text runs and page sizes from react-pdf's layout; undefined where that layout cannot be read exactly (checkLayout reads the PDF then). */
  layout?: TextLayout;
  /** Its brand slots, page by page in layout order (none for a render with a real brand). */
  slots: SlotPlacement[];
  /** Its form fields' marks where the PDF has them; undefined where the layout cannot place them exactly (the PDF is read then). */
  marks?: MarkBox[];
}

/** A render whose layout has been checked (checkLayout): its text as laid out is known. */
export type Checked = Rendered & { layout: TextLayout };

/**
 * Renders a react-pdf <Document>; `what` names it in messages. react-pdf reports a dropped image or
 * an unknown style only as a warning: that is a failure, not a PDF to hand on.
 */
export async function renderStrict(what: string, element: DocumentElement): Promise<Rendered> {
  await prepareFonts();
  let layout: TextLayout | undefined;
  let slots: SlotPlacement[] = [];
  let marks: MarkBox[] | undefined;
  let rendered: { bytes: Uint8Array; warnings: string[] };
  try {
    rendered = await renderDocument(element, (tree) => {
      layout = tree && layoutTextRuns(tree);
      slots = tree ? layoutSlots(tree) : [];
      marks = tree && layoutFieldMarks(tree);
    });
  } catch (err) {
    if (err instanceof WorkshopkitError) throw err; // from the layout: a company name too long for its slot (layoutSlots)
    if (err instanceof TemplateError) throw err.thrown instanceof WorkshopkitError ? err.thrown : WorkshopkitError.of("render.template", { material: what, detail: err.message });
    throw WorkshopkitError.of("render.failed", { what, detail: (err as Error).message });
  }
  if (rendered.warnings.length > 0) throw WorkshopkitError.of("render.warnings", { what, list: rendered.warnings.join("\n  ") });
  return { bytes: rendered.bytes, ...(layout ? { layout } : {}), slots, ...(marks ? { marks } : {}) };
}

export function renderMaterial(material: Material, pack: ResolvedPack, creationDate: Date): Promise<Rendered> {
  // The metadata of the render for every company names no company (not the placeholder's name either:
  // pdfkit makes the file's /ID from it, which the stamp keeps).
  const company = pack.brand.placeholder ? "" : pack.brand.company;
  const element = materialDocument(material, pack, {
    title: `${material.title} – ${company}`,
    author: company,
    subject: pack.toolkit.title,
    creationDate,
  });
  return renderStrict(`"${material.id}"`, element);
}
