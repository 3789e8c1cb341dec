// Where a page break reads badly, judged from the printed lines as a reader sees them:
// a heading or label last on a page, one line of a paragraph or one item of a list or checklist
// left alone at the foot or the head of a page, and pages that hold only a few lines.
import type { DrawnShape } from "./drawnText.js";
import type { PageLines, TextLine } from "./textLines.js";

export interface FlowProblem {
  page: number;
  kind: "heading at the foot" | "orphan" | "widow" | "lone item at the foot" | "lone item at the head" | "nearly empty page";
  text: string;
}

/** Body text sits between the running header (top 22 mm) and the footer (bottom 20 mm). */
const TOP = 22 * (72 / 25.4) - 4;
const BOTTOM = 20 * (72 / 25.4) - 4;
/** A line that ends a sentence or a label ends its paragraph; one that does not runs on. */
const ENDS = /[.:?!)”"»…_]$/;
const ITEM = /^(?:•|…|\d{1,2}\.)\s?/;

const body = (p: PageLines) => p.lines.filter((l) => l.y0 >= TOP && l.y1 <= p.height - BOTTOM).sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);

/** Lines of one column that follow each other closely: a paragraph goes on. */
const sameBlock = (a: TextLine, b: TextLine) => Math.abs(a.x0 - b.x0) < 2 && Math.abs(a.size - b.size) < 0.1 && a.bold === b.bold && b.y0 - a.y0 < a.size * 1.45;

/** A heading or a label: a bold line of running-text size or larger, on its own (not a table's bold cell). */
const isHeading = (l: TextLine, lines: TextLine[]) => l.bold && l.size >= 10.5 && !lines.some((o) => o !== l && Math.abs(o.y0 - l.y0) < 2);

/** `shapes`: what is drawn on the pages (writing lines under a label, tick boxes before items). */
export function flowProblems(pages: PageLines[], shapes: DrawnShape[] = []): FlowProblem[] {
  const out: FlowProblem[] = [];
  // An item: a bullet or number, or a tick box or ring drawn just left of its first line.
  // A number on its own ("3.") labels a writing space, a question with its lines: not a list item.
  const isItem = (l: TextLine) =>
    (ITEM.test(l.text) && !/^\d+\.?$/.test(l.text.trim())) ||
    shapes.some((s) => s.page === l.page && s.x1 <= l.x0 + 1 && l.x0 - s.x1 < 15 && s.x1 - s.x0 < 16 && s.y1 - s.y0 < 16 && s.y1 > l.y0 && s.y0 < l.y1);
  /** Items of one list: at the same indent. */
  const items = (lines: TextLine[], like: TextLine) => lines.filter((l) => isItem(l) && Math.abs(l.x0 - like.x0) < 2);
  pages.forEach((page, i) => {
    const drawnBelow = (l: TextLine) => shapes.some((s) => s.page === page.page && s.y0 > l.y1 && s.y1 <= page.height - BOTTOM && s.y0 - l.y1 < 40 && s.x1 - s.x0 > 20);
    const lines = body(page);
    const next = pages[i + 1] ? body(pages[i + 1]!) : [];
    /** A line that reaches (nearly) the right edge of its column runs on; a short one ends its paragraph. */
    const full = (l: TextLine, among: TextLine[]) => l.x1 > Math.max(...among.filter((o) => Math.abs(o.x0 - l.x0) < 2).map((o) => o.x1)) - 45;
    if (lines.length === 0) return;
    const last = lines.at(-1)!;
    const first = lines[0]!;
    if (next.length > 0) {
      const trailing = lines.filter((l) => Math.abs(l.y0 - last.y0) < 2);
      if (trailing.length === 1 && isHeading(last, lines) && !drawnBelow(last)) out.push({ page: page.page, kind: "heading at the foot", text: last.text });
      // The first line of a paragraph alone at the foot: nothing of its block above it, and it runs on.
      const above = lines.at(-2);
      // A list item's second line hangs under its first (indented past the bullet): it ends that item, it starts nothing.
      const hangs = above !== undefined && isItem(above) && last.x0 > above.x0 + 1 && last.x0 - above.x0 < 20 && last.y0 - above.y0 < above.size * 1.6;
      if (trailing.length === 1 && !last.bold && !isItem(last) && !hangs && !ENDS.test(last.text.trim()) && full(last, lines) && (!above || !sameBlock(above, last)) && !next[0]!.bold) {
        out.push({ page: page.page, kind: "orphan", text: last.text });
      }
      // One item of a list or checklist alone at the foot, the rest of its list over the page.
      const lastItem = lines.filter(isItem).at(-1);
      const nextItem = next.find((l) => isItem(l) && lastItem && Math.abs(l.x0 - lastItem.x0) < 2);
      if (lastItem && nextItem && next.indexOf(nextItem) <= 1) {
        const here = items(lines, lastItem);
        const run = here.filter((l, k) => k === here.length - 1 || l.y0 >= here[here.length - 2]!.y0 - 1);
        const beforeRun = lines[lines.indexOf(run[0]!) - 1];
        const startsHere = run.length === 1 && here.length === 1 && beforeRun !== undefined;
        if (startsHere) out.push({ page: page.page, kind: "lone item at the foot", text: lastItem.text });
      }
    }
    const prev = i > 0 ? body(pages[i - 1]!) : [];
    if (prev.length > 0) {
      const before = prev.at(-1)!;
      // The last line of a paragraph alone at the head: the page before ends mid-sentence in the same kind of line.
      const second = lines[1];
      const alone = !second || !sameBlock(first, second);
      if (alone && !first.bold && !isItem(first) && !isItem(before) && !before.bold && !ENDS.test(before.text.trim()) && full(before, prev) && Math.abs(before.size - first.size) < 0.1 && Math.abs(before.x0 - first.x0) < 2) {
        out.push({ page: page.page, kind: "widow", text: first.text });
      }
      // One item of a list or checklist alone at the head, the rest of its list on the page before.
      const firstItem = lines.find(isItem);
      const prevItem = firstItem && prev.filter((l) => isItem(l) && Math.abs(l.x0 - firstItem.x0) < 2).at(-1);
      if (firstItem && prevItem && lines.indexOf(firstItem) === 0 && prev.indexOf(prevItem) >= prev.length - 3) {
        const here = items(lines, firstItem);
        const following = lines.find((l) => l.y0 > firstItem.y0 + 1 && l.x0 <= firstItem.x0 + 1 && !(Math.abs(l.x0 - firstItem.x0) < 2 && !isItem(l) && sameBlock(firstItem, l)));
        const ends = !following || !isItem(following) || Math.abs(following.x0 - firstItem.x0) >= 2;
        if (here.length === 1 || (ends && here.indexOf(firstItem) === 0 && (!following || following.y0 > firstItem.y0) && here.filter((l) => !following || l.y0 < following.y0).length === 1)) {
          out.push({ page: page.page, kind: "lone item at the head", text: firstItem.text });
        }
      }
    }
  });
  return out;
}

