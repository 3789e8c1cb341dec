// Kinds of paper, each a recipe for a set of filled pages with the truth of every row: the score the
// person meant, or null where no reader may give one (a row left empty, or two marks). The tests draw
// a few pages of some kinds; the bench (bench/omr.ts) many of every kind. A set is fixed by its seed.
import type { SheetLayout } from "../../../src/results/sheetLayout.js";
import { pen, type DrawnMark, type MarkKind, type PenKind } from "./marks.js";
import { paperPage, random, type Capture, type PaperDamage } from "./page.js";

export interface TruePage {
  sheetPage: number;
  bytes: Buffer;
  /** Each row's field → the score meant ("1"…"5"), or null where the row must come out uncertain. */
  truth: Map<string, string | null>;
  marks: DrawnMark[];
  describe: string;
}

export interface FillStyle {
  pens: PenKind[];
  kinds: MarkKind[];
  /** Shares of rows answered, then changed (a box filled or scribbled out, another marked). */
  change?: number;
  /** Shares of rows left empty, or marked twice: these must be left for a person. */
  empty?: number;
  double?: number;
  /** The kinds of the new mark of a changed answer (default: every kind but fill), and how much of the pen's pressure it has (a light tick). */
  changedTo?: MarkKind[];
  lighter?: [number, number];
}

export const EVERY_KIND: MarkKind[] = ["cross", "big cross", "tick", "spilling tick", "stroke", "fill", "ring number", "ring box"];
const ANSWER_KINDS_THIN: MarkKind[] = ["cross", "big cross", "tick", "spilling tick", "stroke", "ring number", "ring box"];

/** Marks for every row of a page in the style, with the truth. */
export function fillPage(layout: SheetLayout, sheetPage: number, style: FillStyle, rnd: () => number): { marks: DrawnMark[]; truth: Map<string, string | null> } {
  const marks: DrawnMark[] = [];
  const truth = new Map<string, string | null>();
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const pagePen = pen(pick(style.pens), rnd); // one person, one pen (mostly)
  for (const row of layout.pages.get(sheetPage) ?? []) {
    const options = row.boxes.map((b) => b.option);
    const option = pick(options);
    const r = rnd();
    const kind = pick(style.kinds);
    if (r < (style.empty ?? 0)) {
      truth.set(row.field, null);
      continue;
    }
    if (r < (style.empty ?? 0) + (style.double ?? 0)) {
      const other = pick(options.filter((o) => o !== option));
      marks.push({ field: row.field, option, kind: pick(ANSWER_KINDS_THIN), pen: pagePen }, { field: row.field, option: other, kind: pick(ANSWER_KINDS_THIN), pen: pagePen });
      truth.set(row.field, null);
      continue;
    }
    if (r < (style.empty ?? 0) + (style.double ?? 0) + (style.change ?? 0)) {
      // Changed my mind: the first answer filled or scribbled out, the new one marked (often more lightly).
      const first = pick(options.filter((o) => o !== option));
      const cancelPen = rnd() < 0.8 ? pagePen : pen(pick(style.pens), rnd);
      marks.push({ field: row.field, option: first, kind: rnd() < 0.5 ? "fill" : "scribble", pen: cancelPen });
      const [lo, hi] = style.lighter ?? [0.6, 0.9];
      const newPen = style.lighter || rnd() < 0.3 ? { ...pagePen, opacity: pagePen.opacity * (lo + rnd() * (hi - lo)) } : pagePen;
      marks.push({ field: row.field, option, kind: pick(style.changedTo ?? ANSWER_KINDS_THIN), pen: newPen });
      truth.set(row.field, option);
      continue;
    }
    marks.push({ field: row.field, option, kind, pen: pagePen });
    truth.set(row.field, option);
  }
  return { marks, truth };
}

export interface PaperKind {
  name: string;
  /** The targets' groups: ballpoint, felt tip, marker, pencil, photo; others only need 0 wrong. */
  group: "ballpoint" | "felt tip" | "marker" | "pencil" | "photo" | "changed" | "damaged" | "doubt";
  style: FillStyle;
  damage: (rnd: () => number) => PaperDamage;
  capture: (rnd: () => number, i: number) => Capture;
}

