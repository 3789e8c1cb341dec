// read: each statement's five boxes judged on their own: a box's ink is what is darker than the paper
// around it where the empty sheet prints nothing (emptySheet.ts), so neither the row's other boxes nor
// a stain or a grey copy sets what "empty" is. Strokes are followed across the printed borders to the
// box they are drawn in; ink of another row never counts. One clear mark is a score; a box filled or
// scribbled out beside one other mark is a changed answer; anything else (no mark, two marks, a faint
// one, a stroke across boxes or rows) is doubt, kept as a value with the reason.
import sharp from "sharp";
import type { GreyImage } from "./loadScans.js";
import { apply, scaleOf, type Affine } from "./register.js";
import type { Row } from "./sheetLayout.js";
import type { Background } from "./background.js";
import type { PrintMask } from "./emptySheet.js";

/** Samples the image at page points through the map (bilinear), in grey levels 0–255. */
function sampler(image: GreyImage, t: Affine) {
  const { width, height, data } = image;
  return (x: number, y: number) => {
    const [u, v] = apply(t, x, y);
    return bilinear(data, width, height, u, v);
  };
}

function bilinear(data: Uint8Array, width: number, height: number, u: number, v: number): number {
  const fx = Math.min(Math.max(u - 0.5, 0), width - 1.001);
  const fy = Math.min(Math.max(v - 0.5, 0), height - 1.001);
  const ix = Math.floor(fx), iy = Math.floor(fy);
  const dx = fx - ix, dy = fy - iy;
  const i = iy * width + ix;
  const top = data[i]! * (1 - dx) + data[i + 1]! * dx;
  const bottom = data[i + width]! * (1 - dx) + data[i + width + 1]! * dx;
  return top * (1 - dy) + bottom * dy;
}

export type Doubt = "no mark" | "more than one mark" | "a faint mark" | "boxes not found" | "a stain on the row";

export interface RowReading {
  field: string;
  /** "1"…"5", or null when in doubt. */
  value: string | null;
  doubt?: Doubt;
  /** Each box's ink (pt² of the box's own ink), for the record. */
  ink: number[];
}

/** A box's ink, in pt², at which it clearly holds a mark; below FAINT it holds none. */
export const MARKED = 5;
export const FAINT = 1.2;
/** Ink (pt²) of light strokes in a box, seen at the page's faint level, at which the box is not empty. */
const LIGHT = 1.5;
/** The same, for a light stroke to be a mark (the new answer beside a filled box). */
const LIGHT_MARK = 2.5;
/** The margin around a box within which ink still counts as the box's, in points. */
const MARGIN = 1;
/** How far the reader looks above and below a row's boxes, in points (half-way into the next row's boxes). */
const BAND = 10;
/** Ink pixels this close (points) are one stroke: enough to bridge a printed border (1.5 pt either side of it). */
const BRIDGE = 2;
/** Beyond this distance (points) above or below its boxes, ink is near the next row's boxes (rows are 6.8 pt apart at least). */
const NEIGHBOUR = 5.3;
/** How far a stroke is followed through printed ink (a border and its widening: 0.9 + 2 × 1.5 pt), in points. */
const THROUGH = 4.5;

interface Band {
  row: Row;
  x0: number; y0: number; nx: number; ny: number; step: number;
  /** Darkness below the paper around it, 0–1, smoothed a little. */
  d: Float32Array;
  /** The empty sheet prints here: never a mark. */
  printed: Uint8Array;
  /** How dark the empty sheet is here. */
  empty: Float32Array;
  /** The mean darkness of the paper between this row's boxes (set by pageInk). */
  paper: number;
  /** How much the paper's own brightness changes across the row, 0–1: a stain's edge runs through it. */
  shading: number;
}

/**
 * Paper whose brightness changes by more than this across one row is stained there (a stain's edge,
 * a fold's shadow): its rim can look like a stroke where the background estimate lags, so a row on
 * it is left to a person rather than risk a wrong read. Uneven light changes far less over a row.
 */
const STAINED = 0.1;

export interface PageInk {
  /** Darkness a stroke must reach to be ink at all (above the paper's noise), and for a stroke to count as drawn. */
  low: number;
  high: number;
  /** The most a box's mean darkness (above its row's paper) may be to be sure it is empty. */
  residue: number;
  /** The same beside a filled box, which may be a cancelled answer whose new one is lighter. */
  strict: number;
  /** The most the darkest part of a box's paper (`tail`) may be, above its row's paper, for the box to be empty. */
  tail: number;
  /** Darkness at which a light stroke (a pencil tick at half pressure) still shows above the paper's noise. */
  faint: number;
}

/**
 * The page's rows judged box by box. Each box's ink is what is darker than the paper around it
 * (`background`: stains, shadows and grey copies taken out) where the empty sheet prints nothing
 * (`mask`); strokes are followed across the printed borders so that a tick spilling into the next box, a
 * cross larger than its box, or a ring drawn around a box's number belong to the box they are drawn
 * in; what lies mostly in another row, or runs across many boxes (a stain's rim, a crease), is no mark.
 * The thresholds follow the page: the paper's noise, and the strength of the pen seen on it.
 */
