// Lays out any list of content blocks: the generic look shared by documents and worksheets.
import { Link, Text, View } from "@react-pdf/renderer";
import type { Block, Deck, InnerBlock } from "../../src/schema/content.js";
import { grey, LINE_GAP, mm, rule, styles } from "../theme.js";
import { TickBox, WriteLines } from "./WriteLines.js";

export interface BlockContext {
  colour: string;
  decks: Deck[];
  films: Record<string, string>;
}

const cell = { borderWidth: 0.6, borderColor: rule, padding: mm(1.5) } as const;

function ListBlock({ items, style }: { items: string[]; style: "bullet" | "number" | "ellipsis" }) {
  return (
    <View style={{ marginBottom: mm(2) }}>
      {items.map((item, i) => (
        <View key={i} style={styles.listItem} wrap={false}>
          <Text style={styles.bullet}>{style === "number" ? `${i + 1}.` : style === "ellipsis" ? "…" : "•"}</Text>
          <Text style={styles.listText}>{item}</Text>
        </View>
      ))}
    </View>
  );
}

function TableBlock({ block, colour }: { block: Extract<Block, { type: "table" }>; colour: string }) {
  const widths = block.widths ?? block.columns.map(() => 1);
  const total = widths.reduce((a, b) => a + b, 0);
  const w = (i: number) => `${((widths[i] ?? 1) / total) * 100}%`;
  return (
    <View style={{ marginVertical: mm(2) }}>
      {block.title && <Text style={styles.h3}>{block.title}</Text>}
      <View style={{ flexDirection: "row" }} fixed={false} wrap={false}>
        {block.columns.map((c, i) => (
          <Text key={i} style={{ ...cell, width: w(i), fontWeight: 700, fontSize: 9.5, borderTopWidth: 2, borderTopColor: colour }}>{c}</Text>
        ))}
      </View>
      {block.rows.map((row, r) => (
        <View key={r} style={{ flexDirection: "row" }} wrap={false}>
          {block.columns.map((_, i) => {
            const value = row[i];
            return value ? (
              <Text key={i} style={{ ...cell, width: w(i), fontSize: 9.5 }}>{value}</Text>
            ) : (
              <View key={i} style={{ ...cell, width: w(i), height: block.lines * LINE_GAP }} />
            );
          })}
        </View>
      ))}
    </View>
  );
}

