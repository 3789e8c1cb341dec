// PDF pages to pixels, with pdf.js drawing on @napi-rs/canvas: the preview's page images and the
// results reader's scanned pages. Shared by both so there is one rasteriser to trust.
import { keepNativeJson } from "./nativeJson.js"; // before pdf.js: see there
import { getDocument, type PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { WorkshopkitError } from "../errors.js";

/** pdf.js draws the 14 standard fonts from these files when a PDF does not embed them. */
const STANDARD_FONTS = pathToFileURL(path.join(path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")), "standard_fonts") + path.sep).href;

/** The largest page image made, in pixels (a 200-page stack at 300 dpi stays within memory page by page). */
export const MAX_PAGE_PIXELS = 60_000_000;

export interface PageImage {
  /** 1-based page number in the PDF. */
  page: number;
  /** Pixels. */
  width: number;
  height: number;
  /** The page's size in PDF points (1/72 inch), as shown (after /Rotate). */
  widthPt: number;
  heightPt: number;
  /** Raw RGBA, 4 bytes a pixel, rows top to bottom (sharp: `{ raw: { width, height, channels: 4 } }`). */
  rgba: Buffer;
}

export interface RasteriseOptions {
  /** Pixels per inch. */
  dpi: number;
  /** 1-based page numbers; all pages when left out. */
  pages?: number[];
}

export async function openPdfForRaster(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  try {
    const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0, standardFontDataUrl: STANDARD_FONTS, useSystemFonts: false }).promise;
    keepNativeJson(); // its worker part replaces JSON.stringify again at the first document
    return pdf;
  } catch (err) {
    const name = (err as Error).name;
    if (name === "PasswordException") throw new WorkshopkitError("The PDF is encrypted (it asks for a password).", "Save or scan it again without a password.");
    throw new WorkshopkitError(`The file is not a PDF that can be read: ${(err as Error).message}.`, "Check that it is a PDF, and not damaged.");
  }
}

/** Draws one page at `dpi` on a white background. */
export async function rasterisePage(pdf: PDFDocumentProxy, page: number, dpi: number): Promise<PageImage> {
  const p = await pdf.getPage(page);
  const unit = p.getViewport({ scale: 1 });
  const viewport = p.getViewport({ scale: dpi / 72 });
  const width = Math.max(1, Math.round(viewport.width));
  const height = Math.max(1, Math.round(viewport.height));
  if (width * height > MAX_PAGE_PIXELS) {
    throw new WorkshopkitError(`Page ${page} would be ${width} × ${height} pixels at ${dpi} dpi, more than the ${MAX_PAGE_PIXELS / 1e6} megapixels workshopkit draws.`, "Use pages of a normal paper size (A4 or Letter).");
  }
  const { createCanvas } = await import("@napi-rs/canvas");
  const canvas = createCanvas(width, height);
  const context = canvas.getContext("2d");
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, width, height);
  // pdf.js types its canvas as the DOM's; @napi-rs/canvas is what pdf.js itself uses on Node.
  await p.render({ canvas: canvas as never, canvasContext: context as never, viewport }).promise;
  const rgba = Buffer.from(context.getImageData(0, 0, width, height).data.buffer);
  p.cleanup();
  return { page, width, height, widthPt: unit.width, heightPt: unit.height, rgba };
}

/** Draws the pages of a PDF, one at a time (so memory holds one page image while it is drawn). */
export async function* rasterisePdf(bytes: Uint8Array, options: RasteriseOptions): AsyncGenerator<PageImage> {
  const pdf = await openPdfForRaster(bytes);
  try {
    const pages = options.pages ?? Array.from({ length: pdf.numPages }, (_, i) => i + 1);
    for (const page of pages) yield await rasterisePage(pdf, page, options.dpi);
  } finally {
    await pdf.destroy();
  }
}

/** A page image as PNG bytes (sharp encodes; deterministic for the same pixels). */
export async function pageToPng(image: PageImage): Promise<Buffer> {
  const { default: sharp } = await import("sharp");
  return sharp(image.rgba, { raw: { width: image.width, height: image.height, channels: 4 } }).png({ compressionLevel: 6 }).toBuffer();
}
