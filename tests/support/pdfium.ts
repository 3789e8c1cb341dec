// pdfium, the engine of Chromium's PDF viewer (WebAssembly, @hyzyla/pdfium), driven through its C API
// as the viewer drives it: a form-fill environment, fields read with FPDFAnnot_GetFormField*, text typed
// with a click and FORM_OnChar, boxes and radio buttons clicked, the file saved with FPDF_SaveAsCopy.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { PDFiumModule } from "@hyzyla/pdfium";

type Fn = (...args: number[]) => number;
type Module = Record<string, Fn> & { HEAPU8: Uint8Array; HEAPF32: Float32Array; wasmExports: Record<string, Fn> & { __indirect_function_table: WebAssembly.Table } };

export interface PdfiumWidget {
  name: string;
  page: number;
  /** x, y, width, height in points from the page's bottom left */
  rect: [number, number, number, number];
  kind: "text" | "checkbox" | "radio" | "push" | "other";
  /** the field's value (FPDFAnnot_GetFormFieldValue) */
  value: string;
  /** a box's or button's on-state (FPDFAnnot_GetFormFieldExportValue) and whether this widget is on */
  exportValue: string;
  checked: boolean;
}

/** What to do to the nth widget (in page order): type a text, or click it. */
export type PdfiumAction = { text: string } | { click: true };

const KINDS: Record<number, PdfiumWidget["kind"]> = { 1: "push", 2: "checkbox", 3: "radio", 6: "text" };
const WIDGET = 20; // FPDF_ANNOT_WIDGET

let loaded: Promise<Module> | undefined;

/** The module, once per process, from the wasm in node_modules (offline). */
function pdfium(): Promise<Module> {
  loaded ??= (async () => {
    const wasm = readFileSync(createRequire(import.meta.url).resolve("@hyzyla/pdfium/pdfium.wasm"));
    const m = (await (PDFiumModule as unknown as (o: object) => Promise<Module>)({ wasmBinary: wasm, locateFile: () => "" })) as Module;
    m._FPDF_InitLibrary!();
    return m;
  })();
  return loaded;
}

/**
 * Runs `use` with a JavaScript function as entry 0 of the module's function table, where C's null
 * pointer points (the table is full and cannot grow; pdfium tests its optional callbacks against null
 * before calling, so nothing else lands there). A tiny wasm module imports and re-exports the function,
 * as Emscripten's addFunction does.
 */
function withCallback<T>(m: Module, fn: (a: number, b: number, c: number) => number, use: (pointer: number) => T): T {
  // (module (type (func (param i32 i32 i32) (result i32))) (import "e" "f" (func 0)) (export "f" (func 0)))
  const bytes = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 8, 1, 0x60, 3, 0x7f, 0x7f, 0x7f, 1, 0x7f, 2, 7, 1, 1, 0x65, 1, 0x66, 0, 0, 7, 5, 1, 1, 0x66, 0, 0]);
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { e: { f: fn } });
  const table = m.wasmExports.__indirect_function_table;
  if (table.get(0) !== null) throw new Error("pdfium: entry 0 of the function table is taken");
  table.set(0, instance.exports.f as () => number);
  try {
    return use(0);
  } finally {
    table.set(0, null);
  }
}

/** Opens a file in pdfium with a form-fill environment, as Chromium's viewer does; `use` gets its pages and widgets. */
async function withDocument<T>(bytes: Uint8Array, use: (doc: { m: Module; doc: number; form: number; pages: number[] }) => T): Promise<T> {
  const m = await pdfium();
  const data = m.wasmExports.malloc!(bytes.length);
  m.HEAPU8.set(bytes, data);
  const doc = m._FPDF_LoadMemDocument!(data, bytes.length, 0);
  if (!doc) throw new Error(`pdfium cannot open the file: error ${m._FPDF_GetLastError!()}`);
  const info = m.wasmExports.malloc!(256);
  m.HEAPU8.fill(0, info, info + 256);
  new DataView(m.HEAPU8.buffer).setInt32(info, 2, true); // FPDF_FORMFILLINFO version 2, no callbacks
  const form = m._FPDFDOC_InitFormFillEnvironment!(doc, info);
  const pages: number[] = [];
  for (let i = 0; i < m._FPDF_GetPageCount!(doc); i++) {
    pages.push(m._FPDF_LoadPage!(doc, i));
    m._FORM_OnAfterLoadPage!(pages[i]!, form);
  }
  try {
    return use({ m, doc, form, pages });
  } finally {
    for (const page of pages) {
      m._FORM_OnBeforeClosePage!(page, form);
      m._FPDF_ClosePage!(page);
    }
    m._FPDFDOC_ExitFormFillEnvironment!(form);
    m._FPDF_CloseDocument!(doc);
    m.wasmExports.free!(info);
    m.wasmExports.free!(data);
  }
}

/** A UTF-16 string pdfium writes into a buffer it sizes first. */
function wide(m: Module, get: (buffer: number, length: number) => number): string {
  const length = get(0, 0);
  if (length <= 2) return "";
  const buffer = m.wasmExports.malloc!(length);
  get(buffer, length);
  const text = Buffer.from(m.HEAPU8.slice(buffer, buffer + length - 2)).toString("utf16le");
  m.wasmExports.free!(buffer);
  return text;
}

