// Decodes a logo's bytes with sharp into the 8-bit sRGB PNG templates see, under limits that cover
// everything inside it: the pixels of the image, and of every image an SVG embeds. It runs in a
// process of its own (logoProcess.ts) that is killed when it takes too long: librsvg cannot be
// interrupted, and a few kilobytes of SVG filters can keep it busy for minutes.
import sharp from "sharp";
import { contrast } from "../cards/colour.js";
import { checkDeclaredSize, embeddedImages, SvgRefusal, svgText } from "./svgContents.js";

/** Larger inputs are refused before decoding: a "pixel bomb" would exhaust memory. */
export const MAX_LOGO_PIXELS = 40_000_000;
/** Long edge of the normalised logo: 300 dpi for a 100 mm wide print. A vector logo is drawn at this size. */
const LOGO_EDGE = 1200;
/** The largest place a logo is printed: the pack's cover, up to 80 × 30 mm (templates/pack/Cover.tsx). */
const COVER_MM = { width: 80, height: 30 };
export const FORMATS = "PNG, JPEG, WebP, TIFF, AVIF or SVG";
const KNOWN = ["png", "jpeg", "webp", "tiff", "heif", "svg"];

/** A logo that cannot be used: why, and what to do. */
export class LogoRefusal extends Error {
  constructor(
    readonly reason: string,
    readonly advice?: string,
  ) {
    super(reason);
  }
}

export interface DecodedLogo {
  png: Buffer;
  width: number;
  height: number;
  /** sharp's name of the input's format ("png", "svg", …). */
  format: string;
  /** What would print badly, as phrases without the file's name. */
  warnings: string[];
}

const megapixels = (n: number) => `${Math.round(n / 100_000) / 10} megapixels`;
const scaleDown = "Scale the logo down, e.g. to 2000 pixels wide, and try again.";

export async function decodeLogo(input: Buffer): Promise<DecodedLogo> {
  let svg = false;
  try {
    // An SVG is checked from its text first: librsvg reads the canvas size with 32-bit counters.
    if (/<svg\b/i.test(input.subarray(0, 1 << 20).toString("latin1")) || (input[0] === 0x1f && input[1] === 0x8b)) svg = checkSvg(input);
    const meta = await sharp(input, { limitInputPixels: false }).metadata();
    if (!meta.format || !KNOWN.includes(meta.format)) throw new LogoRefusal(`${meta.format ?? "this kind of"} images are not supported`);
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
    if (err instanceof SvgRefusal) throw new LogoRefusal(err.message, err.advice);
    const reason = (err as Error).message;
    if (/pixel limit/i.test(reason)) throw new LogoRefusal(`the logo is too large (over ${megapixels(MAX_LOGO_PIXELS)})`, scaleDown);
    throw new LogoRefusal(`the logo cannot be read as an image (${reason.split("\n")[0]})`);
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
      throw new LogoRefusal(`the SVG logo embeds an image that cannot be measured (${(err as Error).message.split("\n")[0]})`, "Embed PNG or JPEG images only, or export the logo as a PNG.");
    }
    pixels += (meta.width ?? 0) * (meta.height ?? 0);
    if (pixels > MAX_LOGO_PIXELS) {
      throw new LogoRefusal(`the SVG logo embeds images of ${megapixels(pixels)} or more; everything a logo holds is at most ${megapixels(MAX_LOGO_PIXELS)}`, "Scale the images inside the logo down (2000 pixels wide is plenty), or export the logo as a PNG.");
    }
  }
}

/** Printed size and resolution on the cover, where the logo is largest. */
function sizeWarnings({ width, height }: { width: number; height: number }): string[] {
  const mm = Math.min(COVER_MM.width, (COVER_MM.height * width) / height);
  const dpi = Math.round(width / (mm / 25.4));
  if (dpi >= 150) return [];
  const heightMm = (mm * height) / width;
  return [
    `the logo is ${width} × ${height} pixels; printed ${mm.toFixed(0)} × ${heightMm.toFixed(0)} mm on the pack's cover that is ${dpi} dpi and looks blurred or blocky (at least 150 dpi, 300 is good). Use a logo at least ${Math.ceil((mm / 25.4) * 300)} pixels wide, or an SVG.`,
  ];
}

/** Which grey levels show on the white page (contrast ≥ 1.5 by the brand colour's own WCAG formula), one per level. */
const SHOWS_ON_WHITE = Array.from({ length: 256 }, (_, grey) => {
  const hex = grey.toString(16).padStart(2, "0");
  return contrast(`#${hex}${hex}${hex}`, "#ffffff") >= 1.5;
});

/** A logo whose every pixel is (nearly) white on white disappears on the page: white on transparent, say. */
async function contrastWarnings(png: Buffer): Promise<string[]> {
  const { data } = await sharp(png).flatten({ background: "#ffffff" }).greyscale().raw().toBuffer({ resolveWithObject: true });
  let visible = 0;
  for (const grey of data) if (SHOWS_ON_WHITE[grey]) visible++;
  if (visible >= Math.max(1, data.length * 0.002)) return [];
  return ["the logo has too little contrast against the white page and will hardly show (white or very light on a transparent background?). Use a version of the logo made for light backgrounds."];
}

/** librsvg draws SVG text with Lato only (assets/fonts.conf) and never loads external images. */
function svgWarnings(source: string): string[] {
  const warnings: string[] = [];
  if (/<(?:\w+:)?text[\s>]/.test(source)) {
    const families = [...source.matchAll(/font-family\s*(?:=\s*["']|:\s*)([^"';>]+)/g)].map((m) => m[1]!.trim());
    const first = (list: string) => list.split(",")[0]!.trim().replace(/^["']|["']$/g, "");
    const foreign = families.length === 0 || families.some((f) => first(f).toLowerCase() !== "lato");
    if (foreign) {
      const asked = families.length > 0 ? [...new Set(families)].slice(0, 10).map((f) => `"${f.slice(0, 80)}"`).join(", ") : "no font by name";
      warnings.push(`the SVG logo sets text in ${asked}; it is drawn in Lato, the only font workshopkit uses, so it may look different from your design. Convert the text to outlines (paths) in your drawing program, or use a PNG.`);
    }
  }
  for (const m of source.matchAll(/<(?:\w+:)?image\b[^>]*?\bhref\s*=\s*["']([^"']*)["']/g)) {
    if (!m[1]!.startsWith("data:")) {
      warnings.push(`the SVG logo refers to an external image (${m[1]!.slice(0, 80)}), which is not loaded and is left out. Embed the image in the SVG, or export the logo as PNG.`);
    }
    if (warnings.length > 10) break;
  }
  return warnings;
}
