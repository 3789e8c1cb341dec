// A card deck shown in place, four cards to a row (the cut-out sheets are a material of their own).
import { Text, View } from "@react-pdf/renderer";
import type { Deck } from "../../src/schema/content.js";
import { grey, mm } from "../theme.js";

export function DeckPreview({ deck, colour }: { deck: Deck; colour: string }) {
  return (
    <View style={{ flexDirection: "row", flexWrap: "wrap", marginVertical: mm(2) }}>
      {deck.cards.map((card, i) => (
        <View key={i} wrap={false} style={{ width: "25%", padding: mm(1) }}>
          <View style={{ borderWidth: 0.8, borderColor: colour, borderRadius: 3, padding: mm(2), minHeight: mm(22) }}>
            <Text style={{ fontSize: 7, color: grey }}>{`${deck.title} · ${i + 1}`}</Text>
            <Text style={{ fontSize: 8 }}>{card.prompt}</Text>
            <Text style={{ fontSize: 9.5, fontWeight: 700 }}>{card.topic}</Text>
          </View>
        </View>
      ))}
    </View>
  );
}
