// Reads the company logo and normalises it with sharp to an 8-bit sRGB PNG, the one form templates see;
// and says when a logo would print badly (too small, too faint, text in fonts we do not have).
import "./fontconfig.js"; // before sharp: SVG text is drawn with the project's fonts only
import { readFile, stat } from "node:fs/promises";
import { WorkshopkitError, warning, type Warning } from "../errors.js";
import { english, type ParamsOf, type ProblemCode } from "../problems/en.js";
import { contrast } from "../cards/colour.js";

/** Larger inputs are refused before decoding: a "pixel bomb" would exhaust memory. */
export const MAX_LOGO_PIXELS = 40_000_000;
const MAX_LOGO_BYTES = 20 * 1024 * 1024;
/** Long edge of the normalised logo: 300 dpi for a 100 mm wide print. A vector logo is drawn at this size. */
const LOGO_EDGE = 1200;
/** The largest place a logo is printed: the pack's cover, up to 80 × 30 mm (templates/pack/Cover.tsx). */
const COVER_MM = { width: 80, height: 30 };

/** sharp (libvips), loaded only for a profile with a logo. */
const loadSharp = async () => (await import("sharp")).default;

export interface Logo {
  png: Buffer;
  width: number;
  height: number;
}

export interface InspectedLogo {
  logo: Logo;
  warnings: Warning[];
}

export async function loadLogo(file: string, field: string): Promise<Logo> {
  return (await inspectLogo(file, field)).logo;
}

/** Loads the logo; a logo that cannot be used is a WorkshopkitError with one problem for `field`. */
export async function inspectLogo(file: string, field: string, label = field.split(" › ")[0] ?? field): Promise<InspectedLogo> {
  const fail = <C extends ProblemCode>(code: C, params: ParamsOf<C>): never => {
    const { message: reason, hint: advice } = english(code, params);
    const at = { file: label, path: "logo" };
    const problem = { code, params, ...at, message: `${reason} (${file}). ${advice}` };
    throw WorkshopkitError.composed(code, params, { message: `${field} (${file}): ${reason}`, hint: advice }, at, [problem]);
  };
  const info = await stat(file).catch(() => undefined);
  if (!info) return fail("logo.missing", {});
  if (info.isDirectory()) return fail("logo.folder", {});
  if (!info.isFile()) return fail("logo.notFile", {});
  if (info.size === 0) return fail("logo.empty", {});
  if (info.size > MAX_LOGO_BYTES) return fail("logo.fileTooLarge", { maxMb: MAX_LOGO_BYTES / 1024 / 1024 });

  // Always a buffer, never a path: sharp must not follow references inside an SVG to other files.
  const input = await readFile(file);
  const sharp = await loadSharp();
  try {
    // The header only: how large, and what kind of image.
    const meta = await sharp(input, { limitInputPixels: false }).metadata();
    const known = ["png", "jpeg", "webp", "tiff", "heif", "svg"];
    if (!meta.format || !known.includes(meta.format)) return fail("logo.format", { format: meta.format ?? "this kind of" });
    const svg = meta.format === "svg";
    // A vector logo is drawn straight at the size it is used at, so no pixel limit applies to it.
    const density = svg ? Math.min(100_000, Math.max(1, (72 * LOGO_EDGE) / Math.max(meta.width ?? 1, meta.height ?? 1))) : 300;
    const image = sharp(input, { limitInputPixels: MAX_LOGO_PIXELS, density, failOn: "error" });
    const { data, info: out } = await image
      .rotate()
      .resize({ width: LOGO_EDGE, height: LOGO_EDGE, fit: "inside", withoutEnlargement: true })
      .toColourspace("srgb")
      .png({ compressionLevel: 9 })
      .toBuffer({ resolveWithObject: true });
    const logo = { png: data, width: out.width, height: out.height };
    const warnings = [
      ...(svg ? svgWarnings(input.toString("utf8")) : sizeWarnings(logo)),
      ...(await contrastWarnings(logo)),
    ].map((w): Warning => ({ ...w, path: "logo", message: `${field} (${file}): ${w.message}` }));
    return { logo, warnings };
  } catch (err) {
    if (err instanceof WorkshopkitError) throw err;
    const reason = (err as Error).message;
    if (/pixel limit/i.test(reason)) {
      return fail("logo.tooManyPixels", { megapixels: MAX_LOGO_PIXELS / 1_000_000 });
    }
    return fail("logo.unreadable", { detail: reason.split("\n")[0] ?? reason });
  }
}

/** Printed size and resolution on the cover, where the logo is largest. */
function sizeWarnings({ width, height }: Logo): Warning[] {
  const mm = Math.min(COVER_MM.width, (COVER_MM.height * width) / height);
  const dpi = Math.round(width / (mm / 25.4));
  if (dpi >= 150) return [];
  const heightMm = (mm * height) / width;
  return [warning("logo.lowResolution", { width, height, mm: Number(mm.toFixed(0)), heightMm: Number(heightMm.toFixed(0)), dpi, minWidth: Math.ceil((mm / 25.4) * 300) })];
}

/** Which grey levels show on the white page (contrast ≥ 1.5 by the brand colour's own WCAG formula), one per level. */
const SHOWS_ON_WHITE = Array.from({ length: 256 }, (_, grey) => {
  const hex = grey.toString(16).padStart(2, "0");
  return contrast(`#${hex}${hex}${hex}`, "#ffffff") >= 1.5;
});

/** A logo whose every pixel is (nearly) white on white disappears on the page: white on transparent, say. */
async function contrastWarnings(logo: Logo): Promise<Warning[]> {
  const sharp = await loadSharp();
  const { data } = await sharp(logo.png).flatten({ background: "#ffffff" }).greyscale().raw().toBuffer({ resolveWithObject: true });
  let visible = 0;
  for (const grey of data) if (SHOWS_ON_WHITE[grey]) visible++;
  if (visible >= Math.max(1, data.length * 0.002)) return [];
  return [warning("logo.lowContrast", {})];
}

/** librsvg draws SVG text with Lato only (assets/fonts.conf) and never loads external images. */
function svgWarnings(source: string): Warning[] {
  const warnings: Warning[] = [];
  if (/<(?:\w+:)?text[\s>]/.test(source)) {
    const families = [...source.matchAll(/font-family\s*(?:=\s*["']|:\s*)([^"';>]+)/g)].map((m) => m[1]!.trim());
    const first = (list: string) => list.split(",")[0]!.trim().replace(/^["']|["']$/g, "");
    const foreign = families.length === 0 || families.some((f) => first(f).toLowerCase() !== "lato");
    if (foreign) {
      const asked = families.length > 0 ? [...new Set(families)].map((f) => `"${f}"`).join(", ") : "no font by name";
      warnings.push(warning("logo.svgFont", { fonts: asked }));
    }
  }
  for (const m of source.matchAll(/<(?:\w+:)?image\b[^>]*?\bhref\s*=\s*["']([^"']*)["']/g)) {
    if (!m[1]!.startsWith("data:")) {
      warnings.push(warning("logo.svgExternalImage", { href: m[1]!.slice(0, 80) }));
    }
  }
  return warnings;
}
