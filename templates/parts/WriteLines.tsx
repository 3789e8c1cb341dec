// Ruled space to write by hand: lines LINE_GAP apart.
import { View } from "@react-pdf/renderer";
import { LINE_GAP, rule } from "../theme.js";

export function WriteLines({ lines }: { lines: number }) {
  return (
    <View>
      {Array.from({ length: lines }, (_, i) => (
        <View key={i} style={{ height: LINE_GAP, borderBottomWidth: 0.6, borderBottomColor: rule }} />
      ))}
    </View>
  );
}

/** An empty square to tick, drawn (not a glyph) so it prints in any font. */
export function TickBox({ size = 9 }: { size?: number }) {
  return <View style={{ width: size, height: size, borderWidth: 0.8, borderColor: "#333333" }} />;
}
