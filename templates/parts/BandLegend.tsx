// The bands of Værktøj 1 (4–10 Lavt niveau, 11–15 Mellemniveau, 16–20 Højt niveau) as the scoring sheet
// explains them: printed on the sheet and again in the results report, so both say the same.
import { Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import type { Material } from "../../src/model.js";
import { paletteOf, type Palette } from "../../src/brand/brandParts.js";
import { mm, styles } from "../theme.js";

type ScoringMaterial = Extract<Material, { kind: "scoring" }>;

/** `palette`: the brand's colours; the results report gives its brand colour (`colour`) instead. */
export function BandLegend({ material, palette, colour, children }: { material: ScoringMaterial; palette?: Palette; colour?: string; children?: ReactNode }) {
  const { scoring, labels } = material;
  const p = palette ?? paletteOf(colour ?? "#1a1a1a");
  return (
    <View wrap={false} style={{ ...styles.box, borderColor: p.brand, paddingVertical: mm(2.5) }}>
      <Text style={{ ...styles.kicker, color: p.ink }}>{labels.bandsTitle.toUpperCase()}</Text>
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
