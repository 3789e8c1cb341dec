// The typeface and Danish hyphenation, registered once with react-pdf; glyph coverage for checks.
import path from "node:path";
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
/** A word in capitals is a heading, label or card topic: fitted, never hyphenated ("PRI-VATLIV?"). */
const CAPITALS = /^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u;
/** Letters that must stay on either side of a break: no "vi-dest", no "medarbejde-re". */
const MIN_LETTERS = 3;
/** Danish compounds often join with an s after a consonant ("arbejds|miljø", "sundheds|politik"). */
const JOINT = /[bcdfgklmnprtv]s$/;

const letters = (s: string) => s.replace(/[^\p{L}]/gu, "").length;

/**
 * English loanwords of the content, which the Danish patterns split as if Danish ("startwor-kshop",
 * "stres-ssymptomer"): never broken inside, but a compound may break where one begins or ends.
 */
const LOANWORDS = ["workshop", "feedback", "podcast", "onboarding", "stress", "coach", "team", "check"];

/** `breaks` without those inside a loanword of `word`, and with the loanword's own edges added. */
export function loanwordBreaks(word: string, breaks: number[]): number[] {
  const lower = word.toLowerCase();
  const spans: [number, number][] = [];
  for (const loan of LOANWORDS) {
    for (let at = lower.indexOf(loan); at >= 0; at = lower.indexOf(loan, at + 1)) spans.push([at, at + loan.length]);
  }
  if (spans.length === 0) return breaks;
  const edges = spans.flat().filter((b) => letters(word.slice(0, b)) >= MIN_LETTERS && letters(word.slice(b)) >= MIN_LETTERS);
  const inside = (b: number) => spans.some(([from, to]) => b > from && b < to);
  return [...new Set([...breaks, ...edges])].filter((b) => !inside(b)).sort((a, b) => a - b);
}

/** At most this many words or texts remembered (a server building many companies starts again past it). */
const REMEMBERED = 50_000;

function remember<V>(memo: Map<string, V>, key: string, make: () => V): V {
  let value = memo.get(key);
  if (value === undefined) {
    if (memo.size >= REMEMBERED) memo.clear();
    value = make();
    memo.set(key, value);
  }
  return value;
}

const splits = new Map<string, string[]>();

/**
 * Splits a word where it may be hyphenated; react-pdf adds the hyphen when it breaks there.
 * Remembered: react-pdf asks for every word of every render (a build asks some 40 000 times for
 * 3 000 words); each caller gets its own array.
 */
export function hyphenate(word: string): string[] {
  return remember(splits, word, () => splitWord(word)).slice();
}

function splitWord(word: string): string[] {
  if (word.includes(SOFT_HYPHEN)) return word.split(SOFT_HYPHEN);
  if (word.length < 2 * MIN_LETTERS + 1 || UNBREAKABLE.test(word) || CAPITALS.test(word)) return [word];
  // The Danish patterns allow a few breaks that read badly ("me-d-ar-bej-de-re"):
  // a one-letter syllable joins the one before it ("med-ar-bej-de-re").
  const syllables: string[] = [];
  for (const part of hyphenateSync(word, { minWordLength: 6 }).split(SOFT_HYPHEN)) {
    if (syllables.length > 0 && part.length === 1) syllables[syllables.length - 1] += part;
    else syllables.push(part);
  }
  // Break after a syllable only where it leaves MIN_LETTERS on both sides, and never right after a
  // syllable of two letters, which then joins the next: "med-ar-bej-de-re" gives "med-arbej-dere".
  let breaks: number[] = [];
  let at = 0;
  for (const syllable of syllables.slice(0, -1)) {
    at += syllable.length;
    if (letters(syllable) > 2 && letters(word.slice(0, at)) >= MIN_LETTERS && letters(word.slice(at)) >= MIN_LETTERS) breaks.push(at);
  }
  breaks = loanwordBreaks(word, breaks);
  // Prefer the compound's joint: no break inside its first element ("sund-hedspolitik").
  const joint = breaks.find((b) => JOINT.test(word.slice(0, b)));
  if (joint !== undefined) breaks = breaks.filter((b) => b >= joint);
  const parts: string[] = [];
  let from = 0;
  for (const b of breaks) {
    parts.push(word.slice(from, b));
    from = b;
  }
  parts.push(word.slice(from));
  return parts;
}

/** For headings and labels: no hyphenation at all (they are fitted instead). */
export const wholeWords = (word: string): string[] => [word];

let registered = false;

