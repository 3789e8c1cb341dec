// PDF pages to pixels, drawn by pdfium (src/raster/pdfium.ts): the preview's page images and the
// results reader's scanned pages. Shared by both so there is one rasteriser to trust. pdfium draws
// a preview's pages in about a third of the time pdf.js on @napi-rs/canvas took, to the same pixels
// but for the edges of anti-aliasing (fonts embedded, æøå, QR codes, form widgets' appearances).
import { WorkshopkitError } from "../errors.js";
import { BITMAP_BGRA, PDFIUM_ERROR, pdfium, RENDER_ANNOT, RENDER_RGBA, type Pdfium } from "./pdfium.js";

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

/** An open PDF, ready to draw; `destroy` frees it. */
export interface RasterDocument {
  readonly numPages: number;
  destroy(): Promise<void>;
}

interface Opened extends RasterDocument {
  module: Pdfium;
  doc: number;
}

export async function openPdfForRaster(bytes: Uint8Array): Promise<RasterDocument> {
  const module = await pdfium();
  // pdfium reads the file from the wasm memory, where it stays while the document is open.
  const data = module.wasmExports.malloc(Math.max(1, bytes.length));
  module.HEAPU8.set(bytes, data);
  const doc = module._FPDF_LoadMemDocument(data, bytes.length, 0);
  if (!doc) {
    const error = module._FPDF_GetLastError();
    module.wasmExports.free(data);
    if (error === PDFIUM_ERROR.PASSWORD) throw WorkshopkitError.of("scan.encrypted", {});
    const why = error === PDFIUM_ERROR.SECURITY ? "its security handler is not supported" : error === PDFIUM_ERROR.FORMAT ? "it is not in PDF format or is damaged" : `pdfium error ${error}`;
    throw WorkshopkitError.of("scan.notPdf", { detail: why });
  }
  let open = true;
  const opened: Opened = {
    module,
    doc,
    numPages: module._FPDF_GetPageCount(doc),
    async destroy() {
      if (!open) return;
      open = false;
      module._FPDF_CloseDocument(doc);
      module.wasmExports.free(data);
    },
  };
  return opened;
}

/** Draws one page at `dpi` on a white background, its form widgets as their appearance streams show them. */
export async function rasterisePage(pdf: RasterDocument, page: number, dpi: number): Promise<PageImage> {
  const { module, doc } = pdf as Opened;
  if (!Number.isInteger(page) || page < 1 || page > pdf.numPages) throw WorkshopkitError.of("scan.noPage", { page, pages: pdf.numPages });
  const handle = module._FPDF_LoadPage(doc, page - 1);
  if (!handle) throw WorkshopkitError.of("scan.pageUnreadable", { page, error: module._FPDF_GetLastError() });
  try {
    const widthPt = module._FPDF_GetPageWidthF(handle); // after /Rotate, as drawn
    const heightPt = module._FPDF_GetPageHeightF(handle);
    const width = Math.max(1, Math.round((widthPt * dpi) / 72));
    const height = Math.max(1, Math.round((heightPt * dpi) / 72));
    if (width * height > MAX_PAGE_PIXELS) {
      throw WorkshopkitError.of("scan.pageTooLarge", { page, width, height, dpi, megapixels: MAX_PAGE_PIXELS / 1e6 });
    }
    const size = width * height * 4;
    const buffer = module.wasmExports.malloc(size);
    const bitmap = module._FPDFBitmap_CreateEx(width, height, BITMAP_BGRA, buffer, width * 4);
    try {
      module._FPDFBitmap_FillRect(bitmap, 0, 0, width, height, 0xffffffff);
      module._FPDF_RenderPageBitmap(bitmap, handle, 0, 0, width, height, 0, RENDER_ANNOT | RENDER_RGBA);
      const rgba = Buffer.from(module.HEAPU8.slice(buffer, buffer + size).buffer); // copied out: the wasm memory is reused
      return { page, width, height, widthPt, heightPt, rgba };
    } finally {
      module._FPDFBitmap_Destroy(bitmap);
      module.wasmExports.free(buffer);
    }
  } finally {
    module._FPDF_ClosePage(handle);
  }
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
