// A page with the company's logo or name at the top and "Side n af m" at the foot.
import { Page, Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import { PAPER_SIZES } from "../../src/cards/impose.js";
import { linesHeight, partSpec, type PartSpec } from "../../src/brand/partKey.js";
import type { Brand } from "../../src/model.js";
import { grey, mm, styles } from "../theme.js";
import { BrandSlot } from "./BrandSlot.js";
import { wholeWords } from "./fitWords.js";

/** The logo's height in a page header. */
export const MARK_LOGO = mm(9);
/** The header's mark slot: the logo, or a name of up to two lines at 11 pt (three, smaller). */
export const MARK_HEIGHT = mm(12);

/** The header's mark: the logo, or the company name in bold ink, underlined in the brand colour. */
export function markPart(width: number, { height = MARK_HEIGHT, logo = MARK_LOGO, size = 11 }: { height?: number; logo?: number; size?: number } = {}): PartSpec {
  return partSpec("mark", width, height, { logo, size, min: 6, lineHeight: 1.35, bold: true, colour: "ink" });
}

/** The width of a page of `paper` in points, as laid out (portrait or landscape). */
export function pageWidth(paper: Brand["paper"], orientation: "portrait" | "landscape" = "portrait"): number {
  const { width, height } = PAPER_SIZES[paper];
  return orientation === "portrait" ? width : height;
}

/** The header's and footer's distance from the page's left and right edges. */
export const FRAME_SIDE = mm(18);

/** react-pdf passes totalPages to a View's render too, but its types name only pageNumber. */
type PageNumbers = { pageNumber: number; totalPages: number };
const pageOf = ({ pageNumber, totalPages }: PageNumbers) => `Side ${pageNumber} af ${totalPages}`;

const footerText = { fontSize: 8, lineHeight: 1.2, color: grey };
/** Room the footer keeps for "Side 12 af 34" beside the company name. */
const PAGE_NUMBER_ROOM = mm(30);

export function PageFrame({
  brand,
  title,
  orientation = "portrait",
  markWidth,
  children,
}: {
  brand: Brand;
  title: string;
  orientation?: "portrait" | "landscape";
  /** The widest the logo or company name may be (points): a page with something else in its header (the scoring sheet's page code) keeps clear of it. */
  markWidth?: number;
  children: ReactNode;
}) {
  const inner = pageWidth(brand.paper, orientation) - 2 * FRAME_SIDE;
  const footerName = partSpec("name", inner - PAGE_NUMBER_ROOM, linesHeight(1, footerText.fontSize, footerText.lineHeight), { size: footerText.fontSize, min: 5, lineHeight: footerText.lineHeight, colour: "grey", valign: "top" });
  return (
    <Page size={brand.paper} orientation={orientation} style={styles.page} wrap>
      {/* The mark's slot has a fixed size (the logo, or a name wrapped and shrunk to fit): the title's
          layout never depends on the company. Its top is where a 9 mm logo's top was in a 9 mm row. */}
      <View fixed style={{ position: "absolute", top: mm(8) - (MARK_HEIGHT - MARK_LOGO) / 2, left: FRAME_SIDE, right: FRAME_SIDE, flexDirection: "row", alignItems: "center" }}>
        <BrandSlot brand={brand} part={markPart(markWidth ?? 0.58 * inner)} />
        <Text style={{ flex: 1, marginLeft: mm(6), fontSize: 8, color: grey, textAlign: "right" }} hyphenationCallback={wholeWords}>{title}</Text>
      </View>
      <View fixed style={{ position: "absolute", bottom: mm(9), left: FRAME_SIDE, right: FRAME_SIDE, flexDirection: "row", justifyContent: "space-between", borderTopWidth: 0.5, borderTopColor: brand.palette.brand, paddingTop: mm(1.5) }}>
        <BrandSlot brand={brand} part={footerName} />
        {/* react-pdf 4.9 drops a render-prop Text, and the whole fixed footer with it, when it inherits a
            lineHeight (diegomura/react-pdf#3402): render a View instead, with the line height set on the Text. */}
        <View render={(page) => <Text style={footerText}>{pageOf(page as unknown as PageNumbers)}</Text>} />
      </View>
      {children}
    </Page>
  );
}
