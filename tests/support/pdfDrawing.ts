// Test helper: the painted paths of a PDF's pages (crop marks, fills) as boxes in PDF points, read with pdf.js.
import { OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import { openPdf } from "../../src/render/checkLayout.js";

type Matrix = [number, number, number, number, number, number];

export interface PaintedPath {
  page: number;
  paint: "stroke" | "fill";
  /** Bounding box of the path in PDF user space (from the page's bottom-left); a stroke's width is not included. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

const PAINT: Record<number, PaintedPath["paint"]> = {
  [OPS.stroke]: "stroke",
  [OPS.closeStroke]: "stroke",
  [OPS.fill]: "fill",
  [OPS.eoFill]: "fill",
};

/** Every stroked or filled path (not text, not clipping) on every page, following the current transformation matrix. */
export async function paintedPaths(bytes: Uint8Array): Promise<PaintedPath[]> {
  const pdf = await openPdf(bytes);
  const out: PaintedPath[] = [];
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      const ops = await (await pdf.getPage(n)).getOperatorList();
      let ctm: Matrix = [1, 0, 0, 1, 0, 0];
      const saved: Matrix[] = [];
      ops.fnArray.forEach((fn, i) => {
        const args = ops.argsArray[i] as unknown[];
        if (fn === OPS.save) saved.push(ctm);
        else if (fn === OPS.restore) ctm = saved.pop() ?? ctm;
        else if (fn === OPS.transform) ctm = multiply(args as Matrix, ctm);
        else if (fn === OPS.constructPath) {
          const [op, , minMax] = args as [number, unknown, ArrayLike<number> | null];
          const paint = PAINT[op];
          if (!paint || !minMax) return;
          const corners = [
            [minMax[0]!, minMax[1]!],
            [minMax[2]!, minMax[3]!],
          ].map(([x, y]) => [ctm[0] * x! + ctm[2] * y! + ctm[4], ctm[1] * x! + ctm[3] * y! + ctm[5]] as const);
          const xs = corners.map((c) => c[0]);
          const ys = corners.map((c) => c[1]);
          out.push({ page: n, paint, x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) });
        }
      });
    }
  } finally {
    await pdf.destroy();
  }
  return out;
}
