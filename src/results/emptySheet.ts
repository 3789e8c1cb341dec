// What the empty sheet prints, point by point: each page of the sheet as built (the same PDF the
// reader takes its boxes from) drawn at 2 pixels a point, and where it has ink, widened by 1.5 pt for
// a scan's blur and a registration's last fraction of a point. A mark is ink where the empty sheet has
// none: the box's border, its number and the row's rule never count as a mark, whatever the row's
// other boxes look like.
import { openPdfForRaster, rasterisePage } from "../raster/rasterisePdf.js";
import type { SheetLayout } from "./sheetLayout.js";

/** Pixels per point of the mask. */
const K = 2;
const WIDEN = 1.5;

export interface PrintMask {
  /** Whether the empty sheet prints (or nearly prints) at page point (x, y). */
  printed(x: number, y: number): boolean;
  /** How dark the empty sheet is at (x, y), 0–1. */
  darkness(x: number, y: number): number;
}

const masks = new WeakMap<SheetLayout, Promise<PrintMask[]>>();

export function printMasks(layout: SheetLayout): Promise<PrintMask[]> {
  let m = masks.get(layout);
  if (!m) {
    m = render(layout);
    masks.set(layout, m);
  }
  return m;
}

async function render(layout: SheetLayout): Promise<PrintMask[]> {
  const pdf = await openPdfForRaster(layout.pdf);
  try {
    const out: PrintMask[] = [];
    for (let page = 1; page <= pdf.numPages; page++) {
      const image = await rasterisePage(pdf, page, 72 * K);
      const { width, height, rgba } = image;
      let ink: Uint8Array = new Uint8Array(width * height);
      const dark = new Float32Array(width * height);
      for (let i = 0; i < ink.length; i++) {
        const grey = (rgba[i * 4]! * 0.3 + rgba[i * 4 + 1]! * 0.59 + rgba[i * 4 + 2]! * 0.11) * (rgba[i * 4 + 3]! / 255) + 255 * (1 - rgba[i * 4 + 3]! / 255);
        ink[i] = grey < 235 ? 1 : 0;
        dark[i] = 1 - grey / 255;
      }
      const r = Math.round(WIDEN * K);
      ink = widen(widen(ink, width, height, r, 1, 0), width, height, r, 0, 1);
      out.push({
        printed(x, y) {
          const u = Math.floor(x * K), v = Math.floor(y * K);
          return u >= 0 && v >= 0 && u < width && v < height && ink[v * width + u] === 1;
        },
        darkness(x, y) {
          const u = Math.floor(x * K), v = Math.floor(y * K);
          return u >= 0 && v >= 0 && u < width && v < height ? dark[v * width + u]! : 0;
        },
      });
    }
    return out;
  } finally {
    await pdf.destroy();
  }
}

function widen(src: Uint8Array, w: number, h: number, r: number, dx: number, dy: number): Uint8Array {
  const out = new Uint8Array(src.length);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    if (!src[y * w + x]) continue;
    for (let k = -r; k <= r; k++) {
      const xx = x + k * dx, yy = y + k * dy;
      if (xx >= 0 && yy >= 0 && xx < w && yy < h) out[yy * w + xx] = 1;
    }
  }
  return out;
}
