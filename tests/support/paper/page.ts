// A filled scoring page as it reaches the reader: the real sheet rendered from the profile (as the
// reader renders it), pen marks laid on, then what happens to paper (coffee stains with their darker
// rim, creases, toner streaks, a lid's shadow), then how it is copied or captured: a scanner (turn,
// shift, scale, upside down, 150–300 dpi, grey or colour, JPEG), copies of copies (each blurring,
// fading and greying), a fax (binarised at 204 × 98 dpi), A4 printed on Letter, or a phone photo (an
// angle of up to 20°, uneven light, the table around the page). Every choice comes from a seeded
// random generator: the same seed gives the same bytes.
import { random } from "../scans.js";
import sharp, { type Sharp } from "sharp";
import { rasterisePdf } from "../../../src/raster/rasterisePdf.js";
import type { SheetLayout } from "../../../src/results/sheetLayout.js";
import { fitHomography, invert, project } from "../../../src/results/homography.js";
import { markSvg, type DrawnMark } from "./marks.js";

/** RGB, three bytes a pixel. */
export interface Rgb {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

export interface PaperDamage {
  stains?: number;
  /** Stains placed over the score column (where they do harm), not anywhere. */
  stainsOnBoxes?: boolean;
  creases?: number;
  /** The scanner's lid left open, or a book's spine: a shadow from one edge. */
  shadow?: boolean;
  /** A tired printer: grey paper, streaks and specks. */
  toner?: boolean;
}

export type Capture =
  | { kind: "scan"; dpi: number; rotate?: number; shift?: [number, number]; scale?: number; upsideDown?: boolean; colour?: boolean; jpeg?: number; noise?: number; blur?: number;
      /** Copies of copies before the scan: 0 for the original. */ generations?: number;
      /** A copier set light (or low on toner): what is printed and drawn keeps this share of its darkness, 0–1. */ fade?: number;
      /** Printed on the other paper size: "fit" scales to fit, "actual" keeps 100 % and loses the bottom. */ otherPaper?: "fit" | "actual" }
  | { kind: "fax"; upsideDown?: boolean; rotate?: number; /** Fine mode, 204 × 196 dpi; standard is 204 × 98 (too coarse for the page code). */ fine?: boolean }
  | { kind: "photo"; tilt: number; turn?: number; light?: number; jpeg?: number };


const blanks = new Map<string, Promise<Rgb[]>>();

/** The sheet's pages at `dpi`, as a printer puts them on paper (cached). */
export function blankSheet(layout: SheetLayout, dpi: number): Promise<Rgb[]> {
  const key = `${layout.key}:${layout.paper}@${dpi}`;
  if (!blanks.has(key)) {
    blanks.set(key, (async () => {
      const out: Rgb[] = [];
      for await (const p of rasterisePdf(layout.pdf, { dpi })) {
        const { data, info } = await sharp(p.rgba, { raw: { width: p.width, height: p.height, channels: 4 } }).flatten({ background: "#ffffff" }).raw().toBuffer({ resolveWithObject: true });
        out.push({ width: info.width, height: info.height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length) });
      }
      return out;
    })());
  }
  return blanks.get(key)!;
}

const copy = (img: Rgb): Rgb => ({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) });

async function fromSharp(s: Sharp): Promise<Rgb> {
  const { data, info } = await s.removeAlpha().toColourspace("srgb").raw().toBuffer({ resolveWithObject: true });
  if (info.channels === 3) return { width: info.width, height: info.height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length) };
  // sharp keeps a grey image grey: spread it over three channels.
  const rgb = new Uint8ClampedArray(info.width * info.height * 3);
  for (let i = 0; i < info.width * info.height; i++) rgb[i * 3] = rgb[i * 3 + 1] = rgb[i * 3 + 2] = data[i * info.channels]!;
  return { width: info.width, height: info.height, data: rgb };
}

const toSharp = (img: Rgb) => sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.length), { raw: { width: img.width, height: img.height, channels: 3 } });

