// The text runs of a rendered document, read from react-pdf's own layout (what it is about to
// draw) instead of from the written PDF: the same facts the layout check and the pack's bookmarks
// need, without parsing the PDF again. Where the layout holds something this reader does not place
// exactly (a transformed node, text inside SVG), it returns undefined and the PDF is read instead.
import type { TextLayout, TextRun } from "./checkLayout.js";
import type { SlotPlacement } from "../brand/brandParts.js";
import { nameTooLongError } from "../brand/fitName.js";
import { SLOT_PROP, TOO_LONG_PROP } from "../brand/partKey.js";
import { parseFieldMark, type FieldSpec } from "../fieldMark.js";

interface Box {
  left?: number;
  top?: number;
  width?: number;
  height?: number;
  paddingLeft?: number;
  paddingTop?: number;
}
interface Run {
  start: number;
  end: number;
  xAdvance?: number;
  attributes: { fontSize?: number; letterSpacing?: number; font?: unknown[] };
}
interface Line {
  string: string;
  box: { x: number; y: number };
  ascent?: number;
  runs: Run[];
}
export interface LayoutNode {
  type: string;
  box?: Box;
  style?: { transform?: unknown };
  props?: Record<string, unknown>;
  alignOffset?: number;
  lines?: Line[];
  children?: LayoutNode[];
}

const NOT_PLACED = new Set(["SVG", "CANVAS"]);

const round = (v: number) => Math.round(v * 100) / 100;

/**
 * Every brand slot of the laid-out document: its page, part key and rectangle in PDF points from
 * the page's bottom-left corner. A fixed slot (a header) is in the layout of every page it is drawn on.
 * A slot inside a transformed node cannot be placed by its box: that is a fault in a template.
 * A company name drawn in place that did not fit its part fails here, with its message.
 */
export function layoutSlots(document: LayoutNode): SlotPlacement[] {
  const slots: SlotPlacement[] = [];
  const visit = (node: LayoutNode, ox: number, oy: number, page: number, pageHeight: number, transformed: boolean): void => {
    const b = node.box ?? {};
    const x = ox + (b.left ?? 0);
    const y = oy + (b.top ?? 0);
    const moved = transformed || Boolean(node.style?.transform);
    const tooLong = node.props?.[TOO_LONG_PROP];
    if (typeof tooLong === "string") throw nameTooLongError(tooLong);
    const part = node.props?.[SLOT_PROP];
    if (typeof part === "string") {
      if (moved) throw new Error(`The brand slot "${part}" on page ${page} is inside a transformed node: its place is not known.`);
      const width = b.width ?? 0;
      const height = b.height ?? 0;
      slots.push({ page, part, x: round(x), y: round(pageHeight - y - height), width: round(width), height: round(height) });
      return;
    }
    for (const child of node.children ?? []) visit(child, x, y, page, pageHeight, moved);
  };
  (document.children ?? []).forEach((page, i) => {
    for (const child of page.children ?? []) visit(child, 0, 0, i + 1, page.box?.height ?? 0, false);
  });
  return slots;
}

/** Runs of one text node; `ox`, `oy`: the top-left corner its box is relative to, from the page's top. */
function textNode(node: LayoutNode, ox: number, oy: number, page: number, pageHeight: number, runs: TextRun[]): void {
  const b = node.box ?? {};
  const lines = node.lines ?? [];
  const x0 = ox + (b.left ?? 0) + (b.paddingLeft ?? 0) - (node.alignOffset ?? 0);
  const y0 = oy + (b.top ?? 0) + (b.paddingTop ?? 0) - (lines[0]?.box.y ?? 0);
  for (const line of lines) {
    let x = x0 + line.box.x;
    const y = pageHeight - (y0 + line.box.y + (line.ascent ?? 0));
    let previous: { run: TextRun; font: unknown } | undefined;
    for (const run of line.runs) {
      const advance = run.xAdvance ?? 0;
      const text = line.string.slice(run.start, run.end);
      const font = run.attributes.font?.[0];
      const size = run.attributes.fontSize ?? 0;
      // As a PDF reader measures it: no letter spacing after the last letter, the font size as height.
      const width = advance - (run.attributes.letterSpacing ?? 0);
      if (previous && previous.font === font && previous.run.height === size) {
        // One piece of text as a reader sees it: a run in the same face and size goes on the one before (a colour or a link changed).
        previous.run.text += text;
        previous.run.width = x + width - previous.run.x;
      } else if (text.trim() !== "") {
        previous = { run: { page, text, x, y, width, height: size }, font };
        runs.push(previous.run);
      }
      x += advance;
    }
  }
}

