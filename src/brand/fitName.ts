// The company name in a box of fixed size: wrapped first, then smaller until it fits; never clipped.
// Lines are broken here by the font's metrics (as the cards are), so react-pdf sets exactly these lines.
import { WorkshopkitError } from "../errors.js";
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

/** What to say when `name` does not fit `box` (in `where`): names the profile's `company` field. */
export function nameTooLong(name: string, box: NameBox, where: string): string {
  return `profile › company: "${name}" does not fit ${where} (${mmOf(box.width)} × ${mmOf(box.height)} mm) even at ${box.min} pt.`;
}

/** The error for nameTooLong's message. */
export function nameTooLongError(message: string): WorkshopkitError {
  return new WorkshopkitError(message, "Shorten the company name in the profile (a long word cannot be broken), or give a logo (logo:), which headers and card backs print instead of the name.");
}
