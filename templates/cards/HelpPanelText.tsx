// The text of a help card face: its title and entries as fitted (src/cards/helpCard.ts), set from the
// top of the face's text box. The back's is drawn in the material; the front's is the company's brand
// part (its contacts), drawn by templates/parts/BrandSlot.tsx in a box of the same size.
import { Text, View } from "@react-pdf/renderer";
import { TYPE } from "../../src/cards/face.js";
import { PANEL_GAP, type FittedPanel } from "../../src/cards/helpCard.js";
import { ink } from "../theme.js";

/** Text on the card is ink; only the title takes the brand colour (`titleColour`, made dark enough to read on white). */
export function HelpPanelText({ panel, titleColour }: { panel: FittedPanel; titleColour: string }) {
  const line = { fontSize: panel.size, lineHeight: TYPE.help.lineHeight, color: ink };
  return (
    <>
      {panel.title.map((l, i) => (
        <Text key={i} style={{ fontSize: panel.titleSize, lineHeight: TYPE.helpTitle.lineHeight, fontWeight: 700, color: titleColour }}>{l}</Text>
      ))}
      {panel.entries.map((e, i) => (
        <View key={i} style={{ marginTop: PANEL_GAP }}>
          {e.lines.map((l, k) => (
            <Text key={k} style={line}>
              {l.bold && <Text style={{ fontWeight: 700 }}>{l.bold}</Text>}
              {l.rest}
            </Text>
          ))}
        </View>
      ))}
    </>
  );
}