export function readRows(image: GreyImage, rows: Row[], places: (RowPlace & { transform: Affine })[], mask: PrintMask, background: Background): RowReading[] {
  const bands = rows.map((row, i) => (places[i]!.contrast >= FOUND ? sampleBand(image, row, places[i]!, mask, background) : undefined));
  const ink = pageInk(bands.filter((b): b is Band => b !== undefined));
  return rows.map((row, i): RowReading => {
    const band = bands[i];
    if (!band) return { field: row.field, value: null, doubt: "boxes not found", ink: [] };
    const reading = judgeRow(band, ink);
    return reading.value !== null && band.shading > STAINED ? { ...reading, value: null, doubt: "a stain on the row" } : reading;
  });
}

function sampleBand(image: GreyImage, row: Row, place: RowPlace & { transform: Affine }, mask: PrintMask, background: Background): Band {
  const t = place.transform;
  const step = 1 / Math.min(scaleOf(t), 3);
  const first = row.boxes[0]!, last = row.boxes.at(-1)!;
  const x0 = first.x - 5, y0 = first.y - BAND;
  const nx = Math.ceil((last.x + last.width + 5 - x0) / step), ny = Math.ceil((first.height + 2 * BAND) / step);
  const raw = new Float32Array(nx * ny);
  const printed = new Uint8Array(nx * ny);
  const empty = new Float32Array(nx * ny);
  let brightest = 0, darkest = 255;
  for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) {
    const x = x0 + (i + 0.5) * step, y = y0 + (j + 0.5) * step;
    const [u, v] = apply(t, x + place.dx, y + place.dy);
    const paper = background.at(u, v);
    brightest = Math.max(brightest, paper);
    darkest = Math.min(darkest, paper);
    const grey = bilinear(image.data, image.width, image.height, u, v);
    raw[j * nx + i] = Math.max(0, Math.min(1, (paper - grey) / paper));
    printed[j * nx + i] = mask.printed(x, y) ? 1 : 0;
    empty[j * nx + i] = mask.darkness(x, y);
  }
  // A [1 2 1] blur each way: a scanner's noise falls to 40 %, a stroke keeps its darkness.
  const d = new Float32Array(nx * ny);
  const tmp = new Float32Array(nx * ny);
  for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) {
    const k = j * nx + i;
    tmp[k] = (raw[k - (i > 0 ? 1 : 0)]! + 2 * raw[k]! + raw[k + (i < nx - 1 ? 1 : 0)]!) / 4;
  }
  for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) {
    const k = j * nx + i;
    d[k] = (tmp[k - (j > 0 ? nx : 0)]! + 2 * tmp[k]! + tmp[k + (j < ny - 1 ? nx : 0)]!) / 4;
  }
  return { row, x0, y0, nx, ny, step, d, printed, empty, paper: 0, shading: brightest > 0 ? (brightest - darkest) / brightest : 0 };
}

const quantile = (values: Float32Array | number[], q: number) => {
  if (values.length === 0) return 0;
  const sorted = Float32Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};

/** The page's thresholds: ink is darker than the paper's noise; a drawn stroke reaches a share of the pen's strength. */
function pageInk(bands: Band[]): PageInk {
  const paper: number[] = [];
  for (const b of bands) for (let k = 0; k < b.d.length; k += 3) if (!b.printed[k]) paper.push(b.d[k]!);
  const med = quantile(paper, 0.5);
  const mad = quantile(paper.map((v) => Math.abs(v - med)), 0.5);
  const low = Math.max(0.07, med + 7 * 1.4826 * mad);
  // The pen: the darker part of what is darker than that, inside the boxes.
  const inked: number[] = [];
  for (const b of bands) for (const box of b.row.boxes) forBox(b, box, 0, (k) => { if (!b.printed[k] && b.d[k]! >= low) inked.push(b.d[k]!); });
  const pen = inked.length >= 40 ? quantile(inked, 0.85) : 0.5;
  // A stroke counts as drawn when some of it is this dark: a share of the page's pen, but never so high
  // that a second, lighter pen on the page (a pencil beside a ballpoint) is lost.
  const high = Math.min(0.12, Math.max(low * 1.6, pen * 0.45));
  // How much darker than the paper between its row's boxes an empty box is on this page (most boxes
  // are empty), and how much that varies: a box that is darker still holds something.
  const excess: number[] = [];
  const tails: number[] = [];
  for (const b of bands) {
    const top = b.row.boxes[0]!.y, bottom = top + b.row.boxes[0]!.height;
    const inBox = new Uint8Array(b.d.length);
    for (const box of b.row.boxes) forBox(b, box, MARGIN + 1, (k) => { inBox[k] = 1; });
    let sum = 0, n = 0;
    for (let k = 0; k < b.d.length; k++) {
      const y = b.y0 + (Math.floor(k / b.nx) + 0.5) * b.step;
      if (b.printed[k] || inBox[k] || y < top || y > bottom || b.d[k]! >= low) continue;
      sum += b.d[k]!;
      n++;
    }
    b.paper = n ? sum / n : 0;
    for (const box of b.row.boxes) {
      let s = 0, c = 0, inked = 0;
      forBox(b, box, 0, (k) => { if (!b.printed[k]) { s += b.d[k]!; c++; if (b.d[k]! >= low) inked++; } });
      if (c && inked <= 0.01 * c) { excess.push(s / c - b.paper); tails.push(tail(b, box)); } // boxes with no ink to speak of
    }
  }
  const m = quantile(excess, 0.5);
  const spread = quantile(excess.map((v) => Math.abs(v - m)), 0.5);
  const faint = Math.min(low, Math.max(0.035, med + 4.5 * 1.4826 * mad));
  const t = quantile(tails, 0.5), tSpread = quantile(tails.map((v) => Math.abs(v - t)), 0.5);
  return { low, high, faint, tail: t + Math.max(0.008, 5 * 1.4826 * tSpread), residue: m + Math.max(0.004, 4.5 * 1.4826 * spread), strict: m + Math.max(0.003, 3 * 1.4826 * spread) };
}

