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
export function straighten(photo: GreyImage, transform: Projective, paper: Paper, dpi: number): GreyImage {
  const { width: wPt, height: hPt } = PAPER_POINTS[paper];
  const k = dpi / 72;
  const width = Math.round(wPt * k), height = Math.round(hPt * k);
  const data = new Uint8Array(width * height);
  const seen = new Uint8Array(width * height);
  const src = photo.data, pw = photo.width, ph = photo.height;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [u, v] = project(transform, (x + 0.5) / k, (y + 0.5) / k);
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
