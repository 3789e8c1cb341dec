// The brand colour as text: on white, darkened where it is too light to read (WCAG 2 contrast);
// on a brand-colour background, whichever of white and near-black contrasts more.
import type { Warning } from "../errors.js";

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

/** WCAG 2.1 (1.4.11): a rule or frame needs 3:1 against white to be seen. */
export const CONTRAST_GRAPHIC = 3;
/**
 * A shade darker than this much of the colour reads as a muddy other colour (yellow turns olive):
 * text is then near-black and the brand colour is kept for fills, bars and card backs.
 */
const MUDDY = 0.72;

/** The shade factor (1: itself) of the lightest darker shade of `colour` that has `target` contrast on white. */
function shadeFor(colour: string, target: number): number {
  if (contrast(colour, WHITE) >= target) return 1;
  // Contrast grows as the shade darkens: bisect for the lightest shade that meets the target.
  let [dark, light] = [0, 1];
  for (let i = 0; i < 24; i++) {
    const mid = (dark + light) / 2;
    if (contrast(shade(colour, mid), WHITE) >= target) dark = mid;
    else light = mid;
  }
  return dark;
}

const inks = new Map<string, string>();

/**
 * The brand colour for text on white: itself where it reads as small text (4.5:1), else a slightly
 * darker shade of it that does, or near-black where only a much darker (muddy) shade would. One
 * colour for all text, so a heading and its label match.
 */
export function brandInk(colour: string): string {
  const key = colour.toLowerCase();
  const known = inks.get(key);
  if (known) return known;
  const f = shadeFor(key, CONTRAST_SMALL);
  const ink = f === 1 ? key : f >= MUDDY ? shade(key, f) : INK;
  inks.set(key, ink);
  return ink;
}

/** The brand colour for thin rules and frames on white: itself, or the lightest shade of it seen at 3:1. */
export function brandLine(colour: string): string {
  const key = colour.toLowerCase();
  const f = shadeFor(key, CONTRAST_GRAPHIC);
  return f === 1 ? key : shade(key, f);
}

/** A pale tint of the brand colour for a panel behind text (the colour mixed into white). */
export function brandTint(colour: string, amount = 0.12): string {
  return toHex(channels(colour.toLowerCase()).map((c) => 255 - (255 - c) * amount));
}

const ratio = (n: number) => `${(Math.floor(n * 10) / 10).toFixed(1)}:1`;

/** A warning when the brand colour had to be darkened for text, naming both colours and their contrast. */
export function brandColourWarnings(colour: string): Warning[] {
  const ink = brandInk(colour);
  if (ink === colour.toLowerCase()) return [];
  return [
    {
      message:
        `The brand colour ${colour} has a contrast of ${ratio(contrast(colour, WHITE))} on white paper, too light for text (at least ${CONTRAST_SMALL}:1): ` +
        (ink === INK
          ? `text is printed in near-black ${ink}; fills, bars and card backs keep ${colour}, thin rules and frames the darker ${brandLine(colour)}.`
          : `text is printed in the darker shade ${ink} (${ratio(contrast(ink, WHITE))}); rules, bars and card backs keep ${colour}.`),
    },
  ];
}
