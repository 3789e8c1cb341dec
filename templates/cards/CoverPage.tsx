// The first sheet of a card material: what it is, the run-sheet if the tool has one, and how to print and cut.
import { Page, Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import { textColourOnWhite } from "../../src/cards/colour.js";
import type { Duplex } from "../../src/cards/options.js";
import type { Brand } from "../../src/model.js";
import type { CardPrinting } from "../../src/schema/cards.js";
import { BrandMark } from "../parts/PageFrame.js";
import { grey, mm, styles } from "../theme.js";
import { Ruler } from "./Ruler.js";

export interface CoverFacts {
  /** "Kort 1–24", "Kortstørrelse 90 × 60 mm", "Ark 3" */
  facts: string[];
  duplex: Duplex;
}

function PrintHelp({ printing, duplex, facts, colour }: { printing: CardPrinting; colour: string } & CoverFacts) {
  const steps = [printing.scale, printing.duplex[duplex], printing.paper, printing.cut];
  return (
    <View wrap={false} style={{ ...styles.box, borderColor: colour, marginTop: mm(5), fontSize: 10, lineHeight: 1.35 }}>
      <Text style={{ ...styles.h3, marginTop: 0, color: textColourOnWhite(colour) }}>{printing.heading}</Text>
      <Text style={{ ...styles.small, marginBottom: mm(2) }}>{facts.join("   ·   ")}</Text>
      {steps.map((s, i) => (
        <View key={i} style={styles.listItem}>
          <Text style={{ ...styles.bullet, fontWeight: 700 }}>{`${i + 1}.`}</Text>
          <Text style={styles.listText}>{s}</Text>
        </View>
      ))}
      <Ruler caption={printing.ruler} />
    </View>
  );
}

export function CoverPage({
  brand,
  page,
  kicker,
  title,
  subtitle,
  printing,
  cover,
  children,
}: {
  brand: Brand;
  page: { width: number; height: number };
  kicker: string;
  title: string;
  subtitle?: string;
  printing: CardPrinting;
  cover: CoverFacts;
  children?: ReactNode;
}) {
  // One page: the card pages that follow must keep their place (fronts odd, backs even). Should
  // the content ever run over, finishPdf finds more pages than page boxes and the build stops.
  return (
    <Page size={[page.width, page.height]} style={{ ...styles.page, lineHeight: undefined }}>
      <View style={{ position: "absolute", top: mm(8), left: mm(18), right: mm(18), flexDirection: "row", justifyContent: "space-between", alignItems: "center" }}>
        {/* Without a logo the mark is the company name itself: printed once, wrapping when long. */}
        <View style={{ flexShrink: 1 }}>
          <BrandMark brand={brand} />
        </View>
        {brand.logo && <Text style={{ flexShrink: 1, marginLeft: mm(8), fontSize: 8, color: grey, textAlign: "right" }}>{brand.company}</Text>}
      </View>
      <View style={{ lineHeight: styles.page.lineHeight }}>
        <Text style={{ ...styles.kicker, color: textColourOnWhite(brand.colour) }}>{kicker}</Text>
        <Text style={styles.h1}>{title}</Text>
        {subtitle && <Text style={{ fontSize: 11, color: grey }}>{subtitle}</Text>}
        {children}
        <PrintHelp printing={printing} colour={brand.colour} {...cover} />
      </View>
    </Page>
  );
}

/** The back of the cover when printing duplex: empty on purpose, and says so. */
export function CoverBack({ page, text }: { page: { width: number; height: number }; text: string }) {
  return (
    <Page size={[page.width, page.height]} style={{ fontFamily: styles.page.fontFamily }}>
      <View style={{ position: "absolute", left: mm(18), right: mm(18), top: page.height / 2 - mm(5) }}>
        <Text style={{ fontSize: 9, color: grey, textAlign: "center" }}>{text}</Text>
      </View>
    </Page>
  );
}