/** Pen marks laid on the paper: ink multiplies, graphite leaves the paper's tooth showing. */
async function drawMarks(page: Rgb, layout: SheetLayout, sheetPage: number, marks: DrawnMark[], dpi: number, rnd: () => number) {
  const rows = layout.pages.get(sheetPage) ?? [];
  const k = dpi / 72;
  for (const grainy of [false, true]) {
    const mine = marks.filter((m) => (m.pen.grain >= 0.4) === grainy);
    if (mine.length === 0) continue;
    const body = mine.map((m) => markSvg(rows.find((r) => r.field === m.field)!, m, rnd)).join("");
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${page.width}" height="${page.height}"><g transform="scale(${k})">${body}</g></svg>`;
    const { data } = await sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const grain = grainy ? Math.max(...mine.map((m) => m.pen.grain)) : 0.1;
    // The paper's tooth: a grain pattern fixed to the paper, a little coarser than a pixel at 300 dpi.
    for (let i = 0, p = 0; i < data.length; i += 4, p += 3) {
      const alpha = data[i + 3]! / 255;
      if (alpha === 0) continue;
      const tooth = 1 - grain * (rnd() < 0.5 ? rnd() : rnd() * 0.4);
      const a = alpha * tooth;
      for (let c = 0; c < 3; c++) page.data[p + c] = page.data[p + c]! * (1 - a + (a * data[i + c]!) / 255);
    }
  }
}

/** Multiplies pixels by a factor field f(x, y) per channel. */
function shade(img: Rgb, f: (x: number, y: number) => [number, number, number] | undefined) {
  for (let y = 0; y < img.height; y++) for (let x = 0; x < img.width; x++) {
    const m = f(x, y);
    if (!m) continue;
    const i = (y * img.width + x) * 3;
    img.data[i] = img.data[i]! * m[0]; img.data[i + 1] = img.data[i + 1]! * m[1]; img.data[i + 2] = img.data[i + 2]! * m[2];
  }
}

function damage(img: Rgb, layout: SheetLayout, sheetPage: number, d: PaperDamage, dpi: number, rnd: () => number) {
  const mm = dpi / 25.4;
  const rows = layout.pages.get(sheetPage) ?? [];
  for (let s = 0; s < (d.stains ?? 0); s++) {
    // A coffee stain: a tinted disc with a darker, irregular rim where the liquid dried.
    let cx = rnd() * img.width, cy = rnd() * img.height;
    if (d.stainsOnBoxes && rows.length) {
      const row = rows[Math.floor(rnd() * rows.length)]!;
      const box = row.boxes[Math.floor(rnd() * row.boxes.length)]!;
      cx = (box.x + rnd() * 40 - 20) * (dpi / 72);
      cy = (box.y + rnd() * 40 - 20) * (dpi / 72);
    }
    const r = (8 + rnd() * 22) * mm;
    const rim = (0.6 + rnd() * 1.6) * mm;
    const tint = 0.08 + rnd() * 0.2, rimDark = 0.15 + rnd() * 0.3;
    const waves = [rnd() * 6, rnd() * 6, rnd() * 6];
    const colour = [1, 0.86, 0.62]; // coffee: blue absorbed most
    const x0 = Math.max(0, Math.floor(cx - r * 1.2)), x1 = Math.min(img.width, Math.ceil(cx + r * 1.2));
    const y0 = Math.max(0, Math.floor(cy - r * 1.2)), y1 = Math.min(img.height, Math.ceil(cy + r * 1.2));
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) {
      const a = Math.atan2(y - cy, x - cx);
      const edge = r * (1 + 0.06 * Math.sin(3 * a + waves[0]!) + 0.04 * Math.sin(5 * a + waves[1]!) + 0.03 * Math.sin(8 * a + waves[2]!));
      const dist = Math.hypot(x - cx, y - cy);
      if (dist > edge + rim) continue;
      const inRim = Math.max(0, 1 - Math.abs(dist - edge + rim / 2) / rim);
      const k = dist < edge ? tint : 0;
      const darkness = Math.min(0.9, k + rimDark * inRim);
      const i = (y * img.width + x) * 3;
      for (let c = 0; c < 3; c++) img.data[i + c] = img.data[i + c]! * (1 - darkness * (1 - colour[c]! * 0.55));
    }
  }
  for (let c = 0; c < (d.creases ?? 0); c++) {
    // A fold pressed flat: a thin grey line, the paper on one side a little in shadow.
    const vertical = rnd() < 0.5;
    const at = (vertical ? img.width : img.height) * (0.2 + rnd() * 0.6);
    const slope = (rnd() - 0.5) * 0.1;
    const line = 0.15 + rnd() * 0.2, side = 0.04 + rnd() * 0.1, spread = (4 + rnd() * 10) * mm;
    shade(img, (x, y) => {
      const dist = vertical ? x - (at + slope * y) : y - (at + slope * x);
      const v = Math.abs(dist) < 0.6 * mm * 0.5 ? 1 - line : dist > 0 && dist < spread ? 1 - side * (1 - dist / spread) : 1;
      return v === 1 ? undefined : [v, v, v];
    });
  }
  if (d.shadow) {
    const edge = Math.floor(rnd() * 4), depth = (15 + rnd() * 30) * mm, dark = 0.25 + rnd() * 0.3;
    shade(img, (x, y) => {
      const dist = [x, y, img.width - x, img.height - y][edge]!;
      if (dist > depth) return undefined;
      const v = 1 - dark * (1 - dist / depth) ** 2;
      return [v, v, v * 0.98];
    });
  }
  if (d.toner) {
    const grey = 0.9 + rnd() * 0.06;
    const streaks = Array.from({ length: 2 + Math.floor(rnd() * 4) }, () => ({ x: rnd() * img.width, w: (0.3 + rnd()) * mm, dark: 0.1 + rnd() * 0.25 }));
    shade(img, (x) => {
      let v = grey;
      for (const s of streaks) if (Math.abs(x - s.x) < s.w / 2) v *= 1 - s.dark;
      if (rnd() < 0.0005) v *= 0.4; // toner specks
      return [v, v, v];
    });
  }
}

