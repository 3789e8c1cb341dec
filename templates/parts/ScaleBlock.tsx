// Statements each answered with one of a few options: a ring per option with its name printed
// under it (so grøn/gul/rød read in black and white too), and a radio group per statement.
import { Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import type { Block } from "../../src/schema/content.js";
import { slug } from "../../src/slug.js";
import { grey, mm, rule, styles } from "../theme.js";
import { fieldName, type BlockContext } from "./blockContext.js";
import { FieldMark } from "./FieldMark.js";
import { fitWords, wholeWords } from "./fitWords.js";
import { keepTogether } from "./keepTogether.js";
import { ringStyle } from "./WriteLines.js";

const OPTION_WIDTH = mm(17);

export function ScaleBlock({ block, ctx, lead }: { block: Extract<Block, { type: "scale" }>; ctx: BlockContext; lead?: ReactNode }) {
  const numbered = block.items.length > 1;
  const statement = (text: string, i: number) => (
    <View key={i} style={{ flexDirection: "row", alignItems: "center", borderBottomWidth: 0.5, borderBottomColor: rule, paddingVertical: mm(2) }}>
      {numbered && <Text style={{ width: mm(6), color: grey }}>{`${i + 1}.`}</Text>}
      <Text style={{ flex: 1, paddingRight: mm(3) }}>{text}</Text>
      {block.options.map((option) => (
        <View key={option} style={{ width: OPTION_WIDTH, alignItems: "center" }}>
          {/* The export value is the option as a plain name ("meget-uenig", "groen"): every reader decodes it alike. */}
          <FieldMark field={{ type: "radio", name: fieldName(ctx, block.id, i + 1), option: slug(option), label: text }} style={ringStyle} />
          <Text style={{ fontSize: fitWords(option, OPTION_WIDTH, 7.5, false, 6.5), lineHeight: 1.2, marginTop: mm(0.8), textAlign: "center" }} hyphenationCallback={wholeWords}>{option}</Text>
        </View>
      ))}
    </View>
  );
  // The title (and lead-in) stay with the first statements; every statement is whole on its page,
  // and none is left alone at the foot or the head of a page.
  const groups = keepTogether(block.items.length);
  return (
    <>
      {groups.map((group, g) => (
        <View key={g} wrap={false} style={{ marginTop: g === 0 ? mm(2) : 0, marginBottom: g === groups.length - 1 ? mm(3) : 0 }}>
          {g === 0 && lead}
          {g === 0 && block.title && <Text style={styles.label} hyphenationCallback={wholeWords}>{block.title}</Text>}
          {group.map((i) => statement(block.items[i]!, i))}
        </View>
      ))}
    </>
  );
}
