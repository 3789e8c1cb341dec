// Writing room that may give a little: every writing space and empty table cell one or two ruled
// lines shorter, never below a minimum, when that keeps a material from spilling a few lines onto a
// page of their own (see src/fit/fitPages.ts). Ids stay, so the form fields keep their names.
import type { Material } from "../../src/model.js";
import type { Block, InnerBlock } from "../../src/schema/content.js";

/** Never less room than this to answer a question by hand. */
export const MIN_WRITE_LINES = 3;
/** An empty table cell keeps at least two lines. */
export const MIN_CELL_LINES = 2;
/** At most this many lines are taken from any one space. */
export const MAX_GIVE = 2;

const less = (lines: number, give: number, min: number) => (lines <= min ? lines : Math.max(min, lines - give));

function giveBlock<B extends Block | InnerBlock>(block: B, give: number): B {
  switch (block.type) {
    case "write":
      return { ...block, lines: less(block.lines, give, MIN_WRITE_LINES) };
    case "table":
      return { ...block, lines: less(block.lines, give, MIN_CELL_LINES) };
    case "box":
      return { ...block, blocks: block.blocks.map((b) => giveBlock(b, give)) };
    default:
      return block;
  }
}

/** `blocks` with `give` lines fewer in each writing space, never below the minimum. */
export const giveBlocks = <B extends Block | InnerBlock>(blocks: B[], give: number): B[] => blocks.map((b) => giveBlock(b, Math.min(Math.max(give, 0), MAX_GIVE)));

/** `material` with `give` (0 to MAX_GIVE) lines fewer in each writing space that has more than the minimum. */
export function giveLines(material: Material, give: number): Material {
  const g = Math.min(Math.max(give, 0), MAX_GIVE);
  if (g === 0) return material;
  const blocks = <B extends Block>(bs: B[]) => giveBlocks(bs, g);
  switch (material.kind) {
    case "worksheet": {
      const { tool } = material;
      return { ...material, tool: { ...tool, intro: blocks(tool.intro), steps: tool.steps.map((s) => ({ ...s, blocks: blocks(s.blocks) })) } };
    }
    case "document": {
      const { document } = material;
      return { ...material, document: { ...document, sections: document.sections.map((s) => ({ ...s, blocks: blocks(s.blocks) })) } };
    }
    default:
      return material;
  }
}

/**
 * Where a worksheet's last portrait page may go when it follows a landscape table: below that table
 * on its page, or before it (the table, a reference sheet, then ends the material). See WorksheetTemplate.
 */
export type Tail = "landscape" | "before-landscape";
export type Fitted<M extends Material = Material> = M & { tail?: Tail };

/** A worksheet whose last pages follow a landscape table: they might share its page. */
export function hasLandscapeBeforeTail(material: Material): boolean {
  if (material.kind !== "worksheet") return false;
  const blocks = material.tool.steps.flatMap((s) => s.blocks);
  const last = blocks.at(-1);
  return blocks.some((b) => b.type === "table" && b.landscape) && !(last?.type === "table" && last.landscape);
}

/** Whether `material` has any room that could give. */
export const canGive = (material: Material) => JSON.stringify(giveLines(material, 1)) !== JSON.stringify(material);
