// Items to tick: a drawn box per item, and a checkbox field over it.
import { Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import type { Block } from "../../src/schema/content.js";
import { mm, styles } from "../theme.js";
import { fieldName, type BlockContext } from "./blockContext.js";
import { FieldMark } from "./FieldMark.js";
import { wholeWords } from "./fitWords.js";
import { keepTogether } from "./keepTogether.js";
import { tickBoxStyle } from "./WriteLines.js";

export function ChecklistBlock({ block, ctx, lead }: { block: Extract<Block, { type: "checklist" }>; ctx: BlockContext; lead?: ReactNode }) {
  const last = block.items.length - 1;
  const item = (text: string, i: number) => (
    <View style={{ flexDirection: "row", marginBottom: i === last ? mm(3) : mm(1.8) }}>
      {/* Nudged down to sit on the first line of the item's text. */}
      <FieldMark field={{ type: "checkbox", name: fieldName(ctx, block.id, i + 1), label: block.title ? `${block.title}: ${text}` : text }} style={{ ...tickBoxStyle, marginTop: 0.8 }} />
      <Text style={{ marginLeft: mm(3), flex: 1 }}>{text}</Text>
    </View>
  );
  // The title (and lead-in) stay with the first items; every item is whole on its page, and none is
  // left alone at the foot or the head of a page.
  return (
    <>
      {keepTogether(block.items.length).map((group, g) => (
        <View key={g} wrap={false} style={g === 0 ? { marginTop: mm(2) } : {}}>
          {g === 0 && lead}
          {g === 0 && block.title && <Text style={styles.label} hyphenationCallback={wholeWords}>{block.title}</Text>}
          {group.map((i) => <View key={i}>{item(block.items[i]!, i)}</View>)}
        </View>
      ))}
    </>
  );
}
