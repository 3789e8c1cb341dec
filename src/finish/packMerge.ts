// Puts the pack's PDFs one after another in one document, with pdf-lib's copyPages.
//
// Form fields are dropped from the pack: it is the file for the print shop, and every single
// material keeps its fields for filling in on screen. copyPages would carry the widgets over but
// not the AcroForm that lists their fields, leaving widgets no viewer can fill in (or that Acrobat
// "repairs"); and two materials' fields of one name would collide. The widgets draw nothing when
// empty (the printed boxes are page content), so the pages look the same without them. Links to
// named destinations are dropped too: the names stay behind in the material's own file.
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, type PDFPage } from "pdf-lib";

/** Annotations that would dangle in the merged file: widgets, and links to destinations of the source. */
function dangles(annot: PDFDict): boolean {
  const subtype = annot.lookupMaybe(PDFName.of("Subtype"), PDFName);
  if (subtype === PDFName.of("Widget")) return true;
  if (subtype !== PDFName.of("Link")) return false;
  if (annot.has(PDFName.of("Dest"))) return true;
  const action = annot.lookupMaybe(PDFName.of("A"), PDFDict);
  return action?.lookupMaybe(PDFName.of("S"), PDFName) === PDFName.of("GoTo");
}

function dropDangling(page: PDFPage): void {
  const annots = page.node.Annots();
  if (!annots) return;
  const keep = PDFArray.withContext(page.doc.context);
  for (let i = 0; i < annots.size(); i++) {
    const annot = page.doc.context.lookup(annots.get(i));
    if (!(annot instanceof PDFDict) || !dangles(annot)) keep.push(annots.get(i));
  }
  if (keep.size() > 0) page.node.set(PDFName.of("Annots"), keep);
  else page.node.delete(PDFName.of("Annots"));
}

/** A new document of all pages of `parts`, in order. */
export async function mergePdfs(parts: Uint8Array[]): Promise<PDFDocument> {
  // No metadata of pdf-lib's own (it would stamp the clock): finishPdf sets it from the build's date.
  const merged = await PDFDocument.create({ updateMetadata: false });
  for (const bytes of parts) {
    const source = await PDFDocument.load(bytes, { updateMetadata: false });
    for (const page of source.getPages()) dropDangling(page);
    const pages = await merged.copyPages(source, source.getPageIndices());
    for (const page of pages) merged.addPage(page);
  }
  return merged;
}

/**
 * Deletes objects nothing refers to. pdf-lib writes every object it holds, and embedding a page
 * (the page numbers) leaves a copy of its page object behind that no page tree lists.
 */
export function pruneUnreachable(pdf: PDFDocument): void {
  const { context } = pdf;
  const reached = new Set<PDFRef>();
  const visit = (value: unknown): void => {
    if (value instanceof PDFRef) {
      if (reached.has(value)) return;
      reached.add(value);
      visit(context.lookup(value));
    } else if (value instanceof PDFDict) {
      for (const [, v] of value.entries()) visit(v);
    } else if (value instanceof PDFArray) {
      for (let i = 0; i < value.size(); i++) visit(value.get(i));
    } else if (value && typeof value === "object" && "dict" in value && value.dict instanceof PDFDict) {
      visit(value.dict); // a stream
    }
  };
  visit(context.trailerInfo.Root);
  visit(context.trailerInfo.Info);
  for (const [ref] of context.enumerateIndirectObjects()) if (!reached.has(ref)) context.delete(ref);
}
