// Headings, labels and table headers are never hyphenated: they are fitted instead. react-pdf is
// told not to split their words (wholeWords), and a narrow column gets the largest size, down
// to a floor, at which its longest word fits (measured with the font's own metrics).
import { textWidth, wholeWords } from "../../src/fonts.js";

export { wholeWords };

/** react-pdf and fontkit agree to a fraction of a point; a word this close to the edge would still wrap. */
const SAFETY = 1;

/** The largest size from `size` down to `min` (half points) at which every word of `text` fits `width`. */
export function fitWords(text: string, width: number, size: number, bold: boolean, min = size - 2): number {
  const longest = Math.max(0, ...text.split(/[\s\n]+/).map((w) => textWidth(w, 1, bold)));
  for (let s = size; s >= min - 1e-9; s -= 0.5) if (longest * s <= width - SAFETY) return s;
  return min;
}

/**
 * The largest size from `size` down to `min` (quarter points) at which `text` fits `width` on one
 * line; `min` where even that is too wide (the text then wraps, never clipped).
 */
export function fitLine(text: string, width: number, size: number, bold: boolean, min: number): number {
  const em = textWidth(text, 1, bold);
  for (let s = size; s >= min - 1e-9; s -= 0.25) if (em * s <= width - SAFETY) return s;
  return min;
}

/**
 * A title whose last line never holds one word alone: its last two words bound by a no-break space
 * (react-pdf breaks lines at spaces, not at U+00A0). Short titles are left as they are.
 */
export function balanced(title: string): string {
  const words = title.trim().split(/ +/);
  if (words.length < 3) return title;
  const last = words.pop()!;
  return `${words.join(" ")}\u00A0${last}`;
}
