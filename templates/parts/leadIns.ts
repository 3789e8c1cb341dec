// Groups each writing space with the lead-in just before it (a heading, a question ending in a
// colon), so that a page break never separates a label from the space it asks to be filled.
import type { Block, InnerBlock } from "../../src/schema/content.js";

type AnyBlock = Block | InnerBlock;

/** A block and the lead-in blocks printed in one unbreakable piece with its first part. */
export interface Unit<B extends AnyBlock = AnyBlock> {
  block: B;
  lead: B[];
}

const WRITING_SPACE = new Set<AnyBlock["type"]>(["write", "table", "checklist", "scale", "scoring"]);
/** A paragraph longer than this is running text, not a lead-in: it may break across pages. */
const MAX_LEAD_PARAGRAPH = 320;
/** More lead-in than this is a section of its own. */
const MAX_LEAD_BLOCKS = 3;

/** Blocks that leave room to write (and carry form fields): they keep their lead-in with them. */
export function isWritingSpace(block: AnyBlock): boolean {
  return WRITING_SPACE.has(block.type);
}

function isLeadIn(block: AnyBlock, afterHeading: boolean): boolean {
  if (block.type === "heading") return true;
  if (block.type !== "paragraph" || block.text.length > MAX_LEAD_PARAGRAPH) return false;
  return afterHeading || /[:?]\s*$/.test(block.text);
}

export function withLeadIns<B extends AnyBlock>(blocks: B[]): Unit<B>[] {
  const units: Unit<B>[] = [];
  let pending: B[] = [];
  const flush = () => {
    units.push(...pending.map((b) => ({ block: b, lead: [] })));
    pending = [];
  };
  for (const block of blocks) {
    if (isLeadIn(block, pending.length > 0) && pending.length < MAX_LEAD_BLOCKS) {
      pending.push(block);
    } else if (isWritingSpace(block)) {
      units.push({ block, lead: pending });
      pending = [];
    } else {
      flush();
      // A lead-in that could not join the run starts a new one.
      if (isLeadIn(block, false)) pending.push(block);
      else units.push({ block, lead: [] });
    }
  }
  flush();
  return units;
}
