// register: which page of which sheet a scan shows, and where that page's points fall in the image.
// The QR page code names the page and gives a first estimate (any rotation, upside down included); the
// four corner marks, found near where that estimate puts them, then fix an affine map (shift, turn,
// the scanner's scale and skew), checked by how well the four agree.
import { prepareZXingModule, readBarcodes } from "zxing-wasm/reader";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import sharp from "sharp";
import type { GreyImage } from "./loadScans.js";
import type { ParamsOf, ProblemCode } from "../problems/en.js";
import { fitHomography, project, type Projective } from "./homography.js";
import { MARK, markCentres, parsePageCode, qrCorners, qrFinderCentres, PAPER_POINTS, type PageCode } from "./pageCode.js";

/**
 * Page points (from the top left) to pixels: u = a·x + b·y + c, v = d·x + e·y + f for a scanner; with
 * the perspective terms g, h of a photo (homography.ts) where the four corner marks need them.
 */
export type Affine = Projective;

export const apply = project;
/** Pixels per point near the page's middle, averaged over both axes. */
export const scaleOf = (t: Affine) => {
  if (!t.g && !t.h) return (Math.hypot(t.a, t.d) + Math.hypot(t.b, t.e)) / 2;
  const [u, v] = project(t, 300, 420), [ux, vx] = project(t, 301, 420), [uy, vy] = project(t, 300, 421);
  return (Math.hypot(ux - u, vx - v) + Math.hypot(uy - u, vy - v)) / 2;
};

export type Registration =
  /** `marks`: the corner marks found (page points → pixels), for a later fit with more points. */
  | { ok: true; code: PageCode; transform: Affine; upsideDown: boolean; /** Seen at an angle (a photo): straightened from its four corner marks. */ photo: boolean; marks: { from: [number, number][]; to: [number, number][] } }
  /** code undefined: no page code at all (not a scoring-sheet page); otherwise a scoring page that cannot be read. */
  | { ok: false; code?: PageCode; /** Why, and what to do (src/problems/en.ts). */ problem: PageProblem; /** No page code read, but the sheet's corner marks are there. */ sheetLike?: boolean; /** The image is shaped like a photo, not a page. */ photo?: boolean };

/** Why a page cannot be registered: a problem of src/problems/ with its parameters. */
export type PageProblem = { [C in ProblemCode]: { code: C; params: ParamsOf<C> } }[ProblemCode];

let ready: Promise<unknown> | undefined;
/** ZXing's WebAssembly from node_modules: never fetched from the network. */
function zxing() {
  ready ??= (() => {
    const wasm = readFileSync(createRequire(import.meta.url).resolve("zxing-wasm/reader/zxing_reader.wasm"));
    return prepareZXingModule({ overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer }, fireImmediately: true });
  })();
  return ready;
}

/** Rows y0…y1 of the image as RGBA, as ZXing takes it. */
function rgbaOf(image: GreyImage, y0 = 0, y1 = image.height) {
  const data = new Uint8ClampedArray(image.width * (y1 - y0) * 4);
  for (let i = y0 * image.width, j = 0; i < y1 * image.width; i++, j += 4) {
    const v = image.data[i]!;
    data[j] = v; data[j + 1] = v; data[j + 2] = v; data[j + 3] = 255;
  }
  return { data, width: image.width, height: y1 - y0, colorSpace: "srgb" as const };
}

async function zoomed(image: GreyImage, y0: number, y1: number, zoom: number) {
  const { data, info } = await sharp(Buffer.from(image.data.buffer, image.data.byteOffset + y0 * image.width, (y1 - y0) * image.width), { raw: { width: image.width, height: y1 - y0, channels: 1 } })
    .resize({ width: image.width * zoom, kernel: "cubic" })
    .toColourspace("srgb")
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height, colorSpace: "srgb" as const };
}

type Found = { text: string; position: Record<"topLeft" | "topRight" | "bottomLeft", { x: number; y: number }>; valid: boolean };

/**
 * The QR codes on the page. The page code sits near the top edge, or the bottom one if the page was fed
 * upside down: those strips are searched first (fast), the whole page only if they hold no page code.
 */
