// Where each row's boxes are on a registered scan: found near where the corner marks put them, the
// page's map refitted from those hundred points, then each row found again, closely.
import type { GreyImage } from "./loadScans.js";
import { fitHomography } from "./homography.js";
import { apply, fitAffine, scaleOf, type Affine, type Registration } from "./register.js";
import { FOUND, locateRow, type RowPlace } from "./readBoxes.js";
import type { Row } from "./sheetLayout.js";

/**
 * The page's map refined by its own boxes: rows found near where the marks put them give a hundred
 * points across the sheet, fitted together with the marks; the rows are then found again, closely.
 */
export function locateRows(image: GreyImage, registered: Extract<Registration, { ok: true }>, rows: Row[]): (RowPlace & { transform: Affine })[] {
  let transform = registered.transform;
  const first = rows.map((row) => locateRow(image, transform, row));
  const from: [number, number][] = [...registered.marks.from];
  const to: [number, number][] = [...registered.marks.to];
  rows.forEach((row, i) => {
    const place = first[i]!;
    if (place.contrast < FOUND / 2) return;
    for (const b of row.boxes) {
      const centre: [number, number] = [b.x + b.width / 2, b.y + b.height / 2];
      from.push(centre);
      to.push(apply(transform, centre[0] + place.dx, centre[1] + place.dy));
    }
  });
  if (from.length - registered.marks.from.length >= 15) {
    // Twice: the second time without the points that the first fit leaves more than 1.5 pt off.
    // A photo's map keeps its perspective; a scanner's is affine.
    const fitMap = registered.photo ? fitHomography : fitAffine;
    const fit = fitMap(from, to);
    if (fit) {
      const scale = scaleOf(fit);
      const keep = from.map((p, i) => Math.hypot(apply(fit, p[0], p[1])[0] - to[i]![0], apply(fit, p[0], p[1])[1] - to[i]![1]) <= 1.5 * scale);
      transform = fitMap(from.filter((_, i) => keep[i]), to.filter((_, i) => keep[i])) ?? fit;
    }
  }
  // The boxes may correct the marks by a little (a page not quite flat), never by much: boxes found far
  // from where the marks put them are another row's, on a sheet laid out otherwise. Then none is read.
  const tolerance = registered.marks.from.length >= 3 ? 3 : 8;
  const scale = scaleOf(registered.transform);
  const drift = Math.max(...rows.flatMap((row) => row.boxes.map((b) => {
    const [u0, v0] = apply(registered.transform, b.x, b.y);
    const [u1, v1] = apply(transform, b.x, b.y);
    return Math.hypot(u1 - u0, v1 - v0) / scale;
  })));
  if (drift > tolerance) return rows.map(() => ({ dx: 0, dy: 0, contrast: 0, transform }));
  return rows.map((row) => ({ ...locateRow(image, transform, row, 2), transform }));
}
