// A page with the company's logo or name and the running head at the top, the company's name and the
// folio ("Side n af m") at the foot. The render every company shares (the placeholder brand) leaves the
// folio out: finish draws it over the material's own file (src/finish/packFolios.ts), so that the
// complete pack can number its pages once, with its own numbers, in the same place.
import { Page, Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import { PAPER_SIZES } from "../../src/cards/impose.js";
import { linesHeight, partSpec, type PartSpec } from "../../src/brand/partKey.js";
import type { Brand } from "../../src/model.js";
import { grey, MARGIN, mm, styles, TYPE } from "../theme.js";
import { BrandSlot } from "./BrandSlot.js";
import { fitLine, wholeWords } from "./fitWords.js";

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

/** The header's and footer's distance from the page's left and right edges: the page's margin. */
export const FRAME_SIDE = MARGIN.side;
/** The footer's text: its bottom this far above the page's bottom edge. */
export const FOOTER_BOTTOM = mm(9);
/** The mark's share of the header; the running head has the rest, on one line. */
const MARK_SHARE = 0.5;

/** react-pdf passes totalPages to a View's render too, but its types name only pageNumber. */
type PageNumbers = { pageNumber: number; totalPages: number };
const pageOf = ({ pageNumber, totalPages }: PageNumbers) => `Side ${pageNumber} af ${totalPages}`;

export const footerText = { ...TYPE.caption, color: grey };
/** Room the footer keeps for "Side 12 af 34" beside the company name. */
const PAGE_NUMBER_ROOM = mm(30);
/** The running head's gap from the mark. */
const HEAD_GAP = mm(6);

/** The footer's company name: its slot, the same on every page of one paper and orientation (src/finish/packFolios.ts finds the footed pages by it). */
export function footerNamePart(paper: Brand["paper"], orientation: "portrait" | "landscape"): PartSpec {
  const inner = pageWidth(paper, orientation) - 2 * FRAME_SIDE;
  return partSpec("name", inner - PAGE_NUMBER_ROOM, linesHeight(1, footerText.fontSize, footerText.lineHeight), { size: footerText.fontSize, min: 5, lineHeight: footerText.lineHeight, colour: "grey", valign: "top" });
}

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
  const mark = markWidth ?? MARK_SHARE * inner;
  // The running head on one line: set smaller (to 6.5 pt) where it is long, never wrapped or clipped.
  const headSize = fitLine(title, inner - mark - HEAD_GAP, TYPE.caption.fontSize, false, 6.5);
  return (
    <Page size={brand.paper} orientation={orientation} style={styles.page} wrap>
      {/* The mark's slot has a fixed size (the logo, or a name wrapped and shrunk to fit): the title's
          layout never depends on the company. Its top is where a 9 mm logo's top was in a 9 mm row. */}
      <View fixed style={{ position: "absolute", top: mm(8) - (MARK_HEIGHT - MARK_LOGO) / 2, left: FRAME_SIDE, right: FRAME_SIDE, flexDirection: "row", alignItems: "center" }}>
        <BrandSlot brand={brand} part={markPart(mark)} />
        <Text style={{ flex: 1, marginLeft: HEAD_GAP, fontSize: headSize, lineHeight: TYPE.caption.lineHeight, color: grey, textAlign: "right" }} hyphenationCallback={wholeWords}>{title}</Text>
      </View>
      <View fixed style={{ position: "absolute", bottom: FOOTER_BOTTOM, left: FRAME_SIDE, right: FRAME_SIDE, flexDirection: "row", justifyContent: "space-between", borderTopWidth: 0.5, borderTopColor: brand.palette.line, paddingTop: mm(1.5) }}>
        <BrandSlot brand={brand} part={footerNamePart(brand.paper, orientation)} />
        {/* react-pdf 4.9 drops a render-prop Text, and the whole fixed footer with it, when it inherits a
            lineHeight (diegomura/react-pdf#3402): render a View instead, with the line height set on the Text. */}
        {!brand.placeholder && <View render={(page) => <Text style={footerText}>{pageOf(page as unknown as PageNumbers)}</Text>} />}
      </View>
      {children}
    </Page>
  );
}
