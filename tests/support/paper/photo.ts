// A filled scoring page photographed by a phone from above, as people do it at the end of a workshop:
// the page (the real sheet, filled, from page.ts) lying on a table, seen through a pinhole camera of a
// phone's focal length (a wide 24 mm to a 70 mm equivalent) tilted up to 20° about any axis, the page
// turned any way in the frame, not quite flat (curled up at its edges or arched in the middle), lit
// unevenly from one side with a vignette, a soft shadow (a hand, the phone) across part of it, on a
// wooden, grey, white, dark or green table; then the camera's softness, noise and JPEG. Everything
// comes from a seeded random generator: the same seed gives the same bytes.
import sharp from "sharp";
import type { SheetLayout } from "../../../src/results/sheetLayout.js";
import { fitHomography, project } from "../../../src/results/homography.js";
import type { DrawnMark } from "./marks.js";
import { paperPage, random } from "./page.js";
import { EVERY_KIND, fillPage, type FillStyle, type TruePage } from "./sets.js";

export type Table = "wood" | "grey" | "white" | "dark" | "green";

export interface PhotoOptions {
  /** Degrees from straight above. */
  tilt: number;
  /** The tilt's axis in the page's plane, degrees (0: the camera leans towards the page's top or bottom). */
  axis: number;
  /** The page turned in the frame, degrees (180: photographed from the other side of the table). */
  turn: number;
  /** 35 mm equivalent focal length: 24–28 for a phone's main camera, 50–70 for its zoom. */
  focal: number;
  /** Share of the frame's long side the page's long side takes (0.6–0.9). */
  fill: number;
  /** The page not flat, in mm: > 0 its middle arched up, < 0 its edges curled up; along its width or height. */
  curl: number;
  curlAlong: "width" | "height";
  /** How much the light falls off across the frame (0–0.6), and from which direction (degrees). */
  light: number;
  lightFrom: number;
  /** A soft shadow across part of the page: how dark (0 for none, up to 0.5). */
  shadow: number;
  table: Table;
  /** Gaussian softness at the photo's resolution, pixels (focus, a hand's shake). */
  blur: number;
  /** Sensor noise, grey levels. */
  noise: number;
  jpeg: number;
  /** The phone held sideways: the frame in landscape. */
  landscape: boolean;
}

/** A photo's settings drawn at random within what a phone photo of a page taken from above looks like. */
export function randomPhoto(rnd: () => number, maxTilt = 20): PhotoOptions {
  const tables: Table[] = ["wood", "grey", "white", "dark", "green"];
  return {
    tilt: rnd() * maxTilt,
    axis: rnd() * 360,
    turn: (rnd() - 0.5) * 30 + (rnd() < 0.2 ? 180 : 0),
    focal: [24, 26, 28, 35, 50, 70][Math.floor(rnd() * 6)]!,
    fill: 0.62 + rnd() * 0.26,
    curl: (rnd() - 0.5) * 8,
    curlAlong: rnd() < 0.5 ? "width" : "height",
    light: rnd() * 0.55,
    lightFrom: rnd() * 360,
    shadow: rnd() < 0.5 ? 0.15 + rnd() * 0.3 : 0,
    table: tables[Math.floor(rnd() * tables.length)]!,
    blur: 0.4 + rnd() * 1.1,
    noise: 2 + rnd() * 6,
    jpeg: 70 + Math.round(rnd() * 25),
    landscape: rnd() < 0.2,
  };
}

const TABLES: Record<Table, { colour: [number, number, number]; grain: (x: number, y: number, r: number) => number }> = {
  wood: { colour: [150, 108, 70], grain: (x, y) => 0.85 + 0.15 * Math.sin(y * 0.021 + Math.sin(x * 0.0031) * 4) },
  grey: { colour: [112, 114, 118], grain: (_x, _y, r) => 0.96 + 0.08 * r },
  white: { colour: [218, 216, 210], grain: (_x, _y, r) => 0.97 + 0.05 * r },
  dark: { colour: [46, 44, 48], grain: (_x, _y, r) => 0.9 + 0.2 * r },
  green: { colour: [70, 112, 84], grain: (x, y, r) => 0.92 + 0.06 * Math.sin(x * 0.05 + y * 0.013) + 0.04 * r },
};