/** Pages after the first that hold less than `share` of a page's height of text. */
export function nearlyEmptyPages(pages: PageLines[], share = 0.2): FlowProblem[] {
  return pages.flatMap((page) => {
    const lines = body(page);
    if (page.page === 1 || lines.length === 0) return [];
    const used = lines.at(-1)!.y1 - lines[0]!.y0;
    return used < share * (page.height - TOP - BOTTOM) ? [{ page: page.page, kind: "nearly empty page" as const, text: lines.map((l) => l.text).join(" / ").slice(0, 120) }] : [];
  });
}

/** How far down its body a page is filled: the lowest text line or drawn shape (writing line, box, tick box) between header and footer, as a share of the body's height. */
export function pageFill(page: PageLines, shapes: DrawnShape[] = []): number {
  const bottom = page.height - BOTTOM;
  const ends = [
    ...page.lines.filter((l) => l.y0 >= TOP && l.y1 <= bottom).map((l) => l.y1),
    ...shapes.filter((s) => s.page === page.page && s.y0 >= TOP && s.y1 <= bottom).map((s) => s.y1),
  ];
  return ends.length === 0 ? 0 : Math.max(0, (Math.max(...ends) - TOP) / (bottom - TOP));
}

/** A material of more than one page whose last page is filled less than `share` (see pageFill): a few lines that spilled over. */
export function underfilledLastPage(pages: PageLines[], shapes: DrawnShape[] = [], share = 0.2): FlowProblem | undefined {
  const last = pages.at(-1);
  if (!last || pages.length < 2) return undefined;
  const fill = pageFill(last, shapes);
  if (fill >= share) return undefined;
  const text = body(last).map((l) => l.text).join(" / ").slice(0, 80);
  return { page: last.page, kind: "nearly empty page", text: `${Math.round(fill * 100)} % filled: ${text}` };
}
