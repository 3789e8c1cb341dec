// The brand colour as text: on white, darkened where it is too light to read (WCAG 2 contrast);
// on a brand-colour background, whichever of white and near-black contrasts more.
import { warning, type Warning } from "../errors.js";

const INK = "#1a1a1a";
const WHITE = "#ffffff";

/** WCAG 2.x: small text needs 4.5:1 against its background; large text (18 pt, or 14 pt bold) 3:1. */
export const CONTRAST_SMALL = 4.5;
export const CONTRAST_LARGE = 3;

const channels = (hex: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
const toHex = (rgb: number[]) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;

function luminance(hex: string): number {
  const [r, g, b] = channels(hex)
    .map((c) => c / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** White on dark brand colours, ink on light ones; either stays legible when printed in grey. */
export function textOn(background: string): string {
  return contrast(WHITE, background) >= contrast(INK, background) ? WHITE : INK;
}

/** The colour scaled towards black by `f` (0: black, 1: itself): the same hue, darker. */
const shade = (hex: string, f: number) => toHex(channels(hex).map((c) => c * f));

const inks = new Map<string, string>();

/**
 * The brand colour for text on white: itself where it reads as small text (4.5:1), else the
 * lightest darker shade of it that does. One colour for all text, so a heading and its label match.
 */
export function brandInk(colour: string): string {
  const key = colour.toLowerCase();
  const known = inks.get(key);
  if (known) return known;
  let ink = key;
  if (contrast(key, WHITE) < CONTRAST_SMALL) {
    // Contrast grows as the shade darkens: bisect for the lightest shade that meets the target.
    let [dark, light] = [0, 1];
    for (let i = 0; i < 24; i++) {
      const mid = (dark + light) / 2;
      if (contrast(shade(key, mid), WHITE) >= CONTRAST_SMALL) dark = mid;
      else light = mid;
    }
    ink = shade(key, dark);
  }
  inks.set(key, ink);
  return ink;
}

const ratio = (n: number) => `${(Math.floor(n * 10) / 10).toFixed(1)}:1`;

/** A warning when the brand colour had to be darkened for text, naming both colours and their contrast. */
export function brandColourWarnings(colour: string): Warning[] {
  const ink = brandInk(colour);
  if (ink === colour.toLowerCase()) return [];
  return [warning("brand.colourDarkened", { colour, contrast: ratio(contrast(colour, WHITE)), needed: CONTRAST_SMALL, ink, inkContrast: ratio(contrast(ink, WHITE)) }, { path: "colour" })];
}
