// Where each part of a material starts (a step, a section): its title found in the rendered text.
// Templates print each part's title as a heading; it is found in the text the layout check read
// with pdf.js, so a bookmark lands where the reader sees the heading, however the material paginated.
import { warning, type Warning } from "../errors.js";
import type { TextLayout, TextRun } from "../render/checkLayout.js";

export interface PartStart {
  title: string;
  /** 0-based page of the material. */
  page: number;
  /** Top of the heading in PDF points from the page's bottom edge. */
  top: number;
}

/** Case, white space, soft hyphens and line-end hyphens do not count: "Step 1" finds "STEP 1", and a heading broken over lines still matches. */
const normalise = (s: string) => s.normalize("NFC").toLocaleLowerCase("da").replace(/[\s\u00ad\-‐]/g, "");

interface PageText {
  text: string;
  /** For each character of `text`, the run it came from. */
  runOf: number[];
  /** Index in `text` where each run starts. */
  starts: Set<number>;
  runs: TextRun[];
}

function pageTexts(runs: TextRun[], pageCount: number): PageText[] {
  const pages: PageText[] = Array.from({ length: pageCount }, () => ({ text: "", runOf: [], starts: new Set<number>(), runs: [] }));
  for (const run of runs) {
    const p = pages[run.page - 1]!;
    const piece = normalise(run.text);
    if (!piece) continue;
    p.starts.add(p.text.length);
    p.runs.push(run);
    p.text += piece;
    for (let i = 0; i < piece.length; i++) p.runOf.push(p.runs.length - 1);
  }
  return pages;
}

/** The first match at or after `from` (page, index) that begins a text run (a heading), else any match. */
function find(pages: PageText[], needle: string, from: { page: number; index: number }): { page: number; index: number } | undefined {
  for (const headingOnly of [true, false]) {
    for (let page = from.page; page < pages.length; page++) {
      const { text, starts } = pages[page]!;
      let index = text.indexOf(needle, page === from.page ? from.index : 0);
      while (index >= 0) {
        if (!headingOnly || starts.has(index)) return { page, index };
        index = text.indexOf(needle, index + 1);
      }
    }
  }
  return undefined;
}

/**
 * The start of every part, in order. A part that cannot be found is placed where the previous one
 * starts and reported as a warning, never dropped: the bookmark is still there, a little early.
 */
export function findPartStarts(materialId: string, layout: TextLayout, parts: string[]): { starts: PartStart[]; warnings: Warning[] } {
  const { runs, pages: sizes } = layout;
  const pages = pageTexts(runs, sizes.length);
  const starts: PartStart[] = [];
  const warnings: Warning[] = [];
  let cursor = { page: 0, index: 0 };
  let last: PartStart = { title: "", page: 0, top: sizes[0]?.height ?? 0 };
  for (const title of parts) {
    const hit = find(pages, normalise(title), cursor);
    if (!hit) {
      warnings.push(warning("pack.bookmarkNotFound", { title, material: materialId, page: last.page + 1 }, { material: materialId }));
      starts.push({ ...last, title });
      continue;
    }
    const p = pages[hit.page]!;
    const run = p.runs[p.runOf[hit.index]!]!;
    last = { title, page: hit.page, top: Math.min(run.y + run.height + 4, sizes[hit.page]!.height) };
    starts.push(last);
    cursor = { page: hit.page, index: hit.index + 1 };
  }
  return { starts, warnings };
}
