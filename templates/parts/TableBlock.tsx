// A table whose empty cells are room to write: ruled lines in each, and a multiline field over it.
// Its width follows the page, so a wide table is simply given a landscape page (WorksheetTemplate).
import { Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import type { Block } from "../../src/schema/content.js";
import { LINE_GAP, MARGIN, mm, rule, styles } from "../theme.js";
import { fieldName, type BlockContext } from "./blockContext.js";
import { FieldMark } from "./FieldMark.js";
import { fitWords, wholeWords } from "./fitWords.js";
import { FIELD_FONT_SIZE } from "./WriteBlock.js";
import { WriteLines } from "./WriteLines.js";

type Table = Extract<Block, { type: "table" }>;
type Row = Table["rows"][number];

const CELL_FONT_SIZE = 9.5;
/** Cells are set a little tighter than running text: a table is read across, a row at a time. */
const CELL_LEADING = 1.25;
const CELL_LINE = CELL_FONT_SIZE * CELL_LEADING;
const PAD_X = mm(1.5);
const PAD_Y = mm(1.2);
/** The narrowest text column a table gets (A4 portrait, 210 mm less the margins): estimates err on the tall side. */
const NARROWEST_WIDTH = mm(210) - 2 * MARGIN.side;
/** The narrowest landscape text column (US Letter, 279.4 mm less the margins). */
const NARROWEST_LANDSCAPE = mm(279.4) - 2 * MARGIN.side;
/** Lato's average advance is about half its size; a little more for capitals. */
const AVERAGE_ADVANCE = 0.56;

const cell = { borderRightWidth: 0.6, borderBottomWidth: 0.6, borderColor: rule } as const;

/**
 * A cell's text: a first line set apart by a line break ("GRUPPENIVEAU\nHvad kan vi …") is its heading.
 * No cell is hyphenated (an overview's "Omsorgs-/samtale" reads badly): in a narrow column the cell is
 * set a little smaller, to 7.5 pt, until its longest word fits.
 */
function CellText({ text, bold = false, width }: { text: string; bold?: boolean; width: number }) {
  const [head = "", ...rest] = text.split("\n");
  const isHead = bold || rest.length > 0;
  const room = width - 2 * PAD_X;
  const size = Math.min(fitWords(head, room, CELL_FONT_SIZE, isHead, 7.5), fitWords(rest.join(" "), room, CELL_FONT_SIZE, false, 7.5));
  return (
    <View style={{ paddingHorizontal: PAD_X, paddingVertical: PAD_Y }}>
      <Text style={{ fontSize: size, lineHeight: CELL_LEADING, fontWeight: isHead ? 700 : 400 }} hyphenationCallback={wholeWords}>{head}</Text>
      {rest.length > 0 && <Text style={{ fontSize: size, lineHeight: CELL_LEADING }} hyphenationCallback={wholeWords}>{rest.join("\n")}</Text>}
    </View>
  );
}

/** What an empty cell asks, for its tooltip: the table, the row's label and the column, as printed. */
function cellLabel(table: Table, row: Row, column: number): string {
  const rowLabel = row.find((v, i) => v !== null && i !== column);
  return [table.title, rowLabel, table.columns[column]].filter((s): s is string => Boolean(s)).map((s) => s.split("\n")[0]).join(" – ");
}

/** A generous guess at a row's height, to keep the headings with the first row (see below). */
function rowHeight(cells: Row, shares: number[], lines: number, gap = LINE_GAP): number {
  return Math.max(
    ...cells.map((value, i) => {
      if (value === null) return lines * gap;
      const width = NARROWEST_WIDTH * (shares[i] ?? 0) - 2 * PAD_X;
      const perLine = Math.max(1, Math.floor(width / (CELL_FONT_SIZE * AVERAGE_ADVANCE)));
      const textLines = value.split("\n").reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
      return textLines * CELL_LINE + 2 * PAD_Y;
    }),
  );
}

export function TableBlock({ block, ctx, lead }: { block: Table; ctx: BlockContext; lead?: ReactNode }) {
  const widths = block.widths ?? block.columns.map(() => 1);
  const total = widths.reduce((a, b) => a + b, 0);
  const shares = block.columns.map((_, i) => (widths[i] ?? 1) / total);
  const width = (i: number) => `${(shares[i] ?? 0) * 100}%`;
  const points = (i: number) => (block.landscape ? NARROWEST_LANDSCAPE : NARROWEST_WIDTH) * (shares[i] ?? 0) - 0.6;
  const firstRows = rowHeight(block.columns, shares, block.lines, ctx.lineGap) + (block.rows[0] ? rowHeight(block.rows[0], shares, block.lines, ctx.lineGap) : 0);

  const row = (values: Row, r: number) => (
    <View key={r} wrap={false} style={{ flexDirection: "row", borderLeftWidth: 0.6, borderLeftColor: rule }}>
      {block.columns.map((_, c) => {
        const value = values[c];
        return value ? (
          <View key={c} style={{ ...cell, width: width(c) }}>
            <CellText text={value} width={points(c)} />
          </View>
        ) : (
          <FieldMark key={c} field={{ type: "text", name: fieldName(ctx, block.id, `r${r + 1}`, `c${c + 1}`), multiline: true, fontSize: FIELD_FONT_SIZE, label: cellLabel(block, values, c) }} style={{ ...cell, width: width(c), paddingHorizontal: PAD_X }}>
            <WriteLines lines={block.lines} gap={ctx.lineGap} />
          </FieldMark>
        );
      })}
    </View>
  );

  // The column headings are `fixed` in the table, so react-pdf repeats them at the top of every page
  // the table runs on to. The lead-in and title ask for room for the headings and the first row
  // below them (minPresenceAhead), so that the headings never stand alone at the foot of a page.
  return (
    <>
      <View wrap={false} minPresenceAhead={firstRows + mm(2)} style={{ marginTop: mm(2) }}>
        {lead}
        {block.title && <Text style={styles.h3} hyphenationCallback={wholeWords}>{block.title}</Text>}
      </View>
      <View style={{ marginBottom: mm(2) }}>
        <View fixed style={{ flexDirection: "row", borderLeftWidth: 0.6, borderLeftColor: rule }}>
          {block.columns.map((c, i) => (
            <View key={i} style={{ ...cell, width: width(i), borderTopWidth: 2, borderTopColor: ctx.palette.line }}>
              <CellText text={c} bold width={points(i)} />
            </View>
          ))}
        </View>
        {block.rows.map((values, r) => row(values, r))}
      </View>
    </>
  );
}
