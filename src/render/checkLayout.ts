// After rendering: every piece of text must lie on its page.
// react-pdf lets an unbreakable word run off the page without a word; this catches it.
import type { PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { WorkshopkitError } from "../errors.js";
import { keepNativeJson } from "./reactPdf.js";
import type { Rendered } from "./renderMaterial.js";

/** Tolerance in points for glyph boxes that touch the edge of the allowed area. */
const SLACK = 0.5;

export interface TextRun {
  page: number;
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs"); // loaded only when a PDF is read back
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  keepNativeJson(); // pdf.js put core-js's slow JSON.stringify in Node's place (see src/render/reactPdf.ts)
  return pdf;
}

/** Positioned text runs of every page, in PDF points from the bottom-left corner, and the page sizes. */
export interface TextLayout {
  runs: TextRun[];
  pages: { width: number; height: number }[];
}

export async function textRuns(pdf: PDFDocumentProxy): Promise<TextLayout> {
  const runs: TextRun[] = [];
  const pages: { width: number; height: number }[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    pages.push({ width: x1 - x0, height: y1 - y0 });
    const content = await page.getTextContent();
    for (const item of content.items) {
      if (!("str" in item) || item.str.trim() === "") continue;
      runs.push({ page: n, text: item.str, x: item.transform[4] as number, y: item.transform[5] as number, width: item.width, height: item.height });
    }
  }
  return { runs, pages };
}

/** The text of a render as laid out: from react-pdf's layout where the render has it, else read back from the PDF with pdf.js. */
async function readTextLayout({ bytes, layout }: Rendered): Promise<TextLayout> {
  if (layout) return layout;
  const pdf = await openPdf(bytes);
  try {
    return await textRuns(pdf);
  } finally {
    await pdf.destroy();
  }
}

/** Fails when text runs past its page; returns the text as laid out, for later steps to find headings in. */
export async function checkLayout(materialId: string, rendered: Rendered): Promise<TextLayout> {
  const layout = await readTextLayout(rendered);
  const { runs, pages } = layout;
  const outside = runs.filter((r) => {
    const p = pages[r.page - 1]!;
    return r.x < -SLACK || r.x + r.width > p.width + SLACK || r.y < -SLACK || r.y + r.height > p.height + SLACK;
  });
  if (outside.length > 0) {
    const list = outside.slice(0, 5).map((r) => `  page ${r.page}: "${r.text}"`).join("\n");
    throw WorkshopkitError.of("render.textOutside", { material: materialId, list });
  }
  return layout;
}
