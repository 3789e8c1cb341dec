// The content's blocks as Word paragraphs and tables, in the styles of styles.ts: the one table from
// block type to Word, as templates/parts/Blocks.tsx is for the PDFs.
import { BorderStyle, convertMillimetersToTwip, HeightRule, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type ParagraphChild } from "docx";
import type { Palette } from "../brand/brandParts.js";
import type { Block, InnerBlock } from "../schema/content.js";
import { borders, hex, LISTS, NO_BORDER, RULE } from "./styles.js";
import { segments, writeInText } from "./writeIns.js";

type AnyBlock = Block | InnerBlock;
export type WordBlock = Paragraph | Table;

export interface WordContext {
  palette: Palette;
  /** The text column's width, in twips. */
  width: number;
  /** A new numbered list each time: its paragraphs count from 1. */
  nextList: () => number;
}

/** The PDFs' ruled lines are 9 mm apart: a space to write on is as tall. */
const LINE_GAP = convertMillimetersToTwip(9);

type RunStyle = { bold?: boolean; color?: string };

/** A field the profile leaves open: highlighted, and saying what belongs there. */
const writeIn = (field: string, style: RunStyle = {}) => new TextRun({ ...style, text: writeInText(field), highlight: "yellow" });

/** A string's runs: its text and its write-ins, line breaks kept. */
export function runs(text: string, style: RunStyle = {}): ParagraphChild[] {
  return segments(text).flatMap((s) =>
    "writeIn" in s ? [writeIn(s.writeIn, style)] : s.text.split("\n").map((line, i) => new TextRun({ ...style, text: line, break: i > 0 ? 1 : undefined })),
  );
}

const para = (text: string, style?: string, run: RunStyle = {}) => new Paragraph({ style, children: runs(text, run) });

/** Room below a table: Word sets none, the PDFs 2 mm. */
const gap = () => new Paragraph({ spacing: { before: 0, after: 0, line: 120, lineRule: "exact" }, children: [] });

function list(items: string[], style: "bullet" | "number" | "ellipsis" | "checklist", ctx: WordContext): Paragraph[] {
  const instance = style === "number" ? ctx.nextList() : undefined;
  return items.map(
    (item, i) =>
      new Paragraph({
        style: style === "number" ? "ListNumber" : "ListBullet",
        numbering: { reference: LISTS[style], level: 0, ...(instance ? { instance } : {}) },
        spacing: i === items.length - 1 ? { after: convertMillimetersToTwip(2) } : undefined,
        children: runs(item),
      }),
  );
}

/** One cell the width of the column: a box, or a space to write on. */
function frame(children: WordBlock[], ctx: WordContext, options: { colour: string; size: number; padding: number; height?: number }): Table {
  const pad = convertMillimetersToTwip(options.padding);
  return new Table({
    style: "TableGrid",
    width: { size: ctx.width, type: WidthType.DXA },
    columnWidths: [ctx.width],
    borders: borders({ style: BorderStyle.SINGLE, size: options.size, color: options.colour }),
    rows: [
      new TableRow({
        cantSplit: options.height !== undefined && options.height <= 10 * LINE_GAP,
        height: options.height ? { value: options.height, rule: HeightRule.ATLEAST } : undefined,
        children: [new TableCell({ children: children.length > 0 ? children : [new Paragraph({})], margins: { top: pad, bottom: pad, left: pad, right: pad } })],
      }),
    ],
  });
}

function table(block: Extract<AnyBlock, { type: "table" }>, ctx: WordContext): WordBlock[] {
  const weights = block.widths ?? block.columns.map(() => 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((ctx.width * w) / total));
  const row = (cells: (string | null)[], header = false) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      height: !header && cells.some((c) => c === null) ? { value: block.lines * convertMillimetersToTwip(6), rule: HeightRule.ATLEAST } : undefined,
      children: cells.map((c, i) => new TableCell({ width: { size: widths[i]!, type: WidthType.DXA }, children: [new Paragraph({ children: c === null ? [] : runs(c, { bold: header }) })] })),
    });
  return [
    ...(block.title ? [para(block.title, "Label")] : []),
    new Table({ style: "TableGrid", width: { size: ctx.width, type: WidthType.DXA }, columnWidths: widths, rows: [row(block.columns, true), ...block.rows.map((r) => row(r))] }),
    gap(),
  ];
}

export function wordBlock(block: AnyBlock, ctx: WordContext): WordBlock[] {
  switch (block.type) {
    case "paragraph":
      return [para(block.text)];
    case "heading":
      return [para(block.text, "Heading2")];
    case "list":
      return [...(block.title ? [para(block.title, "Label")] : []), ...list(block.items, block.style, ctx)];
    case "checklist":
      return [...(block.title ? [para(block.title, "Label")] : []), ...list(block.items, "checklist", ctx)];
    case "quotes":
      return [...(block.title ? [para(block.title, "Label")] : []), ...block.items.map((q) => para(q, "Quote"))];
    case "write":
      // The label, and a frame as tall as the PDF's lines to type (or write) the answer in.
      return [para(block.label, "Label"), frame([], ctx, { colour: RULE, size: 4, padding: 1.5, height: block.lines * LINE_GAP }), gap()];
    case "box":
      return [
        frame([...(block.title ? [para(block.title, "Heading3")] : []), ...wordBlocks(block.blocks, { ...ctx, width: ctx.width - 2 * convertMillimetersToTwip(4) })], ctx, { colour: hex(ctx.palette.brand), size: 8, padding: 4 }),
        gap(),
      ];
    case "table":
      return table(block, ctx);
    case "columns": {
      const width = Math.floor(ctx.width / block.columns.length);
      const cells = block.columns.map(
        (col) => new TableCell({ width: { size: width, type: WidthType.DXA }, children: [para(col.title, "Label", { color: hex(ctx.palette.ink) }), ...list(col.items, "bullet", ctx)] }),
      );
      return [new Table({ width: { size: ctx.width, type: WidthType.DXA }, columnWidths: cells.map(() => width), borders: borders(NO_BORDER), rows: [new TableRow({ children: cells })] }), gap()];
    }
    case "film":
      return [para(block.text), ...(block.addressLabel ? [new Paragraph({ children: [...runs(`${block.addressLabel} `), writeIn(`films.${block.id}`)] })] : [])];
    case "scale":
    case "scoring":
    case "deck":
    case "agenda":
      throw new Error(`A "${block.type}" block cannot be written to a Word file: only documents' running text is (src/docx/blocks.ts).`);
  }
}

export function wordBlocks(blocks: AnyBlock[], ctx: WordContext): WordBlock[] {
  return blocks.flatMap((b) => wordBlock(b, ctx));
}
