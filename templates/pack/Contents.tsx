// The pack's contents: every material with the pack page it starts on.
import { Page, Text, View } from "@react-pdf/renderer";
import type { Brand } from "../../src/model.js";
import type { PackLabels } from "../../src/schema/pack.js";
import { BrandSlot } from "../parts/BrandSlot.js";
import { FRAME_SIDE, MARK_HEIGHT, MARK_LOGO, markPart, pageWidth } from "../parts/PageFrame.js";
import { grey, mm, rule, styles } from "../theme.js";

export interface ContentsEntry {
  title: string;
  page: number;
}

/** A material printed as a file of its own, on another paper (the A3 poster). */
export interface SeparatePrint {
  title: string;
  file: string;
}

export function Contents({ brand, labels, entries, separate = [] }: { brand: Brand; labels: PackLabels; entries: ContentsEntry[]; separate?: SeparatePrint[] }) {
  return (
    <Page size={brand.paper} style={styles.page} wrap>
      <BrandSlot fixed brand={brand} part={markPart(0.58 * (pageWidth(brand.paper) - 2 * FRAME_SIDE))} style={{ position: "absolute", top: mm(8) - (MARK_HEIGHT - MARK_LOGO) / 2, left: FRAME_SIDE }} />
      <Text style={{ ...styles.h1, marginBottom: mm(6) }}>{labels.contents.title}</Text>
      <View style={{ flexDirection: "row", borderBottomWidth: 1.2, borderBottomColor: brand.palette.line, paddingBottom: mm(1) }}>
        <Text style={{ flex: 1 }} />
        <Text style={{ ...styles.small, width: mm(15), textAlign: "right" }}>{labels.contents.page}</Text>
      </View>
      {entries.map((entry, i) => (
        <View key={i} wrap={false} style={{ flexDirection: "row", alignItems: "flex-end", borderBottomWidth: 0.5, borderBottomColor: rule, paddingVertical: mm(1.6) }}>
          <Text style={{ flex: 1, fontSize: 11, paddingRight: mm(4) }}>{entry.title}</Text>
          <Text style={{ width: mm(15), fontSize: 11, fontWeight: 700, textAlign: "right", color: grey }}>{String(entry.page)}</Text>
        </View>
      ))}
      {separate.length > 0 && (
        <View wrap={false} style={{ marginTop: mm(6) }}>
          <Text style={{ ...styles.small, fontWeight: 700, marginBottom: mm(1) }}>{labels.contents.separate}</Text>
          {separate.map((print, i) => (
            <Text key={i} style={{ fontSize: 11, paddingVertical: mm(1) }}>{`${print.title} – ${print.file}`}</Text>
          ))}
        </View>
      )}
    </Page>
  );
}
