// Every character printed must exist in the font: react-pdf would draw a missing one blank.
import { problem, type Problem } from "../errors.js";
import { missingGlyphs } from "../fonts.js";
import { collectStrings } from "../resolve/mapStrings.js";

const codePoint = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

/** Problems for every string of `tree` (read from `file`) holding a character the font cannot draw. */
export function checkGlyphs(file: string, tree: unknown): Problem[] {
  return collectStrings(tree).flatMap(({ path, text }) => {
    const missing = missingGlyphs(text);
    return missing.length === 0
      ? []
      : [problem("text.missingGlyphs", { characters: missing.join(""), codePoints: missing.map(codePoint).join(", ") }, { file, path })];
  });
}