/**
 * The darkest part of a box's paper: the mean of its darkest 8 % where the sheet prints nothing (and
 * `skip` says no other box's stroke lies), above the paper between the row's boxes. A thin light
 * line (a pencil tick at half pressure) darkens only a few samples, too few to move a box's mean.
 */
function tail(b: Band, box: Row["boxes"][number], skip?: (k: number) => boolean): number {
  const v: number[] = [];
  forBox(b, box, 0, (k) => { if (!b.printed[k] && !skip?.(k)) v.push(b.d[k]!); });
  if (v.length < 20) return 0;
  v.sort((x, y) => y - x);
  const n = Math.max(3, Math.round(0.08 * v.length));
  let sum = 0;
  for (let i = 0; i < n; i++) sum += v[i]!;
  return sum / n - b.paper;
}

/** Calls `f` with each sample index inside the box grown by `margin` points. */
function forBox(b: Band, box: Row["boxes"][number], margin: number, f: (k: number, x: number, y: number) => void) {
  const i0 = Math.max(0, Math.floor((box.x - margin - b.x0) / b.step)), i1 = Math.min(b.nx - 1, Math.ceil((box.x + box.width + margin - b.x0) / b.step));
  const j0 = Math.max(0, Math.floor((box.y - margin - b.y0) / b.step)), j1 = Math.min(b.ny - 1, Math.ceil((box.y + box.height + margin - b.y0) / b.step));
  for (let j = j0; j <= j1; j++) for (let i = i0; i <= i1; i++) {
    const x = b.x0 + (i + 0.5) * b.step, y = b.y0 + (j + 0.5) * b.step;
    if (x >= box.x - margin && x <= box.x + box.width + margin && y >= box.y - margin && y <= box.y + box.height + margin) f(j * b.nx + i, x, y);
  }
}

interface Stroke {
  /** Ink (pt²) inside each box's counting area. */
  inBox: number[];
  /** Ink in this row's strip outside the boxes, and in another row's. */
  beside: number;
  foreign: number;
  /** Of it, pt² dark enough to count as drawn. */
  strong: number;
  width: number;
  height: number;
  /** Its extent, in page points. */
  minX: number; maxX: number; minY: number; maxY: number;
  /** Samples, to move a spill back to its box. */
  samples: number[];
}

/**
 * The row's strokes: samples darker than `level` (where the sheet prints nothing) within BRIDGE of
 * each other, followed a little through what the sheet prints (a border, a number), so that a tick
 * drawn over a box's border is one stroke on both sides of it. `high`: how dark a stroke's ink must
 * be somewhere to count as drawn (its `strong` area).
 */
function findStrokes(b: Band, level: number, high: number): { strokes: Stroke[]; label: Int32Array; isInk: (k: number) => boolean } {
  const { row, nx, ny, step, d, printed } = b;
  const area = step * step;
  const boxes = row.boxes;
  const top = boxes[0]!.y, bottom = top + boxes[0]!.height;
  const isInk = (k: number) => !printed[k] && d[k]! >= level;
  // Which box's counting area (box + MARGIN) each sample is in, or -1.
  const owner = new Int8Array(nx * ny).fill(-1);
  boxes.forEach((box, i) => forBox(b, box, MARGIN, (k) => { owner[k] = i; }));
  // Strokes: ink samples within BRIDGE of each other.
  const reach = Math.max(1, Math.round(BRIDGE / step));
  const offsets: number[][] = [];
  for (let dj = -reach; dj <= reach; dj++) for (let di = -reach; di <= reach; di++) if ((di || dj) && di * di + dj * dj <= reach * reach) offsets.push([di, dj]);
  const label = new Int32Array(nx * ny).fill(-1);
  const strokes: Stroke[] = [];
  // Through what the sheet prints (a border, a number) a stroke is followed a little further: a tick
  // drawn over a box's border is one stroke on both sides of it.
  const through = Math.round(THROUGH / step);
  const seen = new Int32Array(nx * ny).fill(-1);
  let visit = 0;
  const acrossPrint = (k: number, reached: (q: number) => void) => {
    visit++;
    let frontier = [k];
    seen[k] = visit;
    for (let depth = 0; depth < through && frontier.length; depth++) {
      const next: number[] = [];
      for (const p of frontier) {
        const i = p % nx;
        const l = i > 0 ? 1 : 0, r = i < nx - 1 ? 1 : 0;
        for (const q of [p - l, p + r, p - nx, p + nx, p - nx - l, p - nx + r, p + nx - l, p + nx + r]) {
          if (q < 0 || q >= d.length || seen[q] === visit) continue;
          seen[q] = visit;
          // Never through the rules between rows: a stroke is followed on its own row's side only.
          const qy = b.y0 + (Math.floor(q / nx) + 0.5) * step;
          if (qy < top - 3.4 || qy > bottom + 3.4) continue;
          if (printed[q]) next.push(q);
          else if (depth > 0 && isInk(q)) reached(q);
        }
      }
      frontier = next;
    }
  };
  for (let start = 0; start < d.length; start++) {
    if (label[start] !== -1 || !isInk(start)) continue;
    const s: Stroke = { inBox: boxes.map(() => 0), beside: 0, foreign: 0, strong: 0, width: 0, height: 0, minX: 0, maxX: 0, minY: 0, maxY: 0, samples: [] };
    let minI = nx, maxI = 0, minJ = ny, maxJ = 0;
    const queue = [start];
    label[start] = strokes.length;
    while (queue.length) {
      const k = queue.pop()!;
      const i = k % nx, j = (k - i) / nx;
      s.samples.push(k);
      const y = b.y0 + (j + 0.5) * step;
      if (owner[k]! >= 0) s.inBox[owner[k]!]! += area;
      else if (y < top - NEIGHBOUR || y > bottom + NEIGHBOUR) s.foreign += area;
      else s.beside += area;
      if (d[k]! >= high) s.strong += area;
      if (i < minI) minI = i; if (i > maxI) maxI = i; if (j < minJ) minJ = j; if (j > maxJ) maxJ = j;
      let nearPrint = false;
      for (const [di, dj] of offsets) {
        const ii = i + di!, jj = j + dj!;
        if (ii < 0 || jj < 0 || ii >= nx || jj >= ny) continue;
        const q = jj * nx + ii;
        if (printed[q] && Math.abs(di!) + Math.abs(dj!) === 1) nearPrint = true;
        if (label[q] === -1 && isInk(q)) { label[q] = strokes.length; queue.push(q); }
      }
      if (nearPrint) acrossPrint(k, (q) => { if (label[q] === -1) { label[q] = strokes.length; queue.push(q); } });
    }
    s.width = (maxI - minI + 1) * step;
    s.height = (maxJ - minJ + 1) * step;
    s.minX = b.x0 + minI * step; s.maxX = b.x0 + (maxI + 1) * step;
    s.minY = b.y0 + minJ * step; s.maxY = b.y0 + (maxJ + 1) * step;
    strokes.push(s);
  }
  return { strokes, label, isInk };
}

