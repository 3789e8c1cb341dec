// Imposition: where n-up cards, their crop marks and their mirrored backs sit on a sheet. Points, from the top-left.
import type { CardSize, Duplex } from "./options.js";

export const PT_PER_MM = 72 / 25.4;
export const mm = (v: number) => v * PT_PER_MM;

/** Bleed round a card with a coloured background. */
export const BLEED = mm(3);
/** Crop marks start this far outside the cut area: beyond the bleed, so no colour touches them. */
export const MARK_OFFSET = mm(3.5);
export const MARK_LENGTH = mm(5);
/**
 * Marks stay this far from the paper's edge: inside every desktop printer's printable area, and
 * never at the edge, where a viewer would take them for content and shrink the page to fit.
 */
export const EDGE_CLEARANCE = mm(6);

export interface Size {
  width: number;
  height: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Line {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface Sheet {
  page: Size;
  card: Size;
  cols: number;
  rows: number;
  /** The cut area: the outer trim of the card grid. Cards share cut lines, so there are no gutters. */
  grid: Rect;
  /** Card positions on a front page, row by row from the top-left. */
  slots: Rect[];
  /** Crop marks in the margin, one pair for every cut line, off the cut area and off the page edge. */
  marks: Line[];
}

export const PAPER_SIZES: Record<"A4" | "LETTER", Size> = {
  A4: { width: mm(210), height: mm(297) },
  LETTER: { width: 612, height: 792 },
};

/** Lays cards of `size` (mm) out on `page`, as many as fit with room for the marks; undefined when none fits. */
export function impose(page: Size, size: CardSize): Sheet | undefined {
  const card = { width: mm(size.width), height: mm(size.height) };
  const reserve = MARK_OFFSET + MARK_LENGTH + EDGE_CLEARANCE;
  // A hair of tolerance so that 2 × 90 mm on A4 is not lost to rounding.
  const cols = Math.floor((page.width - 2 * reserve + 1e-6) / card.width);
  const rows = Math.floor((page.height - 2 * reserve + 1e-6) / card.height);
  if (cols < 1 || rows < 1) return undefined;
  const grid = {
    x: (page.width - cols * card.width) / 2,
    y: (page.height - rows * card.height) / 2,
    width: cols * card.width,
    height: rows * card.height,
  };
  const slots: Rect[] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) slots.push({ x: grid.x + c * card.width, y: grid.y + r * card.height, ...card });
  return { page, card, cols, rows, grid, slots, marks: cropMarks(grid, cols, rows) };
}

function cropMarks(grid: Rect, cols: number, rows: number): Line[] {
  const marks: Line[] = [];
  const top = grid.y;
  const bottom = grid.y + grid.height;
  const left = grid.x;
  const right = grid.x + grid.width;
  for (let c = 0; c <= cols; c++) {
    const x = left + (c * grid.width) / cols;
    marks.push({ x1: x, y1: top - MARK_OFFSET - MARK_LENGTH, x2: x, y2: top - MARK_OFFSET });
    marks.push({ x1: x, y1: bottom + MARK_OFFSET, x2: x, y2: bottom + MARK_OFFSET + MARK_LENGTH });
  }
  for (let r = 0; r <= rows; r++) {
    const y = top + (r * grid.height) / rows;
    marks.push({ x1: left - MARK_OFFSET - MARK_LENGTH, y1: y, x2: left - MARK_OFFSET, y2: y });
    marks.push({ x1: right + MARK_OFFSET, y1: y, x2: right + MARK_OFFSET + MARK_LENGTH, y2: y });
  }
  return marks;
}

/**
 * Where the back of `front` is printed so that it lands behind it when the sheet is printed duplex.
 * Long edge: the sheet turns about its vertical axis, so x mirrors. Short edge: it turns about its
 * horizontal axis, so y mirrors. The back's design itself stays upright on its page.
 */
export function backOf(front: Rect, page: Size, duplex: Exclude<Duplex, "none">): Rect {
  return duplex === "long"
    ? { ...front, x: page.width - front.x - front.width }
    : { ...front, y: page.height - front.y - front.height };
}

/** Mirrors a box inside a card the way `backOf` mirrors the card: what is printed behind it. */
export function behind(inner: Rect, card: Size, duplex: Exclude<Duplex, "none">): Rect {
  return backOf(inner, card, duplex);
}

export function grow(r: Rect, by: number): Rect {
  return { x: r.x - by, y: r.y - by, width: r.width + 2 * by, height: r.height + 2 * by };
}

/** The same rectangle in PDF user space, from the page's bottom-left corner (as pdf-lib's setTrimBox wants it). */
export function toPdfBox(r: Rect, page: Size): Rect {
  return { x: r.x, y: page.height - r.y - r.height, width: r.width, height: r.height };
}
