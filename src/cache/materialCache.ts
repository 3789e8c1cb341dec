// A material as every company shares it (rendered with the placeholder brand and finished), cached
// under a hash of everything that makes it: the material as resolved (content, options, and the
// company's texts where its body holds any: the policy), the placeholder brand (the
// paper), the date, and the code and fonts (codeFingerprint). The company's name, colour and logo
// are not in it: they are stamped on afterwards (src/brand). Same inputs, same bytes: a hit is what
// a render would have made, and its layout facts passed the layout check when it was made.
import { createHash } from "node:crypto";
import type { Material, ResolvedPack } from "../model.js";
import type { FinishedMaterial } from "../finish/finishMaterial.js";
import type { TextLayout } from "../render/checkLayout.js";
import type { SlotPlacement } from "../brand/brandParts.js";
import { codeFingerprint } from "./fingerprint.js";
import { sha256 } from "../finish/manifest.js";

/** Where shared materials are kept between builds: the disk cache (src/cache/diskCache.ts), or any store of blobs by key. */
export interface MaterialStore {
  get(key: string): Promise<Uint8Array | undefined>;
  put(key: string, blob: Uint8Array): Promise<void>;
}

/** A material rendered and finished for every company (placeholder brand), with its layout facts and brand slots. */
export type CachedMaterial = FinishedMaterial & { layout: TextLayout; slots: SlotPlacement[] };

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

/** One blob: a 4-byte length, a JSON header (pages, layout, slots, the field map's name and the sizes), the PDF's bytes, the field map's. */
function pack(m: CachedMaterial): Uint8Array {
  const header = Buffer.from(JSON.stringify({ pages: m.pages, layout: m.layout, slots: m.slots, pdf: m.pdf.length, fieldMap: m.fieldMap && { name: m.fieldMap.name, size: m.fieldMap.bytes.length } }));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length);
  return Buffer.concat([length, header, m.pdf, ...(m.fieldMap ? [m.fieldMap.bytes] : [])]);
}

function unpack(blob: Uint8Array): CachedMaterial {
  const data = Buffer.from(blob.buffer, blob.byteOffset, blob.length);
  const headerLength = data.readUInt32BE(0);
  const header = JSON.parse(data.subarray(4, 4 + headerLength).toString("utf8")) as { pages: number; layout: TextLayout; slots: SlotPlacement[]; pdf: number; fieldMap?: { name: string; size: number } };
  const at = 4 + headerLength;
  const pdf = new Uint8Array(data.subarray(at, at + header.pdf));
  const fieldMap = header.fieldMap && { name: header.fieldMap.name, bytes: new Uint8Array(data.subarray(at + header.pdf, at + header.pdf + header.fieldMap.size)) };
  if (pdf.length !== header.pdf || (fieldMap && fieldMap.bytes.length !== header.fieldMap!.size)) throw new Error("cache entry shorter than its header says");
  return { pdf, pages: header.pages, layout: header.layout, slots: header.slots, ...(fieldMap ? { fieldMap } : {}) };
}

/** The material from the cache, or made by `make` and stored. Without a cache, just `make`. */
export async function cachedMaterial(cache: MaterialStore | undefined, keyOf: () => string, make: () => Promise<CachedMaterial>): Promise<CachedMaterial> {
  if (!cache) return make(); // no cache, no key: a compile without one reads nothing of the code's files
  const key = keyOf();
  const blob = await cache.get(key);
  if (blob) {
    try {
      return unpack(blob);
    } catch {
      // a damaged entry whose checksum still held (a format change): make it again
    }
  }
  const made = await make();
  await cache.put(key, pack(made));
  return made;
}
