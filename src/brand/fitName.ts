// The company name in a box of fixed size: wrapped first, then smaller until it fits; never clipped.
// Lines are broken here by the font's metrics (as the cards are), so react-pdf sets exactly these lines.
import { WorkshopkitError } from "../errors.js";
import type { ParamsOf } from "../problems/en.js";
import { breakLines, sizesDown, type Fitted } from "../cards/fitText.js";
import { textWidth } from "../fonts.js";

export interface NameBox {
  width: number;
  height: number;
  /** Largest and smallest font size (points). */
  size: number;
  min: number;
  lineHeight: number;
  bold: boolean;
}

const fitted = new Map<string, Fitted | undefined>();

/** The largest size (down to box.min) at which `name`, wrapped at spaces, fits the box; undefined when none does. */
export function tryFitName(name: string, box: NameBox): Fitted | undefined {
  const key = JSON.stringify([name, box]);
  if (fitted.has(key)) return fitted.get(key);
  let result: Fitted | undefined;
  for (const size of sizesDown(box.size, box.min)) {
    const maxLines = Math.floor(box.height / (size * box.lineHeight) + 1e-9);
    if (maxLines < 1) continue;
    const lines = breakLines(name, box.width, size, box.bold, textWidth, { maxLines });
    if (lines && lines.length > 0) {
      result = { size, lines };
      break;
    }
  }
  if (fitted.size >= 10_000) fitted.clear();
  fitted.set(key, result);
  return result;
}

const mmOf = (pt: number) => +((pt * 25.4) / 72).toFixed(1);

/** What to say when `name` does not fit `box` (in `where`), as a prop of the layout: the parameters of brand.nameTooLong. */
export function nameTooLong(name: string, box: NameBox, where: string): string {
  return JSON.stringify({ name, where, width: mmOf(box.width), height: mmOf(box.height), min: box.min });
}

/** The error for nameTooLong's parameters: it names the profile's `company` field. */
export function nameTooLongError(params: string): WorkshopkitError {
  return WorkshopkitError.of("brand.nameTooLong", JSON.parse(params) as ParamsOf<"brand.nameTooLong">, { file: "profile", path: "company" });
}