export async function findCodes(image: GreyImage): Promise<Found[]> {
  await zxing();
  const strip = Math.min(image.height, Math.round(image.width * 0.22));
  const found: Found[] = [];
  const attempts = [
    { y0: 0, y1: strip, harder: false, zoom: 1 },
    { y0: image.height - strip, y1: image.height, harder: false, zoom: 1 },
    // A soft scan (150 dpi, a blurred copy): the strips twice as large, with a fixed threshold.
    { y0: 0, y1: strip, harder: true, zoom: 2 },
    { y0: image.height - strip, y1: image.height, harder: true, zoom: 2 },
    { y0: 0, y1: image.height, harder: true, zoom: 1 },
  ];
  const failed: { x: number; y: number }[][] = [];
  for (const [k, { y0, y1, harder, zoom }] of attempts.entries()) {
    const input = zoom === 1 ? rgbaOf(image, y0, y1) : await zoomed(image, y0, y1, zoom);
    const last = k === attempts.length - 1;
    const results = await readBarcodes(input, { formats: ["QRCode"], tryHarder: harder, tryRotate: true, tryInvert: false, maxNumberOfSymbols: 4, returnErrors: last, ...(zoom > 1 ? { binarizer: "FixedThreshold" as const } : {}) });
    for (const r of results) {
      const at = (q: { x: number; y: number }) => ({ x: q.x / zoom, y: q.y / zoom + y0 });
      if (!r.isValid) failed.push([r.position.topLeft, r.position.topRight, r.position.bottomRight, r.position.bottomLeft].map(at));
      else found.push({ text: r.text, valid: r.isValid, position: { topLeft: at(r.position.topLeft), topRight: at(r.position.topRight), bottomLeft: at(r.position.bottomLeft) } });
    }
    if (found.some((f) => f.valid && parsePageCode(f.text))) return found;
  }
  // A photo's code, soft or in shadow: ZXing saw a symbol there but could not decode it. That patch,
  // sharpened and twice as large, is read again.
  for (const corners of failed.slice(0, 3)) {
    const xs = corners.map((q) => q.x), ys = corners.map((q) => q.y);
    const size = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys), 8);
    const x0 = Math.max(0, Math.floor(Math.min(...xs) - size * 0.6)), y0 = Math.max(0, Math.floor(Math.min(...ys) - size * 0.6));
    const x1 = Math.min(image.width, Math.ceil(Math.max(...xs) + size * 0.6)), y1 = Math.min(image.height, Math.ceil(Math.max(...ys) + size * 0.6));
    for (const sigma of [1.5, 2.5]) {
      const { data, info } = await sharp(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.length), { raw: { width: image.width, height: image.height, channels: 1 } })
        .extract({ left: x0, top: y0, width: x1 - x0, height: y1 - y0 }).resize({ width: (x1 - x0) * 2, kernel: "cubic" }).sharpen({ sigma: sigma * 2 })
        .toColourspace("srgb").ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      const input = { data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height, colorSpace: "srgb" as const };
      const results = await readBarcodes(input, { formats: ["QRCode"], tryHarder: true, tryRotate: true, tryInvert: false, maxNumberOfSymbols: 1 });
      const at = (q: { x: number; y: number }) => ({ x: x0 + q.x / 2, y: y0 + q.y / 2 });
      for (const r of results) if (r.isValid) found.push({ text: r.text, valid: true, position: { topLeft: at(r.position.topLeft), topRight: at(r.position.topRight), bottomLeft: at(r.position.bottomLeft) } });
      if (found.some((f) => f.valid && parsePageCode(f.text))) return found;
    }
  }
  return found;
}

