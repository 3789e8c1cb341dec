// What a brand slot holds, and its key: the part's kind, size and options written out in full, so
// that the key alone says how to draw the part (renderBrandParts gets nothing else) and equal slots
// share one drawing. Sizes in points, rounded to 0.01 so the key is stable.
import { WorkshopkitError } from "../errors.js";

/**
 * - `mark`: the logo (left, at `logo` points high), or else the company name in bold, underlined in the brand colour;
 * - `name`: the company name as a line of text (a footer, a kicker);
 * - `back`: a card back's logo on a white plate, or the name in the colour that reads on the brand colour;
 * - `cover`: a card sheet cover's header: the logo with the name beside it on the right, or the name as a mark;
 * - `help-front`: the help card front's text box: its title, 112 and the company's contacts, as resolve
 *   fitted them (Brand.helpCardFront); its options only describe the type (the fit chose the sizes).
 */
export const PART_KINDS = ["mark", "name", "back", "cover", "help-front"] as const;
export type PartKind = (typeof PART_KINDS)[number];

/** Colours of a name: fixed greys, or the brand's (palette.ink on white, palette.onBrand on the brand colour). */
export const NAME_COLOURS = ["ink", "grey", "brand-ink", "on-brand"] as const;
export type NameColour = (typeof NAME_COLOURS)[number];

export interface PartSpec {
  kind: PartKind;
  width: number;
  height: number;
  /** Height of the logo (mark, back, cover); 0 where the part never shows a logo. */
  logo: number;
  /** The name's largest font size; it shrinks (after wrapping) down to `min` to fit. */
  size: number;
  min: number;
  lineHeight: number;
  bold: boolean;
  colour: NameColour;
  align: "left" | "center" | "right";
  valign: "top" | "center" | "bottom";
  /** The name in capitals (a kicker). */
  upper: boolean;
}

const round = (v: number) => Math.round(v * 100) / 100;

/** The prop that marks an empty slot in react-pdf's layout tree (templates/parts/BrandSlot.tsx); its value is the part key. */
export const SLOT_PROP = "brandPart";
/**
 * The prop of a company name drawn in place that does not fit its part; its value is the message. A
 * template cannot throw (React swallows the error): the render finds this in the layout and fails with it.
 */
export const TOO_LONG_PROP = "brandNameTooLong";

/**
 * The height of a slot for `lines` lines of a name: a little more than the lines, because react-pdf
 * drops a line from a box that is a hair shorter than the line (and 0.01 pt rounding may make it so).
 */
export const linesHeight = (lines: number, size: number, lineHeight: number) => lines * size * lineHeight + 0.5;
const num = (v: number) => String(round(v));

const DEFAULTS: Omit<PartSpec, "kind" | "width" | "height" | "size"> = { logo: 0, min: 6, lineHeight: 1.2, bold: false, colour: "ink", align: "left", valign: "center", upper: false };

/** A part of `kind`, `width` × `height` points (rounded to 0.01), with the given options. */
export function partSpec(kind: PartKind, width: number, height: number, options: Partial<Omit<PartSpec, "kind" | "width" | "height">> & { size: number }): PartSpec {
  const s = { ...DEFAULTS, ...options };
  return { ...s, kind, width: round(width), height: round(height), logo: round(s.logo), size: round(s.size), min: round(s.min), lineHeight: round(s.lineHeight) };
}

/** `mark 286.1x34.02 logo=25.51 size=11 min=6 lh=1.35 colour=ink align=left valign=center bold`: every option, in one order. */
export function partKey(p: PartSpec): string {
  const flags = [p.bold ? "bold" : "", p.upper ? "upper" : ""].filter(Boolean);
  return [
    p.kind,
    `${p.width.toFixed(2)}x${p.height.toFixed(2)}`,
    `logo=${num(p.logo)}`,
    `size=${num(p.size)}`,
    `min=${num(p.min)}`,
    `lh=${num(p.lineHeight)}`,
    `colour=${p.colour}`,
    `align=${p.align}`,
    `valign=${p.valign}`,
    ...flags,
  ].join(" ");
}

const KEY = /^([\w-]+) (\d+\.\d\d)x(\d+\.\d\d) logo=([\d.]+) size=([\d.]+) min=([\d.]+) lh=([\d.]+) colour=([\w-]+) align=(\w+) valign=(\w+)((?: \w+)*)$/;

/** The part a key names; a key that partKey cannot have written is a fault. */
export function parsePartKey(key: string): PartSpec {
  const m = KEY.exec(key);
  const flags = new Set((m?.[11] ?? "").split(" ").filter(Boolean));
  const kind = m?.[1] as PartKind;
  const colour = m?.[8] as NameColour;
  const align = m?.[9] as PartSpec["align"];
  const valign = m?.[10] as PartSpec["valign"];
  if (!m || !PART_KINDS.includes(kind) || !NAME_COLOURS.includes(colour) || !["left", "center", "right"].includes(align) || !["top", "center", "bottom"].includes(valign) || [...flags].some((f) => f !== "bold" && f !== "upper")) {
    throw WorkshopkitError.of("brand.partKey", { key });
  }
  return {
    kind,
    width: Number(m[2]),
    height: Number(m[3]),
    logo: Number(m[4]),
    size: Number(m[5]),
    min: Number(m[6]),
    lineHeight: Number(m[7]),
    colour,
    align,
    valign,
    bold: flags.has("bold"),
    upper: flags.has("upper"),
  };
}
