// The facilitator's run-sheet (an agenda block) set compactly for a deck's cover: time, what, how.
import { Text, View } from "@react-pdf/renderer";
import type { RunSheet as RunSheetModel } from "../../src/cards/layout.js";
import type { Palette } from "../../src/brand/brandParts.js";
import { mm, rule, styles } from "../theme.js";

const cell = { borderBottomWidth: 0.6, borderBottomColor: rule, paddingVertical: mm(1.2), paddingRight: mm(2) } as const;
const WIDTHS = ["14%", "31%", "55%"] as const;

export function RunSheet({ runSheet, palette }: { runSheet: RunSheetModel; palette: Palette }) {
  const { agenda } = runSheet;
  return (
    <View style={{ marginTop: mm(4), fontSize: 9, lineHeight: 1.3 }}>
      <Text style={{ ...styles.h2, marginTop: 0, color: palette.ink }}>{runSheet.title}</Text>
      <View style={{ flexDirection: "row", borderBottomWidth: 1.5, borderBottomColor: palette.line }}>
        {agenda.columns.map((c, i) => (
          <Text key={i} style={{ ...cell, borderBottomWidth: 0, width: WIDTHS[i], fontWeight: 700, fontSize: 8 }}>{c}</Text>
        ))}
      </View>
      {agenda.rows.map((row, r) => (
        <View key={r} style={{ flexDirection: "row" }} wrap={false}>
          <Text style={{ ...cell, width: WIDTHS[0], fontWeight: 700 }}>{row.time}</Text>
          <Text style={{ ...cell, width: WIDTHS[1] }}>{row.what}</Text>
          <View style={{ ...cell, width: WIDTHS[2] }}>
            {row.how.map((h, i) =>
              typeof h === "string" ? (
                <Text key={i}>{h}</Text>
              ) : (
                h.list.map((item, j) => (
                  <View key={`${i}.${j}`} style={{ flexDirection: "row" }}>
                    <Text style={{ width: mm(4.5), fontWeight: h.style === "number" ? 700 : 400 }}>{h.style === "number" ? `${j + 1}.` : "•"}</Text>
                    <Text style={{ flex: 1 }}>{item}</Text>
                  </View>
                ))
              ),
            )}
          </View>
        </View>
      ))}
    </View>
  );
}
