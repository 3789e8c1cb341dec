// straighten: a phone photo of a page made into what a scanner would have given. The page's map from
// its four corner marks (a homography: the photo's perspective) is undone, pixel by pixel, into an
// upright page at the reader's resolution, and the light is evened out (flat-field: each pixel divided
// by the paper's own brightness there, so a shadow or a lamp's fall-off leaves white paper white). The
// page is then registered and read as any scan is.
import type { GreyImage } from "./loadScans.js";
import { paperBackground } from "./background.js";
import { project, type Projective } from "./homography.js";
import { PAPER_POINTS, type Paper } from "./pageCode.js";

/** The paper's level a straightened page is brought to: a scanner's white. */
const WHITE = 245;

/**
 * The page seen through `transform` (page points → the photo's pixels), upright at `dpi`, its light
 * evened out. Pixels the photo does not show (a corner beyond its edge) are white.
 */
export function straighten(photo: GreyImage, transform: Projective, paper: Paper, dpi: number, shift?: Shift): GreyImage {
  const { width: wPt, height: hPt } = PAPER_POINTS[paper];
  const k = dpi / 72;
  const width = Math.round(wPt * k), height = Math.round(hPt * k);
  const data = new Uint8Array(width * height);
  const seen = new Uint8Array(width * height);
  const src = photo.data, pw = photo.width, ph = photo.height;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const px = (x + 0.5) / k, py = (y + 0.5) / k;
      const [sx, sy] = shift ? shift(px, py) : [0, 0];
      const [u, v] = project(transform, px + sx, py + sy);
      const fx = u - 0.5, fy = v - 0.5;
      const ix = Math.floor(fx), iy = Math.floor(fy);
      if (ix < 0 || iy < 0 || ix >= pw - 1 || iy >= ph - 1) continue;
      const dx = fx - ix, dy = fy - iy, i = iy * pw + ix;
      const top = src[i]! * (1 - dx) + src[i + 1]! * dx;
      const bottom = src[i + pw]! * (1 - dx) + src[i + pw + 1]! * dx;
      data[y * width + x] = top * (1 - dy) + bottom * dy + 0.5;
      seen[y * width + x] = 1;
    }
  }
  // Where the photo ends, the paper's level continues (a white that is not a step), then is made white.
  for (let i = 0; i < data.length; i++) if (!seen[i]) data[i] = 255;
  const page: GreyImage = { width, height, data };
  // The paper's brightness at a larger scale than the reader's own (background.ts at half the scale
  // reaches 9 mm): the page code, the logo and a filled box are all narrower, the light's changes wider.
  const light = paperBackground(page, dpi / 25.4 / 2);
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      out[i] = seen[i] ? Math.min(255, Math.round((data[i]! * WHITE) / light.at(x, y))) : 255;
    }
  }
  return { width, height, data: out };
}

/** Page points → how far (points) the page's content lies from where its four corner marks put it. */
export type Shift = (x: number, y: number) => [number, number];

/**
 * A page not quite flat (curled at its edges, arched in its middle) is not one plane: its boxes lie up
 * to a millimetre or two from where the corner marks' homography puts them, and differently across a
 * row. From each box's offset, found where it is on the page straightened once, a smooth field of
 * offsets over the page (each point the distance-weighted mean of the boxes nearest it, on a grid of
 * 6 pt; none beyond them), for straightening it again.
 */
export function shiftField(samples: { at: [number, number]; by: [number, number] }[], paper: Paper): Shift | undefined {
  if (samples.length < 20) return undefined;
  const { width, height } = PAPER_POINTS[paper];
  const STEP = 6, NEAR = 6;
  const gw = Math.ceil(width / STEP) + 1, gh = Math.ceil(height / STEP) + 1;
  const gx = new Float32Array(gw * gh), gy = new Float32Array(gw * gh);
  const d2 = new Float64Array(NEAR), which = new Int32Array(NEAR);
  for (let j = 0; j < gh; j++) for (let i = 0; i < gw; i++) {
    const x = i * STEP, y = j * STEP;
    // The NEAR nearest samples, kept in order as they come.
    d2.fill(Infinity);
    samples.forEach((s, m) => {
      const d = (s.at[0] - x) ** 2 + (s.at[1] - y) ** 2;
      if (d >= d2[NEAR - 1]!) return;
      let k = NEAR - 1;
      while (k > 0 && d2[k - 1]! > d) { d2[k] = d2[k - 1]!; which[k] = which[k - 1]!; k--; }
      d2[k] = d; which[k] = m;
    });
    let wx = 0, wy = 0, w = 0;
    for (let k = 0; k < NEAR; k++) {
      const s = samples[which[k]!]!, weight = 1 / (d2[k]! + 25);
      wx += weight * s.by[0]; wy += weight * s.by[1]; w += weight;
    }
    // Far from every box (the page's text, its margins) the offsets fade out to the marks' own map.
    const fade = Math.max(0, Math.min(1, 1.5 - Math.sqrt(d2[0]!) / 40));
    gx[j * gw + i] = (wx / w) * fade; gy[j * gw + i] = (wy / w) * fade;
  }
  return (x, y) => {
    const fx = Math.min(Math.max(x / STEP, 0), gw - 1.001), fy = Math.min(Math.max(y / STEP, 0), gh - 1.001);
    const i = Math.floor(fx), j = Math.floor(fy), dx = fx - i, dy = fy - j, n = j * gw + i;
    const at = (g: Float32Array) => (g[n]! * (1 - dx) + g[n + 1]! * dx) * (1 - dy) + (g[n + gw]! * (1 - dx) + g[n + gw + 1]! * dx) * dy;
    return [at(gx), at(gy)];
  };
}
