// Decodes a logo's bytes with sharp into the 8-bit sRGB PNG templates see, under limits that cover
// everything inside it: the pixels of the image, and of every image an SVG embeds. It runs in a
// process of its own (logoProcess.ts) that is killed when it takes too long: librsvg cannot be
// interrupted, and a few kilobytes of SVG filters can keep it busy for minutes.
import sharp from "sharp";
import { contrast } from "../cards/colour.js";
import { checkDeclaredSize, embeddedImages, SvgRefusal, svgText } from "./svgContents.js";
import type { Params } from "../problems/en.js";
import { coded, LogoRefusal, MAX_LOGO_PIXELS, type DecodedLogo, type LogoProblem } from "./logoRefusal.js";

/** Long edge of the normalised logo: 300 dpi for a 100 mm wide print. A vector logo is drawn at this size. */
const LOGO_EDGE = 1200;
/** The largest place a logo is printed: the pack's cover, up to 80 × 30 mm (templates/pack/Cover.tsx). */
const COVER_MM = { width: 80, height: 30 };
export const FORMATS = "PNG, JPEG, WebP, TIFF, AVIF or SVG";
const KNOWN = ["png", "jpeg", "webp", "tiff", "heif", "svg"];

const megapixels = (n: number) => Math.round(n / 100_000) / 10;

export async function decodeLogo(input: Buffer): Promise<DecodedLogo> {
  let svg = false;
  try {
    // An SVG is checked from its text first: librsvg reads the canvas size with 32-bit counters.
    if (/<svg\b/i.test(input.subarray(0, 1 << 20).toString("latin1")) || (input[0] === 0x1f && input[1] === 0x8b)) svg = checkSvg(input);
    const meta = await sharp(input, { limitInputPixels: false }).metadata();
    if (!meta.format || !KNOWN.includes(meta.format)) throw LogoRefusal.of("logo.format", { format: meta.format ?? "this kind of" });
    if (meta.format === "svg" && !svg) svg = checkSvg(input);
    if (svg) await checkEmbedded(input);
    // A vector logo is drawn straight at the size it is used at, so the limit is on what it embeds.
    const density = svg ? Math.min(100_000, Math.max(1, (72 * LOGO_EDGE) / Math.max(meta.width ?? 1, meta.height ?? 1))) : 300;
    const { data, info } = await sharp(input, { limitInputPixels: MAX_LOGO_PIXELS, density, failOn: "error" })
      .rotate()
      .resize({ width: LOGO_EDGE, height: LOGO_EDGE, fit: "inside", withoutEnlargement: true })
      .toColourspace("srgb")
      .png({ compressionLevel: 9 })
      .toBuffer({ resolveWithObject: true });
    const logo = { png: data, width: info.width, height: info.height };
    const warnings = [...(svg ? svgWarnings(svgText(input, 40 * 2 ** 20)) : sizeWarnings(logo)), ...(await contrastWarnings(data))];
    return { ...logo, format: meta.format, warnings };
  } catch (err) {
    if (err instanceof LogoRefusal) throw err;
    if (err instanceof SvgRefusal) throw new LogoRefusal({ code: err.code, params: err.params as Params });
    const reason = (err as Error).message;
    if (/pixel limit/i.test(reason)) throw LogoRefusal.of("logo.tooManyPixels", { megapixels: megapixels(MAX_LOGO_PIXELS) });
    throw LogoRefusal.of("logo.unreadable", { detail: reason.split("\n")[0] ?? reason });
  }
}

/** The SVG's declared canvas is a size librsvg can hold; true (it is an SVG). */
function checkSvg(input: Buffer): true {
  checkDeclaredSize(svgText(input, 40 * 2 ** 20));
  return true;
}

