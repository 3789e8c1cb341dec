// The brand of the company-independent render: the same paper, placeholder colours, no logo, and a
// placeholder name. Templates given it draw every brand-coloured thing in PLACEHOLDER_PALETTE and leave
// an empty slot where the logo or name goes (templates/parts/BrandSlot.tsx); the company's brand is
// stamped on later, and the stamp fails where the placeholder's colours or name are left (stamp.ts).
import type { Brand, ResolvedPack } from "../model.js";
import { PLACEHOLDER_PALETTE } from "./brandParts.js";

/**
 * The company name of the company-independent render. No real text can hold it: its first and last
 * characters are U+E000 (private use), which the font lacks, and every text of a profile or of the
 * content with a character the font lacks is refused before a build (text.missingGlyphs). A template
 * that prints the name itself (instead of in a slot) prints this, and the stamp finds it in the text.
 */
export const PLACEHOLDER_COMPANY = "\uE000Pladsholderfirma\uE000";

/** Whether laid-out text holds the placeholder name (split by line breaks or hyphenation, even). */
export const holdsPlaceholderName = (texts: string[]): boolean => texts.join("").replace(/[\s\u00ad-]/g, "").includes(PLACEHOLDER_COMPANY);

export function placeholderBrand(brand: Brand): Brand {
  return { company: PLACEHOLDER_COMPANY, colour: PLACEHOLDER_PALETTE.brand, palette: PLACEHOLDER_PALETTE, paper: brand.paper, placeholder: true };
}

/**
 * The pack as the company-independent render sees it: the placeholder brand, and nothing of the
 * company's that a template could print (contacts reach a material only through its own text).
 */
export function placeholderPack(pack: ResolvedPack): ResolvedPack {
  return { ...pack, brand: placeholderBrand(pack.brand), contacts: {}, warnings: [] };
}