let DBG = () => {};
function judgeRow(b: Band, ink: PageInk): RowReading {
  DBG = () => {};
  const { row } = b;
  const boxes = row.boxes;
  const { strokes, label, isInk } = findStrokes(b, ink.low, ink.high);
  // A second, finer look, at the darkness of a light stroke (see below); its lines that run on far
  // beyond a box, or straight through one (a stain's rim, a crease), are no pen's mark.
  const fine = findStrokes(b, ink.faint, ink.faint);
  const boxW = boxes[0]!.width, boxH = boxes[0]!.height;
  const long = new Set<number>();
  fine.strokes.forEach((f, l) => { if (f.width > 2 * boxW || f.height > 2 * boxH || throughLine(b, f)) long.add(l); });

  const total = boxes.map(() => 0);
  const own = boxes.map(() => 0); // ink of strokes whose home is the box
  let across: string | undefined; // a stroke that belongs to two boxes, or to this row and another: a person must look
  const homes: number[] = [];
  const besides: number[] = []; // strokes mostly beside the boxes
  const weak: number[] = []; // faint strokes beside them
  for (const s of strokes) {
    const inside = s.inBox.reduce((a, v) => a + v, 0);
    homes.push(-1);
    if (s.strong < 0.3 || inside + s.beside < 0.5) {
      // A speck, or too light to be drawn; but a faint arc may complete a ring around a box.
      if (inside < 0.3 * (inside + s.beside) && s.beside >= 1 && s.foreign === 0) weak.push(strokes.indexOf(s));
      continue;
    }
    // A mark drawn around or across one box (a ring around it, a cross larger than it, a ring drawn
    // high into the surround of the row above): centred on the box, within its surround, and not
    // reaching far into another box. It is that box's, wherever its ink lies.
    const centred = boxes.findIndex((box) => Math.abs((s.minX + s.maxX) / 2 - (box.x + box.width / 2)) <= 0.3 * box.width && Math.abs((s.minY + s.maxY) / 2 - (box.y + box.height / 2)) <= 0.3 * box.height);
    if (centred >= 0) {
      const box = boxes[centred]!;
      const within = s.minX >= box.x - 7.5 && s.maxX <= box.x + box.width + 7.5 && s.minY >= box.y - 8.5 && s.maxY <= box.y + box.height + 8.5;
      const others = s.inBox.reduce((a, v, i) => (i === centred ? a : a + v), 0);
      const shallow = s.inBox.every((v, i) => i === centred || v === 0 || spillDepth(b, s, boxes[i]!, i < centred ? "right" : "left") < 0.3 * boxW);
      if (within && shallow && others <= 0.25 * (inside + s.beside) && (s.width >= 0.8 * boxW || s.height >= 0.8 * boxH) && allAround(b, s, box)) {
        homes[homes.length - 1] = centred;
        total[centred]! += inside + s.beside + s.foreign;
        own[centred]! += inside + s.beside + s.foreign;
        continue;
      }
    }
    if (inside < 0.3 * (inside + s.beside + s.foreign)) {
      if (s.foreign < s.beside) besides.push(strokes.indexOf(s));
      continue;
    }
    if (s.foreign >= inside) { if (inside > FAINT && s.foreign < 3 * inside) across = "stroke from another row"; continue; } // the next row's
    if (s.foreign > 0.3 * inside) across = "stroke into another row";
    // A line across the row (a stain's rim, a crease, an underline): not a mark, and the row is doubtful if it touches a box.
    // A mark drawn for one box spans at most about one and a half boxes (a tick running on, a cross larger
    // than its box) and lies mostly inside it.
    if (s.width > 1.7 * boxW || s.height > 1.7 * boxH || s.beside > 2.5 * inside) {
      if (inside > FAINT) across = `line across ${s.width.toFixed(0)}x${s.height.toFixed(0)} beside ${s.beside.toFixed(1)} inside ${inside.toFixed(1)}`;
      continue;
    }
    const home = s.inBox.indexOf(Math.max(...s.inBox));
    homes[homes.length - 1] = home;
    s.inBox.forEach((v, i) => {
      if (v === 0) return;
      if (i === home) { total[i]! += v; own[i]! += v; return; }
      // Spilled into box i: moved back when it is small and stays near the border it crossed.
      const nearBorder = spillDepth(b, s, boxes[i]!, i < home ? "right" : "left") < 0.45 * boxW;
      if (v < 0.5 * s.inBox[home]! && nearBorder) { total[home]! += v; own[home]! += v; }
      else { total[i]! += v; across = `spans boxes ${home} ${i}`; }
    });
  }
  // Strokes beside the boxes. A ring drawn around a box is that box's mark: one stroke around it, or
  // its arcs on two opposite sides (where the ring crosses the printed border it cannot be told from
  // it). A little ink beside a marked box is that mark's overflow (a scribble over the edge). Anything
  // else that large (a word, a stroke between boxes) leaves the row to a person.
  const take = (k: number, i: number) => {
    const s = strokes[k]!;
    const ink = s.inBox.reduce((a, v) => a + v, 0) + s.beside;
    homes[k] = i;
    total[i]! += ink;
    own[i]! += ink;
  };
  const overlap = (a0: number, a1: number, b0: number, b1: number) => Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
  const open = new Set(besides);
  const ringOf = new Map<number, number[]>(); // box → the pieces of a ring around it
  boxes.forEach((box, i) => {
    const pieces = [...open].filter((k) => {
      const s = strokes[k]!;
      return s.minX >= box.x - 5.5 && s.maxX <= box.x + box.width + 5.5 && s.minY >= box.y - 5.5 && s.maxY <= box.y + box.height + 5.5;
    });
    if (pieces.length === 0) return;
    // With what is drawn in the box itself (the ring's arcs inside its corners), and faint arcs around it.
    const inZone = (k: number) => { const s = strokes[k]!; return s.minX >= box.x - 5.5 && s.maxX <= box.x + box.width + 5.5 && s.minY >= box.y - 5.5 && s.maxY <= box.y + box.height + 5.5; };
    const parts = [...pieces, ...weak.filter(inZone), ...strokes.flatMap((_, k) => (homes[k] === i ? [k] : []))];
    const minX = Math.min(...parts.map((k) => strokes[k]!.minX)), maxX = Math.max(...parts.map((k) => strokes[k]!.maxX));
    const minY = Math.min(...parts.map((k) => strokes[k]!.minY)), maxY = Math.max(...parts.map((k) => strokes[k]!.maxY));
    const across = minX < box.x + 1 && maxX > box.x + box.width - 1, down = minY < box.y + 1 && maxY > box.y + box.height - 1;
    // Around the box, not on one side of it: an arc above or below alone may be another row's ring.
    const middle = minX < box.x + 0.25 * box.width && maxX > box.x + 0.75 * box.width && minY < box.y + 0.25 * box.height && maxY > box.y + 0.75 * box.height;
    if ((across || down) && middle) ringOf.set(i, pieces);
  });
  for (const [i, pieces] of ringOf) {
    // A piece claimed by two boxes' rings: which box is ringed cannot be told.
    if (pieces.some((k) => [...ringOf].some(([j, other]) => j !== i && other.includes(k)))) { across = "ring between boxes"; continue; }
    for (const k of pieces) { take(k, i); open.delete(k); }
  }
  for (const k of [...open]) {
    const s = strokes[k]!;
    // Overflow: next to a box already marked, small beside it, or (a ring's arc, a cross's arm run on
    // over the border) within its surround, in no other box, and nearer to it than to any other box.
    const near = boxes.findIndex((box, i) => total[i]! >= MARKED && s.minX > box.x - 4.5 && s.maxX < box.x + box.width + 4.5 && s.minY > box.y - 4.5 && s.maxY < box.y + box.height + 4.5);
    if (near >= 0 && s.beside < 0.5 * total[near]!) { take(k, near); open.delete(k); continue; }
    const mid = (s.minX + s.maxX) / 2;
    const nearest = boxes.reduce((best, box, i) => (Math.abs(box.x + box.width / 2 - mid) < Math.abs(boxes[best]!.x + boxes[best]!.width / 2 - mid) ? i : best), 0);
    const box = boxes[nearest]!;
    const inOther = s.inBox.some((v, i) => i !== nearest && v > 0);
    const marks = boxes.filter((_, i) => total[i]! >= MARKED).length;
    if (total[nearest]! >= MARKED && marks === 1 && !inOther && s.foreign === 0 && s.beside <= 3 * total[nearest]! &&
        s.minX > box.x - 7 && s.maxX < box.x + box.width + 7 && s.minY > box.y - 7 && s.maxY < box.y + box.height + 7) { take(k, nearest); open.delete(k); }
  }
  for (const k of open) {
    const s = strokes[k]!;
    // Beside the boxes, on a line that runs on far (a stain's rim, a crease): no mark, and in no box.
    if (s.samples.some((q) => long.has(fine.label[q]!))) continue;
    if (s.beside >= MARKED) across = `beside ${s.beside.toFixed(1)} ${(s.maxX - s.minX).toFixed(1)}x${(s.maxY - s.minY).toFixed(1)}`;
  }
  const lineThrough = boxes.map(() => false);
  // A box whose only ink is thin pieces in one line (cut apart by the printed number) that goes on outside
  // the box, beyond the printed border: a crease, a toner streak or a stain's rim, not a mark.
  boxes.forEach((box, i) => {
    const pieces = strokes.flatMap((_, k) => (homes[k] === i ? [k] : []));
    if (pieces.length === 0) return;
    const ps = pieces.map((k) => strokes[k]!);
    const inColumn = ps.every((p) => p.maxX - p.minX <= 4.5) && Math.max(...ps.map((p) => p.minX)) <= Math.min(...ps.map((p) => p.maxX)) + 1;
    const inRow = ps.every((p) => p.maxY - p.minY <= 4.5) && Math.max(...ps.map((p) => p.minY)) <= Math.min(...ps.map((p) => p.maxY)) + 1;
    if (!inColumn && !inRow) return;
    const line = { ...ps[0]!, minX: Math.min(...ps.map((p) => p.minX)), maxX: Math.max(...ps.map((p) => p.maxX)), minY: Math.min(...ps.map((p) => p.minY)), maxY: Math.max(...ps.map((p) => p.maxY)) };
    const goesOn = continuesOutside(b, line, box, label, new Set(pieces), isInk, inColumn);
    if (goesOn === "no") return;
    // On one side only it may be a mark beside running into this box's line: a person must look.
    if (goesOn === "one side" && total[i]! > FAINT) across = "a line through the box";
    // The line is no mark, nor is its faint edge.
    lineThrough[i] = true;
    for (const k of pieces) { homes[k] = -1; for (const q of strokes[k]!.samples) if (fine.label[q]! >= 0) long.add(fine.label[q]!); }
    total[i] = 0;
    own[i] = 0;
  });
  // How far the box's strokes reach together (points): a mark is more than a fragment, even when a
  // thin light line comes apart into pieces.
  const extent = boxes.map((_, i) => {
    const ps = strokes.filter((_, k) => homes[k] === i);
    if (ps.length === 0) return 0;
    return Math.max(Math.max(...ps.map((p) => p.maxX)) - Math.min(...ps.map((p) => p.minX)), Math.max(...ps.map((p) => p.maxY)) - Math.min(...ps.map((p) => p.minY)));
  });
  // Ink over a box's printed number (a dot, a blot): what the scan shows there beyond what the empty
  // sheet prints (unless a line runs through the box: then it is the line's).
  const drawn = [...own], drawnExtent = [...extent]; // what the pen's strokes hold, before the number's darkness
  boxes.forEach((box, i) => {
    if (lineThrough[i] || overLine(b, box, (k) => long.has(fine.label[k]!))) return;
    const over = overNumber(b, box);
    if (over >= 0.1) { total[i]! += over * 30; own[i]! += over * 30; extent[i] = Math.max(extent[i]!, 5); }
  });
  // A fragment (a crease or a stain's rim seen between the printed number and border): faint at most.
  boxes.forEach((_, i) => { if (extent[i]! < 4.5 && total[i]! >= MARKED) total[i] = (MARKED + FAINT) / 2; });
  const filled = boxes.map((box) => isFilled(b, box, ink));
  // A second, finer look, at the darkness of a light stroke: what each box holds of its own (a light
  // tick beside a cancelled box), and lines that run on far beyond a box (a stain's rim, a crease,
  // followed where they fade below ink): a mark that is part of one is no mark a reader can trust.
  const light = boxes.map(() => 0);
  const lightSpan = boxes.map((): [number, number, number, number] => [Infinity, -Infinity, Infinity, -Infinity]); // where the box's light strokes lie together
  // Fine strokes that hold a stroke of another box (its faint edge, a spill): not this box's paper.
  const holds = new Map<number, Set<number>>();
  strokes.forEach((st, k) => { for (const q of st.samples) { const l = fine.label[q]!; if (l < 0) continue; if (!holds.has(l)) holds.set(l, new Set()); holds.get(l)!.add(homes[k]!); } });
  fine.strokes.forEach((f, l) => {
    // Far beyond a box, or through one from border to border while narrow (a pen's mark that crosses
    // a box's opposite borders is a big cross or a ring, as wide as it is tall).
    if (long.has(l)) return;
    if (Math.max(f.width, f.height) < 3 || f.foreign > f.beside + f.inBox.reduce((a, v) => a + v, 0)) return; // a speck, or another row's
    if ([...(holds.get(l) ?? [])].some((h) => h >= 0)) return; // a stroke judged already, and its faint edge
    const most = Math.max(...f.inBox);
    if (most > 0) {
      const i = f.inBox.indexOf(most);
      light[i]! += most;
      const u = lightSpan[i]!;
      u[0] = Math.min(u[0], f.minX); u[1] = Math.max(u[1], f.maxX); u[2] = Math.min(u[2], f.minY); u[3] = Math.max(u[3], f.maxY);
      return;
    }
    // A light ring around a box: beside it, all within its surround.
    // (In the surround of a box already marked it may be that mark's faint edge: not counted.)
    const zone = (box: Row["boxes"][number]) => f.minX >= box.x - 5.5 && f.maxX <= box.x + box.width + 5.5 && f.minY >= box.y - 5.5 && f.maxY <= box.y + box.height + 5.5;
    if (boxes.some((box, i) => total[i]! >= FAINT && zone(box))) return;
    boxes.forEach((box, i) => { if (zone(box)) light[i]! += f.beside; });
  });
  const darkest = boxes.map((box, i) => tail(b, box, (k) => { const l = fine.label[k]!; if (l < 0) return false; if (long.has(l)) return true; const h = holds.get(l); return !!h && [...h].some((x) => x !== i); }));
  const onLine = boxes.map(() => 0);
  strokes.forEach((s, k) => { const i = homes[k]!; if (i >= 0) for (const q of s.samples) if (long.has(fine.label[q]!)) onLine[i]! += 1; });
  const lined = boxes.map((_, i) => {
    let n = 0;
    strokes.forEach((s, k) => { if (homes[k] === i) n += s.samples.length; });
    return n > 0 && onLine[i]! >= 0.3 * n;
  });
  const rounded = total.map((v) => Math.round(v * 10) / 10);
  const marked = total.flatMap((v, i) => (v >= MARKED ? [i] : []));
  const faint = total.filter((v) => v >= FAINT && v < MARKED).length;
  const answer = (i: number): RowReading => ({ field: row.field, value: boxes[i]!.option, ink: rounded });
  const doubt = (why: Doubt): RowReading => { DBG(); return { field: row.field, value: null, doubt: why, ink: rounded }; };
  if (across) return doubt("more than one mark");
  if (marked.some((i) => lined[i])) return doubt("a stain on the row");
  // Beside a marked box, the others must hold nothing even to the finer look.
  const bare = (except: number[]) => boxes.every((_, i) => except.includes(i) || (light[i]! < LIGHT && darkest[i]! <= ink.tail));
  // The boxes without a mark must be empty even to a finer look: their paper no darker than the page's
  // empty boxes (a pencil tick too light to count as ink still shows there).
  const onFine = (k: number) => long.has(fine.label[k]!);
  const clean = (except: number[], limit: number) => boxes.every((box, i) => except.includes(i) || residue(b, box, label, homes, i, onFine) <= limit);
  if (marked.length === 1) {
    // A filled box alone may be a cancelled answer beside a new one too light to see at first: looked
    // for closely. One clear light stroke beside it, the size of a mark, in one box (a pencil tick at
    // half pressure), the rest bare: the light one is meant; the filled one is never chosen beside it.
    const p = marked[0]!;
    if (filled[p]) {
      const touched = boxes.flatMap((_, i) => (i !== p && (total[i]! >= FAINT || light[i]! >= LIGHT || darkest[i]! > ink.tail) ? [i] : []));
      if (touched.length === 1) {
        const q = touched[0]!;
        const [x0, x1, y0, y1] = lightSpan[q]!;
        const amount = light[q]! + drawn[q]!, size = Math.max(x1! - x0!, y1! - y0!, drawnExtent[q]!);
        return amount >= LIGHT_MARK && size >= 4.5 && clean([p, q], ink.residue) ? answer(q) : doubt("a faint mark");
      }
    }
    if (faint > 0) return doubt("a faint mark");
    return clean(marked, filled[marked[0]!] ? ink.strict : ink.residue) && bare(marked) ? answer(marked[0]!) : doubt("a faint mark");
  }
  if (marked.length === 2 && faint === 0) {
    // A changed answer: one box filled or scribbled out, another marked (and not filled): the other is meant.
    const [p, q] = marked as [number, number];
    if (filled[p] && !filled[q] && own[q]! >= MARKED && clean(marked, ink.strict) && bare(marked)) return answer(q);
    if (filled[q] && !filled[p] && own[p]! >= MARKED && clean(marked, ink.strict) && bare(marked)) return answer(p);
  }
  if (marked.length >= 2) return doubt("more than one mark");
  return doubt(faint > 0 ? "a faint mark" : "no mark");
}

