// One dialogue card, front and back, at its place on the sheet. All text comes fitted from src/cards/fitDeck.ts.
import { Text, View } from "@react-pdf/renderer";
import { partSpec, type PartSpec } from "../../src/brand/partKey.js";
import { numberBox, TYPE } from "../../src/cards/face.js";
import { behind, type Rect } from "../../src/cards/impose.js";
import type { CardFace } from "../../src/cards/fitDeck.js";
import type { DeckLayout } from "../../src/cards/layout.js";
import type { Duplex } from "../../src/cards/options.js";
import type { Brand } from "../../src/model.js";
import { grey, ink, LINE_GAP, mm, rule } from "../theme.js";
import { BrandSlot } from "../parts/BrandSlot.js";

const abs = (r: Rect) => ({ position: "absolute" as const, left: r.x, top: r.y, width: r.width, height: r.height });
/** A text box gets no height: react-pdf drops a line whose box is a hair shorter than the line. */
const at = (r: Rect) => ({ position: "absolute" as const, left: r.x, top: r.y, width: r.width });
const PROMPT_INK = "#333333";

export function CardFront({ face, layout, rect, deckTitle, colour }: { face: CardFace; layout: DeckLayout; rect: Rect; deckTitle: string; colour: string }) {
  const g = layout.face;
  const { promptSize, topicSize } = layout.fit;
  const num = numberBox(g);
  const lines = Math.max(1, Math.floor((g.text.height - mm(2)) / LINE_GAP));
  return (
    <View style={abs(rect)}>
      <View style={{ ...abs(g.accent), backgroundColor: colour }} />
      {face.blank ? (
        <View style={{ ...abs(g.text), justifyContent: "flex-end", paddingBottom: mm(1) }}>
          {Array.from({ length: lines }, (_, i) => (
            <View key={i} style={{ height: LINE_GAP, borderBottomWidth: 0.6, borderBottomColor: rule }} />
          ))}
        </View>
      ) : (
        <View style={{ ...abs(g.text), justifyContent: "center" }}>
          {face.prompt.map((l, i) => (
            <Text key={`p${i}`} style={{ fontSize: promptSize, lineHeight: TYPE.prompt.lineHeight, color: PROMPT_INK, textAlign: "center" }}>{l}</Text>
          ))}
          <View style={{ height: g.gap }} />
          {face.topic.map((l, i) => (
            <Text key={`t${i}`} style={{ fontSize: face.topicSize ?? topicSize, lineHeight: TYPE.topic.lineHeight, fontWeight: 700, color: ink, textAlign: "center" }}>{l}</Text>
          ))}
        </View>
      )}
      <Text style={{ ...at({ ...g.footer, width: g.footer.width - num.width }), fontSize: TYPE.label, lineHeight: 1.3, color: grey }}>{deckTitle}</Text>
      <Text style={{ ...at(num), fontSize: TYPE.label, lineHeight: 1.3, color: grey, textAlign: "right" }}>{String(face.number)}</Text>
    </View>
  );
}

/**
 * The logo or company name on a card's back: the logo (9 mm) on a white plate, or the name in up to
 * two lines at 13 pt (more lines, smaller, for a long name); its box never depends on the company.
 */
export function backPart(layout: DeckLayout): PartSpec {
  const { safe } = layout.face;
  return partSpec("back", safe.width - mm(8), mm(13), { logo: mm(9), size: 13, min: 6, lineHeight: 1.15, bold: true, colour: "on-brand", align: "center" });
}

/**
 * The back: brand colour (its bleed is drawn with the sheet), the logo or company name, the deck
 * title, and the card number printed exactly behind the front's number.
 */
export function CardBack({ face, layout, rect, duplex, brand }: { face: CardFace; layout: DeckLayout; rect: Rect; duplex: Exclude<Duplex, "none">; brand: Brand }) {
  const g = layout.face;
  const on = brand.palette.onBrand;
  const num = behind(numberBox(g), layout.sheet.card, duplex);
  const { title } = layout.back;
  return (
    <View style={abs(rect)}>
      <View style={{ ...abs(g.safe), alignItems: "center", justifyContent: "center" }}>
        <BrandSlot brand={brand} part={backPart(layout)} />
        <View style={{ width: mm(10), height: 1, backgroundColor: on, marginVertical: mm(2.5) }} />
        {title.lines.map((l, i) => (
          <Text key={i} style={{ fontSize: title.size, lineHeight: 1.15, fontWeight: 700, color: on, textAlign: "center" }}>{l}</Text>
        ))}
      </View>
      <Text style={{ ...at(num), fontSize: TYPE.label, lineHeight: 1.3, color: on, textAlign: duplex === "long" ? "left" : "right" }}>{String(face.number)}</Text>
    </View>
  );
}