/** Least-squares affine map from points `from` to `to` (at least three, not in a line). */
export function fitAffine(from: [number, number][], to: [number, number][]): Affine | undefined {
  // Normal equations of [x y 1]·[a b c]ᵀ = u, shared by both rows of the map.
  const m = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
  const ru = [0, 0, 0];
  const rv = [0, 0, 0];
  from.forEach(([x, y], i) => {
    const row = [x, y, 1];
    const [u, v] = to[i]!;
    for (let r = 0; r < 3; r++) {
      for (let c = 0; c < 3; c++) m[r]![c]! += row[r]! * row[c]!;
      ru[r]! += row[r]! * u;
      rv[r]! += row[r]! * v;
    }
  });
  const solve = (rhs: number[]) => {
    const det = (q: number[][]) => q[0]![0]! * (q[1]![1]! * q[2]![2]! - q[1]![2]! * q[2]![1]!) - q[0]![1]! * (q[1]![0]! * q[2]![2]! - q[1]![2]! * q[2]![0]!) + q[0]![2]! * (q[1]![0]! * q[2]![1]! - q[1]![1]! * q[2]![0]!);
    const d = det(m);
    if (Math.abs(d) < 1e-9) return undefined;
    return [0, 1, 2].map((k) => det(m.map((row, r) => row.map((v, c) => (c === k ? rhs[r]! : v)))) / d);
  };
  const p = solve(ru);
  const q = solve(rv);
  if (!p || !q) return undefined;
  return { a: p[0]!, b: p[1]!, c: p[2]!, d: q[0]!, e: q[1]!, f: q[2]! };
}

/**
 * The registration mark nearest `centre` (pixels) within `radius`: a solid square of about `side` pixels,
 * told from text and pen strokes by its size and fill. Its centroid, in pixels.
 */
export function findMark(image: GreyImage, centre: [number, number], radius: number, side: number): [number, number] | undefined {
  return markCandidates(image, centre, radius, side)[0]?.at;
}

/**
 * Every solid square of about `side` pixels within `radius` of `centre`, nearest first: the marks a
 * photo's perspective may have put far from where a scanner's map expects them. `spread`: how much
 * smaller and larger a square's side may be than `side` (a photo's perspective shrinks the far marks
 * and grows the near ones).
 */