function widgets(m: Module, form: number, pages: number[], each?: (w: PdfiumWidget, annot: number, page: number, index: number) => void): PdfiumWidget[] {
  const out: PdfiumWidget[] = [];
  const rect = m.wasmExports.malloc!(16);
  for (const [p, page] of pages.entries()) {
    for (let i = 0; i < m._FPDFPage_GetAnnotCount!(page); i++) {
      const annot = m._FPDFPage_GetAnnot!(page, i);
      if (m._FPDFAnnot_GetSubtype!(annot) === WIDGET) {
        m._FPDFAnnot_GetRect!(annot, rect);
        const [left, top, right, bottom] = m.HEAPF32.subarray(rect / 4, rect / 4 + 4) as unknown as number[];
        const w: PdfiumWidget = {
          name: wide(m, (b, l) => m._FPDFAnnot_GetFormFieldName!(form, annot, b, l)),
          page: p + 1,
          rect: [left!, bottom!, right! - left!, top! - bottom!],
          kind: KINDS[m._FPDFAnnot_GetFormFieldType!(form, annot)] ?? "other",
          value: wide(m, (b, l) => m._FPDFAnnot_GetFormFieldValue!(form, annot, b, l)),
          exportValue: wide(m, (b, l) => m._FPDFAnnot_GetFormFieldExportValue!(form, annot, b, l)),
          checked: m._FPDFAnnot_IsChecked!(form, annot) === 1,
        };
        each?.(w, annot, page, out.length);
        out.push(w);
      }
      m._FPDFPage_CloseAnnot!(annot);
    }
  }
  m.wasmExports.free!(rect);
  return out;
}

/** Every widget of a file as pdfium reads it, in page order. */
export function pdfiumRead(bytes: Uint8Array): Promise<PdfiumWidget[]> {
  return withDocument(bytes, ({ m, form, pages }) => widgets(m, form, pages));
}

/**
 * Fills a file as a person does in Chromium's viewer: a click in the widget, then the text typed character by
 * character (FORM_OnChar, replacing what is there), or a click on a box or radio button; then the focus
 * leaves the field and the file is saved as Chromium saves it (FPDF_SaveAsCopy, not incremental).
 */
export function pdfiumFill(bytes: Uint8Array, actions: Map<number, PdfiumAction>): Promise<Uint8Array> {
  return withDocument(bytes, ({ m, doc, form, pages }) => {
    widgets(m, form, pages, (w, annot, page, index) => {
      const action = actions.get(index);
      if (!action) return;
      const [x, y, width, height] = w.rect;
      const cx = x + width / 2;
      const cy = y + height / 2;
      m._FORM_OnMouseMove!(form, page, 0, cx, cy);
      m._FORM_OnLButtonDown!(form, page, 0, cx, cy);
      m._FORM_OnLButtonUp!(form, page, 0, cx, cy);
      if ("text" in action) {
        m._FORM_SelectAllText!(form, page);
        for (const ch of action.text) for (let i = 0; i < ch.length; i++) m._FORM_OnChar!(form, page, ch.charCodeAt(i), 0);
      }
      m._FORM_ForceToKillFocus!(form);
    });
    const chunks: Uint8Array[] = [];
    const ok = withCallback(
      m,
      (_self, data, size) => {
        chunks.push(m.HEAPU8.slice(data, data + size));
        return 1;
      },
      (writeBlock) => {
        const fileWrite = m.wasmExports.malloc!(8); // FPDF_FILEWRITE: version 1, WriteBlock
        new DataView(m.HEAPU8.buffer).setInt32(fileWrite, 1, true);
        new DataView(m.HEAPU8.buffer).setInt32(fileWrite + 4, writeBlock, true);
        const saved = m._FPDF_SaveAsCopy!(doc, fileWrite, 0);
        m.wasmExports.free!(fileWrite);
        return saved;
      },
    );
    if (!ok) throw new Error("pdfium could not save the file");
    return new Uint8Array(Buffer.concat(chunks));
  });
}

/** One page drawn by pdfium as Chromium draws it (the page, then the form's widgets: FPDF_FFLDraw), greyscale. */
export function pdfiumDraw(bytes: Uint8Array, pageNumber: number, scale: number): Promise<{ width: number; height: number; pixels: Uint8Array }> {
  return withDocument(bytes, ({ m, form, pages }) => {
    const page = pages[pageNumber - 1]!;
    const width = Math.round(m._FPDF_GetPageWidthF!(page) * scale);
    const height = Math.round(m._FPDF_GetPageHeightF!(page) * scale);
    const buffer = m.wasmExports.malloc!(width * height);
    const bitmap = m._FPDFBitmap_CreateEx!(width, height, 1, buffer, width); // FPDFBitmap_Gray
    m._FPDFBitmap_FillRect!(bitmap, 0, 0, width, height, 0xffffffff);
    const flags = 0x01 | 0x08; // FPDF_ANNOT | FPDF_GRAYSCALE
    m._FPDF_RenderPageBitmap!(bitmap, page, 0, 0, width, height, 0, flags);
    m._FPDF_FFLDraw!(form, bitmap, page, 0, 0, width, height, 0, flags);
    const pixels = m.HEAPU8.slice(buffer, buffer + width * height);
    m._FPDFBitmap_Destroy!(bitmap);
    m.wasmExports.free!(buffer);
    return { width, height, pixels };
  });
}