const office = (rnd: () => number, i: number): Capture => ({
  kind: "scan", dpi: [150, 200, 300][i % 3]!, rotate: rnd() * 6 - 3, shift: [rnd() * 10 - 5, rnd() * 10 - 5], scale: 0.97 + rnd() * 0.06,
  upsideDown: rnd() < 0.25, colour: rnd() < 0.4, jpeg: 55 + Math.round(rnd() * 35), noise: rnd() * 10, blur: rnd() < 0.3 ? 0.3 + rnd() * 0.5 : 0,
});
const none = () => ({});
/** An office scanner as in a held-back set of real scans: 200 dpi, turned up to 2.5°, JPEG 55–75. */
const sloppy = (rnd: () => number): Capture => ({
  kind: "scan", dpi: 200, rotate: rnd() * 5 - 2.5, shift: [rnd() * 8 - 4, rnd() * 8 - 4], scale: 0.98 + rnd() * 0.04,
  upsideDown: rnd() < 0.25, colour: rnd() < 0.5, jpeg: 55 + Math.round(rnd() * 20), noise: 2 + rnd() * 6, blur: rnd() < 0.4 ? 0.3 + rnd() * 0.4 : 0,
});

export const PAPER_KINDS: PaperKind[] = [
  { name: "ballpoint, every kind of mark, office scans 150–300 dpi", group: "ballpoint", style: { pens: ["ballpoint", "thin ballpoint"], kinds: EVERY_KIND }, damage: none, capture: office },
  { name: "felt tip", group: "felt tip", style: { pens: ["felt tip"], kinds: EVERY_KIND }, damage: none, capture: office },
  { name: "marker", group: "marker", style: { pens: ["marker"], kinds: ["cross", "tick", "stroke", "fill", "dot", "ring box"] }, damage: none, capture: office },
  { name: "pencil, light and grainy", group: "pencil", style: { pens: ["pencil"], kinds: EVERY_KIND }, damage: none, capture: office },
  { name: "changed answers (filled or scribbled out, another marked)", group: "changed", style: { pens: ["ballpoint", "thin ballpoint", "pencil", "felt tip"], kinds: ANSWER_KINDS_THIN, change: 0.5 }, damage: none, capture: office },
  { name: "left empty or marked twice (must be left for a person)", group: "doubt", style: { pens: ["ballpoint", "pencil", "felt tip"], kinds: EVERY_KIND, empty: 0.2, double: 0.2 }, damage: none, capture: office },
  {
    name: "coffee stains, creases, shadows", group: "damaged", style: { pens: ["ballpoint", "pencil", "felt tip"], kinds: EVERY_KIND, change: 0.15, empty: 0.1 },
    damage: (rnd) => ({ stains: 1 + Math.floor(rnd() * 3), stainsOnBoxes: true, creases: Math.floor(rnd() * 3), shadow: rnd() < 0.4 }), capture: office,
  },
  {
    name: "copies of copies, tired toner", group: "damaged", style: { pens: ["ballpoint", "thin ballpoint", "felt tip", "pencil"], kinds: EVERY_KIND, change: 0.1 },
    damage: (rnd) => ({ toner: rnd() < 0.6 }),
    capture: (rnd, i) => ({ ...(office(rnd, i) as Extract<Capture, { kind: "scan" }>), dpi: [200, 300][i % 2]!, generations: 1 + Math.floor(rnd() * 3) }),
  },
  { name: "fax (fine mode 204 × 196 dpi, black and white)", group: "damaged", style: { pens: ["ballpoint", "felt tip", "marker"], kinds: EVERY_KIND, change: 0.1 }, damage: none, capture: (rnd) => ({ kind: "fax", fine: true, upsideDown: rnd() < 0.3 }) },
  {
    name: "A4 printed on Letter (fit to page, or at 100 %)", group: "ballpoint", style: { pens: ["ballpoint"], kinds: EVERY_KIND },
    damage: none, capture: (rnd, i) => ({ kind: "scan", dpi: 200, rotate: rnd() * 2 - 1, otherPaper: i % 2 ? "fit" : "actual", jpeg: 80 }),
  },
  {
    name: "phone photos (tilt up to 20°, uneven light, table around)", group: "photo", style: { pens: ["ballpoint", "felt tip", "pencil"], kinds: EVERY_KIND, change: 0.1 },
    damage: none, capture: (rnd) => ({ kind: "photo", tilt: rnd() * 20, turn: (rnd() - 0.5) * 16 + (rnd() < 0.15 ? 180 : 0), light: 0.2 + rnd() * 0.4, jpeg: 75 + Math.round(rnd() * 20) }),
  },
  // The kinds seen to go wrong or be left in issue #21, each made its own way.
  {
    name: "pencil, changed: filled or scribbled out, a light tick beside", group: "pencil",
    style: { pens: ["pencil"], kinds: EVERY_KIND, change: 0.6, changedTo: ["tick", "tick", "cross", "stroke"], lighter: [0.35, 0.7] }, damage: none, capture: office,
  },
  {
    name: "felt tip, rings reaching into the row above (rows between empty)", group: "felt tip",
    style: { pens: ["felt tip"], kinds: ["ring up", "ring up", "ring box", "big cross"], empty: 0.4 }, damage: none, capture: office,
  },
  {
    name: "ballpoint, ticks, crosses and rings spilling into the next box", group: "ballpoint",
    style: { pens: ["ballpoint", "thin ballpoint"], kinds: ["spilling tick", "spilling cross", "spilling ring", "big cross", "ring number"] }, damage: none, capture: office,
  },
  {
    name: "thin ballpoint, 200 dpi ±2.5°, JPEG 55–75", group: "ballpoint",
    style: { pens: ["thin ballpoint"], kinds: EVERY_KIND, change: 0.1 }, damage: none, capture: sloppy,
  },
  {
    name: "coffee stains with darker rims on the boxes, colour scans", group: "damaged",
    style: { pens: ["ballpoint", "thin ballpoint", "felt tip"], kinds: EVERY_KIND, change: 0.1, empty: 0.15 },
    damage: (rnd) => ({ stains: 2 + Math.floor(rnd() * 3), stainsOnBoxes: true }), capture: (rnd, i) => ({ ...(office(rnd, i) as Extract<Capture, { kind: "scan" }>), colour: true }),
  },
  {
    name: "faded copies (a light copier, 1–2 generations)", group: "damaged",
    style: { pens: ["ballpoint", "thin ballpoint", "felt tip", "pencil"], kinds: EVERY_KIND, change: 0.1 }, damage: none,
    capture: (rnd, i) => ({ ...(office(rnd, i) as Extract<Capture, { kind: "scan" }>), dpi: [200, 300][i % 2]!, generations: 1 + Math.floor(rnd() * 2), fade: 0.45 + rnd() * 0.3 }),
  },
];

/** `count` pages of a kind, alternating the sheet's pages; fixed by `seed`. */
export async function makePages(layout: SheetLayout, kind: PaperKind, count: number, seed: number): Promise<TruePage[]> {
  const rnd = random(seed);
  const sheetPages = [...layout.pages.keys()];
  const out: TruePage[] = [];
  for (let i = 0; i < count; i++) {
    const sheetPage = sheetPages[i % sheetPages.length]!;
    const { marks, truth } = fillPage(layout, sheetPage, kind.style, rnd);
    const damage = kind.damage(rnd);
    const capture = kind.capture(rnd, i);
    const pageSeed = Math.floor(rnd() * 2 ** 31);
    out.push({ sheetPage, bytes: await paperPage(layout, sheetPage, marks, damage, capture, pageSeed), truth, marks, describe: `${kind.name} #${i} ${JSON.stringify(capture)} ${JSON.stringify(damage)}` });
  }
  return out;
}
