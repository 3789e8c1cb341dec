// Turns the placeholder colours of a company-independent render into a company's palette, in place,
// in a PDF loaded by pdf-lib. react-pdf draws every colour through pdfkit's _setColorCore, which
// writes `${[r / 255, g / 255, b / 255].join(" ")} scn` (or SCN) in JavaScript's number formatting:
// each placeholder colour is one exact string in a content stream, found without parsing the stream.
// The palette's colours are written with four decimals, which no placeholder is ever written as, so
// a placeholder string left after stamping is always a colour written some other way: a fault.
import { deflateSync, inflateSync } from "node:zlib";
import { decodePDFRawStream, PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString, type PDFContext, type PDFDocument, type PDFObject } from "pdf-lib";
import type { Palette } from "./brandParts.js";
import { stampFault as fault } from "./stampFault.js";
import { pdfkitColourOperands } from "../render/reactPdf.js";

type Rgb = [number, number, number];
const ROLES = ["brand", "ink", "onBrand", "line", "tint"] as const;

/** What recolouring did: for the bench and the tests. */
export interface RecolourStats {
  /** Content streams inflated and searched. */
  streams: number;
  /** Of those, the streams that held a placeholder colour and were written anew. */
  changed: number;
  /** Colour arrays and /DA strings in dictionaries changed. */
  entries: number;
}

export function rgbOf(hex: string): Rgb {
  const m = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(hex);
  if (!m) throw fault(`the palette colour "${hex}" is not a hex colour`);
  const h = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join("") : m[1]!;
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb;
}

/** A colour's operands as the stamp writes them: four decimals, no trailing zeros. */
const compact = (c: number) => String(Number((c / 255).toFixed(4)));

/** Three numbers and a colour operator, as pdfkit writes them. */
const COLOUR_OPERATION = /(?<![\d.\-])(\d*\.?\d+) (\d*\.?\d+) (\d*\.?\d+) (scn|SCN|sc|SC|rg|RG)(?![A-Za-z])/g;
/** The colour operators that take three DeviceRGB operands (rg/RG set DeviceRGB themselves). */
const COLOUR_OPS = ["scn", "SCN", "sc", "SC", "rg", "RG"].map((op) => Buffer.from(` ${op}`, "latin1"));
/** Dictionary entries that hold a colour as an array of numbers: annotations (/C, /IC), widgets' /MK (/BC, /BG), type 2 functions (/C0, /C1). */
const COLOUR_KEYS = ["C", "IC", "BC", "BG", "C0", "C1"].map((k) => PDFName.of(k));
const DA = PDFName.of("DA");

interface Swap {
  role: (typeof ROLES)[number];
  rgb: Rgb;
  /** The placeholder's operands as pdfkit writes them, and the palette colour's as the stamp writes them. */
  operands: Buffer;
  to: Rgb;
  toOperands: Buffer;
}

/** Ends a PDF token: whitespace, a delimiter, or the end of the stream. */
const ends = (b: number | undefined) => b === undefined || b <= 0x20 || b === 0x2f || b === 0x5b || b === 0x3c || b === 0x28 || b === 0x25;
const isNumberByte = (b: number | undefined) => b !== undefined && ((b >= 0x30 && b <= 0x39) || b === 0x2e || b === 0x2d || b === 0x2b);

export class Recolourer {
  private readonly swaps: Swap[];
  readonly stats: RecolourStats = { streams: 0, changed: 0, entries: 0 };

  constructor(placeholder: Palette, palette: Palette) {
    this.swaps = ROLES.map((role) => {
      const rgb = rgbOf(placeholder[role]);
      const to = rgbOf(palette[role]);
      return { role, rgb, operands: Buffer.from(pdfkitColourOperands(rgb), "latin1"), to, toOperands: Buffer.from(to.map(compact).join(" "), "latin1") };
    });
    if (new Set(this.swaps.map((s) => s.operands.toString("latin1"))).size !== this.swaps.length) throw fault("two placeholder colours are the same");
  }

  /**
   * A colour of the placeholders' magenta family that is none of them, drawn in `content`: a tint or
   * a shade made from a placeholder (mixed with white, say) that the stamp cannot know to change, and
   * that every company's pack would print as it is. Templates draw only the placeholders and greys.
   */
  derivedColour(content: Buffer): string | undefined {
    const text = content.toString("latin1");
    for (const m of text.matchAll(COLOUR_OPERATION)) {
      const [r, g, b] = [m[1], m[2], m[3]].map(Number) as Rgb;
      if (Math.abs(r - b) > 0.05 || g > Math.min(r, b) - 0.1) continue; // not magenta
      const rgb = [r, g, b].map((c) => Math.round(c * 255));
      if (this.swaps.some((s) => s.rgb.every((c, i) => c === rgb[i]))) continue; // a placeholder itself
      return `${m[1]} ${m[2]} ${m[3]} ${m[4]}`;
    }
    return undefined;
  }

