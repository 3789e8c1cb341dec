// The typeface and Danish hyphenation, registered once with react-pdf; glyph coverage for checks.
import path from "node:path";
import { Font } from "@react-pdf/renderer";
import * as fontkit from "fontkit";
import hyphenDa from "hyphen/da/index.js";

const { hyphenateSync } = hyphenDa;

export const FONT_FAMILY = "Lato";
const FONT_DIR = path.resolve(import.meta.dirname, "../assets/fonts");
const FACES = [
  { file: "Lato-Regular.ttf", fontWeight: 400, fontStyle: "normal" },
  { file: "Lato-Bold.ttf", fontWeight: 700, fontStyle: "normal" },
  { file: "Lato-Italic.ttf", fontWeight: 400, fontStyle: "italic" },
  { file: "Lato-BoldItalic.ttf", fontWeight: 700, fontStyle: "italic" },
] as const;

const SOFT_HYPHEN = "\u00AD";
/** Words that must never be hyphenated: addresses, links, numbers. */
const UNBREAKABLE = /[@/\d_]|^www\.|\.(dk|com|org|net)$/i;

/** Splits a word where it may be hyphenated; react-pdf adds the hyphen when it breaks there. */
export function hyphenate(word: string): string[] {
  if (word.includes(SOFT_HYPHEN)) return word.split(SOFT_HYPHEN);
  if (word.length < 6 || UNBREAKABLE.test(word)) return [word];
  // The Danish patterns allow a few breaks that read badly ("me-d-ar-bej-de-re"):
  // a one-letter syllable joins the one before it ("med-ar-bej-de-re").
  const parts: string[] = [];
  for (const part of hyphenateSync(word, { minWordLength: 6 }).split(SOFT_HYPHEN)) {
    if (parts.length > 0 && part.length === 1) parts[parts.length - 1] += part;
    else parts.push(part);
  }
  const last = parts.at(-1);
  if (parts.length > 1 && last !== undefined && last.length < 2) parts[parts.length - 2] += parts.pop()!;
  return parts;
}

let registered = false;

export function registerFonts(): void {
  if (registered) return;
  Font.register({
    family: FONT_FAMILY,
    fonts: FACES.map(({ file, fontWeight, fontStyle }) => ({ src: path.join(FONT_DIR, file), fontWeight, fontStyle })),
  });
  Font.registerHyphenationCallback(hyphenate);
  registered = true;
}

type FontkitFont = { hasGlyphForCodePoint(cp: number): boolean; unitsPerEm: number; layout(s: string): { advanceWidth: number } };
let faces: FontkitFont[] | undefined;

function openFaces(): FontkitFont[] {
  faces ??= FACES.map(({ file }) => fontkit.openSync(path.join(FONT_DIR, file)) as unknown as FontkitFont);
  return faces;
}

/** Characters of `text` that some face of the family cannot draw (line breaks and tabs aside). */
export function missingGlyphs(text: string): string[] {
  const missing = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0x0a || cp === 0x09) continue;
    if (!openFaces().every((f) => f.hasGlyphForCodePoint(cp))) missing.add(ch);
  }
  return [...missing];
}

/** Width of `text` in points at `size`, in the regular (0) or bold (1) face. */
export function textWidth(text: string, size: number, bold = false): number {
  const face = openFaces()[bold ? 1 : 0]!;
  return (face.layout(text).advanceWidth / face.unitsPerEm) * size;
}
