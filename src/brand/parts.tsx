// The company's brand parts, drawn once per company: one react-pdf document with a page for each
// distinct part key, each page exactly its slot's size, the logo or name laid out by the very
// component a template draws in place (templates/parts/BrandSlot.tsx), so both ways look the same.
import { Document, Page, View } from "@react-pdf/renderer";
import type { Brand } from "../model.js";
import { WorkshopkitError } from "../errors.js";
import { renderStrict } from "../render/renderMaterial.js";
import { textLayoutOf } from "../render/layoutText.js";
import { BrandPart } from "../../templates/parts/BrandSlot.js";
import { FONT_FAMILY } from "../fonts.js";
import type { BrandParts } from "./brandParts.js";
import { parsePartKey, type PartSpec } from "./partKey.js";

/** The help card's front that the brand carries for a `help-front` part: resolve fitted it to a box of the part's size. */
function helpCardFrontFor(brand: Brand, part: PartSpec, key: string): NonNullable<Brand["helpCardFront"]> {
  const front = brand.helpCardFront;
  const fits = front && Math.abs(front.box.width - part.width) < 0.01 && Math.abs(front.box.height - part.height) < 0.01;
  if (!front || !fits) throw new Error(`renderBrandParts: the brand of "${brand.company}" has no help card front fitted to the part "${key}" (resolve fits it).`);
  return front;
}

/** Parts are drawn into other PDFs, never a file of their own: a fixed date keeps their bytes the same. */
const PARTS_DATE = new Date(0);

/**
 * The company's part for each key, one page each, in sorted key order. A name that does not fit
 * its slot even at its smallest size is an error naming the profile's `company` field (src/brand/fitName.ts).
 */
export async function renderBrandParts(brand: Brand, partKeys: string[]): Promise<BrandParts> {
  if (brand.placeholder) throw new Error("renderBrandParts: the placeholder brand has no parts to draw.");
  const keys = [...new Set(partKeys)].sort();
  const parts: [string, PartSpec][] = keys.map((key) => [key, parsePartKey(key)]);
  for (const [key, part] of parts) if (part.kind === "help-front") helpCardFrontFor(brand, part, key);
  const pages: Record<string, number> = {};
  keys.forEach((key, i) => (pages[key] = i));
  // No parts, no document (react-pdf makes no PDF without pages): `pdf` is then empty and never read.
  if (keys.length === 0) return { pdf: new Uint8Array(), pages };
  const pdf = await renderStrict(
    `the brand parts of "${brand.company}"`,
    <Document creator="workshopkit" producer="workshopkit" creationDate={PARTS_DATE} modificationDate={PARTS_DATE}>
      {parts.map(([key, part]) => (
        <Page key={key} size={[part.width, part.height]} style={{ fontFamily: FONT_FAMILY }}>
          <View style={{ position: "absolute", top: 0, left: 0, width: part.width, height: part.height }}>
            <BrandPart brand={brand} part={part} />
          </View>
        </Page>
      ))}
    </Document>,
  );
  checkHelpCardFront(brand, pdf, new Set(parts.flatMap(([, part], i) => (part.kind === "help-front" ? [i + 1] : []))));
  return { pdf, pages };
}

/** How far a glyph box may touch past its part's page (as checkLayout allows on a material's page). */
const SLACK = 0.5;

/**
 * The help card's front (pages `fronts`, 1-based) was fitted by font metrics in resolve; as react-pdf
 * set it, its text lies inside its box, the face's text box. checkLayout saw to this when the front
 * was drawn in the material; for a part, its page is the box, so this is the same check, closer.
 */
function checkHelpCardFront(brand: Brand, pdf: Uint8Array, fronts: Set<number>): void {
  if (fronts.size === 0) return;
  const layout = textLayoutOf(pdf);
  const outside = (layout?.runs ?? []).filter((r) => {
    if (!fronts.has(r.page)) return false;
    const p = layout!.pages[r.page - 1]!;
    return r.x < -SLACK || r.x + r.width > p.width + SLACK || r.y < -SLACK || r.y + r.height > p.height + SLACK;
  });
  if (!layout || outside.length > 0) {
    const list = outside.slice(0, 5).map((r) => `  "${r.text}"`).join("\n");
    throw new WorkshopkitError(`The help card's front for "${brand.company}" does not fit its text box as drawn:\n${list}`, "This is a fault in workshopkit; please report it with the profile you used.");
  }
}

