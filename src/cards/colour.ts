// Text colour on a brand-colour background: whichever of white and near-black contrasts more (WCAG).

const INK = "#1a1a1a";

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** White on dark brand colours, ink on light ones; either stays legible when printed in grey. */
export function textOn(background: string): string {
  return contrast("#ffffff", background) >= contrast(INK, background) ? "#ffffff" : INK;
}

/** The brand colour for text on white where it is dark enough to read (3:1, large text), ink otherwise. */
export function textColourOnWhite(colour: string): string {
  return contrast(colour, "#ffffff") >= 3 ? colour : INK;
}