export function markCandidates(image: GreyImage, centre: [number, number], radius: number, side: number, spread: [number, number] = [1.4, 1.4], anyTurn = false): { at: [number, number]; distance: number; side: number }[] {
  const x0 = Math.max(0, Math.round(centre[0] - radius));
  const x1 = Math.min(image.width - 1, Math.round(centre[0] + radius));
  const y0 = Math.max(0, Math.round(centre[1] - radius));
  const y1 = Math.min(image.height - 1, Math.round(centre[1] + radius));
  if (x1 <= x0 || y1 <= y0) return [];
  const w = x1 - x0 + 1, h = y1 - y0 + 1;
  // The paper's level here (a photocopy's grey, a scanner's tint, a photo's light); ink is what is clearly darker.
  const hist = new Uint32Array(256);
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) hist[image.data[y * image.width + x]!]!++;
  let seen = 0, paper = 255, darkest = 0;
  for (let v = 0; v < 256; v++) if ((seen += hist[v]!) >= w * h * 0.9) { paper = v; break; }
  seen = 0;
  for (let v = 0; v < 256; v++) if ((seen += hist[v]!) >= w * h * 0.002) { darkest = v; break; }
  // Half-way between the paper and the darkest there: a faded copy's grey marks too, but not a pale smudge.
  if (paper - darkest < 45 && !anyTurn) return [];
  const cut = (paper + darkest) / 2;
  const dark = new Uint8Array(w * h);
  if (!anyTurn) for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) dark[y * w + x] = image.data[(y + y0) * image.width + x + x0]! < cut ? 1 : 0;
  else {
    // A photo's window may span lit paper, paper in shadow and the table, so no one level divides ink
    // from paper: ink is what is much darker than the paper nearby (the brightest of the blocks around,
    // each block's bright level).
    const b = Math.max(4, Math.round(side)), gw = Math.ceil(w / b), gh = Math.ceil(h / b);
    const level = new Float32Array(gw * gh);
    const values: number[] = [];
    for (let by = 0; by < gh; by++) for (let bx = 0; bx < gw; bx++) {
      values.length = 0;
      for (let y = by * b; y < Math.min(h, (by + 1) * b); y += 2) for (let x = bx * b; x < Math.min(w, (bx + 1) * b); x += 2) values.push(image.data[(y + y0) * image.width + x + x0]!);
      values.sort((p, q) => p - q);
      level[by * gw + bx] = values[Math.floor(values.length * 0.9)] ?? 255;
    }
    const near = new Float32Array(gw * gh);
    for (let by = 0; by < gh; by++) for (let bx = 0; bx < gw; bx++) {
      let m = 0;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
        const yy = by + dy, xx = bx + dx;
        if (yy >= 0 && xx >= 0 && yy < gh && xx < gw) m = Math.max(m, level[yy * gw + xx]!);
      }
      near[by * gw + bx] = m;
    }
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
      const local = near[Math.floor(y / b) * gw + Math.floor(x / b)]!;
      const v = image.data[(y + y0) * image.width + x + x0]!;
      dark[y * w + x] = v < local * 0.55 && local - v > 40 ? 1 : 0;
    }
  }
  // Connected dark areas; keep the square ones.
  const found: { at: [number, number]; distance: number; side: number }[] = [];
  const lo = 0.98 / spread[0], hi = spread[1], nMin = 0.55 * (1.4 / spread[0]) ** 2, nMax = 1.5 * (spread[1] / 1.4) ** 2;
  const stack: number[] = [];
  for (let start = 0; start < dark.length; start++) {
    if (dark[start] !== 1) continue;
    dark[start] = 2;
    stack.push(start);
    let n = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0, minX = w, maxX = 0, minY = h, maxY = 0;
    while (stack.length > 0) {
      const i = stack.pop()!;
      const x = i % w, y = (i - x) / w;
      n++; sx += x; sy += y; sxx += x * x; syy += y * y; sxy += x * y;
      if (x < minX) minX = x; if (x > maxX) maxX = x; if (y < minY) minY = y; if (y > maxY) maxY = y;
      if (x > 0 && dark[i - 1] === 1) { dark[i - 1] = 2; stack.push(i - 1); }
      if (x < w - 1 && dark[i + 1] === 1) { dark[i + 1] = 2; stack.push(i + 1); }
      if (y > 0 && dark[i - w] === 1) { dark[i - w] = 2; stack.push(i - w); }
      if (y < h - 1 && dark[i + w] === 1) { dark[i + w] = 2; stack.push(i + w); }
    }
    const bw = maxX - minX + 1, bh = maxY - minY + 1;
    let square = bw > side * lo && bw < side * hi && bh > side * lo && bh < side * hi && n > bw * bh * 0.7 && n > side * side * nMin && n < side * side * nMax;
    if (!square && anyTurn && n > side * side * nMin && n < side * side * nMax && bw < side * hi * 1.42 && bh < side * hi * 1.42) {
      // A square turned any way (a photo's page lies at any angle): its second moments are the same in
      // every direction, s²/12 for a side s of n = s² pixels (foreshortened by a tilt and a wide lens, up to
      // 1.5 times more one way); a stroke's are far apart, a ring's too large for its pixels.
      const mx = sx / n, my = sy / n;
      const cxx = sxx / n - mx * mx, cyy = syy / n - my * my, cxy = sxy / n - mx * my;
      const mid = (cxx + cyy) / 2, half = Math.sqrt(((cxx - cyy) / 2) ** 2 + cxy * cxy);
      const big = mid + half, small = mid - half;
      square = small > 0 && big / small < 2.2 && n / (12 * Math.sqrt(big * small)) > 0.8 && n / (12 * Math.sqrt(big * small)) < 1.2;
    }
    // A mark cut by the image's edge is no use: its centroid is off.
    const inside = x0 + minX > 0 && y0 + minY > 0 && x0 + maxX < image.width - 1 && y0 + maxY < image.height - 1;
    if (!square || !inside) continue;
    const at: [number, number] = [x0 + sx / n + 0.5, y0 + sy / n + 0.5];
    found.push({ at, distance: Math.hypot(at[0] - centre[0], at[1] - centre[1]), side: Math.sqrt(n) });
  }
  return found.sort((a, b) => a.distance - b.distance);
}

/**
 * The scoring sheet's corner marks where a page shows them (three of four, near the image's corners, of
 * their size at the page's scale): a page whose code cannot be read is then reported, not skipped. Each
 * mark's darkness at its core (the median grey there): a print's black, or a copy's grey.
 */
