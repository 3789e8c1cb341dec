// Reads the company logo and normalises it to an 8-bit sRGB PNG, the one form templates see; and says
// when a logo would print badly (too small, too faint, text in fonts we do not have). The file is read
// with the shared byte limit, and decoded under pixel and time limits in a process of its own.
import { WorkshopkitError, warning, type Warning } from "../errors.js";
import { english, type ParamsOf, type ProblemCode } from "../problems/en.js";
import { LogoRefusal, MAX_LOGO_PIXELS, type LogoProblem } from "./logoRefusal.js";
import { decodeLogoLimited, LOGO_SECONDS } from "./logoDecoder.js";
import { formatBytes, readBounded, UnreadableFile } from "./readBounded.js";
import { cachedLogo } from "../cache/logoCache.js";
import type { MaterialStore } from "../cache/materialCache.js";

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

/** A logo that cannot be used: a WorkshopkitError with one problem for `field`. */
function refusal<C extends ProblemCode>(code: C, params: ParamsOf<C>, field: string, label: string, shown: string): WorkshopkitError {
  const { message: reason, hint: advice } = english(code, params);
  const at = { file: label, path: "logo" };
  const problem = { code, params, ...at, message: `${reason} (${shown}). ${advice}` };
  return WorkshopkitError.composed(code, params, { message: `${field} (${shown}): ${reason}`, hint: advice }, at, [problem]);
}

/**
 * Loads the logo file; a logo that cannot be used is a WorkshopkitError with one problem for `field`.
 * With the build cache, a logo decoded before (the same bytes) is taken from it (src/cache/logoCache.ts).
 */
export async function inspectLogo(file: string, field: string, label = field.split(" › ")[0] ?? field, cache?: MaterialStore): Promise<InspectedLogo> {
  let input: Buffer;
  try {
    // Always bytes, never a path: sharp must not follow references inside an SVG to other files.
    input = await readBounded(file, MAX_LOGO_BYTES);
  } catch (err) {
    if (!(err instanceof UnreadableFile)) throw err;
    const fail = <C extends ProblemCode>(code: C, params: ParamsOf<C>) => refusal(code, params, field, label, file);
    if (err.kind === "missing") throw fail("logo.missing", {});
    if (err.kind === "folder") throw fail("logo.folder", {});
    if (err.kind === "too-large") throw fail("logo.fileTooLarge", { size: err.size!, max: formatBytes(MAX_LOGO_BYTES) });
    throw fail("logo.notRegular", { reason: err.reason });
  }
  return inspectLogoBytes(input, field, label, file, cache);
}

/**
 * The logo from its bytes (a file's, or an upload's: the server never writes one to disk), normalised
 * and checked; `shown` names it in messages.
 */
export async function inspectLogoBytes(input: Buffer, field: string, label = field.split(" › ")[0] ?? field, shown = field, cache?: MaterialStore): Promise<InspectedLogo> {
  const fail = <C extends ProblemCode>(code: C, params: ParamsOf<C>) => refusal(code, params, field, label, shown);
  if (input.length === 0) throw fail("logo.empty", {});
  if (input.length > MAX_LOGO_BYTES) throw fail("logo.fileTooLarge", { size: formatBytes(input.length), max: formatBytes(MAX_LOGO_BYTES) });
  try {
    const { png, width, height, format, warnings } = await cachedLogo(cache, input, () => decodeLogoLimited(input));
    const said = (w: LogoProblem): Warning => warning(w.code, w.params as never, { path: "logo" }, `${field} (${shown}): ${english(w.code, w.params as never).message}`);
    return { logo: { png, width, height }, format, warnings: warnings.map(said) };
  } catch (err) {
    if (err instanceof LogoRefusal) throw fail(err.problem.code, err.problem.params as never);
    throw err;
  }
}
