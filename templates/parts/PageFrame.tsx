// A page with the company's logo or name at the top and "Side n af m" at the foot.
import { Image, Page, Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import type { Brand } from "../../src/model.js";
import { grey, ink, mm, styles } from "../theme.js";
import { wholeWords } from "./fitWords.js";

export function BrandMark({ brand, height = mm(9) }: { brand: Brand; height?: number }) {
  if (brand.logo) {
    const width = Math.min((brand.logo.width / brand.logo.height) * height, mm(50));
    return <Image src={{ data: brand.logo.png, format: "png" }} style={{ width, height: (width * brand.logo.height) / brand.logo.width }} />;
  }
  // In ink, not the brand colour: a light brand colour (yellow, say) would not read on white.
  return <Text style={{ fontSize: 11, fontWeight: 700, color: ink, borderBottomWidth: 1.5, borderBottomColor: brand.colour }} hyphenationCallback={wholeWords}>{brand.company}</Text>;
}

/** The header's and footer's distance from the page's left and right edges. */
export const FRAME_SIDE = mm(18);

/** react-pdf passes totalPages to a View's render too, but its types name only pageNumber. */
type PageNumbers = { pageNumber: number; totalPages: number };
const pageOf = ({ pageNumber, totalPages }: PageNumbers) => `Side ${pageNumber} af ${totalPages}`;

const footerText = { fontSize: 8, lineHeight: 1.2, color: grey };

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
  return (
    <Page size={brand.paper} orientation={orientation} style={styles.page} wrap>
      <View fixed style={{ position: "absolute", top: mm(8), left: FRAME_SIDE, right: FRAME_SIDE, flexDirection: "row", justifyContent: "space-between", alignItems: "center" }}>
        {/* A long company name and a long title share the line: each wraps in its own part, neither runs into the other. */}
        <View style={{ maxWidth: markWidth ?? "58%" }}>
          <BrandMark brand={brand} />
        </View>
        <Text style={{ flex: 1, marginLeft: mm(6), fontSize: 8, color: grey, textAlign: "right" }} hyphenationCallback={wholeWords}>{title}</Text>
      </View>
      <View fixed style={{ position: "absolute", bottom: mm(9), left: FRAME_SIDE, right: FRAME_SIDE, flexDirection: "row", justifyContent: "space-between", borderTopWidth: 0.5, borderTopColor: brand.colour, paddingTop: mm(1.5) }}>
        <Text style={footerText}>{brand.company}</Text>
        {/* react-pdf 4.9 drops a render-prop Text, and the whole fixed footer with it, when it inherits a
            lineHeight (diegomura/react-pdf#3402): render a View instead, with the line height set on the Text. */}
        <View render={(page) => <Text style={footerText}>{pageOf(page as unknown as PageNumbers)}</Text>} />
      </View>
      {children}
    </Page>
  );
}
