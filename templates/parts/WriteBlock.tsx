// Room to write an answer: its label over ruled lines, and one multiline field over the lines.
import { Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import type { Block } from "../../src/schema/content.js";
import { mm, styles } from "../theme.js";
import { fieldName, type BlockContext } from "./blockContext.js";
import { FieldMark } from "./FieldMark.js";
import { wholeWords } from "./fitWords.js";
import { WriteLines } from "./WriteLines.js";

/** Typed answers: readable, and several lines fit where one is written by hand. */
export const FIELD_FONT_SIZE = 10;
/** 20 lines of 9 mm with a label and a lead-in still fit an A4 or Letter page. */
export const MAX_LINES_PER_PAGE = 20;

/** `lines` in pieces that each fit a page: 30 → [20, 10]. */
export function linePieces(lines: number, max = MAX_LINES_PER_PAGE): number[] {
  const pieces: number[] = [];
  for (let left = lines; left > 0; left -= max) pieces.push(Math.min(left, max));
  return pieces;
}

/**
 * The label and its lines are one unbreakable piece. A space longer than a page continues on the
 * next in pieces of its own, each a field named `<id>-2`, `<id>-3`: named by the content, not by
 * where the page happened to break.
 */
export function WriteBlock({ block, ctx, lead }: { block: Extract<Block, { type: "write" }>; ctx: BlockContext; lead?: ReactNode }) {
  const pieces = linePieces(block.lines);
  // Pieces, not a View around them: react-pdf squeezes an unbreakable first child onto a full page
  // when its breakable parent is itself a first child (a box's first block, say).
  return (
    <>
      {pieces.map((lines, i) => (
        <View key={i} wrap={false} style={{ marginTop: i === 0 ? mm(2) : 0, marginBottom: i === pieces.length - 1 ? mm(2) : 0 }}>
          {i === 0 && lead}
          {i === 0 && <Text style={styles.label} hyphenationCallback={wholeWords}>{block.label}</Text>}
          <FieldMark field={{ type: "text", name: fieldName(ctx, i === 0 ? block.id : `${block.id}-${i + 1}`), multiline: true, fontSize: FIELD_FONT_SIZE, label: block.label }}>
            <WriteLines lines={lines} gap={ctx.lineGap} />
          </FieldMark>
        </View>
      ))}
    </>
  );
}
