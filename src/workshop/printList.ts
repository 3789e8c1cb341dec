// Pure: the print list of a workshop plan: for each file how many times to print it (the card sheets'
// instructions page only once), on what paper, on one or both sides and flipped on which edge, what to
// cut, and what goes on A3. The facts come from the material's kind and the card options; the pages,
// once built, from the files themselves.
import { impose, PAPER_SIZES } from "../cards/impose.js";
import type { CardOptions, Duplex } from "../cards/options.js";
import type { WorkshopPlan, PlannedMaterial } from "./plan.js";

export type PrintPaper = "A4" | "LETTER" | "A3";

export interface PrintRun {
  /** 1-based pages of the file; undefined: the whole file. */
  pages?: { from: number; to: number };
  times: number;
}

export interface PrintEntry {
  id: string;
  file: string;
  title: string;
  /** Copies; for the help card, cards. */
  count: number;
  unit: "copies" | "cards";
  paper: PrintPaper;
  /** Card sheets: heavy paper, so the cards stand being passed round. */
  heavy: boolean;
  /** Both sides, flipped on the long or short edge; or one side only. */
  duplex: Duplex;
  runs: PrintRun[];
  /** Card sheets: how many cards to cut, how many a sheet holds. */
  cut?: { cards: number; perSheet: number };
  /** Pages of the file, when it is built. */
  pages?: number;
  /** Sheets of paper for every copy, when the pages are known. */
  sheets?: number;
}

export interface PrintFacts {
  paper: "A4" | "LETTER";
  cards: CardOptions;
  /** Cards in each deck material (without blank cards), by material id. */
  deckCards: Record<string, number>;
  /** Pages of each built file, by material id (after the build). */
  pages?: Record<string, number>;
}

const sheetsOf = (pages: number, duplex: Duplex) => (duplex === "none" ? pages : Math.ceil(pages / 2));

/** Cards a sheet holds on this paper; 0 if the card size does not fit (the build says so). */
function cardsPerSheet(facts: PrintFacts): number {
  return impose(PAPER_SIZES[facts.paper], facts.cards.size)?.slots.length ?? 0;
}

function entryOf(m: PlannedMaterial, facts: PrintFacts): PrintEntry {
  const pages = facts.pages?.[m.id];
  const base = { id: m.id, file: `${m.id}.pdf`, title: m.title, count: m.count, unit: "copies" as const, paper: facts.paper as PrintPaper, heavy: false, pages };
  if (m.kind === "cards" || m.kind === "help-card") {
    const perSheet = cardsPerSheet(facts);
    const duplex = facts.cards.duplex;
    // Pages: the instructions (and its empty back), then each sheet of fronts and its backs.
    const lead = duplex === "none" ? 1 : 2;
    const perCardSheet = duplex === "none" && m.kind === "cards" ? 1 : 2;
    const deckCards = (facts.deckCards[m.id] ?? 0) + facts.cards.blanks;
    const cardSheets = m.kind === "cards" ? Math.ceil(deckCards / Math.max(1, perSheet)) : 1;
    const filePages = pages ?? lead + cardSheets * perCardSheet;
    // The help card's file is one sheet of copies: as many sheets as cards are wanted.
    const sets = m.kind === "help-card" ? Math.ceil(m.count / Math.max(1, perSheet)) : m.count;
    const runs: PrintRun[] = [{ times: 1 }, ...(sets > 1 ? [{ pages: { from: lead + 1, to: filePages }, times: sets - 1 }] : [])];
    const cards = m.kind === "help-card" ? sets * perSheet : sets * deckCards;
    const sheets = sheetsOf(lead, duplex) + sets * cardSheets * (duplex === "none" ? perCardSheet : 1);
    return { ...base, unit: m.kind === "help-card" ? "cards" : "copies", heavy: true, duplex, runs, cut: { cards, perSheet }, pages: filePages, sheets };
  }
  const poster = m.kind === "balkort" && m.id.endsWith("-a3");
  // A sheet to write on (the balkort) is one page: one side. Everything else is printed on both, as the pack is.
  const duplex: Duplex = m.kind === "balkort" || pages === 1 ? "none" : "long";
  return { ...base, paper: poster ? "A3" : base.paper, duplex, runs: [{ times: m.count }], sheets: pages === undefined ? undefined : m.count * sheetsOf(pages, duplex) };
}

/** The print list of a plan, in the pack's order. */
export function printList(plan: WorkshopPlan, facts: PrintFacts): PrintEntry[] {
  return plan.materials.map((m) => entryOf(m, facts));
}

/** Sheets of paper in all, by paper (plain, heavy for cards, A3), where every file's pages are known. */
export function paperTotals(entries: PrintEntry[]): { paper: PrintPaper; heavy: boolean; sheets: number }[] {
  const totals = new Map<string, { paper: PrintPaper; heavy: boolean; sheets: number }>();
  for (const e of entries) {
    if (e.sheets === undefined) continue;
    const key = `${e.paper}:${e.heavy}`;
    const t = totals.get(key) ?? { paper: e.paper, heavy: e.heavy, sheets: 0 };
    t.sheets += e.sheets;
    totals.set(key, t);
  }
  return [...totals.values()];
}