/**
 * A box's faint darkness: the mean, over its paper (where the sheet prints nothing and no stroke of
 * another box lies), of how much darker it is than the paper around it.
 */
function residue(b: Band, box: Row["boxes"][number], label: Int32Array, homes: number[], index: number, onLine: (k: number) => boolean = () => false): number {
  let sum = 0, n = 0;
  forBox(b, box, 0, (k) => {
    if (b.printed[k] || onLine(k)) return;
    const l = label[k]!;
    if (l >= 0 && homes[l] !== undefined && homes[l] !== -1 && homes[l] !== index) return;
    sum += b.d[k]!;
    n++;
  });
  return n ? sum / n - b.paper : 0;
}

/** Whether ink of other strokes lies in line with `s` (a thin piece, down the box or across it) just outside its box, on one side or both. */
function continuesOutside(b: Band, s: Pick<Stroke, "minX" | "maxX" | "minY" | "maxY">, box: Row["boxes"][number], label: Int32Array, self: Set<number>, isInk: (k: number) => boolean, vertical: boolean): "no" | "one side" | "both sides" {
  const look = (x0: number, x1: number, y0: number, y1: number) => {
    let n = 0;
    forBox(b, { ...box, x: x0, y: y0, width: x1 - x0, height: y1 - y0 }, 0, (k) => { if (isInk(k) && !self.has(label[k]!)) n++; });
    return n >= 2;
  };
  // Between rows the sheet prints rules and borders all the way: the line shows again in the next row's box.
  const [a, c] = vertical
    ? [look(s.minX - 4, s.maxX + 4, box.y - BAND, box.y - 1.6), look(s.minX - 4, s.maxX + 4, box.y + box.height + 1.6, box.y + box.height + BAND)]
    : [look(box.x - 4.5, box.x - 1.6, s.minY - 4, s.maxY + 4), look(box.x + box.width + 1.6, box.x + box.width + 4.5, s.minY - 4, s.maxY + 4)];
  return a && c ? "both sides" : a || c ? "one side" : "no";
}

