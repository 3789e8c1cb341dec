// What an SVG logo holds besides its own drawing, read from its text before anything draws it: the
// canvas size it declares, and every image embedded as a data: URI (in attributes, in CSS, in a
// nested SVG or stylesheet that is itself embedded), so that their pixels count against the limit.
import { gunzipSync } from "node:zlib";

/** An SVG nested deeper than this (an image in an image in an image…) is not a logo. */
const MAX_DEPTH = 4;
/** Embedded data: URIs, in all: a logo has a few. */
const MAX_EMBEDDED = 200;
/** Text of embedded SVGs and stylesheets, in all (a compressed one inflates: this bounds the sum). */
const MAX_NESTED_BYTES = 40 * 2 ** 20;
/** The largest canvas side an SVG may declare, in pixels (librsvg's own counters end at 2³¹). */
export const MAX_SVG_SIDE = 100_000;

export class SvgRefusal extends Error {
  constructor(
    message: string,
    readonly advice: string,
  ) {
    super(message);
  }
}

/** An embedded image: its bytes, or the text of an embedded SVG or stylesheet (measured by the caller). */
export interface Embedded {
  bytes: Buffer;
  /** How deep it sits: 1 for an image in the logo itself. */
  depth: number;
  /** Its media type as the URI says it ("image/png"), lower case; "" when none is given. */
  type: string;
}

/** The text of an SVG (SVGZ inflated), limited to `maxBytes` when inflated. */
export function svgText(bytes: Buffer, maxBytes: number): string {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      return gunzipSync(bytes, { maxOutputLength: maxBytes }).toString("utf8");
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") {
        throw new SvgRefusal(`the compressed SVG logo inflates to more than ${maxBytes / 2 ** 20} MB`, "Save the logo as a plain (uncompressed) SVG or a PNG.");
      }
      throw new SvgRefusal("the compressed SVG logo is damaged", "Save the logo again as a plain SVG or a PNG.");
    }
  }
  return bytes.toString("utf8");
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** XML character references decoded (`&#100;ata:` is `data:` to librsvg, so it is to us). */
function decodeReferences(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/gi, (_, ref: string) => {
    if (ref[0] !== "#") return NAMED[ref.toLowerCase()] ?? "";
    const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : "";
  });
}

/** CSS escapes in a url(): `\64 ata:` is `data:`. */
function decodeCssEscapes(text: string): string {
  return text.replace(/\\([0-9a-f]{1,6})\s?/gi, (_, hex: string) => {
    const code = parseInt(hex, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
  });
}

/**
 * Refuses what librsvg would expand or follow that a logo never needs (entity declarations: the
 * "billion laughs" and their cousins), and returns the data: URIs of `text`, nested ones included.
 */
export function embeddedImages(source: string, depth = 1, budget = { bytes: MAX_NESTED_BYTES }): Embedded[] {
  if (depth > MAX_DEPTH) throw new SvgRefusal(`the SVG logo nests embedded images more than ${MAX_DEPTH} deep`, "Export the logo as a plain SVG or a PNG.");
  if (/<!ENTITY/i.test(source)) throw new SvgRefusal("the SVG logo declares XML entities (<!ENTITY …>), which a logo does not need and workshopkit does not expand", "Export the logo again from your drawing program, or use a PNG.");
  const text = decodeCssEscapes(decodeReferences(source));
  const found: Embedded[] = [];
  // The payload runs to the first character that cannot be in it unescaped: a quote, a bracket, < or >.
  for (const m of text.matchAll(/data:([^,"'()<>]{0,200}?),([^"'()<>]*)/gi)) {
    const header = m[1]!.toLowerCase().replace(/\s+/g, "");
    const type = header.split(";")[0] ?? "";
    const payload = m[2]!;
    const bytes = header.split(";").includes("base64") ? Buffer.from(payload.replace(/\s+/g, ""), "base64") : percentDecoded(payload);
    const item = { bytes, depth, type };
    const nested = /svg|xml|css|text/.test(type) || /^\s*</.test(bytes.subarray(0, 200).toString("latin1")) || (bytes[0] === 0x1f && bytes[1] === 0x8b);
    if (nested) {
      found.push(item);
      const nestedText = svgText(bytes, budget.bytes);
      budget.bytes -= nestedText.length;
      if (budget.bytes <= 0) throw new SvgRefusal(`the SVG logo's embedded documents come to more than ${MAX_NESTED_BYTES / 2 ** 20} MB of text`, "Export the logo as a plain SVG or a PNG.");
      found.push(...embeddedImages(nestedText, depth + 1, budget));
    } else found.push(item);
    if (found.length > MAX_EMBEDDED) throw new SvgRefusal(`the SVG logo embeds more than ${MAX_EMBEDDED} images`, "Export the logo as a plain SVG or a PNG.");
  }
  return found;
}

function percentDecoded(payload: string): Buffer {
  try {
    return Buffer.from(decodeURIComponent(payload), "utf8");
  } catch {
    return Buffer.from(payload, "latin1");
  }
}

const UNIT_PX: Record<string, number> = { "": 1, px: 1, pt: 4 / 3, pc: 16, mm: 96 / 25.4, cm: 96 / 2.54, in: 96, em: 16, ex: 8 };

/** The canvas size the root <svg> declares, in pixels (undefined where it gives none, or a percentage). */
export function declaredSize(text: string): { width?: number; height?: number } {
  const root = /<(?:\w+:)?svg\b([^>]*)>/i.exec(text.slice(0, 1 << 20));
  if (!root) return {};
  const attrs = decodeReferences(root[1]!);
  const length = (name: string): number | undefined => {
    const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*["']\\s*([-+]?[0-9.]+(?:e[-+]?[0-9]+)?)\\s*([a-z%]*)\\s*["']`, "i").exec(attrs);
    if (!m) return undefined;
    const unit = UNIT_PX[m[2]!.toLowerCase()];
    return unit === undefined ? undefined : Number(m[1]) * unit;
  };
  const box = /(?:^|\s)viewBox\s*=\s*["']([^"']*)["']/i.exec(attrs)?.[1]?.trim().split(/[\s,]+/).map(Number);
  return { width: length("width") ?? box?.[2], height: length("height") ?? box?.[3] };
}

/** Refuses a canvas larger than MAX_SVG_SIDE a side (or not a number), before librsvg reads it. */
export function checkDeclaredSize(text: string, what = "the SVG logo"): void {
  const { width, height } = declaredSize(text);
  for (const side of [width, height]) {
    if (side !== undefined && !(Number.isFinite(side) && Math.abs(side) <= MAX_SVG_SIDE)) {
      const shown = (v: number | undefined) => (v === undefined ? "?" : Number.isFinite(v) ? String(Math.round(v)) : "∞");
      throw new SvgRefusal(`${what} declares a canvas of ${shown(width)} × ${shown(height)} pixels; at most ${MAX_SVG_SIDE.toLocaleString("en")} pixels a side`, "Give the <svg> element a sensible width and height (or only a viewBox), or use a PNG.");
    }
  }
}
