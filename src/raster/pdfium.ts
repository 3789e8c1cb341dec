// pdfium, the PDF engine of Chromium, compiled to WebAssembly (@hyzyla/pdfium: the wasm is inside the
// package, loaded from node_modules, never fetched): one instance per thread, started at first use.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

/** The part of pdfium's C API the rasteriser calls (pointers and handles are numbers in the wasm memory). */
export interface Pdfium {
  _FPDF_InitLibrary(): void;
  _FPDF_LoadMemDocument(data: number, size: number, password: number): number;
  _FPDF_GetLastError(): number;
  _FPDF_GetPageCount(doc: number): number;
  _FPDF_CloseDocument(doc: number): void;
  _FPDF_LoadPage(doc: number, index: number): number;
  _FPDF_ClosePage(page: number): void;
  _FPDF_GetPageWidthF(page: number): number;
  _FPDF_GetPageHeightF(page: number): number;
  _FPDFBitmap_CreateEx(width: number, height: number, format: number, buffer: number, stride: number): number;
  _FPDFBitmap_FillRect(bitmap: number, left: number, top: number, width: number, height: number, argb: number): void;
  _FPDFBitmap_Destroy(bitmap: number): void;
  _FPDF_RenderPageBitmap(bitmap: number, page: number, x: number, y: number, width: number, height: number, rotate: number, flags: number): void;
  wasmExports: { malloc(size: number): number; free(pointer: number): void };
  HEAPU8: Uint8Array;
}

/** FPDF_GetLastError's answers. */
export const PDFIUM_ERROR = { FILE: 2, FORMAT: 3, PASSWORD: 4, SECURITY: 5, PAGE: 6 } as const;
/** FPDFBitmap_BGRA: four bytes a pixel (RGBA once drawn with REVERSE_BYTE_ORDER). */
export const BITMAP_BGRA = 4;
/** FPDF_ANNOT: annotations and form widgets drawn from their appearance streams, as printed. */
export const RENDER_ANNOT = 0x01;
/** FPDF_REVERSE_BYTE_ORDER: pixels as R, G, B, A. */
export const RENDER_RGBA = 0x10;

let started: Promise<Pdfium> | undefined;

/** This thread's pdfium (some 40–60 ms to start, once). */
export function pdfium(): Promise<Pdfium> {
  started ??= (async () => {
    const { PDFiumModule } = await import("@hyzyla/pdfium");
    const wasmBinary = await readFile(createRequire(import.meta.url).resolve("@hyzyla/pdfium/pdfium.wasm"));
    // locateFile is never asked for a file when the binary is given; "" keeps it off the network.
    const module = (await (PDFiumModule as unknown as (options: object) => Promise<Pdfium>)({ wasmBinary, locateFile: () => "" })) as Pdfium;
    module._FPDF_InitLibrary();
    return module;
  })();
  started.catch(() => (started = undefined)); // a failed start is tried again next time
  return started;
}
