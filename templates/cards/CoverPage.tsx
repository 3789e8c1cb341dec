// The first sheet of a card material: what it is, the run-sheet if the tool has one, and how to print and cut.
import { Page, Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import type { Palette } from "../../src/brand/brandParts.js";
import { linesHeight, partSpec, type PartSpec } from "../../src/brand/partKey.js";
import type { Duplex } from "../../src/cards/options.js";
import type { Brand } from "../../src/model.js";
import type { CardPrinting } from "../../src/schema/cards.js";
import { BrandSlot } from "../parts/BrandSlot.js";
import { MARK_HEIGHT, MARK_LOGO } from "../parts/PageFrame.js";
import { grey, mm, styles } from "../theme.js";
import { Ruler } from "./Ruler.js";

export interface CoverFacts {
  /** "Kort 1–24", "Kortstørrelse 90 × 60 mm", "Ark 3" */
  facts: string[];
  duplex: Duplex;
}

function PrintHelp({ printing, duplex, facts, palette }: { printing: CardPrinting; palette: Palette } & CoverFacts) {
  const steps = [printing.scale, printing.duplex[duplex], printing.paper, printing.cut];
  return (
    <View wrap={false} style={{ ...styles.box, borderColor: palette.line, marginTop: mm(5), fontSize: 10, lineHeight: 1.35 }}>
      <Text style={{ ...styles.h3, marginTop: 0, color: palette.ink }}>{printing.heading}</Text>
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

const COVER_SIDE = mm(18);

/** The company's name as a cover's kicker: in capitals, bold, in the brand's ink, on one line (smaller if need be). */
export function companyKicker(page: { width: number }): PartSpec {
  const { fontSize, fontWeight } = styles.kicker;
  const lineHeight = styles.page.lineHeight;
  return partSpec("name", page.width - 2 * COVER_SIDE, linesHeight(1, fontSize, lineHeight), { size: fontSize, min: 5, lineHeight, bold: fontWeight === 700, colour: "brand-ink", valign: "top", upper: true });
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
  after,
}: {
  brand: Brand;
  page: { width: number; height: number };
  /** A line above the title: text, or a BrandSlot (the company's name, see companyKicker). */
  kicker: ReactNode;
  title: string;
  subtitle?: string;
  printing: CardPrinting;
  cover: CoverFacts;
  children?: ReactNode;
  /** Below the printing help (the help card's front and back at their size). */
  after?: ReactNode;
}) {
  // One page: the card pages that follow must keep their place (fronts odd, backs even). Should
  // the content ever run over, finishPdf finds more pages than page boxes and the build stops.
  // The header is one slot across the page: the logo with the name beside it, or the name as the mark.
  const header = partSpec("cover", page.width - 2 * COVER_SIDE, MARK_HEIGHT, { logo: MARK_LOGO, size: 11, min: 6, lineHeight: 1.35, bold: true, colour: "ink" });
  return (
    <Page size={[page.width, page.height]} style={{ ...styles.page, lineHeight: undefined }}>
      <BrandSlot brand={brand} part={header} style={{ position: "absolute", top: mm(8) - (MARK_HEIGHT - MARK_LOGO) / 2, left: COVER_SIDE }} />
      <View style={{ lineHeight: styles.page.lineHeight }}>
        {typeof kicker === "string" ? <Text style={{ ...styles.kicker, color: brand.palette.ink }}>{kicker}</Text> : kicker}
        <Text style={styles.h1}>{title}</Text>
        {subtitle && <Text style={{ fontSize: 11, color: grey }}>{subtitle}</Text>}
        {children}
        <PrintHelp printing={printing} palette={brand.palette} {...cover} />
        {after}
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
