// The plane-to-plane map of a page seen at an angle (a phone photo): page points to pixels,
// u = (a·x + b·y + c) / (g·x + h·y + 1), v = (d·x + e·y + f) / (g·x + h·y + 1). A scanner's affine
// map is the case g = h = 0. Fitted by least squares (the direct linear transform) on points first
// moved to their centroid and scaled to a unit spread, so the equations stay well conditioned.

export interface Projective {
  a: number; b: number; c: number;
  d: number; e: number; f: number;
  /** The perspective terms; 0 or absent for an affine map. */
  g?: number; h?: number;
}

type Point = [number, number];

/** Solves m·x = r (n × n) by Gaussian elimination with partial pivoting; undefined if singular. */
export function solveLinear(m: number[][], r: number[]): number[] | undefined {
  const n = r.length;
  const a = m.map((row, i) => [...row, r[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) if (Math.abs(a[row]![col]!) > Math.abs(a[pivot]![col]!)) pivot = row;
    if (Math.abs(a[pivot]![col]!) < 1e-12) return undefined;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    for (let row = 0; row < n; row++) {
      if (row === col) continue;
      const k = a[row]![col]! / a[col]![col]!;
      if (k !== 0) for (let c = col; c <= n; c++) a[row]![c]! -= k * a[col]![c]!;
    }
  }
  return a.map((row, i) => row[n]! / row[i]!);
}

/** Moves points to their centroid and scales them to a mean distance of √2 (Hartley's normalisation). */
function normaliser(points: Point[]) {
  const cx = points.reduce((s, p) => s + p[0], 0) / points.length;
  const cy = points.reduce((s, p) => s + p[1], 0) / points.length;
  const spread = points.reduce((s, p) => s + Math.hypot(p[0] - cx, p[1] - cy), 0) / points.length || 1;
  const k = Math.SQRT2 / spread;
  return { k, cx, cy, to: (p: Point): Point => [(p[0] - cx) * k, (p[1] - cy) * k] };
}

/** The projective map from `from` to `to` (at least four points, no three in a line), least squares. */
export function fitHomography(from: Point[], to: Point[]): Projective | undefined {
  if (from.length < 4 || from.length !== to.length) return undefined;
  const nf = normaliser(from), nt = normaliser(to);
  const m = Array.from({ length: 8 }, () => new Array<number>(8).fill(0));
  const r = new Array<number>(8).fill(0);
  const add = (row: number[], rhs: number) => {
    for (let i = 0; i < 8; i++) {
      for (let j = 0; j < 8; j++) m[i]![j]! += row[i]! * row[j]!;
      r[i]! += row[i]! * rhs;
    }
  };
  from.forEach((p, i) => {
    const [x, y] = nf.to(p);
    const [u, v] = nt.to(to[i]!);
    add([x, y, 1, 0, 0, 0, -x * u, -y * u], u);
    add([0, 0, 0, x, y, 1, -x * v, -y * v], v);
  });
  const s = solveLinear(m, r);
  if (!s) return undefined;
  // Undo the normalisations: H = Tto⁻¹ · Hn · Tfrom.
  const hn = [[s[0]!, s[1]!, s[2]!], [s[3]!, s[4]!, s[5]!], [s[6]!, s[7]!, 1]];
  const tFrom = [[nf.k, 0, -nf.k * nf.cx], [0, nf.k, -nf.k * nf.cy], [0, 0, 1]];
  const tToInv = [[1 / nt.k, 0, nt.cx], [0, 1 / nt.k, nt.cy], [0, 0, 1]];
  const h = multiply(tToInv, multiply(hn, tFrom));
  return fromMatrix(h);
}

export function toMatrix(t: Projective): number[][] {
  return [[t.a, t.b, t.c], [t.d, t.e, t.f], [t.g ?? 0, t.h ?? 0, 1]];
}

export function fromMatrix(h: number[][]): Projective | undefined {
  const w = h[2]![2]!;
  if (Math.abs(w) < 1e-15) return undefined;
  return { a: h[0]![0]! / w, b: h[0]![1]! / w, c: h[0]![2]! / w, d: h[1]![0]! / w, e: h[1]![1]! / w, f: h[1]![2]! / w, g: h[2]![0]! / w, h: h[2]![1]! / w };
}

export function multiply(p: number[][], q: number[][]): number[][] {
  return p.map((row) => [0, 1, 2].map((j) => row.reduce((s, v, k) => s + v * q[k]![j]!, 0)));
}

/** The map back from pixels to page points. */
export function invert(t: Projective): Projective | undefined {
  const [[a, b, c], [d, e, f], [g, h, i]] = toMatrix(t) as [[number, number, number], [number, number, number], [number, number, number]];
  const det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
  if (Math.abs(det) < 1e-15) return undefined;
  return fromMatrix([
    [(e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det],
    [(f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det],
    [(d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det],
  ]);
}

export const project = (t: Projective, x: number, y: number): [number, number] => {
  const w = (t.g ?? 0) * x + (t.h ?? 0) * y + 1;
  return [(t.a * x + t.b * y + t.c) / w, (t.d * x + t.e * y + t.f) / w];
};
