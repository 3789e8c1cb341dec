// The brand of the company-independent render: the same paper, placeholder colours, no logo, no name.
// Templates given it draw every brand-coloured thing in PLACEHOLDER_PALETTE and leave an empty slot
// where the logo or name goes (templates/parts/BrandSlot.tsx); the company's brand is stamped on later.
import type { Brand, ResolvedPack } from "../model.js";
import { PLACEHOLDER_PALETTE } from "./brandParts.js";

export function placeholderBrand(brand: Brand): Brand {
  return { company: "", colour: PLACEHOLDER_PALETTE.brand, palette: PLACEHOLDER_PALETTE, paper: brand.paper, placeholder: true };
}

/**
 * The pack as the company-independent render sees it: the placeholder brand, and nothing of the
 * company's that a template could print (contacts reach a material only through its own text).
 */
export function placeholderPack(pack: ResolvedPack): ResolvedPack {
  return { ...pack, brand: placeholderBrand(pack.brand), contacts: {}, warnings: [] };
}
