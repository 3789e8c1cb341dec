// The bands of Værktøj 1 (4–10 Lavt niveau, 11–15 Mellemniveau, 16–20 Højt niveau) as the scoring sheet
// explains them: printed on the sheet and again in the results report, so both say the same.
import { Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import type { Material } from "../../src/model.js";
import { brandInk } from "../../src/cards/colour.js";
import { mm, styles } from "../theme.js";

type ScoringMaterial = Extract<Material, { kind: "scoring" }>;

export function BandLegend({ material, colour, children }: { material: ScoringMaterial; colour: string; children?: ReactNode }) {
  const { scoring, labels } = material;
  return (
    <View wrap={false} style={{ ...styles.box, borderColor: colour, paddingVertical: mm(2.5) }}>
      <Text style={{ ...styles.kicker, color: brandInk(colour) }}>{labels.bandsTitle.toUpperCase()}</Text>
      <View style={{ flexDirection: "row", marginVertical: mm(1) }}>
        {scoring.bands.map((band, i) => (
          <View key={i} style={{ flex: 1, flexDirection: "row", alignItems: "baseline" }}>
            <Text style={{ fontSize: 11, fontWeight: 700, marginRight: mm(2) }}>{`${band.min}–${band.max}`}</Text>
            <Text style={{ fontSize: 10 }}>{band.label}</Text>
          </View>
        ))}
      </View>
      <Text style={{ fontSize: 9 }}>{labels.bandsNote}</Text>
      {children}
    </View>
  );
}
