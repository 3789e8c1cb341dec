// What the printed scoring sheet carries for a machine, defined once for the template that draws it and
// the reader that finds it: the QR page code (material, content version, page, paper) and where it and
// the four corner registration marks sit on the page. The statement boxes are not here: they come from
// the build's field map.
import QRCode from "qrcode";
import type { Brand, Material } from "../model.js";

/** Paper sizes in points (react-pdf's A4 and LETTER). */
export const PAPER_POINTS = { A4: { width: 595.28, height: 841.89 }, LETTER: { width: 612, height: 792 } } as const;
export type Paper = keyof typeof PAPER_POINTS;

const MM = 72 / 25.4;

/**
 * Registration marks: solid squares in the four corners, inside what every printer prints (≥ 5 mm from
 * the edge) and outside the page's header, footer and text. Points, from the page's top left.
 */
export const MARK = { size: 3.5 * MM, inset: 7 * MM };

/** Centres of the marks, top-left, top-right, bottom-right, bottom-left, in points from the top left. */
export function markCentres(paper: Paper): [number, number][] {
  const { width, height } = PAPER_POINTS[paper];
  const c = MARK.inset + MARK.size / 2;
  return [
    [c, c],
    [width - c, c],
    [width - c, height - c],
    [c, height - c],
  ];
}

/**
 * The QR page code: at the top, between the logo and the page title, modules of 0.5 mm (read at 150 dpi
 * and up), with a 2-module quiet zone inside its square. Near the middle of the top edge, and 9.5 mm
 * down, a page turned by 3°, scaled by 3 % and shifted by 5 mm on the scanner still shows all of it (a
 * corner mark may then be cut off: three are enough). `clearance`: the sheet's text starts this much
 * lower than on other pages, so the code keeps its quiet zone.
 */
export const QR = { left: 120 * MM, top: 8.5 * MM, module: 0.5 * MM, quiet: 2, clearance: 3 * MM };

/**
 * The error correction a page code is drawn with: M (as templates/parts/QrCode.tsx draws the sheet's
 * own codes, QR version 2), or L where M would need a larger symbol (a numbered copy's code on Letter),
 * so that every page code is the same 25 modules across and fits where the sheet leaves room for it.
 */
export const qrLevel = (text: string): "M" | "L" => (QRCode.create(text, { errorCorrectionLevel: "M" }).modules.size <= 25 ? "M" : "L");

/** Modules across the symbol for this text (25 for the page codes: QR version 2). */
export const qrModules = (text: string) => QRCode.create(text, { errorCorrectionLevel: qrLevel(text) }).modules.size;

/** The printed square, quiet zone included, in points. */
export const qrSize = (text: string) => (qrModules(text) + 2 * QR.quiet) * QR.module;

/**
 * Centres of the symbol's three finder patterns (3.5 modules in from its corners: where a QR reader
 * locates them), top-left, top-right, bottom-left, in points.
 */
export function qrFinderCentres(text: string): [number, number][] {
  const x0 = QR.left + (QR.quiet + 3.5) * QR.module;
  const y0 = QR.top + (QR.quiet + 3.5) * QR.module;
  const s = (qrModules(text) - 7) * QR.module;
  return [
    [x0, y0],
    [x0 + s, y0],
    [x0, y0 + s],
  ];
}

/** The symbol's outer corners, top-left, top-right, bottom-left, in points (quiet zone not included). */
export function qrCorners(text: string): [number, number][] {
  const x0 = QR.left + QR.quiet * QR.module;
  const y0 = QR.top + QR.quiet * QR.module;
  const s = qrModules(text) * QR.module;
  return [
    [x0, y0],
    [x0 + s, y0],
    [x0, y0 + s],
  ];
}

export interface PageCode {
  /** Material id, e.g. `v01-scoring`. */
  material: string;
  /** The content's version the sheet was printed from. */
  version: string;
  /** 1-based page of the material. */
  page: number;
  paper: Paper;
  /** A short hash of everything that places the boxes (see layoutKey): a sheet printed from another profile differs. */
  layout: string;
  /** The printed copy (`build --numbered-sheets`, numberCopies.ts); absent on the sheet as built. */
  copy?: number;
}

/**
 * `WK1:V01-SCORING:1.0.0:1:A4:3F9A2C`, and a numbered copy's `…:3F9A2C:17`: upper case, so the QR's
 * compact alphanumeric mode holds it in a version 2 symbol.
 */
export function encodePageCode(code: PageCode): string {
  return ["WK1", code.material.toUpperCase(), code.version.toUpperCase(), String(code.page), code.paper, code.layout.toUpperCase(), ...(code.copy ? [String(code.copy)] : [])].join(":");
}

/** The page code in a QR's text, or undefined when the text is not one (another QR on the page, say). */
export function parsePageCode(text: string): PageCode | undefined {
  const m = /^WK1:([A-Z0-9-]+):([A-Z0-9.+-]+):(\d{1,3}):(A4|LETTER):([0-9A-F]{6})(?::(\d{1,4}))?$/.exec(text.trim());
  if (!m) return undefined;
  return { material: m[1]!.toLowerCase(), version: m[2]!.toLowerCase(), page: Number(m[3]), paper: m[4] as Paper, layout: m[5]!, ...(m[6] ? { copy: Number(m[6]) } : {}) };
}

/**
 * Six hex digits from everything that decides where the sheet's boxes land: its text (as resolved, with
 * the company's name where it is used), the paper and the logo's proportions. The template prints it in
 * the page code; the reader computes it for the sheet it rebuilds and reads only pages that match.
 * FNV-1a, so templates stay free of I/O and node modules.
 */
export function layoutKey(parts: unknown): string {
  const text = JSON.stringify(parts);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (h >>> 8).toString(16).toUpperCase().padStart(6, "0");
}

/** Raise when templates/ScoringTemplate.tsx moves its boxes: sheets printed before are then refused, not misread. */
export const SHEET_REVISION = 3;

/**
 * The layout key of a scoring sheet as resolved for a company. The company's name and logo are not
 * in it: they sit in a header slot of fixed size (templates/parts/BrandSlot.tsx) and move nothing,
 * and the sheet is rendered once with a placeholder brand for every company.
 */
export function sheetLayoutKey(material: Extract<Material, { kind: "scoring" }>, brand: Brand): string {
  return layoutKey([SHEET_REVISION, material, brand.paper]);
}
