// Every character printed must exist in the font: react-pdf would draw a missing one blank.
import type { Problem } from "../errors.js";
import { missingGlyphs } from "../fonts.js";
import { collectStrings } from "../resolve/mapStrings.js";

const codePoint = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

/** Problems for every string of `tree` (read from `file`) holding a character the font cannot draw. */
export function checkGlyphs(file: string, tree: unknown): Problem[] {
  return collectStrings(tree).flatMap(({ path, text }) => {
    const missing = missingGlyphs(text);
    return missing.length === 0
      ? []
      : [{
          file,
          path,
          message: `the font cannot print ${missing.map((ch) => `"${ch}" (${codePoint(ch)})`).join(", ")}; replace ${missing.length === 1 ? "it" : "them"} with other characters`,
        }];
  });
}
