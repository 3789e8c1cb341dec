// A head start for the logo: its decoding process is started before the pipeline's modules load, so
// that it loads sharp on the other core meanwhile, when the profile names a logo the build cache does
// not hold (one it holds is not decoded again: src/cache/logoCache.ts). Only a guess: the build reads
// and checks the profile and its logo itself, so a wrong one costs the head start or an unused
// process, never a result.
import path from "node:path";
import { cacheDir, cacheLimit } from "../cache/cacheDir.js";
import { DiskCache } from "../cache/diskCache.js";
import { logoKey } from "../cache/logoCache.js";
import { MAX_LOGO_BYTES } from "../load/loadLogo.js";
import { startLogoDecoder } from "../load/logoDecoder.js";
import { readBounded } from "../load/readBounded.js";
import { MAX_PROFILE_BYTES } from "../load/loadProfile.js";
import { profileSource } from "../validate/profileSource.js";

export async function startLogoDecoderEarly(profileFile: string, cacheOption: string | false | undefined): Promise<void> {
  try {
    const { raw } = profileSource(profileFile, String(await readBounded(profileFile, MAX_PROFILE_BYTES)));
    if (typeof raw.logo !== "string" || raw.logo.trim() === "") return;
    const bytes = await readBounded(path.resolve(path.dirname(profileFile), raw.logo.trim()), MAX_LOGO_BYTES);
    const dir = cacheOption === false ? false : cacheDir(cacheOption);
    if (dir !== false && (await new DiskCache(dir, cacheLimit()).has(logoKey(bytes)))) return;
    startLogoDecoder();
  } catch {
    // a profile or logo that cannot be read, a cache that cannot be: the build says so
  }
}
