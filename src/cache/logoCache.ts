// Decoded logos kept between builds in the build cache, by the SHA-256 of the logo's bytes: building
// the same company again (a contact changed, a film added) neither starts the decoding process nor
// draws the logo again (about a third of a second of CPU, half a second of waiting). The key holds
// the code and fonts (codeFingerprint: an SVG's text is drawn in Lato) and sharp's version, which
// fixes the libvips and librsvg that draw it. Only a logo that decoded is kept: one refused is
// decoded, and refused, again.
import { createHash } from "node:crypto";
import type { DecodedLogo } from "../load/logoRefusal.js";
import { codeFingerprint, libraryVersion } from "./fingerprint.js";
import type { MaterialStore } from "./materialCache.js";

/** The entry's key for a logo of these bytes. */
export const logoKey = (bytes: Uint8Array): string =>
  createHash("sha256").update(codeFingerprint()).update(`\0logo v1 sharp ${libraryVersion("sharp")}\0`).update(bytes).digest("hex");

/** One blob: a 4-byte length, a JSON header (size, format, warnings), the PNG. */
function pack(logo: DecodedLogo): Uint8Array {
  const header = Buffer.from(JSON.stringify({ width: logo.width, height: logo.height, format: logo.format, warnings: logo.warnings, png: logo.png.length }));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length);
  return Buffer.concat([length, header, logo.png]);
}

function unpack(blob: Uint8Array): DecodedLogo | undefined {
  try {
    const data = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
    const headerLength = data.readUInt32BE(0);
    const header = JSON.parse(data.subarray(4, 4 + headerLength).toString("utf8")) as Omit<DecodedLogo, "png"> & { png: number };
    const png = Buffer.from(data.subarray(4 + headerLength));
    if (png.length !== header.png || !Number.isInteger(header.width) || !Number.isInteger(header.height) || typeof header.format !== "string" || !Array.isArray(header.warnings)) return undefined;
    return { png, width: header.width, height: header.height, format: header.format, warnings: header.warnings };
  } catch {
    return undefined; // not ours (a format change): decoded again
  }
}

/** The logo of `bytes` from the cache, or decoded by `decode` and stored. Without a cache, just `decode`. */
export async function cachedLogo(cache: MaterialStore | undefined, bytes: Uint8Array, decode: () => Promise<DecodedLogo>): Promise<DecodedLogo> {
  if (!cache) return decode();
  const key = logoKey(bytes);
  const blob = await cache.get(key);
  const kept = blob && unpack(blob);
  if (kept) return kept;
  const decoded = await decode();
  await cache.put(key, pack(decoded));
  return decoded;
}