  /**
   * Content with every placeholder colour operation in the palette's colour, or undefined where it
   * holds no placeholder. A placeholder's operands anywhere but before a colour operator: a fault.
   */
  recolourBytes(content: Buffer, where: string): Buffer | undefined {
    const found: { at: number; swap: Swap }[] = [];
    for (const swap of this.swaps) {
      for (let at = content.indexOf(swap.operands); at !== -1; at = content.indexOf(swap.operands, at + 1)) {
        const after = at + swap.operands.length;
        if (isNumberByte(content[at - 1]) || isNumberByte(content[after])) continue; // part of other numbers
        const op = COLOUR_OPS.find((o) => content.subarray(after, after + o.length).equals(o) && ends(content[after + o.length]));
        if (!op) throw fault(`the placeholder ${swap.role} colour (${swap.operands.toString("latin1")}) is in ${where} but not as a colour the stamp knows how to change`);
        found.push({ at, swap });
      }
    }
    if (found.length === 0) return undefined;
    found.sort((a, b) => a.at - b.at);
    const pieces: Buffer[] = [];
    let from = 0;
    for (const { at, swap } of found) {
      pieces.push(content.subarray(from, at), swap.toOperands);
      from = at + swap.operands.length;
    }
    pieces.push(content.subarray(from));
    return Buffer.concat(pieces);
  }

  /** The stream's new contents, Flate-compressed, or undefined where it holds no placeholder colour (it stays as it is, same bytes). */
  recolourStream(stream: PDFRawStream, where: string): Uint8Array | undefined {
    this.stats.streams++;
    const content = decode(stream);
    const recoloured = this.recolourBytes(content, where);
    if (!recoloured) return undefined;
    this.stats.changed++;
    return deflateSync(recoloured);
  }

  /** A 3-number array within rounding of a placeholder colour: that placeholder. */
  private placeholderOf(value: PDFObject | undefined): Swap | undefined {
    if (!(value instanceof PDFArray) || value.size() !== 3) return undefined;
    const v: number[] = [];
    for (let i = 0; i < 3; i++) {
      const n = value.get(i);
      if (!(n instanceof PDFNumber)) return undefined;
      v.push(Math.round(n.asNumber() * 255));
    }
    return this.swaps.find((f) => f.rgb.every((c, i) => c === v[i]));
  }

  /** Recolours the colour arrays and /DA strings of a dictionary and the direct dictionaries and arrays inside it. */
  recolourDict(dict: PDFDict, where: string): void {
    for (const [key, value] of dict.entries()) {
      if (value instanceof PDFDict) this.recolourDict(value, where);
      else if (value instanceof PDFArray) {
        const f = this.placeholderOf(value);
        if (f) {
          if (!COLOUR_KEYS.includes(key)) throw fault(`the placeholder ${f.role} colour is in ${where}'s ${key.asString()}, which the stamp does not know as a colour`);
          dict.set(key, dict.context.obj(f.to.map((c) => Number(compact(c)))));
          this.stats.entries++;
        } else this.recolourArray(value, where);
      } else if (key === DA && (value instanceof PDFString || value instanceof PDFHexString)) {
        const out = this.recolourBytes(Buffer.from(value.decodeText(), "latin1"), `${where}'s /DA`);
        if (out) {
          dict.set(key, PDFString.of(out.toString("latin1")));
          this.stats.entries++;
        }
      }
    }
  }

  private recolourArray(array: PDFArray, where: string): void {
    for (let i = 0; i < array.size(); i++) {
      const value = array.get(i);
      if (value instanceof PDFDict) this.recolourDict(value, where);
      else if (value instanceof PDFArray) this.recolourArray(value, where);
    }
  }
}

/** A stream's decoded bytes: FlateDecode by zlib (most content streams), anything else by pdf-lib. */
function decode(stream: PDFRawStream): Buffer {
  const filter = stream.dict.get(PDFName.of("Filter"));
  const flate = filter === PDFName.of("FlateDecode") || (filter instanceof PDFArray && filter.size() === 1 && filter.get(0) === PDFName.of("FlateDecode"));
  if (filter === undefined) return Buffer.from(stream.contents.buffer, stream.contents.byteOffset, stream.contents.byteLength);
  if (flate && !stream.dict.has(PDFName.of("DecodeParms"))) return inflateSync(stream.contents);
  return Buffer.from(decodePDFRawStream(stream).decode());
}

