// Test scans made from the REAL scoring sheet: the sheet as `build` makes it is drawn at a scanner's
// resolution, pen marks of several kinds and strengths are drawn into known boxes, and the page goes
// through what a scanner or copier does to it (turn, shift, scale, blur, noise, grey, JPEG, upside down).
// Image-only PDFs are assembled from the JPEGs as a scanner would.
import sharp from "sharp";
import { PDFDocument } from "pdf-lib";
import { rasterisePdf } from "../../src/raster/rasterisePdf.js";
import type { SheetLayout } from "../../src/results/sheetLayout.js";

export type MarkKind = "cross" | "tick" | "fill" | "circle" | "slash";

export interface PenMark {
  field: string;
  option: string;
  kind: MarkKind;
  /** 1: a ballpoint pressed normally; 0.15: barely touching, or a light pencil. */
  strength?: number;
}

export interface ScanOptions {
  dpi: number;
  /** Degrees, clockwise. */
  rotate?: number;
  /** Millimetres, right and down. */
  shift?: [number, number];
  /** The scanner's scale, e.g. 0.97. */
  scale?: number;
  /** Gaussian blur sigma in pixels. */
  blur?: number;
  /** Noise amplitude in grey levels. */
  noise?: number;
  /** A photocopy: grey paper, less contrast, specks. */
  photocopy?: boolean;
  upsideDown?: boolean;
  /** Colour scan (default grey). */
  colour?: boolean;
  /** JPEG quality (default 80); 0 for PNG. */
  jpeg?: number;
  seed?: number;
}

/** A small seeded random generator (mulberry32): test sets are the same on every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const blanks = new Map<string, Promise<{ png: Buffer; width: number; height: number }[]>>();

/** The sheet's pages drawn at `dpi`, as a printer would put them on paper. */
export function blankPages(layout: SheetLayout, dpi: number) {
  const key = `${layout.paper}@${dpi}`;
  if (!blanks.has(key)) {
    blanks.set(key, (async () => {
      const out: { png: Buffer; width: number; height: number }[] = [];
      for await (const p of rasterisePdf(layout.pdf, { dpi })) {
        out.push({ png: await sharp(p.rgba, { raw: { width: p.width, height: p.height, channels: 4 } }).png({ compressionLevel: 1 }).toBuffer(), width: p.width, height: p.height });
      }
      return out;
    })());
  }
  return blanks.get(key)!;
}

