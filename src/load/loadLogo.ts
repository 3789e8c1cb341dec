// Reads the company logo and normalises it with sharp to an 8-bit sRGB PNG, the one form templates see.
import { readFile, stat } from "node:fs/promises";
import sharp from "sharp";
import { WorkshopkitError } from "../errors.js";

/** Larger inputs are refused before decoding: a "pixel bomb" would exhaust memory. */
export const MAX_LOGO_PIXELS = 40_000_000;
const MAX_LOGO_BYTES = 20 * 1024 * 1024;
/** Long edge of the normalised logo: sharp at 300 dpi for a 100 mm wide print. */
const LOGO_EDGE = 1200;
const FORMATS = "PNG, JPEG, WebP, TIFF, AVIF or SVG";

export interface Logo {
  png: Buffer;
  width: number;
  height: number;
}

export async function loadLogo(file: string, field: string): Promise<Logo> {
  const where = `${field} (${file})`;
  const hint = `Give the path of a ${FORMATS} file, relative to the profile, or remove the logo line to print the company name instead.`;
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    throw new WorkshopkitError(`${where}: the logo file does not exist.`, hint);
  }
  if (size === 0) throw new WorkshopkitError(`${where}: the logo file is empty.`, hint);
  if (size > MAX_LOGO_BYTES) throw new WorkshopkitError(`${where}: the logo file is larger than 20 MB.`, "Use a smaller logo file.");

  // Always a buffer, never a path: sharp must not follow references inside an SVG to other files.
  const input = await readFile(file);
  try {
    const image = sharp(input, { limitInputPixels: MAX_LOGO_PIXELS, density: 300, failOn: "error" });
    const meta = await image.metadata();
    const known = ["png", "jpeg", "webp", "tiff", "heif", "svg"];
    if (!meta.format || !known.includes(meta.format)) {
      throw new WorkshopkitError(`${where}: ${meta.format ?? "this"} images are not supported.`, hint);
    }
    const { data, info } = await image
      .rotate()
      .resize({ width: LOGO_EDGE, height: LOGO_EDGE, fit: "inside", withoutEnlargement: true })
      .toColourspace("srgb")
      .png({ compressionLevel: 9 })
      .toBuffer({ resolveWithObject: true });
    return { png: data, width: info.width, height: info.height };
  } catch (err) {
    if (err instanceof WorkshopkitError) throw err;
    const reason = (err as Error).message;
    if (/pixel limit/i.test(reason)) {
      throw new WorkshopkitError(
        `${where}: the logo is too large (over ${MAX_LOGO_PIXELS / 1_000_000} megapixels).`,
        "Scale the logo down, e.g. to 2000 pixels wide, and try again.",
      );
    }
    throw new WorkshopkitError(`${where}: the logo cannot be read as an image (${reason.split("\n")[0]}).`, hint);
  }
}
