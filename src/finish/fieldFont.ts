// The typeface of typed answers: Lato Regular with every glyph (a person may type any character),
// without the tables only a layout engine reads. A viewer typing into a field draws glyph by glyph
// from /W and the glyph outlines; kerning and OpenType layout (kern, GPOS, GSUB: a fifth of the
// file) are never used there. It is made into PDF objects once (widths of every glyph, the
// compressed font file: a tenth of a second) and copied into each form PDF.
import { readFile } from "node:fs/promises";
import path from "node:path";
import * as fontkit from "fontkit";
import { PDFDocument, PDFObjectCopier, PDFRef } from "pdf-lib";

const FILE = path.resolve(import.meta.dirname, "../../assets/fonts/Lato-Regular.ttf");
const LAYOUT_ONLY = new Set(["GPOS", "GSUB", "kern", "DSIG"]);

let made: Promise<{ source: PDFDocument; font: PDFRef }> | undefined;

async function make(): Promise<{ source: PDFDocument; font: PDFRef }> {
  const source = await PDFDocument.create({ updateMetadata: false });
  // fontkit 2, which react-pdf loads anyway, does what pdf-lib asks of a fontkit (its typing allows a font collection too).
  source.registerFontkit(fontkit as unknown as Parameters<PDFDocument["registerFontkit"]>[0]);
  const font = await source.embedFont(withoutLayoutTables(await readFile(FILE)), { subset: false, customName: "Lato-Regular" });
  await source.flush();
  return { source, font: font.ref };
}

/** Puts the field font into `pdf` (its Type0 font dictionary and what that refers to); returns its reference. */
export async function embedFieldFont(pdf: PDFDocument): Promise<PDFRef> {
  const { source, font } = await (made ??= make());
  return PDFObjectCopier.for(source.context, pdf.context).copy(font);
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
