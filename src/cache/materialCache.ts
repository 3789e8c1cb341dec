// The finished file of a material, cached under a hash of everything that makes it: the material
// as resolved (content, options, the company's texts), the brand (name, colour, logo, paper), the
// date, and the code and fonts (codeFingerprint). Same inputs, same bytes: a hit is what a render
// would have made, and its layout facts passed the layout check when it was made.
import { createHash } from "node:crypto";
import type { Material, ResolvedPack } from "../model.js";
import type { FinishedMaterial } from "../finish/finishMaterial.js";
import type { TextLayout } from "../render/checkLayout.js";
import { DiskCache } from "./diskCache.js";
import { codeFingerprint } from "./fingerprint.js";
import { sha256 } from "../finish/manifest.js";

export type CachedMaterial = FinishedMaterial & { layout: TextLayout };

/** Buffers (the logo) enter the key as their hash. */
const replacer = (_key: string, value: unknown) =>
  value && typeof value === "object" && (value as { type?: unknown }).type === "Buffer" && Array.isArray((value as { data?: unknown }).data)
    ? `sha256:${sha256(Buffer.from((value as { data: number[] }).data))}`
    : value;

export function materialKey(material: Material, pack: ResolvedPack, date: Date): string {
  const logo = pack.brand.logo && { ...pack.brand.logo, png: sha256(pack.brand.logo.png) };
  const inputs = { material, brand: { ...pack.brand, logo }, toolkit: pack.toolkit, contacts: pack.contacts, films: pack.films, date: date.toISOString() };
  return createHash("sha256").update(codeFingerprint()).update(JSON.stringify(inputs, replacer)).digest("hex");
}

/** One blob: a 4-byte length, a JSON header (names and sizes of the files, entry, pages, layout), the files' bytes. */
function pack(m: CachedMaterial): Uint8Array {
  const header = Buffer.from(JSON.stringify({ files: m.files.map((f) => ({ name: f.name, size: f.bytes.length })), entry: m.entry, pages: m.pages, layout: m.layout }));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length);
  return Buffer.concat([length, header, ...m.files.map((f) => f.bytes)]);
}

function unpack(blob: Uint8Array): CachedMaterial {
  const data = Buffer.from(blob.buffer, blob.byteOffset, blob.length);
  const headerLength = data.readUInt32BE(0);
  const header = JSON.parse(data.subarray(4, 4 + headerLength).toString("utf8")) as { files: { name: string; size: number }[]; entry: FinishedMaterial["entry"]; pages: number; layout: TextLayout };
  let at = 4 + headerLength;
  const files = header.files.map(({ name, size }) => {
    const bytes = new Uint8Array(data.subarray(at, (at += size)));
    return { name, bytes };
  });
  const pdf = files.find((f) => f.name === header.entry.file);
  if (!pdf) throw new Error("cache entry without its PDF");
  return { files, entry: header.entry, pages: header.pages, layout: header.layout, bytes: pdf.bytes };
}

/** The material from the cache, or made by `make` and stored. Without a cache, just `make`. */
export async function cachedMaterial(cache: DiskCache | undefined, key: string, make: () => Promise<CachedMaterial>): Promise<CachedMaterial> {
  if (cache) {
    const blob = await cache.get(key);
    if (blob) {
      try {
        return unpack(blob);
      } catch {
        // a damaged entry whose checksum still held (a format change): make it again
      }
    }
  }
  const made = await make();
  if (cache) await cache.put(key, pack(made));
  return made;
}
