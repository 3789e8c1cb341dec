// The paper's own brightness under the ink, estimated over the whole page: what a stain, a crease, a
// scanner lid's shadow, a copier's grey or a photo's uneven light make of white paper. Ink is then
// what is darker than this, wherever on the page it is. A morphological closing at the scale of a few
// millimetres: each block's bright level, the brightest within reach (which removes pen strokes and a
// filled box, all narrower than the reach), then the darkest within reach (which gives back the extent
// of the shading), smoothed.
import type { GreyImage } from "./loadScans.js";

export interface Background {
  /** The paper's grey level (1–255) at pixel (u, v). */
  at(u: number, v: number): number;
}

/** `pxPerMm`: the image's scale where the boxes are. */
export function paperBackground(image: GreyImage, pxPerMm: number): Background {
  const block = Math.max(3, Math.round(pxPerMm * 1.2));
  const bw = Math.ceil(image.width / block), bh = Math.ceil(image.height / block);
  const level = new Float32Array(bw * bh);
  const values = new Uint8Array(block * block);
  for (let by = 0; by < bh; by++) for (let bx = 0; bx < bw; bx++) {
    let n = 0;
    for (let y = by * block; y < Math.min(image.height, (by + 1) * block); y++) {
      const row = y * image.width;
      for (let x = bx * block; x < Math.min(image.width, (bx + 1) * block); x++) values[n++] = image.data[row + x]!;
    }
    const sorted = values.subarray(0, n).sort();
    level[by * bw + bx] = sorted[Math.floor(n * 0.8)]!; // the paper between a block's strokes and text
  }
  // Reach: 4.5 mm, more than half a filled box's side (a box is 5.3 mm) and a marker's stroke.
  const reach = Math.ceil(4.5 / (block / pxPerMm));
  const closed = filter(filter(level, bw, bh, reach, Math.max), bw, bh, reach, Math.min);
  const smooth = filter(closed, bw, bh, 1, (a, b) => a + b, true);
  return {
    at(u, v) {
      const fx = Math.min(Math.max(u / block - 0.5, 0), bw - 1.001), fy = Math.min(Math.max(v / block - 0.5, 0), bh - 1.001);
      const ix = Math.floor(fx), iy = Math.floor(fy), dx = fx - ix, dy = fy - iy;
      const i = iy * bw + ix;
      const x1 = ix + 1 < bw ? 1 : 0, y1 = iy + 1 < bh ? bw : 0;
      const top = smooth[i]! * (1 - dx) + smooth[i + x1]! * dx;
      const bottom = smooth[i + y1]! * (1 - dx) + smooth[i + y1 + x1]! * dx;
      return Math.max(1, top * (1 - dy) + bottom * dy);
    },
  };
}

/** A separable square filter of radius r: max, min, or (mean = true) the mean. */
function filter(src: Float32Array, w: number, h: number, r: number, op: (a: number, b: number) => number, mean = false): Float32Array {
  const pass = (input: Float32Array, horizontal: boolean) => {
    const out = new Float32Array(input.length);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
      let acc = input[y * w + x]!, n = 1;
      for (let k = 1; k <= r; k++) {
        for (const s of [-k, k]) {
          const xx = horizontal ? x + s : x, yy = horizontal ? y : y + s;
          if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
          acc = op(acc, input[yy * w + xx]!);
          n++;
        }
      }
      out[y * w + x] = mean ? acc / n : acc;
    }
    return out;
  };
  return pass(pass(src, true), false);
}
