// What a first layout says about each page's room, for src/fit/cannotSave.ts: where its text and its
// form-field boxes (ruled writing space, which holds no text) begin and end, measured down from the top
// of the page's body. Text is placed by its baseline and font size, a little inside its line box: the
// room left at a page's foot is never underestimated.
import { PDFArray, PDFName } from "pdf-lib";
import { hasFieldMarks, type FieldSpec } from "../fieldMark.js";
import { fieldMarkOf } from "../finish/markedFields.js";
import { loadPdf } from "../finish/savePdf.js";
import type { MarkBox } from "../render/layoutText.js";
import type { Checked } from "../render/renderMaterial.js";
import { styles } from "../../templates/theme.js";

/** The page's body: inside the running header and footer (the page's padding, theme.ts). */
export const BODY_TOP = Number(styles.page.paddingTop);
export const BODY_BOTTOM = Number(styles.page.paddingBottom);

export interface Item {
  /** Points below the top of the body. */
  top: number;
  bottom: number;
  text?: string;
  mark?: FieldSpec;
}

export interface PageFacts {
  landscape: boolean;
  /** Height of the body. */
  body: number;
  items: Item[];
}

/** The field marks' boxes of every page (the `wkfield:` links a template laid out, see src/fieldMark.ts): from the layout, else read from the PDF. */
async function marksByPage({ bytes, marks, layout }: Checked): Promise<Omit<MarkBox, "page">[][]> {
  if (marks) return layout.pages.map((_, i) => marks.filter((m) => m.page === i + 1));
  return readMarks(bytes);
}

/** The field marks' boxes of every page, read from the PDF's links. */
export async function readMarks(bytes: Uint8Array): Promise<Omit<MarkBox, "page">[][]> {
  if (!hasFieldMarks(bytes)) return []; // a running text: no need to parse the PDF
  const pdf = await loadPdf(bytes);
  return pdf.getPages().map((page) => {
    const annots = page.node.Annots();
    const marks: Omit<MarkBox, "page">[] = [];
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const mark = fieldMarkOf(pdf.context, annots!.get(i));
      if (!mark) continue;
      const rect = mark.link.lookup(PDFName.of("Rect"), PDFArray).asRectangle();
      marks.push({ spec: mark.spec, y: rect.y, height: rect.height });
    }
    return marks;
  });
}

/** Every page's text runs and field boxes inside its body, from the layout the check made and the render's field marks. */
export async function pageFacts(rendered: Checked): Promise<PageFacts[]> {
  const { layout } = rendered;
  const marks = await marksByPage(rendered);
  return layout.pages.map(({ width, height }, i) => {
    const below = (y: number) => height - BODY_TOP - y;
    const inBody = (y: number) => y > BODY_BOTTOM && y < height - BODY_TOP;
    const items: Item[] = [
      ...layout.runs.filter((r) => r.page === i + 1 && inBody(r.y)).map((r) => ({ top: below(r.y + r.height), bottom: below(r.y), text: r.text })),
      ...(marks[i] ?? []).filter((m) => inBody(m.y + m.height / 2)).map((m) => ({ top: below(m.y + m.height), bottom: below(m.y), mark: m.spec })),
    ];
    return { landscape: width > height, body: height - BODY_TOP - BODY_BOTTOM, items };
  });
}
