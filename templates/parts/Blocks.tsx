// Lays out any list of content blocks: the one table from block type to component, shared by
// documents and worksheets. Writing spaces keep their lead-in with them (see leadIns.ts).
import { Text, View } from "@react-pdf/renderer";
import { Fragment, type ReactNode } from "react";
import type { Block, InnerBlock } from "../../src/schema/content.js";
import { MEASURE, mm, styles } from "../theme.js";
import { AgendaBlock } from "./AgendaBlock.js";
import type { BlockContext } from "./blockContext.js";
import { ChecklistBlock } from "./ChecklistBlock.js";
import { DeckPreview } from "./DeckPreview.js";
import { FilmBlock } from "./FilmBlock.js";
import { wholeWords } from "./fitWords.js";
import { isWritingSpace, withLeadIns, type Unit } from "./leadIns.js";
import { ListBlock } from "./ListBlock.js";
import { ScaleBlock } from "./ScaleBlock.js";
import { ScoringBlock } from "./ScoringBlock.js";
import { TableBlock } from "./TableBlock.js";
import { WriteBlock } from "./WriteBlock.js";

export type { BlockContext } from "./blockContext.js";

type AnyBlock = Block | InnerBlock;

/** A block that takes the page's width (writing space, a table, side-by-side lists); a box of text alone keeps to the measure. */
const isWide = (b: AnyBlock) => isWritingSpace(b) || b.type === "table" || b.type === "columns" || b.type === "agenda" || b.type === "deck";

/** A box of text up to this long is kept on one page. */
const SHORT_BOX = 900;
const textLength = (b: AnyBlock): number =>
  b.type === "paragraph" || b.type === "heading" ? b.text.length : b.type === "list" || b.type === "quotes" ? b.items.join(" ").length : b.type === "box" ? b.blocks.reduce((n, x) => n + textLength(x), 0) : Infinity;
const isShortBox = (b: Extract<AnyBlock, { type: "box" }>) => textLength(b) <= SHORT_BOX;

/** Columns of up to this many items (about 6 mm each) are kept on one page. */
const MAX_UNBROKEN_ITEMS = 30;

/** One block. `lead` is printed with the first unbreakable part of a writing space. */
export function BlockView({ block, ctx, lead }: { block: AnyBlock; ctx: BlockContext; lead?: ReactNode }) {
  switch (block.type) {
    case "write":
      return <WriteBlock block={block} ctx={ctx} lead={lead} />;
    case "table":
      return <TableBlock block={block} ctx={ctx} lead={lead} />;
    case "checklist":
      return <ChecklistBlock block={block} ctx={ctx} lead={lead} />;
    case "scale":
      return <ScaleBlock block={block} ctx={ctx} lead={lead} />;
    case "scoring":
      return <ScoringBlock block={block} ctx={ctx} lead={lead} />;
    case "paragraph":
      return <Text style={{ ...styles.paragraph, ...styles.prose }}>{block.text}</Text>;
    case "heading":
      return <Text style={styles.h3} minPresenceAhead={mm(20)} hyphenationCallback={wholeWords}>{block.text}</Text>;
    // Fragments, not Views: a breakable View whose first child cannot break is squeezed onto a
    // full page by react-pdf when it is itself a first child (see WriteBlock).
    case "list":
      return (
        <>
          <ListBlock
            items={block.items}
            style={block.style}
            lead={(lead || block.title) && <>{lead}{block.title && <Text style={styles.label} hyphenationCallback={wholeWords}>{block.title}</Text>}</>}
          />
        </>
      );
    case "quotes":
      return (
        <>
          {block.title && <Text style={styles.label} minPresenceAhead={mm(15)} hyphenationCallback={wholeWords}>{block.title}</Text>}
          {block.items.map((q, i) => (
            <Text key={i} style={{ ...styles.prose, fontStyle: "italic", marginBottom: i === block.items.length - 1 ? mm(3) : mm(1), paddingLeft: mm(4) }}>{q}</Text>
          ))}
        </>
      );
    case "columns":
      // Side-by-side lists read as one figure: kept whole unless longer than a page could hold.
      return (
        <View wrap={Math.max(...block.columns.map((c) => c.items.length)) > MAX_UNBROKEN_ITEMS} style={{ flexDirection: "row", marginVertical: mm(2) }}>
          {block.columns.map((col, i) => (
            <View key={i} style={{ flex: 1, paddingRight: mm(3) }}>
              <Text style={{ ...styles.label, color: ctx.palette.ink }} hyphenationCallback={wholeWords}>{col.title}</Text>
              <ListBlock items={col.items} style="bullet" />
            </View>
          ))}
        </View>
      );
    case "film":
      return <FilmBlock block={block} url={ctx.films[block.id]} colour={ctx.palette.ink} />;
    case "deck": {
      const deck = ctx.decks.find((d) => d.id === block.deck);
      if (!deck) throw new Error(`Deck "${block.deck}" is not among the decks of this material.`);
      return <DeckPreview deck={deck} colour={ctx.palette.line} />;
    }
    case "agenda":
      return <AgendaBlock block={block} colour={ctx.palette.line} />;
    case "box": {
      const wide = block.blocks.some(isWide);
      const whole = isShortBox(block);
      const frame = (
        <View
          wrap={!whole}
          // A box that runs over has no bottom padding: the page break never leaves an empty strip of frame overleaf.
          style={{ ...styles.box, borderColor: ctx.palette.line, ...(whole ? {} : { paddingBottom: 0 }), ...(wide ? {} : { maxWidth: MEASURE + 2 * Number(styles.box.padding) + 2 * Number(styles.box.borderWidth) }) }}
        >
          <Blocks blocks={block.blocks} ctx={ctx} lead={block.title && <Text style={{ ...styles.label, color: ctx.palette.ink }} hyphenationCallback={wholeWords}>{block.title}</Text>} />
        </View>
      );
      // A short box of text is one piece, with what leads it; a longer one asks for room below its
      // start (the empty View): it never starts as an empty frame at the foot of a page.
      if (whole) return lead ? <View wrap={false}>{lead}{frame}</View> : frame;
      return (
        <>
          {lead}
          <View minPresenceAhead={mm(30)} />
          {frame}
        </>
      );
    }
  }
}