const XOBJECT = PDFName.of("XObject");
const FORM = PDFName.of("Form");
const PATTERN_TYPE = PDFName.of("PatternType");

/**
 * Recolours every place a colour can be drawn in: the pages' content streams, every form XObject
 * (annotation and widget appearances are forms too; their appearance dictionaries are followed as
 * well) and tiling pattern, and colour arrays and /DA strings in every dictionary.
 */
export function recolourPdf(pdf: PDFDocument, placeholder: Palette, palette: Palette): RecolourStats {
  const r = new Recolourer(placeholder, palette);
  const context = pdf.context;
  const content = contentStreams(pdf);
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (object instanceof PDFDict) r.recolourDict(object, `object ${ref.toString()}`);
    else if (object instanceof PDFRawStream) {
      r.recolourDict(object.dict, `object ${ref.toString()}`);
      if (!drawsColours(ref, object, content)) continue;
      const recoloured = r.recolourStream(object, `content stream ${ref.toString()}`);
      if (recoloured) context.assign(ref, PDFRawStream.of(withoutDecodeParms(object.dict), recoloured));
    }
  }
  return r.stats;
}

/**
 * Fails as a fault where a stream recolourPdf would search draws a colour made from a placeholder
 * colour (Recolourer.derivedColour). A property of the placeholder render alone: checked once, when
 * it is made, rather than in every company's stamp of it.
 */
export function checkDerivedColours(pdf: PDFDocument, placeholder: Palette): void {
  const r = new Recolourer(placeholder, placeholder);
  const content = contentStreams(pdf);
  for (const [ref, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream) || !drawsColours(ref, object, content)) continue;
    const derived = r.derivedColour(decode(object));
    if (derived) throw fault(`content stream ${ref.toString()} draws a colour made from a placeholder colour (${derived}), which the stamp cannot turn into the company's`);
  }
}

/** The pages' content streams and their annotations' appearance streams. */
function contentStreams(pdf: PDFDocument): Set<PDFRef> {
  const context = pdf.context;
  const content = new Set<PDFRef>();
  for (const page of pdf.getPages()) {
    const contents = page.node.get(PDFName.of("Contents"));
    if (contents instanceof PDFRef) content.add(contents);
    else if (contents instanceof PDFArray) for (let i = 0; i < contents.size(); i++) addRef(content, contents.get(i));
    const annots = page.node.Annots();
    if (annots) for (let i = 0; i < annots.size(); i++) appearances(context, context.lookup(annots.get(i)), content);
  }
  return content;
}

/** A stream that draws: a page's or an appearance's content, a form XObject, a tiling pattern. */
function drawsColours(ref: PDFRef, stream: PDFRawStream, content: Set<PDFRef>): boolean {
  const type = stream.dict.get(PDFName.Type);
  const isForm = stream.dict.get(PDFName.of("Subtype")) === FORM && (type === undefined || type === XOBJECT);
  return isForm || content.has(ref) || stream.dict.has(PATTERN_TYPE);
}

/** The stream's dictionary for new Flate contents: /Filter /FlateDecode, no /DecodeParms. */
function withoutDecodeParms(dict: PDFDict): PDFDict {
  dict.set(PDFName.of("Filter"), PDFName.of("FlateDecode"));
  dict.delete(PDFName.of("DecodeParms"));
  return dict;
}

function addRef(set: Set<PDFRef>, value: PDFObject | undefined): void {
  if (value instanceof PDFRef) set.add(value);
}

/** An annotation's appearance streams (/AP /N, /D, /R: a stream, or a dictionary of states). */
function appearances(context: PDFContext, annot: PDFObject | undefined, into: Set<PDFRef>): void {
  if (!(annot instanceof PDFDict)) return;
  const ap = annot.lookup(PDFName.of("AP"));
  if (!(ap instanceof PDFDict)) return;
  for (const [, look] of ap.entries()) {
    if (look instanceof PDFRef) {
      const target = context.lookup(look);
      if (target instanceof PDFDict) for (const [, state] of target.entries()) addRef(into, state);
      else into.add(look);
    } else if (look instanceof PDFDict) for (const [, state] of look.entries()) addRef(into, state);
  }
}