function sheetMarks(image: GreyImage): number[] | undefined {
  const pxPerPt = image.width / PAPER_POINTS.A4.width; // A4 and Letter differ by 3 %: within the marks' tolerance
  const mm = (72 / 25.4) * pxPerPt;
  const corner = MARK.inset + MARK.size / 2;
  const side = MARK.size * pxPerPt;
  const centres: [number, number][] = [[corner, corner], [image.width / pxPerPt - corner, corner], [image.width / pxPerPt - corner, image.height / pxPerPt - corner], [corner, image.height / pxPerPt - corner]];
  const found = centres.flatMap(([x, y]) => { const at = findMark(image, [x * pxPerPt, y * pxPerPt], 14 * mm, side); return at ? [at] : []; });
  if (found.length < 3) return undefined;
  return found.map(([u, v]) => {
    const core: number[] = [];
    const r = Math.max(1, Math.floor(side / 4));
    for (let y = Math.round(v) - r; y <= Math.round(v) + r; y++) for (let x = Math.round(u) - r; x <= Math.round(u) + r; x++) core.push(image.data[y * image.width + x] ?? 255);
    return core.sort((a, b) => a - b)[core.length >> 1]!;
  });
}

/**
 * Whether the page is faded: its corner marks, solid black as printed (under 30 at their core even in a
 * soft scan), a grey of 60 or more: a copy of a copy, or a printer low on toner. Without marks found,
 * the page's darkest 0.3 % (marks, page code, bold text) no darker than 90.
 */
export function faded(image: GreyImage, markCores?: number[]): boolean {
  if (markCores && markCores.length > 0) return markCores.sort((a, b) => a - b)[markCores.length >> 1]! >= 60;
  const hist = new Uint32Array(256);
  for (let i = 0; i < image.data.length; i += 7) hist[image.data[i]!]!++;
  const n = Math.ceil(image.data.length / 7);
  let seen = 0;
  for (let v = 0; v < 256; v++) if ((seen += hist[v]!) >= n * 0.003) return v >= 90;
  return true;
}

/** Whether the image has a page's proportions (A4 or Letter, either way up), as a scan has; a photo has a camera's. */
export const pageShaped = (image: { width: number; height: number }) =>
  [297 / 210, 11 / 8.5].some((r) => Math.abs(Math.max(image.width, image.height) / Math.min(image.width, image.height) - r) < 0.025);

/** An affine map with `linear`'s turn and scale, moved so that page point `from` falls on pixel `to`. */
function movedTo(linear: Affine, from: [number, number], to: [number, number]): Affine {
  const [u, v] = apply(linear, from[0], from[1]);
  return { ...linear, c: linear.c + to[0] - u, f: linear.f + to[1] - v };
}

/** The similarity (turn, one scale, shift) that takes two page points to two pixels. */
function similarity(p: [number, number][], q: [number, number][]): Affine {
  const [p0, p1] = p as [[number, number], [number, number]];
  const [q0, q1] = q as [[number, number], [number, number]];
  const dp = [p1[0] - p0[0], p1[1] - p0[1]], dq = [q1[0] - q0[0], q1[1] - q0[1]];
  const len = dp[0]! ** 2 + dp[1]! ** 2;
  const a = (dq[0]! * dp[0]! + dq[1]! * dp[1]!) / len; // s·cos
  const b = (dq[1]! * dp[0]! - dq[0]! * dp[1]!) / len; // s·sin
  const linear: Affine = { a, b: -b, c: 0, d: b, e: a, f: 0 };
  return movedTo(linear, p0, q0);
}

/**
 * A photo's four corner marks (page points `centres` → pixels) and the homography they give: around
 * where the page code's map puts each, every mark-sized square within a quarter of the page (a tilt of
 * 20° moves the far marks that far from a flat page's place, and shrinks or grows them), and of those
 * the four whose homography puts the page code's three finder patterns where ZXing read them.
 */