/**
 * Whether a stroke is a thin, nearly straight line through a box, beyond two opposite borders (a
 * stain's rim, a crease, an underline): a pen's mark that reaches beyond both sides of a box is a
 * cross or a ring, with ink on both sides of its own middle line.
 */
function throughLine(b: Band, s: Stroke): boolean {
  const beyond = b.row.boxes.some((box) => (s.minY < box.y - 1.5 && s.maxY > box.y + box.height + 1.5 && s.minX < box.x + box.width && s.maxX > box.x) ||
    (s.minX < box.x - 1.5 && s.maxX > box.x + box.width + 1.5 && s.minY < box.y + box.height && s.maxY > box.y));
  if (!beyond || s.samples.length < 10) return false;
  // The spread across its main direction (principal axes of its samples).
  let mx = 0, my = 0;
  const pts = s.samples.map((k) => { const i = k % b.nx, j = (k - i) / b.nx; return [i * b.step, j * b.step] as const; });
  for (const [x, y] of pts) { mx += x; my += y; }
  mx /= pts.length; my /= pts.length;
  let xx = 0, yy = 0, xy = 0;
  for (const [x, y] of pts) { xx += (x - mx) ** 2; yy += (y - my) ** 2; xy += (x - mx) * (y - my); }
  xx /= pts.length; yy /= pts.length; xy /= pts.length;
  const minor = (xx + yy) / 2 - Math.sqrt(((xx - yy) / 2) ** 2 + xy * xy);
  return Math.sqrt(Math.max(0, minor)) <= 1.5;
}

