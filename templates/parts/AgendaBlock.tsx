// The numbered run-sheet of Værktøj 2: time, what, how.
import { Text, View } from "@react-pdf/renderer";
import type { Block } from "../../src/schema/content.js";
import { mm, rule } from "../theme.js";
import { wholeWords } from "./fitWords.js";
import { ListBlock } from "./ListBlock.js";

type Agenda = Extract<Block, { type: "agenda" }>;

const cell = { borderWidth: 0.6, borderColor: rule, padding: mm(1.5) } as const;
const WIDTHS = ["15%", "30%", "55%"];

function Row({ row }: { row: Agenda["rows"][number] }) {
  return (
    <View style={{ flexDirection: "row" }}>
      <Text style={{ ...cell, width: WIDTHS[0], fontWeight: 700 }} hyphenationCallback={wholeWords}>{row.time}</Text>
      <Text style={{ ...cell, width: WIDTHS[1] }}>{row.what}</Text>
      <View style={{ ...cell, width: WIDTHS[2] }}>
        {row.how.map((h, i) => (typeof h === "string" ? <Text key={i}>{h}</Text> : <ListBlock key={i} items={h.list} style={h.style} />))}
      </View>
    </View>
  );
}

export function AgendaBlock({ block, colour }: { block: Agenda; colour: string }) {
  const [first, ...rest] = block.rows;
  return (
    <>
      {/* The column headings never stand alone at the foot of a page. */}
      <View wrap={false} style={{ marginTop: mm(2) }}>
        <View style={{ flexDirection: "row" }}>
          {block.columns.map((c, i) => (
            <Text key={i} style={{ ...cell, width: WIDTHS[i], fontWeight: 700, borderTopWidth: 2, borderTopColor: colour }} hyphenationCallback={wholeWords}>{c}</Text>
          ))}
        </View>
        {first && <Row row={first} />}
      </View>
      {rest.map((row, r) => (
        <View key={r} wrap={false} style={r === rest.length - 1 ? { marginBottom: mm(2) } : {}}>
          <Row row={row} />
        </View>
      ))}
    </>
  );
}