/** A photocopy of `img`: softer, lower in contrast, greyer, speckled. */
async function photocopy(img: Rgb, rnd: () => number): Promise<Rgb> {
  const blurred = await fromSharp(toSharp(img).blur(0.6 + rnd() * 0.5).greyscale());
  const lift = 20 + rnd() * 25, gain = 0.78 + rnd() * 0.12, gamma = 0.9 + rnd() * 0.3;
  for (let i = 0; i < blurred.data.length; i += 3) {
    let v = lift + gain * 255 * (blurred.data[i]! / 255) ** gamma;
    if (rnd() < 0.0003) v -= 120;
    blurred.data[i] = blurred.data[i + 1] = blurred.data[i + 2] = v + (rnd() - 0.5) * 10;
  }
  return blurred;
}

/** Grey-level noise of amplitude `n`. */
function noise(img: Rgb, n: number, rnd: () => number) {
  for (let i = 0; i < img.data.length; i += 3) {
    const e = (rnd() + rnd() + rnd() - 1.5) * n;
    img.data[i] = img.data[i]! + e; img.data[i + 1] = img.data[i + 1]! + e; img.data[i + 2] = img.data[i + 2]! + e;
  }
}

/** Turn (degrees), scale and shift (mm) on a sheet of `width` × `height` pixels, as a scanner's glass sees it. */
async function place(img: Rgb, width: number, height: number, dpi: number, opts: { rotate?: number; scale?: number; shift?: [number, number]; top?: boolean }): Promise<Rgb> {
  let s = toSharp(img);
  let w = img.width, h = img.height;
  const scale = opts.scale ?? 1;
  if (scale !== 1) {
    w = Math.round(w * scale); h = Math.round(h * scale);
    s = toSharp(await fromSharp(s.resize(w, h)));
  }
  if (opts.rotate) {
    const r = await fromSharp(s.rotate(opts.rotate, { background: "#ffffff" }));
    s = toSharp(r); w = r.width; h = r.height;
  }
  const k = dpi / 25.4;
  const [sx, sy] = opts.shift ?? [0, 0];
  const left = Math.round((width - w) / 2 + sx * k);
  const top = opts.top ? Math.round(sy * k) : Math.round((height - h) / 2 + sy * k);
  const pad = Math.max(width, height, w, h);
  return fromSharp(sharp(await s.extend({ top: pad, bottom: pad, left: pad, right: pad, background: "#ffffff" }).png({ compressionLevel: 0 }).toBuffer()).extract({ left: pad - left, top: pad - top, width, height }));
}