/**
 * Whether a stroke lies all around a box's middle (a ring, a cross: ink in each quarter around it),
 * not on one side or through it (a stain's rim curving past it).
 */
function allAround(b: Band, s: Stroke, box: Row["boxes"][number]): boolean {
  const cx = box.x + box.width / 2, cy = box.y + box.height / 2;
  const q = [0, 0, 0, 0];
  let n = 0;
  for (const k of s.samples) {
    const i = k % b.nx, j = (k - i) / b.nx;
    const x = b.x0 + (i + 0.5) * b.step - cx, y = b.y0 + (j + 0.5) * b.step - cy;
    if (Math.hypot(x, y) < 3) continue;
    q[(x >= 0 ? 1 : 0) + (y >= 0 ? 2 : 0)]!++;
    n++;
  }
  return n > 0 && q.every((v) => v >= 0.1 * n);
}

/** How far into box `box` (points from its border on `side`) the stroke's ink reaches. */
function spillDepth(b: Band, s: Stroke, box: Row["boxes"][number], side: "left" | "right"): number {
  let depth = 0;
  for (const k of s.samples) {
    const i = k % b.nx, j = (k - i) / b.nx;
    const x = b.x0 + (i + 0.5) * b.step, y = b.y0 + (j + 0.5) * b.step;
    if (x < box.x - MARGIN || x > box.x + box.width + MARGIN || y < box.y - MARGIN || y > box.y + box.height + MARGIN) continue;
    depth = Math.max(depth, side === "left" ? x - box.x : box.x + box.width - x);
  }
  return depth;
}