export function photoMarks(image: GreyImage, centres: [number, number][], fromQr: Affine, qrCentres: [number, number][], finders: [number, number][]): { to: [number, number][]; transform: Projective } | undefined {
  const scale = scaleOf(fromQr);
  const mm = 72 / 25.4;
  const qr = qrCentres[0]!;
  const lists = centres.map((c) => {
    const reach = (10 * mm + 0.45 * Math.hypot(c[0] - qr[0], c[1] - qr[1])) * scale;
    return markCandidates(image, apply(fromQr, c[0], c[1]), reach, MARK.size * scale, [1.7, 2], true).slice(0, 12);
  });
  if (lists.some((l) => l.length === 0)) return undefined;
  let best: { to: [number, number][]; transform: Projective; error: number } | undefined;
  const [l0, l1, l2, l3] = lists as [typeof lists[0], typeof lists[0], typeof lists[0], typeof lists[0]];
  for (const a of l0) for (const b of l1) for (const c of l2) for (const d of l3) {
    const to = [a.at, b.at, c.at, d.at];
    const h = fitHomography(centres, to);
    if (!h) continue;
    // Each square the size the map makes a mark there: a filled box (5.3 mm) or a table's pattern is not.
    const sized = [a, b, c, d].every((m, i) => {
      const [x, y] = centres[i]!;
      const [u0, v0] = project(h, x - MARK.size / 2, y), [u1, v1] = project(h, x + MARK.size / 2, y);
      const expected = Math.hypot(u1 - u0, v1 - v0);
      return m.side > expected * 0.75 && m.side < expected * 1.33;
    });
    if (!sized) continue;
    const error = Math.max(...qrCentres.map((q, i) => {
      const [u, v] = project(h, q[0], q[1]);
      return Math.hypot(u - finders[i]![0], v - finders[i]![1]);
    }));
    if (!best || error < best.error) best = { to, transform: h, error };
  }
  // ZXing's points lie some 2.5 mm from qrFinderCentres' (measured: 4 modules up and left, 2 % closer
  // together), the same on every page; a page curled a little adds a millimetre. Four wrong squares put
  // the code further off; a near miss is caught when the straightened page is registered again.
  return best && best.error < 5 * mm * scale ? best : undefined;
}