/** The dpi the page is drawn at before it is photographed: finer than the photo sees it. */
const PAGE_DPI = 300;

/** One page of the sheet, filled with `marks`, photographed as `options` say: JPEG bytes. */
export async function photoPage(layout: SheetLayout, sheetPage: number, marks: DrawnMark[], options: PhotoOptions, seed: number): Promise<Buffer> {
  const rnd = random(seed);
  // The filled page as it lies on the table (page.ts draws the pens; a flat scan of it at 300 dpi, lossless).
  const flat = await paperPage(layout, sheetPage, marks, {}, { kind: "scan", dpi: PAGE_DPI, jpeg: 0 }, seed);
  const { data: page, info } = await sharp(flat).removeAlpha().toColourspace("srgb").raw().toBuffer({ resolveWithObject: true });
  const pw = info.width, ph = info.height, pc = info.channels;
  const W = options.landscape ? 4032 : 3024, H = options.landscape ? 3024 : 4032;
  const mmPx = PAGE_DPI / 25.4;
  const wMm = pw / mmPx, hMm = ph / mmPx;

  // The camera: a pinhole of the focal length (its 36 mm across the frame's long side), looking down at
  // the table from a height at which the page fills `fill` of the frame, then tilted about `axis`.
  const f = (options.focal / 36) * Math.max(W, H);
  let height = (f * Math.max(wMm, hMm)) / (options.fill * Math.max(W, H));
  const turn = (options.turn * Math.PI) / 180, tilt = (options.tilt * Math.PI) / 180, axis = (options.axis * Math.PI) / 180;
  const [ax, ay] = [Math.cos(axis), Math.sin(axis)];
  const cosT = Math.cos(tilt), sinT = Math.sin(tilt);
  const lift = (xm: number, ym: number) => {
    const t = options.curlAlong === "width" ? (2 * xm) / wMm - 1 : (2 * ym) / hMm - 1;
    return options.curl > 0 ? options.curl * (1 - t * t) : -options.curl * t * t;
  };
  /** Page mm → the photo's pixels. */
  const view = (xm: number, ym: number): [number, number] => {
    // The page turned in the table's plane about its middle, lifted where it curls.
    const px0 = xm - wMm / 2, py0 = ym - hMm / 2;
    const px = px0 * Math.cos(turn) - py0 * Math.sin(turn), py = px0 * Math.sin(turn) + py0 * Math.cos(turn), pz = lift(xm, ym);
    // Rodrigues: the camera tilted about (ax, ay, 0) is the table tilted the other way.
    const dot = px * ax + py * ay;
    const cx = ay * pz, cy = -ax * pz, cz = ax * py - ay * px; // axis × p
    const rx = px * cosT + cx * sinT + ax * dot * (1 - cosT);
    const ry = py * cosT + cy * sinT + ay * dot * (1 - cosT);
    const rz = pz * cosT + cz * sinT;
    const depth = height - rz;
    return [W / 2 + (f * rx) / depth, H / 2 + (f * ry) / depth];
  };
  // Somewhere in the frame, all of the page in view: the camera raised or lowered until the page
  // takes `fill` of the frame's width or height, whichever it reaches first.
  const corners: [number, number][] = [[0, 0], [wMm, 0], [wMm, hMm], [0, hMm]];
  const extent = () => {
    const at = corners.map(([x, y]) => view(x, y));
    const us = at.map((p) => p[0]), vs = at.map((p) => p[1]);
    return Math.max((Math.max(...us) - Math.min(...us)) / W, (Math.max(...vs) - Math.min(...vs)) / H);
  };
  for (let k = 0; k < 3; k++) height *= extent() / options.fill;
  const seen = corners.map(([x, y]) => view(x, y));
  const xs = seen.map((p) => p[0]), ys = seen.map((p) => p[1]);
  const slackX = Math.max(0, W - (Math.max(...xs) - Math.min(...xs))) * 0.9, slackY = Math.max(0, H - (Math.max(...ys) - Math.min(...ys))) * 0.9;
  const ox = (W - Math.max(...xs) - Math.min(...xs)) / 2 + (rnd() - 0.5) * slackX, oy = (H - Math.max(...ys) - Math.min(...ys)) / 2 + (rnd() - 0.5) * slackY;
  const toPhoto = (xm: number, ym: number): [number, number] => {
    const [u, v] = view(xm, ym);
    return [u + ox, v + oy];
  };
  // From the photo back to the page: the flat page's homography, corrected by fixed-point steps for the
  // curl, on a grid of nodes 8 pixels apart (the map is smooth), interpolated between them.
  const flatMap = fitHomography(corners.map(([x, y]) => toPhoto(x, y)), corners)!;
  const STEP = 8;
  const gw = Math.ceil(W / STEP) + 1, gh = Math.ceil(H / STEP) + 1;
  const gx = new Float32Array(gw * gh), gy = new Float32Array(gw * gh);
  for (let j = 0; j < gh; j++) for (let i = 0; i < gw; i++) {
    const target: [number, number] = [i * STEP, j * STEP];
    let [x, y] = project(flatMap, target[0], target[1]);
    if (options.curl !== 0) {
      for (let k = 0; k < 4; k++) {
        const [u, v] = toPhoto(x, y);
        const [fx, fy] = project(flatMap, u, v);
        const [tx, ty] = project(flatMap, target[0], target[1]);
        x += tx - fx; y += ty - fy;
      }
    }
    gx[j * gw + i] = x; gy[j * gw + i] = y;
  }

  // Light: falling off from one side, a vignette, and a soft-edged shadow across part of the frame.
  const lx = Math.cos((options.lightFrom * Math.PI) / 180), ly = Math.sin((options.lightFrom * Math.PI) / 180);
  const diag = Math.hypot(W, H);
  const shadowAngle = rnd() * Math.PI * 2, shadowAt = 0.25 + rnd() * 0.35, penumbra = 20 + rnd() * 80;
  const [sx, sy] = [Math.cos(shadowAngle), Math.sin(shadowAngle)];
  const warm = [1, 0.97 - rnd() * 0.05, 0.9 - rnd() * 0.1] as const;
  const table = TABLES[options.table];
  const out = new Uint8ClampedArray(W * H * 3);
  for (let v = 0; v < H; v++) {
    const j = Math.min(gh - 2, Math.floor(v / STEP)), fy = v / STEP - j;
    for (let u = 0; u < W; u++) {
      const i = Math.min(gw - 2, Math.floor(u / STEP)), fx = u / STEP - i;
      const n = j * gw + i;
      const xm = (gx[n]! * (1 - fx) + gx[n + 1]! * fx) * (1 - fy) + (gx[n + gw]! * (1 - fx) + gx[n + gw + 1]! * fx) * fy;
      const ym = (gy[n]! * (1 - fx) + gy[n + 1]! * fx) * (1 - fy) + (gy[n + gw]! * (1 - fx) + gy[n + gw + 1]! * fx) * fy;
      const du = u - W / 2, dv = v - H / 2;
      const along = (du * lx + dv * ly) / diag + 0.5; // 0 nearest the light, 1 furthest
      let illum = (1 - options.light * along) * (1 - 0.12 * ((du * du + dv * dv) / (diag * diag / 4)));
      if (options.shadow > 0) {
        const d = (du / W) * sx + (dv / H) * sy - (shadowAt - 0.5);
        const inShadow = Math.min(1, Math.max(0, 0.5 + (d * Math.max(W, H)) / penumbra));
        illum *= 1 - options.shadow * inShadow;
      }
      const o = (v * W + u) * 3;
      const px = xm * mmPx - 0.5, py = ym * mmPx - 0.5;
      if (px >= 0 && py >= 0 && px < pw - 1 && py < ph - 1) {
        const ix = Math.floor(px), iy = Math.floor(py), ex = px - ix, ey = py - iy;
        // A curled page's slope turns it a little from the light.
        const slope = options.curl === 0 ? 0 : 0.05 * (options.curlAlong === "width" ? (2 * xm) / wMm - 1 : (2 * ym) / hMm - 1) * Math.sign(options.curl);
        for (let c = 0; c < 3; c++) {
          const k = (iy * pw + ix) * pc + c;
          const value = (page[k]! * (1 - ex) + page[k + pc]! * ex) * (1 - ey) + (page[k + pw * pc]! * (1 - ex) + page[k + pw * pc + pc]! * ex) * ey;
          out[o + c] = value * illum * warm[c]! * (1 - slope);
        }
      } else {
        const g = table.grain(u, v, rnd());
        for (let c = 0; c < 3; c++) out[o + c] = table.colour[c]! * g * illum * warm[c]!;
      }
    }
  }
  // The sensor's noise, stronger in the dark, then the lens's softness and the phone's JPEG.
  for (let k = 0; k < out.length; k += 3) {
    const e = (rnd() + rnd() + rnd() - 1.5) * options.noise * (1.4 - out[k + 1]! / 255);
    out[k] = out[k]! + e; out[k + 1] = out[k + 1]! + e; out[k + 2] = out[k + 2]! + e;
  }
  return sharp(Buffer.from(out.buffer), { raw: { width: W, height: H, channels: 3 } }).blur(Math.max(0.3, options.blur)).jpeg({ quality: options.jpeg }).toBuffer();
}

