// Sets each PDF's metadata with pdf-lib, and TrimBox/BleedBox where a page has bleed.
import { PDFDocument } from "pdf-lib";

export interface FinishOptions {
  title: string;
  author: string;
  subject: string;
  keywords?: string[];
  date: Date;
  /** Bleed in points on every side of pages that have it; the trim box is the page less the bleed. */
  bleed?: number;
}

export async function finishPdf(bytes: Uint8Array, o: FinishOptions): Promise<{ bytes: Uint8Array; pages: number }> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  pdf.setTitle(o.title, { showInWindowTitleBar: true });
  pdf.setAuthor(o.author);
  pdf.setSubject(o.subject);
  pdf.setKeywords(o.keywords ?? []);
  pdf.setCreator("workshopkit");
  pdf.setProducer("workshopkit");
  pdf.setLanguage("da-DK");
  pdf.setCreationDate(o.date);
  pdf.setModificationDate(o.date);
  if (o.bleed) {
    for (const page of pdf.getPages()) {
      const { width, height } = page.getSize();
      page.setBleedBox(0, 0, width, height);
      page.setTrimBox(o.bleed, o.bleed, width - 2 * o.bleed, height - 2 * o.bleed);
    }
  }
  // No object streams: the file stays readable by older print-shop tools.
  const out = await pdf.save({ useObjectStreams: false });
  return { bytes: out, pages: pdf.getPageCount() };
}
