// The typeface of typed answers: Lato Regular with every glyph (a person may type any character),
// without the tables only a layout engine reads. A viewer typing into a field draws glyph by glyph
// from /W and the glyph outlines; kerning and OpenType layout (kern, GPOS, GSUB: a fifth of the
// file) are never used there.
import { readFile } from "node:fs/promises";
import path from "node:path";

const FILE = path.resolve(import.meta.dirname, "../../assets/fonts/Lato-Regular.ttf");
const LAYOUT_ONLY = new Set(["GPOS", "GSUB", "kern", "DSIG"]);

let font: Promise<Uint8Array> | undefined;

/** The field font's bytes, read once. */
export function fieldFont(): Promise<Uint8Array> {
  return (font ??= readFile(FILE).then(withoutLayoutTables));
}

const pad4 = (n: number) => (n + 3) & ~3;

/** A TrueType font rewritten without LAYOUT_ONLY's tables; every other table byte for byte. */
export function withoutLayoutTables(ttf: Uint8Array): Uint8Array {
  const src = Buffer.from(ttf.buffer, ttf.byteOffset, ttf.byteLength);
  const tables = Array.from({ length: src.readUInt16BE(4) }, (_, i) => {
    const at = 12 + 16 * i;
    return { tag: src.toString("latin1", at, at + 4), checksum: src.readUInt32BE(at + 4), offset: src.readUInt32BE(at + 8), length: src.readUInt32BE(at + 12) };
  })
    .filter((t) => !LAYOUT_ONLY.has(t.tag))
    .sort((a, b) => (a.tag < b.tag ? -1 : 1));
  const header = 12 + 16 * tables.length;
  const out = Buffer.alloc(header + tables.reduce((n, t) => n + pad4(t.length), 0));
  const power = 2 ** Math.floor(Math.log2(tables.length));
  out.writeUInt32BE(src.readUInt32BE(0), 0);
  out.writeUInt16BE(tables.length, 4);
  out.writeUInt16BE(power * 16, 6);
  out.writeUInt16BE(Math.log2(power), 8);
  out.writeUInt16BE(tables.length * 16 - power * 16, 10);
  let offset = header;
  let head = -1;
  tables.forEach((t, i) => {
    const at = 12 + 16 * i;
    out.write(t.tag, at, "latin1");
    out.writeUInt32BE(t.checksum, at + 4);
    out.writeUInt32BE(offset, at + 8);
    out.writeUInt32BE(t.length, at + 12);
    src.copy(out, offset, t.offset, t.offset + t.length);
    if (t.tag === "head") head = offset;
    offset += pad4(t.length);
  });
  // The whole file's checksum lives in head (checkSumAdjustment): recomputed for the new file.
  out.writeUInt32BE(0, head + 8);
  let sum = 0;
  for (let i = 0; i < out.length; i += 4) sum = (sum + out.readUInt32BE(i)) >>> 0;
  out.writeUInt32BE((0xb1b0afba - sum) >>> 0, head + 8);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