/** Every raster an SVG embeds (nested SVGs' canvases too) counts against the pixel limit, measured from its header only. */
async function checkEmbedded(input: Buffer): Promise<void> {
  let pixels = 0;
  for (const item of embeddedImages(svgText(input, 40 * 2 ** 20))) {
    const head = item.bytes.subarray(0, 1024).toString("latin1");
    if (/svg|xml|css|text/.test(item.type) || /^\s*</.test(head) || (item.bytes[0] === 0x1f && item.bytes[1] === 0x8b)) {
      if (!/<svg\b/i.test(svgText(item.bytes, 40 * 2 ** 20))) continue; // a stylesheet: its own images are counted
      checkDeclaredSize(svgText(item.bytes, 40 * 2 ** 20), "an SVG embedded in the logo");
    }
    let meta;
    try {
      meta = await sharp(item.bytes, { limitInputPixels: false }).metadata();
    } catch (err) {
      throw LogoRefusal.of("logo.embeddedUnmeasurable", { detail: (err as Error).message.split("\n")[0] ?? "" });
    }
    pixels += (meta.width ?? 0) * (meta.height ?? 0);
    if (pixels > MAX_LOGO_PIXELS) {
      throw LogoRefusal.of("logo.embeddedTooManyPixels", { megapixels: megapixels(pixels), max: megapixels(MAX_LOGO_PIXELS) });
    }
  }
}

/** Printed size and resolution on the cover, where the logo is largest. */
function sizeWarnings({ width, height }: { width: number; height: number }): LogoProblem[] {
  const mm = Math.min(COVER_MM.width, (COVER_MM.height * width) / height);
  const dpi = Math.round(width / (mm / 25.4));
  if (dpi >= 150) return [];
  const heightMm = (mm * height) / width;
  return [coded("logo.lowResolution", { width, height, mm: Number(mm.toFixed(0)), heightMm: Number(heightMm.toFixed(0)), dpi, minWidth: Math.ceil((mm / 25.4) * 300) })];
}

/** Which grey levels show on the white page (contrast ≥ 1.5 by the brand colour's own WCAG formula), one per level. */
const SHOWS_ON_WHITE = Array.from({ length: 256 }, (_, grey) => {
  const hex = grey.toString(16).padStart(2, "0");
  return contrast(`#${hex}${hex}${hex}`, "#ffffff") >= 1.5;
});

/** A logo whose every pixel is (nearly) white on white disappears on the page: white on transparent, say. */
async function contrastWarnings(png: Buffer): Promise<LogoProblem[]> {
  const { data } = await sharp(png).flatten({ background: "#ffffff" }).greyscale().raw().toBuffer({ resolveWithObject: true });
  let visible = 0;
  for (const grey of data) if (SHOWS_ON_WHITE[grey]) visible++;
  if (visible >= Math.max(1, data.length * 0.002)) return [];
  return [coded("logo.lowContrast", {})];
}

/** librsvg draws SVG text with Lato only (assets/fonts.conf) and never loads external images. */
function svgWarnings(source: string): LogoProblem[] {
  const warnings: LogoProblem[] = [];
  if (/<(?:\w+:)?text[\s>]/.test(source)) {
    const families = [...source.matchAll(/font-family\s*(?:=\s*["']|:\s*)([^"';>]+)/g)].map((m) => m[1]!.trim());
    const first = (list: string) => list.split(",")[0]!.trim().replace(/^["']|["']$/g, "");
    const foreign = families.length === 0 || families.some((f) => first(f).toLowerCase() !== "lato");
    if (foreign) {
      const asked = families.length > 0 ? [...new Set(families)].slice(0, 10).map((f) => `"${f.slice(0, 80)}"`).join(", ") : "no font by name";
      warnings.push(coded("logo.svgFont", { fonts: asked }));
    }
  }
  for (const m of source.matchAll(/<(?:\w+:)?image\b[^>]*?\bhref\s*=\s*["']([^"']*)["']/g)) {
    if (!m[1]!.startsWith("data:")) {
      warnings.push(coded("logo.svgExternalImage", { href: m[1]!.slice(0, 80) }));
    }
    if (warnings.length > 10) break;
  }
  return warnings;
}
