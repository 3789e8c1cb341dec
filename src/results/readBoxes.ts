// read: each statement's five boxes judged against each other and against the paper around them.
// A box counts with its immediate surround (half the gap to its neighbours), so a cross, a tick, a filled
// box and a ring drawn around the number all count. The printed box and its number are the same in
// every box of a row, so what a mark adds is a box's ink above the row's middle box. One clear mark is
// a score; no mark, two marks or a faint one is doubt, kept as a value with the reason.
import sharp from "sharp";
import type { GreyImage } from "./loadScans.js";
import { apply, scaleOf, type Affine } from "./register.js";
import type { Row } from "./sheetLayout.js";

/** Mean ink a mark adds to a box's area (0 = paper, 1 = black) at which it clearly is one. */
export const MARKED = 0.015;
/** Below this a box is clearly empty; between the two a mark is too faint to be sure of. */
export const EMPTY = 0.007;

export type Doubt = "no mark" | "more than one mark" | "a faint mark" | "boxes not found";

export interface RowReading {
  field: string;
  /** "1"…"5", or null when in doubt. */
  value: string | null;
  doubt?: Doubt;
  /** Each box's ink above the row's middle box, for the record. */
  ink: number[];
}

/** Samples the image at page points through the map (bilinear), in grey levels 0–255. */
function sampler(image: GreyImage, t: Affine) {
  const { width, height, data } = image;
  return (x: number, y: number) => {
    const [u, v] = apply(t, x, y);
    const fx = Math.min(Math.max(u - 0.5, 0), width - 1.001);
    const fy = Math.min(Math.max(v - 0.5, 0), height - 1.001);
    const ix = Math.floor(fx), iy = Math.floor(fy);
    const dx = fx - ix, dy = fy - iy;
    const i = iy * width + ix;
    const top = data[i]! * (1 - dx) + data[i + 1]! * dx;
    const bottom = data[i + width]! * (1 - dx) + data[i + width + 1]! * dx;
    return top * (1 - dy) + bottom * dy;
  };
}

/** Grey levels of a rectangle in page points, one sample per pixel. */
function area(sample: (x: number, y: number) => number, step: number, x: number, y: number, w: number, h: number): number[] {
  const out: number[] = [];
  for (let yy = y + step / 2; yy < y + h; yy += step) for (let xx = x + step / 2; xx < x + w; xx += step) out.push(sample(xx, yy));
  return out;
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};

export function readRow(image: GreyImage, t: Affine, row: Row, place: RowPlace = { dx: 0, dy: 0, contrast: 1 }): RowReading {
  const shifted = sampler(image, t);
  const sample = (x: number, y: number) => shifted(x + place.dx, y + place.dy);
  const step = 1 / scaleOf(t);
  const [b0, b1] = row.boxes;
  const gap = b1 ? b1.x - b0!.x - b0!.width : 4;
  const regions = row.boxes.map((b) => area(sample, step, b.x - gap / 2, b.y - gap / 2, b.width + gap, b.height + gap));
  // The paper of this row: most of the row's area is paper, whatever is marked.
  const paper = Math.max(quantile(regions.flat(), 0.8), 1);
  const ink = regions.map((values) => values.reduce((s, v) => s + Math.max(0, paper - v), 0) / values.length / paper);
  const middle = quantile(ink, 0.5);
  const above = ink.map((v) => v - middle);
  const marked = above.flatMap((v, i) => (v >= MARKED ? [i] : []));
  const faint = above.filter((v) => v > EMPTY && v < MARKED).length;
  const rounded = above.map((v) => Math.round(v * 1000) / 1000);
  if (marked.length === 1 && faint === 0) return { field: row.field, value: row.boxes[marked[0]!]!.option, ink: rounded };
  const doubt: Doubt = marked.length > 1 ? "more than one mark" : faint > 0 ? "a faint mark" : "no mark";
  return { field: row.field, value: null, doubt, ink: rounded };
}

/** Where a row's boxes were found: an offset in points from where the page's map puts them. */
export interface RowPlace {
  dx: number;
  dy: number;
  /** How much darker the printed borders are there than the paper inside the boxes (0–1). */
  contrast: number;
}

/** Below this border contrast a row's boxes are not found where the sheet prints them. */
export const FOUND = 0.18;

/**
 * Finds the row's printed boxes near where the page's map puts them (within `reach` pt): the offset at which
 * the five box borders are darkest. Reading each row where its boxes are makes the reading independent
 * of small registration errors, a page that is not quite flat, or a scanner that stretches one way.
 */
export function locateRow(image: GreyImage, t: Affine, row: Row, reach = 6): RowPlace {
  const sample = sampler(image, t);
  const border: [number, number][] = [];
  const inside: [number, number][] = [];
  for (const b of row.boxes) {
    const e = 0.45; // the middle of a 0.9 pt border
    for (let k = 0; k <= 16; k++) {
      const f = k / 16;
      border.push([b.x + e + f * (b.width - 2 * e), b.y + e], [b.x + e + f * (b.width - 2 * e), b.y + b.height - e]);
      border.push([b.x + e, b.y + e + f * (b.height - 2 * e)], [b.x + b.width - e, b.y + e + f * (b.height - 2 * e)]);
      inside.push([b.x + 2.5 + f * (b.width - 5), b.y + 2.5], [b.x + 2.5 + f * (b.width - 5), b.y + b.height - 2.5]);
    }
  }
  const darkness = (points: [number, number][], dx: number, dy: number) => points.reduce((sum, [x, y]) => sum + (255 - sample(x + dx, y + dy)), 0) / points.length / 255;
  let best = { dx: 0, dy: 0, score: -1 };
  const search = (cx: number, cy: number, reach: number, step: number) => {
    const start = best;
    for (let dy = cy - reach; dy <= cy + reach + 1e-9; dy += step) for (let dx = cx - reach; dx <= cx + reach + 1e-9; dx += step) {
      const score = darkness(border, dx, dy);
      if (score > best.score) best = { dx, dy, score };
    }
    return start !== best;
  };
  search(0, 0, reach, reach > 2 ? 1 : 0.5);
  search(best.dx, best.dy, 1, 0.25);
  return { dx: best.dx, dy: best.dy, contrast: best.score - darkness(inside, best.dx, best.dy) };
}

/** The row as a small upright picture (whatever way the page was scanned): the statement and its boxes, PNG. */
export async function cropRow(image: GreyImage, t: Affine, row: Row, textLeft: number, place: RowPlace = { dx: 0, dy: 0, contrast: 1 }): Promise<Buffer> {
  const shifted = sampler(image, t);
  const sample = (x: number, y: number) => shifted(x + place.dx, y + place.dy);
  const last = row.boxes.at(-1)!;
  const first = row.boxes[0]!;
  const x0 = textLeft, x1 = last.x + last.width + 8;
  const y0 = first.y - 10, y1 = first.y + first.height + 10;
  const step = 72 / 150; // 150 dpi is plenty to check a row by eye
  const w = Math.round((x1 - x0) / step), h = Math.round((y1 - y0) / step);
  const pixels = Buffer.alloc(w * h);
  for (let j = 0; j < h; j++) for (let i = 0; i < w; i++) pixels[j * w + i] = Math.round(sample(x0 + (i + 0.5) * step, y0 + (j + 0.5) * step));
  return sharp(pixels, { raw: { width: w, height: h, channels: 1 } }).png({ compressionLevel: 9 }).toBuffer();
}
