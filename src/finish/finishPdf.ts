// Sets each PDF's metadata with pdf-lib, and TrimBox/BleedBox on the pages that have them (card sheets);
// every output PDF, the complete pack too, is saved here through savePdf (compact, one xref subsection).
// The metadata is set by setDocumentInfo alone, which the brand stamp (src/brand/stamp.ts) uses too:
// a material finished once for every company gets its company's title and author when it is stamped.
import type { PDFDocument } from "pdf-lib";
import type { PageBoxes } from "../cards/layout.js";
import { loadPdf, savePdf } from "./savePdf.js";

/** What a reader shows about a PDF: its title, author, subject, keywords and dates. */
export interface DocumentInfo {
  title: string;
  author: string;
  subject: string;
  keywords?: string[];
  date: Date;
}

export interface FinishOptions extends DocumentInfo {
  /** Trim and bleed box of each page (PDF points from the bottom-left), where it is not the page: imposed card sheets. */
  boxes?: (PageBoxes | null)[];
}

/** Sets the document's metadata; creator, producer and language are workshopkit's own. */
export function setDocumentInfo(pdf: PDFDocument, o: DocumentInfo): void {
  pdf.setTitle(o.title, { showInWindowTitleBar: true });
  pdf.setAuthor(o.author);
  pdf.setSubject(o.subject);
  pdf.setKeywords(o.keywords ?? []);
  pdf.setCreator("workshopkit");
  pdf.setProducer("workshopkit");
  pdf.setLanguage("da-DK");
  pdf.setCreationDate(o.date);
  pdf.setModificationDate(o.date);
}

/** Sets the document's metadata and its pages' trim and bleed boxes, in place. */
export function finishDocument(pdf: PDFDocument, o: FinishOptions): void {
  setDocumentInfo(pdf, o);
  if (o.boxes) {
    const pages = pdf.getPages();
    if (pages.length !== o.boxes.length) throw new Error(`finishPdf: ${o.boxes.length} page boxes for ${pages.length} pages.`);
    pages.forEach((page, i) => {
      const b = o.boxes![i];
      if (!b) return;
      page.setBleedBox(b.bleed.x, b.bleed.y, b.bleed.width, b.bleed.height);
      page.setTrimBox(b.trim.x, b.trim.y, b.trim.width, b.trim.height);
    });
  }
}

/** A PDF of its own finished (a report, the print list): read, finished, saved. */
export async function finishPdf(bytes: Uint8Array, o: FinishOptions): Promise<{ bytes: Uint8Array; pages: number }> {
  const pdf = await loadPdf(bytes);
  finishDocument(pdf, o);
  const pages = pdf.getPageCount();
  return { bytes: await savePdf(pdf), pages };
}
