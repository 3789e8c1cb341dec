// What a material rendered once for every company leaves open for the company's brand, and what
// fills it. The body of a material does not depend on the company (its texts, layout and form
// fields are the same for every company), so it is rendered once in placeholder colours with empty
// slots where the logo or name goes, cached, and branded per company: the placeholder colours become
// the company's colours and each slot gets the company's part, drawn once per company.
import { brandInk, brandLine, brandTint, textOn } from "../cards/colour.js";

/** The colours a template draws the brand in: every brand-coloured thing is one of these. */
export interface Palette {
  /** Fills, rules, bars, borders, card backs: the brand colour as given. */
  brand: string;
  /** Text on white in the brand colour: darkened where the brand colour is too light to read (brandInk). */
  ink: string;
  /** Text on a brand-coloured fill: white or near-black, whichever reads (textOn). */
  onBrand: string;
  /** Thin rules and frames on white: the brand colour, or a darker shade where it would not be seen (brandLine). */
  line: string;
  /** A pale panel behind text (brandTint). */
  tint: string;
}

export const paletteOf = (colour: string): Palette => ({ brand: colour, ink: brandInk(colour), onBrand: textOn(colour), line: brandLine(colour), tint: brandTint(colour) });

/**
 * The placeholder colours of the company-independent render. Chosen to occur nowhere else (a template
 * never uses them), and loud: a page that was not branded shows them at once.
 */
export const PLACEHOLDER_PALETTE: Palette = { brand: "#fe01fe", ink: "#fd02fd", onBrand: "#fc03fc", line: "#fb04fb", tint: "#fa05fa" };

/** A slot on a rendered page where a brand part is drawn, in PDF points from the page's bottom-left corner. */
export interface SlotPlacement {
  /** 1-based page number. */
  page: number;
  /** Which part goes here: the key of a page of BrandParts (the part's kind, size and options). */
  part: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The company's parts: one PDF page per distinct part, each page exactly the size of its slot. */
export interface BrandParts {
  pdf: Uint8Array;
  /** 0-based page of `pdf` for each part key. */
  pages: Record<string, number>;
}
