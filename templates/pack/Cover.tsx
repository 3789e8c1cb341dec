// The pack's cover: the company's logo and name, the toolkit's title, its version and date.
import { Image, Page, Text, View } from "@react-pdf/renderer";
import type { Brand } from "../../src/model.js";
import type { PackLabels } from "../../src/schema/pack.js";
import type { ToolkitInfo } from "../../src/schema/toolkit.js";
import { grey, mm, styles, TYPE } from "../theme.js";
import { balanced, wholeWords } from "../parts/fitWords.js";

export function Cover({ brand, toolkit, labels, date }: { brand: Brand; toolkit: ToolkitInfo; labels: PackLabels; date: string }) {
  const logo = brand.logo;
  // Up to 80 × 30 mm, in the logo's own proportions.
  const logoWidth = logo ? Math.min(mm(80), (mm(30) * logo.width) / logo.height) : 0;
  return (
    // Colour stays inside the page, never to its edge: the cover prints on any printer, without bleed.
    <Page size={brand.paper} style={{ ...styles.page, paddingTop: mm(30), paddingBottom: mm(25), paddingHorizontal: mm(25) }}>
      <View style={{ position: "absolute", top: mm(15), bottom: mm(15), left: mm(15), width: mm(4), backgroundColor: brand.palette.brand }} />
      {logo && <Image src={{ data: logo.png, format: "png" }} style={{ width: logoWidth, height: (logoWidth * logo.height) / logo.width, marginBottom: mm(8) }} />}
      <Text style={{ ...styles.kicker, color: grey }}>{labels.cover.preparedFor.toUpperCase()}</Text>
      <Text style={{ ...TYPE.heading, fontWeight: 700, marginTop: mm(1) }} hyphenationCallback={wholeWords}>{brand.company}</Text>
      <View style={{ flex: 1 }} />
      <View style={{ borderTopWidth: 2.5, borderTopColor: brand.palette.line, paddingTop: mm(6) }}>
        <Text style={{ ...TYPE.display, fontWeight: 700 }} hyphenationCallback={wholeWords}>{balanced(toolkit.title)}</Text>
        <Text style={{ ...TYPE.heading, lineHeight: 1.3, marginTop: mm(4), maxWidth: mm(140) }} hyphenationCallback={wholeWords}>{balanced(toolkit.subtitle)}</Text>
      </View>
      <View style={{ flex: 1 }} />
      <Text style={{ ...TYPE.note, color: grey }}>{`${toolkit.publisher} · ${labels.cover.version} ${toolkit.version} · ${date}`}</Text>
    </Page>
  );
}
