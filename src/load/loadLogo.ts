// Reads the company logo and normalises it to an 8-bit sRGB PNG, the one form templates see; and says
// when a logo would print badly (too small, too faint, text in fonts we do not have). The file is read
// with the shared byte limit, and decoded under pixel and time limits in a process of its own.
import { WorkshopkitError, type Warning } from "../errors.js";
import { FORMATS, LogoRefusal, MAX_LOGO_PIXELS } from "./decodeLogo.js";
import { decodeLogoLimited, LOGO_SECONDS } from "./logoDecoder.js";
import { formatBytes, readBounded, UnreadableFile } from "./readDataFile.js";

export { MAX_LOGO_PIXELS, LOGO_SECONDS };
export const MAX_LOGO_BYTES = 20 * 1024 * 1024;

export interface Logo {
  png: Buffer;
  width: number;
  height: number;
}

export interface InspectedLogo {
  logo: Logo;
  /** sharp's name of the file's format ("png", "svg", …). */
  format: string;
  warnings: Warning[];
}

export async function loadLogo(file: string, field: string): Promise<Logo> {
  return (await inspectLogo(file, field)).logo;
}

/** Loads the logo; a logo that cannot be used is a WorkshopkitError with one problem for `field`. */
export async function inspectLogo(file: string, field: string, label = field.split(" › ")[0] ?? field): Promise<InspectedLogo> {
  const hint = `Give the path of a ${FORMATS} file, relative to the profile, or remove the logo line to print the company name instead.`;
  const fail = (reason: string, advice = hint): never => {
    throw new WorkshopkitError(`${field} (${file}): ${reason}`, advice, [{ file: label, path: "logo", message: `${reason} (${file}). ${advice}` }]);
  };
  let input: Buffer;
  try {
    // Always bytes, never a path: sharp must not follow references inside an SVG to other files.
    input = await readBounded(file, MAX_LOGO_BYTES);
  } catch (err) {
    if (!(err instanceof UnreadableFile)) throw err;
    if (err.kind === "missing") return fail("the logo file does not exist");
    if (err.kind === "folder") return fail("this is a folder, not an image file");
    if (err.kind === "too-large") return fail(`the logo file is ${err.size}; a logo is at most ${formatBytes(MAX_LOGO_BYTES)}`, "Use a smaller logo file.");
    return fail(`the logo file ${err.reason}`);
  }
  if (input.length === 0) return fail("the logo file is empty");
  try {
    const { png, width, height, format, warnings } = await decodeLogoLimited(input);
    return { logo: { png, width, height }, format, warnings: warnings.map((message) => ({ message: `${field} (${file}): ${message}` })) };
  } catch (err) {
    if (err instanceof LogoRefusal) return fail(err.reason, err.advice);
    throw err;
  }
}