/** react-pdf, loaded when the first PDF is made: validating and resolving need only fontkit and the patterns. */
async function registerFonts(): Promise<typeof import("@react-pdf/renderer").Font> {
  const { Font } = await import("@react-pdf/renderer");
  if (registered) return Font;
  Font.register({
    family: FONT_FAMILY,
    fonts: FACES.map(({ file, fontWeight, fontStyle }) => ({ src: path.join(FONT_DIR, file), fontWeight, fontStyle })),
  });
  Font.registerHyphenationCallback(hyphenate);
  registered = true;
  return Font;
}

let prepared: Promise<void> | undefined;

/** The characters whose glyphs are made up front: printable ASCII and Latin-1, and common punctuation. */
const WARM_CHARACTERS = [
  ...Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) => 0x21 + i),
  ...Array.from({ length: 0xff - 0xa1 + 1 }, (_, i) => 0xa1 + i).filter((cp) => cp !== 0xad),
  0x2013, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x201e, 0x2022, 0x2026, 0x2192, 0x20ac,
].map((cp) => String.fromCodePoint(cp));

/**
 * Hands react-pdf the faces parsed here, each with its common characters' glyphs made before any PDF
 * is written with it. fontkit keeps one glyph object per glyph id, shared by every document, with the
 * characters of whatever made it first; subsetting a composite glyph (":" is built from two ".")
 * makes the component's object with no character, and a later document then lays "." out as
 * nothing: "1." in bold printed as a lone dot once a bold "1:" had been written before it.
 * The glyphs are made by laying out the characters one by one, as text is laid out (not from the
 * font's character map, whose ligature code points would give "fi" one character instead of two
 * and shift every line break after it).
 * A face is parsed and prepared when react-pdf first asks for it (its `data`), so a face no text uses
 * (the pack has no bold italic) costs nothing; react-pdf's own load, which would parse the file
 * again, is never run.
 */
export function prepareFonts(): Promise<void> {
  prepared ??= (async () => {
    await registerFonts();
    const { loadReactPdf, provideFace } = await import("./render/reactPdf.js");
    await loadReactPdf();
    // A face react-pdf has loaded already keeps its own.
    FACES.forEach(({ fontWeight, fontStyle }, i) => provideFace({ fontFamily: FONT_FAMILY, fontWeight, fontStyle }, () => laidOut(i)));
  })();
  return prepared;
}

type FontkitFont = { hasGlyphForCodePoint(cp: number): boolean; unitsPerEm: number; layout(s: string): { advanceWidth: number } };
const parsed: FontkitFont[] = [];
const ready = new Set<number>();

/** Face `i` of FACES, parsed once, for react-pdf and the measures below (fontkit reads its tables as they are first used). */
const face = (i: number): FontkitFont => (parsed[i] ??= fontkit.openSync(path.join(FONT_DIR, FACES[i]!.file)) as unknown as FontkitFont);

/** Face `i`, its common characters' glyphs made before anything else lays text out with it (see prepareFonts). */
function laidOut(i: number): FontkitFont {
  const f = face(i);
  if (!ready.has(i)) {
    f.layout(WARM_CHARACTERS.join(" "));
    ready.add(i);
  }
  return f;
}

const drawable = new Map<number, boolean>();

/** Characters of `text` that some face of the family cannot draw (line breaks and tabs aside). */
export function missingGlyphs(text: string): string[] {
  const missing = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0x0a || cp === 0x09) continue;
    let every = drawable.get(cp);
    if (every === undefined) drawable.set(cp, (every = FACES.every((_, i) => face(i).hasGlyphForCodePoint(cp)))); // the character map only: no glyph made
    if (!every) missing.add(ch);
  }
  return [...missing];
}

const widths = new Map<string, number>();

/** The widths measured so far, in em, by face and text (`r…`, `b…`): kept between builds by src/cache/measureCache.ts. */
export const knownWidths = (): [string, number][] => [...widths];

/** Widths measured before, as knownWidths gave them: a text among them is not laid out again. */
export function rememberWidths(entries: Iterable<[string, number]>): void {
  for (const [key, em] of entries) if (widths.size < REMEMBERED) widths.set(key, em);
}

/** Width of `text` in points at `size`, in the regular (0) or bold (1) face. Remembered per text (a layout each otherwise). */
export function textWidth(text: string, size: number, bold = false): number {
  const em = remember(widths, `${bold ? "b" : "r"}${text}`, () => {
    const f = laidOut(bold ? 1 : 0);
    return f.layout(text).advanceWidth / f.unitsPerEm;
  });
  return em * size;
}