/** Room a heading and its short lead paragraph ask for below them: the first lines of what follows. */
const FOLLOWED_BY = mm(15);
/** …and more where a box or a writing space follows, which needs that much to start on a page (see the box). */
const FOLLOWED_BY_FRAME = mm(32);

/** A paragraph up to this long goes to the next page with a heading before it rather than leave the heading alone. */
const SHORT_PARAGRAPH = 700;

/**
 * A block with its lead-in; `lead` (a step heading, say) goes before the unit's own lead-in.
 * A heading or label never ends a page: the lead goes in one unbreakable piece with the first part
 * of what it leads (a writing space's first piece, a list's first items, a short paragraph).
 * react-pdf's minPresenceAhead alone is not enough: it does nothing for a first child of a View.
 */
export function BlockUnit({ unit, ctx, lead, next }: { unit: Unit; ctx: BlockContext; lead?: ReactNode; next?: AnyBlock }) {
  const leads = unit.lead.map((b, i) => <BlockView key={i} block={b} ctx={ctx} />);
  const all = lead || leads.length > 0 ? <>{lead}{leads}</> : undefined;
  const block = unit.block;
  if (isWritingSpace(block) || (all && (block.type === "list" || block.type === "box"))) return <BlockView block={block} ctx={ctx} lead={all} />;
  if (all && block.type === "paragraph" && block.text.length <= SHORT_PARAGRAPH) {
    // A heading and its lead line never stand alone at the foot of a page, with what they lead overleaf.
    return (
      <View wrap={false} minPresenceAhead={next && (next.type === "box" || isWritingSpace(next)) ? FOLLOWED_BY_FRAME : FOLLOWED_BY}>
        {all}
        <BlockView block={block} ctx={ctx} />
      </View>
    );
  }
  return (
    <>
      {all}
      <BlockView block={block} ctx={ctx} />
    </>
  );
}

/** A heading block leads the unit after it (see BlockUnit): `lead` first, then the headings before a unit. */
export function Blocks({ blocks, ctx, lead }: { blocks: AnyBlock[]; ctx: BlockContext; lead?: ReactNode }) {
  const units = withLeadIns(blocks);
  if (units.length === 0) return <>{lead}</>;
  const out: ReactNode[] = [];
  let pending: ReactNode[] = lead ? [<Fragment key="lead">{lead}</Fragment>] : [];
  units.forEach((unit, i) => {
    if (unit.block.type === "heading" && unit.lead.length === 0 && i < units.length - 1) {
      pending.push(<BlockView key={`h${i}`} block={unit.block} ctx={ctx} />);
      return;
    }
    out.push(<BlockUnit key={i} unit={unit} ctx={ctx} lead={pending.length > 0 ? <>{pending}</> : undefined} next={units[i + 1]?.block} />);
    pending = [];
  });
  return <>{out}</>;
}