function markSvg(layout: SheetLayout, page: number, marks: PenMark[], dpi: number, width: number, height: number, rnd: () => number): string {
  const k = dpi / 72;
  const rows = layout.pages.get(page) ?? [];
  const parts: string[] = [];
  for (const m of marks) {
    const row = rows.find((r) => r.field === m.field);
    const box = row?.boxes.find((b) => b.option === m.option);
    if (!box) continue;
    const strength = m.strength ?? 1;
    // A ballpoint: dark blue, 0.4–0.6 mm wide; weaker strokes are lighter and thinner.
    const pen = `stroke="#1b2a6b" stroke-opacity="${strength}" stroke-width="${(1.1 + rnd() * 0.6) * k * Math.max(0.6, strength)}" stroke-linecap="round" fill="none"`;
    const j = () => (rnd() - 0.5) * 3 * k; // a hand is never exact
    const x = box.x * k, y = box.y * k, w = box.width * k, h = box.height * k;
    const cx = x + w / 2, cy = y + h / 2;
    switch (m.kind) {
      case "cross":
        parts.push(`<path ${pen} d="M${x + j()} ${y + j()} L${x + w + j()} ${y + h + j()} M${x + w + j()} ${y + j()} L${x + j()} ${y + h + j()}"/>`);
        break;
      case "slash":
        parts.push(`<path ${pen} d="M${x + w * 0.9 + j()} ${y + h * 0.1 + j()} L${x + w * 0.1 + j()} ${y + h * 0.9 + j()}"/>`);
        break;
      case "tick":
        parts.push(`<path ${pen} d="M${x + w * 0.1 + j()} ${cy + j()} L${x + w * 0.4 + j()} ${y + h * 0.95} L${x + w * 1.05 + j()} ${y - h * 0.15 + j()}"/>`);
        break;
      case "fill":
        parts.push(`<rect x="${x + 1.5 * k}" y="${y + 1.5 * k}" width="${w - 3 * k}" height="${h - 3 * k}" fill="#1b2a6b" fill-opacity="${0.85 * strength}"/>`);
        break;
      case "circle":
        parts.push(`<ellipse ${pen} cx="${cx + j() / 2}" cy="${cy + j() / 2}" rx="${w * 0.62}" ry="${h * 0.6}"/>`);
        break;
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${parts.join("")}</svg>`;
}

/** One page of the sheet with `marks` drawn in, through a scanner: JPEG (or PNG) bytes. */
export async function scanPage(layout: SheetLayout, page: number, marks: PenMark[], options: ScanOptions): Promise<Buffer> {
  const rnd = random(options.seed ?? 1);
  const blank = (await blankPages(layout, options.dpi))[page - 1];
  if (!blank) throw new Error(`The sheet has no page ${page}.`);
  const { width, height } = blank;
  const marked = await sharp(blank.png).composite([{ input: Buffer.from(markSvg(layout, page, marks, options.dpi, width, height, rnd)) }]).flatten({ background: "#ffffff" }).png({ compressionLevel: 1 }).toBuffer();
  return scanImage(marked, width, height, options, rnd);
}

/** Any page image (a worksheet, a blank page) through the same scanner. */
export async function scanImage(png: Buffer, width: number, height: number, options: ScanOptions, rnd = random(options.seed ?? 1)): Promise<Buffer> {
  const scale = options.scale ?? 1;
  let img = sharp(png).flatten({ background: "#ffffff" });
  let w = width, h = height;
  if (scale !== 1) {
    w = Math.round(width * scale);
    h = Math.round(height * scale);
    img = sharp(await img.resize(w, h).png({ compressionLevel: 1 }).toBuffer());
  }
  if (options.rotate) {
    const rotated = await img.rotate(options.rotate, { background: "#ffffff" }).png({ compressionLevel: 1 }).toBuffer({ resolveWithObject: true });
    img = sharp(rotated.data);
    w = rotated.info.width;
    h = rotated.info.height;
  }
  // Back onto a sheet of the original size, shifted.
  const k = options.dpi / 25.4;
  const [sx, sy] = options.shift ?? [0, 0];
  const left = Math.round((width - w) / 2 + sx * k);
  const top = Math.round((height - h) / 2 + sy * k);
  const pad = Math.max(width, height);
  img = sharp(await img.extend({ top: pad, bottom: pad, left: pad, right: pad, background: "#ffffff" }).png({ compressionLevel: 1 }).toBuffer())
    .extract({ left: pad - left, top: pad - top, width, height });
  if (options.upsideDown) img = sharp(await img.png({ compressionLevel: 1 }).toBuffer()).rotate(180);
  if (options.blur && options.blur >= 0.3) img = img.blur(options.blur);
  // Grey levels, then paper tint, contrast and noise as a copier or scanner adds them.
  const { data, info } = await img.greyscale().raw().toBuffer({ resolveWithObject: true });
  const noise = options.noise ?? 0;
  for (let i = 0; i < data.length; i++) {
    let v = data[i]!;
    if (options.photocopy) v = 30 + v * 0.78 + (rnd() < 0.0004 ? -120 : 0);
    if (noise) v += (rnd() + rnd() + rnd() - 1.5) * noise;
    data[i] = Math.max(0, Math.min(255, Math.round(v)));
  }
  let out = sharp(data, { raw: { width: info.width, height: info.height, channels: 1 } });
  if (options.colour) out = out.toColourspace("srgb").tint({ r: 255, g: 250, b: 238 });
  const withDensity = out.withMetadata({ density: options.dpi });
  return options.jpeg === 0 ? withDensity.png().toBuffer() : withDensity.jpeg({ quality: options.jpeg ?? 80 }).toBuffer();
}

/** An image-only PDF, as an office scanner makes one: each JPEG a page at its resolution. */
export async function scanPdf(pages: { jpeg: Buffer; dpi: number }[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setProducer("Scanner");
  pdf.setCreationDate(new Date(0));
  pdf.setModificationDate(new Date(0));
  for (const p of pages) {
    const isPng = p.jpeg[0] === 0x89 && p.jpeg[1] === 0x50; // a fax's black-and-white page
    const image = isPng ? await pdf.embedPng(p.jpeg) : await pdf.embedJpg(p.jpeg);
    const w = (image.width / p.dpi) * 72, h = (image.height / p.dpi) * 72;
    pdf.addPage([w, h]).drawImage(image, { x: 0, y: 0, width: w, height: h });
  }
  return pdf.save();
}

/** Random answers for every statement on `page`, each with a random kind of mark. */
export function answerPage(layout: SheetLayout, page: number, rnd: () => number, kinds: MarkKind[] = ["cross", "tick", "fill", "circle", "slash"]): PenMark[] {
  return (layout.pages.get(page) ?? []).map((row) => ({
    field: row.field,
    option: row.boxes[Math.floor(rnd() * row.boxes.length)]!.option,
    kind: kinds[Math.floor(rnd() * kinds.length)]!,
    strength: 0.75 + rnd() * 0.25,
  }));
}