const LETTER = { width: 8.5 * 25.4, height: 11 * 25.4 }, A4 = { width: 210, height: 297 };

async function encode(img: Rgb, dpi: number, colour: boolean, jpeg: number | undefined): Promise<Buffer> {
  let s = toSharp(img);
  if (!colour) s = s.greyscale();
  s = s.withMetadata({ density: dpi });
  return jpeg === 0 ? s.png().toBuffer() : s.jpeg({ quality: jpeg ?? 80 }).toBuffer();
}

/** One page of the sheet, filled with `marks`, damaged and captured: image bytes (JPEG, or PNG). */
export async function paperPage(layout: SheetLayout, sheetPage: number, marks: DrawnMark[], damageOf: PaperDamage, capture: Capture, seed: number): Promise<Buffer> {
  const rnd = random(seed);
  const dpi = capture.kind === "scan" ? capture.dpi : capture.kind === "fax" ? 204 : 200;
  const blank = (await blankSheet(layout, dpi))[sheetPage - 1];
  if (!blank) throw new Error(`The sheet has no page ${sheetPage}.`);
  let img = copy(blank);
  await drawMarks(img, layout, sheetPage, marks, dpi, rnd);
  damage(img, layout, sheetPage, damageOf, dpi, rnd);

  if (capture.kind === "scan") {
    for (let g = 0; g < (capture.generations ?? 0); g++) img = await photocopy(img, rnd);
    if (capture.fade !== undefined) for (let i = 0; i < img.data.length; i++) img.data[i] = 255 - (255 - img.data[i]!) * capture.fade!;
    const paperMm = capture.otherPaper ? (layout.paper === "A4" ? LETTER : A4) : layout.paper === "A4" ? A4 : LETTER;
    const width = Math.round((paperMm.width / 25.4) * dpi), height = Math.round((paperMm.height / 25.4) * dpi);
    let scale = capture.scale ?? 1;
    if (capture.otherPaper === "fit") scale *= Math.min(width / img.width, height / img.height);
    img = await place(img, width, height, dpi, { rotate: capture.rotate, scale, shift: capture.shift, top: capture.otherPaper === "actual" });
    if (capture.blur && capture.blur >= 0.3) img = await fromSharp(toSharp(img).blur(capture.blur));
    if (capture.noise) noise(img, capture.noise, rnd);
    if (capture.upsideDown) img = await fromSharp(toSharp(img).rotate(180));
    return encode(img, dpi, capture.colour ?? false, capture.jpeg);
  }
  if (capture.kind === "fax") {
    // A fax: 204 × 196 dpi (fine) or 204 × 98 (standard), black or white, a little crooked.
    img = await place(img, img.width, img.height, dpi, { rotate: capture.rotate ?? (rnd() - 0.5) * 2 });
    const low = await fromSharp(toSharp(img).greyscale().resize(img.width, Math.round(img.height * ((capture.fine ? 196 : 98) / 204)), { kernel: "linear" }));
    const threshold = 150 + rnd() * 40;
    for (let i = 0; i < low.data.length; i += 3) low.data[i] = low.data[i + 1] = low.data[i + 2] = low.data[i]! + (rnd() - 0.5) * 30 < threshold ? 0 : 255;
    img = await fromSharp(toSharp(low).resize(img.width, img.height, { kernel: "nearest" }));
    if (capture.upsideDown) img = await fromSharp(toSharp(img).rotate(180));
    return encode(img, dpi, false, 0);
  }
  return photo(img, capture, rnd);
}

/**
 * The page photographed from above by a phone: the page's corners through a camera tilted by
 * `tilt` degrees (about a random axis) and turned by `turn`, on a table; light falling off across the
 * page; a little soft; JPEG at a phone's resolution (the reader scales it to its 200 dpi).
 */