function DeckPreview({ deck, colour }: { deck: Deck; colour: string }) {
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

export function BlockView({ block, ctx }: { block: Block | InnerBlock; ctx: BlockContext }) {
  switch (block.type) {
    case "paragraph":
      return <Text style={styles.paragraph}>{block.text}</Text>;
    case "heading":
      return <Text style={styles.h3} minPresenceAhead={mm(20)}>{block.text}</Text>;
    case "list":
      return (
        <View>
          {block.title && <Text style={styles.label} minPresenceAhead={mm(15)}>{block.title}</Text>}
          <ListBlock items={block.items} style={block.style} />
        </View>
      );
    case "quotes":
      return (
        <View style={{ marginBottom: mm(2) }}>
          {block.title && <Text style={styles.label} minPresenceAhead={mm(15)}>{block.title}</Text>}
          {block.items.map((q, i) => (
            <Text key={i} style={{ fontStyle: "italic", marginBottom: mm(1), paddingLeft: mm(4) }}>{q}</Text>
          ))}
        </View>
      );
    case "write":
      return (
        <View wrap={false} style={{ marginVertical: mm(2) }}>
          <Text style={styles.label}>{block.label}</Text>
          <WriteLines lines={block.lines} />
        </View>
      );
    case "table":
      return <TableBlock block={block} colour={ctx.colour} />;
    case "checklist":
      return (
        <View style={{ marginVertical: mm(2) }}>
          {block.title && <Text style={styles.label} minPresenceAhead={mm(15)}>{block.title}</Text>}
          {block.items.map((item, i) => (
            <View key={i} wrap={false} style={{ flexDirection: "row", alignItems: "center", marginBottom: mm(1.5) }}>
              <TickBox />
              <Text style={{ marginLeft: mm(3), flex: 1 }}>{item}</Text>
            </View>
          ))}
        </View>
      );
    case "scale":
      return (
        <View style={{ marginVertical: mm(2) }}>
          {block.title && <Text style={styles.label} minPresenceAhead={mm(15)}>{block.title}</Text>}
          {block.items.map((item, i) => (
            <View key={i} wrap={false} style={{ flexDirection: "row", alignItems: "center", borderBottomWidth: 0.5, borderBottomColor: rule, paddingVertical: mm(1.5) }}>
              <Text style={{ flex: 1, paddingRight: mm(3) }}>{item}</Text>
              {block.options.map((o, j) => (
                <View key={j} style={{ width: mm(13), alignItems: "center" }}>
                  <TickBox />
                  <Text style={{ fontSize: 7.5, marginTop: 1 }}>{o}</Text>
                </View>
              ))}
            </View>
          ))}
        </View>
      );
    case "columns":
      return (
        <View style={{ flexDirection: "row", marginVertical: mm(2) }}>
          {block.columns.map((col, i) => (
            <View key={i} style={{ flex: 1, paddingRight: mm(3) }}>
              <Text style={{ ...styles.label, color: ctx.colour }}>{col.title}</Text>
              <ListBlock items={col.items} style="bullet" />
            </View>
          ))}
        </View>
      );
    case "film": {
      const url = ctx.films[block.id];
      return (
        <View style={{ flexDirection: "row", marginVertical: mm(1.5) }} wrap={false}>
          <Text style={{ color: ctx.colour, width: mm(5), fontWeight: 700 }}>→</Text>
          <View style={{ flex: 1 }}>
            <Text>{block.text}</Text>
            {url && <Link src={url} style={{ fontSize: 9, color: ctx.colour }}>{url}</Link>}
          </View>
        </View>
      );
    }
    case "deck": {
      const deck = ctx.decks.find((d) => d.id === block.deck);
      return deck ? <DeckPreview deck={deck} colour={ctx.colour} /> : null;
    }
    case "agenda":
      return (
        <View style={{ marginVertical: mm(2) }}>
          <View style={{ flexDirection: "row" }} wrap={false}>
            {block.columns.map((c, i) => (
              <Text key={i} style={{ ...cell, width: ["15%", "30%", "55%"][i], fontWeight: 700, borderTopWidth: 2, borderTopColor: ctx.colour }}>{c}</Text>
            ))}
          </View>
          {block.rows.map((row, r) => (
            <View key={r} style={{ flexDirection: "row" }} wrap={false}>
              <Text style={{ ...cell, width: "15%", fontWeight: 700 }}>{row.time}</Text>
              <Text style={{ ...cell, width: "30%" }}>{row.what}</Text>
              <View style={{ ...cell, width: "55%" }}>
                {row.how.map((h, i) => (typeof h === "string" ? <Text key={i}>{h}</Text> : <ListBlock key={i} items={h.list} style={h.style} />))}
              </View>
            </View>
          ))}
        </View>
      );
    case "scoring":
      return (
        <View style={{ marginVertical: mm(2) }}>
          {block.levels.map((level) => (
            <View key={level.id} wrap={false} style={{ marginBottom: mm(3) }}>
              <View style={{ flexDirection: "row" }}>
                <Text style={{ ...cell, flex: 1, fontWeight: 700, borderTopWidth: 2, borderTopColor: ctx.colour }}>{`${level.name} – ${block.statementHeader}`}</Text>
                <Text style={{ ...cell, width: mm(30), fontWeight: 700, borderTopWidth: 2, borderTopColor: ctx.colour }}>{block.scoreHeader}</Text>
              </View>
              {level.statements.map((s, i) => (
                <View key={i} style={{ flexDirection: "row" }}>
                  <Text style={{ ...cell, flex: 1 }}>{s}</Text>
                  <View style={{ ...cell, width: mm(30) }} />
                </View>
              ))}
              <View style={{ flexDirection: "row" }}>
                <Text style={{ ...cell, flex: 1, fontWeight: 700, textAlign: "right" }}>{block.totalLabel}</Text>
                <View style={{ ...cell, width: mm(30) }} />
              </View>
            </View>
          ))}
          {block.bands.map((b, i) => (
            <Text key={i}>{`Score ${b.min}–${b.max}: ${b.label}`}</Text>
          ))}
        </View>
      );
    case "box":
      return (
        <View style={{ ...styles.box, borderColor: ctx.colour }}>
          {block.title && <Text style={{ ...styles.label, color: ctx.colour }}>{block.title}</Text>}
          {block.blocks.map((b, i) => (
            <BlockView key={i} block={b} ctx={ctx} />
          ))}
        </View>
      );
  }
}

export function Blocks({ blocks, ctx }: { blocks: (Block | InnerBlock)[]; ctx: BlockContext }) {
  return (
    <>
      {blocks.map((b, i) => (
        <BlockView key={i} block={b} ctx={ctx} />
      ))}
    </>
  );
}
