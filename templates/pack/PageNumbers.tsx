// Page numbers as overlays, one transparent page per numbered page; finish lays each over its page.
// Both numberings sit where a page's footer has its number (templates/parts/PageFrame.tsx), so a page
// has one number in one place: a material's own file its folio ("Side 2 af 3", src/finish/packFolios.ts),
// the complete pack its own number, which the contents point to.
import { Document, Page, Text } from "@react-pdf/renderer";
import { FONT_FAMILY } from "../../src/fonts.js";
import { FOOTER_BOTTOM, FRAME_SIDE, footerText } from "../parts/PageFrame.js";

export interface NumberedPage {
  /** What the page is numbered: "23", or "Side 2 af 3". */
  text: string;
  width: number;
  height: number;
  /** The pack's numbers are bold, a material's folio is not. */
  bold?: boolean;
}

export function PageNumbers({ pages }: { pages: NumberedPage[] }) {
  return (
    <Document creator="workshopkit" producer="workshopkit">
      {pages.map((p, i) => (
        <Page key={i} size={[p.width, p.height]} style={{ fontFamily: FONT_FAMILY }}>
          <Text style={{ ...footerText, position: "absolute", bottom: FOOTER_BOTTOM, right: FRAME_SIDE, textAlign: "right", fontWeight: p.bold ? 700 : 400 }}>{p.text}</Text>
        </Page>
      ))}
    </Document>
  );
}
