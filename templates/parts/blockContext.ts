// What every block component is given besides its block.
import type { Palette } from "../../src/brand/brandParts.js";
import type { Deck } from "../../src/schema/content.js";

export interface BlockContext {
  /** The brand's colours (brand.palette): rules and borders in .brand, labels in .ink. */
  palette: Palette;
  decks: Deck[];
  films: Record<string, string>;
  /** Prefix of the form field names in these blocks: `<material>.<step or section id>`, e.g. `v06.step3`. */
  fields: string;
  /** Spacing of ruled writing lines: LINE_GAP, or tighter down to MIN_LINE_GAP when fitted (theme.ts). */
  lineGap?: number;
}

/**
 * A form field's name: `v06.step3.statements.2`. Made of content ids and 1-based positions only, so
 * it is stable across layout changes and reads as what it is. The dots make a field hierarchy.
 */
export function fieldName(ctx: BlockContext, ...parts: (string | number)[]): string {
  return [ctx.fields, ...parts].join(".");
}
