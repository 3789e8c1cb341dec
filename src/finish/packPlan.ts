// Where each material goes in the complete pack, for a print shop that prints it duplex.
//
// Every material starts on a right-hand (odd) page, so each is its own sheets: a card sheet's
// front and its back land on one sheet, and a worksheet can be taken out and handed round.
// Where a material ends on a right-hand page, the back of that sheet is left blank (counted in
// the page numbers, with no number printed on it, as books do). A material on another paper size
// than the profile's (the A3 poster) is not in the pack: it is a print job of its own.

export interface PaperSize {
  width: number;
  height: number;
}

export interface PackPlan {
  /** 0-based pack page where each material of the pack starts, in order. */
  firstPages: number[];
  /** 0-based pack pages left blank: the backs of sheets where the next material starts. */
  blanks: number[];
  /** Pages of the whole pack. */
  pages: number;
}

/** Rounding of PDF page sizes: half a point. */
const SLACK = 0.5;

/** Whether a page is of the given paper, in either orientation. */
export function onPaper(page: PaperSize, paper: PaperSize): boolean {
  const [a, b] = [page.width, page.height].sort((x, y) => x - y) as [number, number];
  const [c, d] = [paper.width, paper.height].sort((x, y) => x - y) as [number, number];
  return Math.abs(a - c) <= SLACK && Math.abs(b - d) <= SLACK;
}

/** Pages of the front (cover, contents) and of each material in → where each starts and which pages stay blank. */
export function planPack(frontPages: number, materialPages: number[]): PackPlan {
  const blanks: number[] = [];
  const firstPages: number[] = [];
  let next = frontPages;
  for (const pages of materialPages) {
    // 0-based even = 1-based odd = a right-hand page.
    if (next % 2 === 1) blanks.push(next++);
    firstPages.push(next);
    next += pages;
  }
  return { firstPages, blanks, pages: next };
}