async function photo(page: Rgb, c: Extract<Capture, { kind: "photo" }>, rnd: () => number): Promise<Buffer> {
  const W = 3024, H = 4032; // a phone's 12 megapixels
  // The page's corners in 3-D, tilted about an axis in the page's plane, seen by a pinhole camera.
  const axis = rnd() * Math.PI, tilt = (c.tilt * Math.PI) / 180, turn = ((c.turn ?? 0) * Math.PI) / 180;
  const [ax, ay] = [Math.cos(axis), Math.sin(axis)];
  const pw = page.width, ph = page.height;
  const corners: [number, number][] = [[0, 0], [pw, 0], [pw, ph], [0, ph]];
  const focal = 1.1 * Math.max(pw, ph);
  const projected = corners.map(([x, y]) => {
    const px = x - pw / 2, py = y - ph / 2;
    // Rodrigues: rotate (px, py, 0) about (ax, ay, 0) by tilt.
    const dot = px * ax + py * ay;
    const cos = Math.cos(tilt), sin = Math.sin(tilt);
    const rx = px * cos + ax * dot * (1 - cos), ry = py * cos + ay * dot * (1 - cos);
    const rz = sin * (ax * py - ay * px);
    const depth = focal * 1.35 + rz;
    const u = (rx * focal) / depth, v = (ry * focal) / depth;
    return [u * Math.cos(turn) - v * Math.sin(turn), u * Math.sin(turn) + v * Math.cos(turn)] as [number, number];
  });
  // Fit the page to 72–88 % of the frame, somewhere in it.
  const xs = projected.map((p) => p[0]), ys = projected.map((p) => p[1]);
  const span = Math.max((Math.max(...xs) - Math.min(...xs)) / W, (Math.max(...ys) - Math.min(...ys)) / H);
  const fill = (0.72 + rnd() * 0.16) / span;
  const mx = (Math.max(...xs) + Math.min(...xs)) / 2, my = (Math.max(...ys) + Math.min(...ys)) / 2;
  const slackX = W - (Math.max(...xs) - Math.min(...xs)) * fill, slackY = H - (Math.max(...ys) - Math.min(...ys)) * fill;
  const ox = W / 2 + (rnd() - 0.5) * slackX * 0.8, oy = H / 2 + (rnd() - 0.5) * slackY * 0.8;
  const onPhoto = projected.map(([u, v]) => [ox + (u - mx) * fill, oy + (v - my) * fill] as [number, number]);
  const toPage = invert(fitHomography(onPhoto, corners)!)!;
  const back = invert(toPage)!;
  // The table: a warm wood or a grey desk, with grain.
  const wood = rnd() < 0.6;
  const base = wood ? [150, 108, 70] : [95, 98, 104];
  const light = c.light ?? 0.35;
  const lx = rnd() * W, ly = rnd() * H, warm = [1, 0.96 - rnd() * 0.04, 0.9 - rnd() * 0.08];
  const out = new Uint8ClampedArray(W * H * 3);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const [px, py] = project(back, x, y);
    const o = (y * W + x) * 3;
    const illum = 1 - light * Math.min(1, Math.hypot(x - lx, y - ly) / Math.hypot(W, H));
    if (px >= 0 && py >= 0 && px < pw - 1 && py < ph - 1) {
      const ix = Math.floor(px), iy = Math.floor(py), fx = px - ix, fy = py - iy;
      for (let ch = 0; ch < 3; ch++) {
        const i = (iy * pw + ix) * 3 + ch;
        const v = (page.data[i]! * (1 - fx) + page.data[i + 3]! * fx) * (1 - fy) + (page.data[i + pw * 3]! * (1 - fx) + page.data[i + pw * 3 + 3]! * fx) * fy;
        out[o + ch] = v * illum * warm[ch]!;
      }
    } else {
      const g = wood ? 0.85 + 0.15 * Math.sin(y * 0.02 + Math.sin(x * 0.003) * 4) : 0.95 + 0.05 * Math.sin(x * 0.7);
      for (let ch = 0; ch < 3; ch++) out[o + ch] = base[ch]! * g * illum;
    }
  }
  const img = { width: W, height: H, data: out };
  noise(img, 5, rnd);
  return toSharp(img).blur(0.5 + rnd() * 0.6).jpeg({ quality: c.jpeg ?? 85 }).toBuffer();
}

/** An image-only PDF, as an office scanner makes one: each image a page at its resolution. */
export { random, scanPdf } from "../scans.js";
