// The company's brand parts, drawn once per company: one react-pdf document with a page for each
// distinct part key (after a first page that fixes the font subsets, GlyphPrimer), each page exactly its slot's size, the logo or name laid out by the very
// component a template draws in place (templates/parts/BrandSlot.tsx), so both ways look the same.
import { Document, Page, Text, View } from "@react-pdf/renderer";
import { ParseSpeeds, PDFDocument } from "pdf-lib";
import type { ReactNode } from "react";
import type { Brand } from "../model.js";
import { WorkshopkitError } from "../errors.js";
import { renderStrict } from "../render/renderMaterial.js";
import type { TextLayout } from "../render/checkLayout.js";
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
 * The first page of the parts: every text a part but the help card's front can draw (the company's
 * name, as it is and in capitals), whole and letter by letter, regular and bold. A font subset holds
 * the glyphs drawn anywhere in its document, numbered in the order they are first drawn, and a
 * material takes its parts' subsets along: with this page first, and the help card's front (other
 * text) in a document of its own, the subsets are the same whichever parts a build needs, so a
 * material's bytes never depend on which other materials were built with it (`--only`). Drawn
 * nowhere: no key names it.
 */
function GlyphPrimer({ brand }: { brand: Brand }) {
  const texts = [brand.company, brand.company.toLocaleUpperCase("da-DK")];
  const letters = [...new Set([...texts.join(""), "-"])].join(" ");
  return (
    <Page size={[2000, 2000]} wrap={false} style={{ fontFamily: FONT_FAMILY, fontSize: 4 }}>
      {[400, 700].map((fontWeight) => (
        <View key={fontWeight} style={{ width: 2000 }}>
          <Text style={{ fontWeight }}>{letters}</Text>
          {texts.map((text, i) => (
            <Text key={i} style={{ fontWeight }}>{text}</Text>
          ))}
        </View>
      ))}
    </Page>
  );
}

/**
 * The company's part for each key, one page each after the glyph primer, in sorted key order (the
 * help card's front last). A name that does not fit its slot even at its smallest size is an error naming the profile's `company` field (src/brand/fitName.ts).
 */
export async function renderBrandParts(brand: Brand, partKeys: string[]): Promise<BrandParts> {
  if (brand.placeholder) throw new Error("renderBrandParts: the placeholder brand has no parts to draw.");
  const keys = [...new Set(partKeys)].sort();
  const parts: [string, PartSpec][] = keys.map((key) => [key, parsePartKey(key)]);
  for (const [key, part] of parts) if (part.kind === "help-front") helpCardFrontFor(brand, part, key);
  // The help card's front (the contacts) apart, so that its text is in subsets of its own.
  const names = parts.filter(([, part]) => part.kind !== "help-front");
  const fronts = parts.filter(([, part]) => part.kind === "help-front");
  const pages: Record<string, number> = {};
  [...names, ...fronts].forEach(([key], i) => (pages[key] = i + 1)); // after the glyph primer
  const page = ([key, part]: [string, PartSpec]) => (
    <Page key={key} size={[part.width, part.height]} style={{ fontFamily: FONT_FAMILY }}>
      <View style={{ position: "absolute", top: 0, left: 0, width: part.width, height: part.height }}>
        <BrandPart brand={brand} part={part} />
      </View>
    </Page>
  );
  const document = (children: ReactNode) => (
    <Document creator="workshopkit" producer="workshopkit" creationDate={PARTS_DATE} modificationDate={PARTS_DATE}>
      {children}
    </Document>
  );
  const namesPdf = await renderStrict(`the brand parts of "${brand.company}"`, document([<GlyphPrimer key="primer" brand={brand} />, ...names.map(page)]));
  if (fronts.length === 0) return { pdf: namesPdf.bytes, pages };
  const frontsPdf = await renderStrict(`the help card's front for "${brand.company}"`, document(fronts.map(page)));
  checkHelpCardFront(brand, frontsPdf.layout);
  return { pdf: await appendPages(namesPdf.bytes, frontsPdf.bytes), pages };
}

/** One PDF: the pages of `b` after those of `a`, each keeping its own fonts. */
async function appendPages(a: Uint8Array, b: Uint8Array): Promise<Uint8Array> {
  const [first, second] = await Promise.all([PDFDocument.load(a, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest }), PDFDocument.load(b, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest })]);
  for (const copied of await first.copyPages(second, second.getPageIndices())) first.addPage(copied);
  return first.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity });
}

/** How far a glyph box may touch past its part's page (as checkLayout allows on a material's page). */
const SLACK = 0.5;

/**
 * The help card's front (`layout`: its parts' own document's, as react-pdf laid it out) was fitted by
 * font metrics in resolve; as react-pdf set it, its text lies inside its box, the face's text box.
 * checkLayout saw to this when the front was drawn in the material; for a part, its page is the box,
 * so this is the same check, closer.
 */
function checkHelpCardFront(brand: Brand, layout: TextLayout | undefined): void {
  const outside = (layout?.runs ?? []).filter((r) => {
    const p = layout!.pages[r.page - 1]!;
    return r.x < -SLACK || r.x + r.width > p.width + SLACK || r.y < -SLACK || r.y + r.height > p.height + SLACK;
  });
  if (!layout || outside.length > 0) {
    const list = outside.slice(0, 5).map((r) => `  "${r.text}"`).join("\n");
    throw WorkshopkitError.of("brand.helpCardFrontFault", { company: brand.company, list });
  }
}

