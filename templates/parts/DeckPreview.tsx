// A card deck shown in place, four cards to a row (the cut-out sheets are a material of their own).
import { Text, View } from "@react-pdf/renderer";
import type { Deck } from "../../src/schema/content.js";
import { grey, MARGIN, mm, TYPE } from "../theme.js";
import { fitWords, wholeWords } from "./fitWords.js";

/** A card's text width on the narrowest page (A4): a quarter of the page's width, less the gaps and padding. */
const TOPIC_WIDTH = (mm(210) - 2 * MARGIN.side) / 4 - 2 * mm(1) - 2 * mm(2) - 1.6;

export function DeckPreview({ deck, colour }: { deck: Deck; colour: string }) {
  return (
    <View style={{ flexDirection: "row", flexWrap: "wrap", marginVertical: mm(2) }}>
      {deck.cards.map((card, i) => (
        <View key={i} wrap={false} style={{ width: "25%", padding: mm(1) }}>
          <View style={{ borderWidth: 0.8, borderColor: colour, borderRadius: 3, padding: mm(2), minHeight: mm(22) }}>
            {/* The card's number on the deck name's first line, never wrapped away from it. */}
            <View style={{ flexDirection: "row", marginBottom: mm(0.5) }}>
              <Text style={{ flex: 1, fontSize: 7, lineHeight: 1.2, color: grey }} hyphenationCallback={wholeWords}>{deck.title}</Text>
              <Text style={{ flexShrink: 0, marginLeft: mm(1), fontSize: 7, lineHeight: 1.2, fontWeight: 700, color: grey }}>{String(i + 1)}</Text>
            </View>
            <Text style={{ ...TYPE.caption }}>{card.prompt}</Text>
            <Text style={{ ...TYPE.note, fontSize: fitWords(card.topic, TOPIC_WIDTH, TYPE.note.fontSize, true, 7), fontWeight: 700 }} hyphenationCallback={wholeWords}>{card.topic}</Text>
          </View>
        </View>
      ))}
    </View>
  );
}
