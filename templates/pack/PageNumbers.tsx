// The pack's page numbers, one transparent page per numbered page of the pack; finish lays each
// over its page. The materials number their own pages ("Side 2 af 3"); these count the whole pack,
// so the contents can point to them on paper.
import { Document, Page, Text } from "@react-pdf/renderer";
import { FONT_FAMILY } from "../../src/fonts.js";
import { grey, mm } from "../theme.js";

export interface NumberedPage {
  number: number;
  width: number;
  height: number;
}

export function PageNumbers({ pages }: { pages: NumberedPage[] }) {
  return (
    <Document creator="workshopkit" producer="workshopkit">
      {pages.map((p) => (
        <Page key={p.number} size={[p.width, p.height]} style={{ fontFamily: FONT_FAMILY }}>
          <Text style={{ position: "absolute", bottom: mm(4.5), left: 0, right: 0, textAlign: "center", fontSize: 8, fontWeight: 700, color: grey }}>{String(p.number)}</Text>
        </Page>
      ))}
    </Document>
  );
}