/** A kind of phone photo for the bench (bench/omr.ts): pages filled in a style, each photographed its own way. */
export interface PhotoKind {
  name: string;
  group: "photo";
  style: FillStyle;
  options: (rnd: () => number) => PhotoOptions;
  make: (layout: SheetLayout, count: number, seed: number) => Promise<TruePage[]>;
}

function photoKind(name: string, style: FillStyle, options: (rnd: () => number) => PhotoOptions): PhotoKind {
  return {
    name, group: "photo", style, options,
    async make(layout, count, seed) {
      const rnd = random(seed);
      const sheetPages = [...layout.pages.keys()];
      const out: TruePage[] = [];
      for (let i = 0; i < count; i++) {
        const sheetPage = sheetPages[i % sheetPages.length]!;
        const { marks, truth } = fillPage(layout, sheetPage, style, rnd);
        const o = options(rnd);
        out.push({ sheetPage, bytes: await photoPage(layout, sheetPage, marks, o, Math.floor(rnd() * 2 ** 31)), truth, marks, describe: `${name} #${i} ${JSON.stringify(o)}` });
      }
      return out;
    },
  };
}

export const PHOTO_KINDS: PhotoKind[] = [
  photoKind("phone photos: any lens, tilt ≤ 20°, curl, light, shadow, 5 tables", { pens: ["ballpoint", "thin ballpoint", "felt tip", "marker"], kinds: EVERY_KIND, change: 0.1 }, (rnd) => randomPhoto(rnd)),
  photoKind("phone photos, hard: tilt 12–20°, wide lens, deep shadow, soft", { pens: ["ballpoint", "felt tip", "pencil"], kinds: EVERY_KIND, change: 0.1 }, (rnd) => ({
    ...randomPhoto(rnd), tilt: 12 + rnd() * 8, focal: 24 + rnd() * 4, shadow: 0.3 + rnd() * 0.2, light: 0.3 + rnd() * 0.3, blur: 1 + rnd() * 0.8, jpeg: 65 + Math.round(rnd() * 15),
  })),
];