export async function register(image: GreyImage): Promise<Registration> {
  await zxing();
  const results = await findCodes(image);
  const found = results.map((r) => ({ r, code: r.valid ? parsePageCode(r.text) : undefined })).find((x) => x.code);
  if (!found) {
    if (results.some((r) => r.valid && r.text.startsWith("WK"))) return { ok: false, sheetLike: true, problem: { code: "page.otherVersion", params: { printed: "", version: "" } } };
    if (results.some((r) => r.valid)) return { ok: false, problem: { code: "page.foreignCode", params: {} } };
    if (!pageShaped(image)) return { ok: false, sheetLike: true, photo: true, problem: { code: "page.photo", params: { stage: "code" } } };
    const marks = sheetMarks(image);
    if (marks) return { ok: false, sheetLike: true, problem: faded(image, marks) ? { code: "page.faded", params: { stage: "code" } } : { code: "page.blurred", params: {} } };
    return { ok: false, problem: { code: "page.noCode", params: {} } };
  }
  const code = found.code!;
  const p = found.r.position;
  // ZXing's position: three of the symbol's corners, its fourth an estimate, left out.
  const finders: [number, number][] = [p.topLeft, p.topRight, p.bottomLeft].map((q) => [q.x, q.y]);
  const mm = 72 / 25.4;
  const from: [number, number][] = [];
  const to: [number, number][] = [];
  // The marks, nearest first, each searched for where what is known so far puts it: the page code's
  // few millimetres give the turn only roughly, so the window grows with the distance. A photo taken
  // at an angle: the far marks lie further from where the page code's map puts them, so if not all
  // four are found within a scanner's reach they are looked for again, further out.
  const searchFrom = (fromQr: Affine, qrCentre: [number, number], spread: number) => {
    from.length = 0;
    to.length = 0;
    const side = MARK.size * scaleOf(fromQr);
    const marks = markCentres(code.paper)
      .map((centre) => ({ centre, distance: Math.hypot(centre[0] - qrCentre[0], centre[1] - qrCentre[1]) }))
      .sort((a, b) => a.distance - b.distance);
    let estimate = fromQr;
    for (const { centre, distance } of marks) {
      const at = findMark(image, apply(estimate, centre[0], centre[1]), (4 * mm + distance * spread) * scaleOf(fromQr), side);
      if (!at) continue;
      from.push(centre);
      to.push(at);
      estimate = from.length === 1 ? movedTo(fromQr, centre, at) : from.length === 2 ? similarity(from, to) : fitAffine(from, to)!;
    }
    return estimate;
  };
  // Where ZXing puts those corners depends on how the symbol was drawn (measured): near the finder
  // patterns' centres for the sheet's own code (react-pdf), at the symbol's outer corners for a numbered
  // copy's (stamped by pdf-lib), 1.4 times further apart. Both are tried; the one whose map finds more
  // corner marks is kept.
  let qrCentres = qrFinderCentres(found.r.text);
  let fromQr: Affine | undefined;
  let most = -1;
  for (const points of [qrFinderCentres(found.r.text), qrCorners(found.r.text)]) {
    const fit = fitAffine(points, finders);
    if (!fit) continue;
    searchFrom(fit, points[0]!, 0.045);
    if (from.length > most) { most = from.length; fromQr = fit; qrCentres = points; }
    if (most === 4) break;
  }
  if (!fromQr) return { ok: false, code, problem: { code: "page.blurred", params: {} } };
  const search = (spread: number) => searchFrom(fromQr!, qrCentres[0]!, spread);
  let estimate = search(0.045);
  if (from.length < 4) {
    const scanner = { from: [...from], to: [...to], estimate };
    estimate = search(0.16);
    if (from.length < 4) { from.splice(0, from.length, ...scanner.from); to.splice(0, to.length, ...scanner.to); estimate = scanner.estimate; }
  }
  // A photo: the four marks that together put the page code where it was read, however far the
  // perspective moved them (a greedy search from the nearest may have taken a filled box for one).
  const seen = pageShaped(image) ? undefined : photoMarks(image, markCentres(code.paper), fromQr, qrCentres, finders);
  if (seen) {
    from.splice(0, from.length, ...markCentres(code.paper));
    to.splice(0, to.length, ...seen.to);
    const paper = PAPER_POINTS[code.paper];
    const upsideDown = apply(seen.transform, paper.width / 2, 0)[1] > apply(seen.transform, paper.width / 2, paper.height)[1];
    return { ok: true, code, transform: seen.transform, upsideDown, photo: true, marks: { from: [...from], to: [...to] } };
  }
  if (from.length === 0 || (from.length < 4 && !pageShaped(image))) {
    if (!pageShaped(image)) return { ok: false, code, photo: true, problem: { code: "page.photo", params: { stage: "marks" } } };
    return { ok: false, code, problem: faded(image) ? { code: "page.faded", params: { stage: "marks" } } : { code: "page.marksMissing", params: { found: 0 } } };
  }
  // Fewer than three marks (the others cut off by a page turned and shifted at once): the page code's
  // centre is one more point, precise enough as one end of a long baseline.
  const marksFound = { from: [...from], to: [...to] };
  // Fewer than three marks (the others cut off by a page turned, scaled and shifted at once): a turn and
  // one scale from two marks, or from one mark and the page code's centre (three points nearly in a line
  // would leave the map free in one direction). The boxes refine it (recognise).
  if (from.length === 2) estimate = similarity(from, to);
  if (from.length === 1) {
    const mid = (pts: [number, number][]) => [0, 1].map((k) => pts.reduce((sum, p) => sum + p[k]!, 0) / pts.length) as [number, number];
    estimate = similarity([from[0]!, mid(qrCentres)], [to[0]!, mid(finders)]);
  }
  let transform = estimate;
  // How well the marks agree with one affine map: a scanner's page does; a photo taken at an angle
  // needs the perspective of its four marks (homography.ts), which the boxes then confirm or refute.
  const mmPx = mm * scaleOf(transform);
  const worst = Math.max(...from.map((pt, i) => Math.hypot(apply(transform, pt[0], pt[1])[0] - to[i]![0], apply(transform, pt[0], pt[1])[1] - to[i]![1])));
  let photo = false;
  if (worst > 1.0 * mmPx) {
    const seen = from.length === 4 ? fitHomography(from, to) : undefined;
    if (!seen) return { ok: false, code, photo: !pageShaped(image), problem: pageShaped(image) ? { code: "page.marksMisaligned", params: { mm: (worst / mmPx).toFixed(1) } } : { code: "page.photo", params: { stage: "marks" } } };
    transform = seen;
    photo = true;
  }
  const paper = PAPER_POINTS[code.paper];
  const upsideDown = apply(transform, paper.width / 2, 0)[1] > apply(transform, paper.width / 2, paper.height)[1];
  return { ok: true, code, transform, upsideDown, photo, marks: marksFound };
}
