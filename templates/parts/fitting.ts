// How a material may be laid out tighter when its last page would hold only a little (tried by
// src/fit/fitPages.ts, and kept only when it saves that page): ruled writing lines 8.6 or 8.2 mm apart
// instead of 9 — the source's number of lines, and never less than 8 mm a line, a pen's room — and a
// worksheet's last portrait page below, or before, the landscape table in front of it; at last, table
// cells a ruled line fewer.
import type { Material } from "../../src/model.js";
import type { Block, InnerBlock } from "../../src/schema/content.js";
import { LINE_GAP, MIN_LINE_GAP, mm, styles } from "../theme.js";

/** Where a worksheet's last portrait page may go when it follows a landscape table (see WorksheetTemplate). */
export type Tail = "landscape" | "before-landscape";

export interface Fit {
  /** Spacing of the ruled lines (LINE_GAP when not given). */
  lineGap?: number;
  tail?: Tail;
}

export type Fitted<M extends Material = Material> = M & Fit;

/** Tighter rulings to try, least change first. */
export const TIGHTER_GAPS = [mm(8.6), MIN_LINE_GAP];

const allBlocks = (material: Material): (Block | InnerBlock)[] => {
  const top: Block[] =
    material.kind === "worksheet" ? [...material.tool.intro, ...material.tool.steps.flatMap((s) => s.blocks)] : material.kind === "document" ? material.document.sections.flatMap((s) => s.blocks) : [];
  return top.flatMap((b): (Block | InnerBlock)[] => (b.type === "box" ? [b, ...b.blocks] : [b]));
};

/** A worksheet or document with ruled writing lines (a writing space, a table's empty cells). */
export const hasRuledLines = (material: Material) => allBlocks(material).some((b) => b.type === "write" || (b.type === "table" && b.rows.some((r) => r.includes(null))));

/** An empty table cell keeps at least this many lines (see fewerCellLines). */
export const MIN_CELL_LINES = 2;

const lessInCells = <B extends Block | InnerBlock>(b: B): B =>
  b.type === "table" ? { ...b, lines: Math.max(Math.min(b.lines, MIN_CELL_LINES), b.lines - 1) } : b.type === "box" ? { ...b, blocks: b.blocks.map(lessInCells) } : b;

/**
 * The last resort: every table's empty cells one ruled line fewer, never below MIN_CELL_LINES (a cell
 * is a note, not an answer; writing spaces keep every line the source asks for). Ids stay: the form
 * fields keep their names.
 */
export function fewerCellLines<M extends Material>(material: M): M {
  if (material.kind === "worksheet") {
    const { tool } = material;
    return { ...material, tool: { ...tool, intro: tool.intro.map(lessInCells), steps: tool.steps.map((s) => ({ ...s, blocks: s.blocks.map(lessInCells) })) } };
  }
  if (material.kind === "document") {
    const { document } = material;
    return { ...material, document: { ...document, sections: document.sections.map((s) => ({ ...s, blocks: s.blocks.map(lessInCells) })) } };
  }
  return material;
}

/** A worksheet whose last pages follow a landscape table: they might share its page, or go before it. */
export function hasLandscapeBeforeTail(material: Material): boolean {
  if (material.kind !== "worksheet") return false;
  const blocks = material.tool.steps.flatMap((s) => s.blocks);
  const last = blocks.at(-1);
  return blocks.some((b) => b.type === "table" && b.landscape) && !(last?.type === "table" && last.landscape);
}

/**
 * The height of every ruled writing line of the material: a writing space's lines, and an empty table
 * cell's lines in each row that has one (such a row is at least that high). A variant can free at most
 * the difference from the material as first laid out: a row's height is the tallest of its cells, so it
 * shrinks by no more than its ruled cell does.
 */
export function ruledHeight(material: Fitted): number {
  const gap = material.lineGap ?? LINE_GAP;
  return allBlocks(material).reduce((sum, b) => {
    if (b.type === "write") return sum + b.lines * gap;
    if (b.type === "table") return sum + b.rows.filter((r) => r.includes(null)).length * b.lines * gap;
    return sum;
  }, 0);
}

const num = (v: unknown) => (typeof v === "number" ? v : 0);
const margin = (style: object, side: "Top" | "Bottom") => num((style as Record<string, unknown>)[`margin${side}`]);

/**
 * The most height one page break can give back: react-pdf drops the margin, padding and border on
 * both sides of a node it splits (a box, and a paragraph or heading inside it).
 */
export const BREAK_TRIM = (() => {
  const { box, h2, h3, paragraph, label } = styles;
  const boxEdges = 2 * (num(box.marginVertical) + num(box.padding) + num(box.borderWidth));
  const text = Math.max(...[h2, h3, paragraph, label].map((t) => margin(t, "Top") + margin(t, "Bottom")), mm(3));
  return boxEdges + text;
})();

/** The lines of the tables' column headings, which react-pdf repeats at the top of every page a table runs on to. */
export const columnHeadingLines = (material: Material): string[] =>
  allBlocks(material).flatMap((b) => (b.type === "table" ? b.columns.flatMap((c) => c.split("\n")) : []));

/** The labels of the writing spaces: their ruled lines are as high on a wide page as on a narrow one. */
export const writeLabels = (material: Material): Set<string> => new Set(allBlocks(material).flatMap((b) => (b.type === "write" ? [b.label] : [])));