/** Positioned text runs and page sizes, in PDF points from the bottom-left corner, as checkLayout gives them; undefined where unsure. */
export function layoutTextRuns(document: LayoutNode): TextLayout | undefined {
  const runs: TextRun[] = [];
  const pages: TextLayout["pages"] = [];
  let sure = true;
  const visit = (node: LayoutNode, ox: number, oy: number, page: number, pageHeight: number): void => {
    if (!sure) return;
    if (node.style?.transform || NOT_PLACED.has(node.type)) {
      if (NOT_PLACED.has(node.type) && !hasText(node)) return; // a drawing without text (a QR code)
      sure = false;
      return;
    }
    if (node.type === "TEXT") return textNode(node, ox, oy, page, pageHeight, runs);
    const b = node.box ?? {};
    for (const child of node.children ?? []) visit(child, ox + (b.left ?? 0), oy + (b.top ?? 0), page, pageHeight);
  };
  (document.children ?? []).forEach((page, i) => {
    const width = page.box?.width ?? 0;
    const height = page.box?.height ?? 0;
    pages.push({ width, height });
    // A page's children are placed from its own corner.
    for (const child of page.children ?? []) visit(child, 0, 0, i + 1, height);
  });
  return sure ? { runs, pages } : undefined;
}

/** A field mark (a `wkfield:` link, src/fieldMark.ts) where the PDF has it: its page (from 1), and its link's bottom and height in PDF points. */
export interface MarkBox {
  page: number;
  spec: FieldSpec;
  y: number;
  height: number;
}

/** A number as pdfkit writes it into the PDF (PDFObject.number). */
const written = (n: number) => Math.round(n * 1e6) / 1e6;

const markOf = (node: LayoutNode) => {
  const src = node.props?.src;
  return node.type === "LINK" && typeof src === "string" ? parseFieldMark(src) : undefined;
};
const hasMark = (node: LayoutNode): boolean => markOf(node) !== undefined || (node.children ?? []).some(hasMark);

/**
 * Every field mark of the laid-out document, its link's rectangle computed as pdfkit computes and
 * writes it: react-pdf draws a node's children translated by its box, on a page whose y axis pdfkit
 * flips (y = page height − top), so the numbers are those read back from the PDF, exactly. Undefined
 * where a mark is placed some other way (inside a transformed node or a text, or with a hit slop).
 */
export function layoutFieldMarks(document: LayoutNode): MarkBox[] | undefined {
  const marks: MarkBox[] = [];
  let sure = true;
  // (x0, y0): the translation in force, as pdfkit's CTM holds it (x0 + left, y0 − top).
  const visit = (node: LayoutNode, x0: number, y0: number, page: number): void => {
    if (!sure) return;
    if (node.style?.transform || node.type === "TEXT") {
      if (hasMark(node)) sure = false;
      return;
    }
    const b = node.box ?? {};
    const spec = markOf(node);
    if (spec) {
      if (node.props?.hitSlop !== undefined) return void (sure = false);
      const bottom = written(y0 - ((b.top ?? 0) + (b.height ?? 0)));
      marks.push({ page, spec, y: bottom, height: written(y0 - (b.top ?? 0)) - bottom });
    }
    for (const child of node.children ?? []) visit(child, (b.left ?? 0) + x0, y0 - (b.top ?? 0), page);
  };
  (document.children ?? []).forEach((page, i) => {
    const b = page.box ?? {};
    for (const child of page.children ?? []) visit(child, b.left ?? 0, (b.height ?? 0) - (b.top ?? 0), i + 1);
  });
  return sure ? marks : undefined;
}

function hasText(node: LayoutNode): boolean {
  return node.type === "TEXT" || node.type === "TSPAN" || (node.children ?? []).some(hasText);
}