/**
 * Whether the box is filled or scribbled out: ink in each of its corners and along each side's middle
 * (where a cross, a tick or a ring leaves paper), not only somewhere.
 */
function isFilled(b: Band, box: Row["boxes"][number], ink: PageInk): boolean {
  const inset = 2.4, size = 3;
  const spots: [number, number][] = [];
  for (const fx of [0, 0.5, 1]) for (const fy of [0, 0.5, 1]) if (fx !== 0.5 || fy !== 0.5) spots.push([fx, fy]);
  let sum = 0, counted = 0, dark = 0, darkN = 0;
  for (const [fx, fy] of spots) {
    const x = box.x + inset + fx * (box.width - 2 * inset - size), y = box.y + inset + fy * (box.height - 2 * inset - size);
    let n = 0, inked = 0;
    forBox(b, { ...box, x, y, width: size, height: size }, 0, (k) => {
      if (b.printed[k]) return;
      n++;
      if (b.d[k]! >= ink.low) { inked++; dark += b.d[k]!; darkN++; }
    });
    if (n < 3) continue;
    const share = inked / n;
    if (share < 0.55) return false;
    sum += share;
    counted++;
  }
  if (counted < 5 || sum / counted < 0.75) return false;
  // And over the number: a ring drawn around the number covers the corners and sides, not the number.
  return overNumber(b, box) >= 0.5 * (dark / darkN);
}

/** Whether a line that runs on beyond the box (`onLine`: a stain's rim, a crease) crosses the box's number. */
function overLine(b: Band, box: Row["boxes"][number], onLine: (k: number) => boolean): boolean {
  let n = 0;
  forBox(b, { ...box, x: box.x + box.width / 2 - 4, y: box.y + box.height / 2 - 4.5, width: 8, height: 9 }, 0, (k) => { if (onLine(k)) n++; });
  return n >= 3;
}

/** How much darker the middle of the box (its number, 5 × 6 pt) is than the empty sheet prints it, 0–1. */
function overNumber(b: Band, box: Row["boxes"][number]): number {
  let over = 0, n = 0;
  forBox(b, { ...box, x: box.x + box.width / 2 - 2.5, y: box.y + box.height / 2 - 3, width: 5, height: 6 }, 0, (k) => {
    over += b.d[k]! - b.empty[k]!;
    n++;
  });
  return n > 0 ? over / n : 0;
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
