// Lays out a card material before rendering: the sheet, the page sequence, every card's text, and the page boxes.
import { WorkshopkitError } from "../errors.js";
import type { HelpCardText } from "../schema/cards.js";
import type { Block, Deck } from "../schema/content.js";
import { WRITE_IN } from "../resolve/placeholders.js";
import { faceOf, TYPE, type Face } from "./face.js";
import { fitDeck, type FittedDeck } from "./fitDeck.js";
import { breakLines, sizesDown, type Fitted, type Measure } from "./fitText.js";
import { dropRepeatedRole, fitPanel, type FittedPanel, type Resource } from "./helpCard.js";
import { backOf, BLEED, EDGE_CLEARANCE, grow, impose, MARK_LENGTH, MARK_OFFSET, PAPER_SIZES, PT_PER_MM, toPdfBox, type Rect, type Sheet } from "./impose.js";
import { CARD_SIDE_MM, type CardOptions, type Duplex } from "./options.js";

export type AgendaBlock = Extract<Block, { type: "agenda" }>;

/** The facilitator's run-sheet of the deck's tool, printed on the deck's cover. */
export interface RunSheet {
  title: string;
  agenda: AgendaBlock;
}

export interface Placed {
  /** Index into the faces (deck), or the copy (help card). */
  card: number;
  rect: Rect;
}

export type SheetPage =
  | { kind: "cover" }
  /** The back of the cover when printing duplex: empty, so fronts and backs stay on the same sheets. */
  | { kind: "cover-back" }
  | { kind: "fronts"; sheet: number; cards: Placed[] }
  | { kind: "backs"; sheet: number; cards: Placed[] };

interface LayoutBase {
  options: CardOptions;
  sheet: Sheet;
  face: Face;
  pages: SheetPage[];
  /** Sheets of cards (not counting the cover). */
  sheets: number;
}

export interface DeckLayout extends LayoutBase {
  fit: FittedDeck;
  /** The deck title on the back (the logo or company name above it is the brand's part: templates/cards/DeckCard.tsx). */
  back: { title: Fitted };
}

/** The front's text (title, 112, the company's contacts) is not here: it is the company's brand part (HelpCardFront). */
export interface HelpCardLayout extends LayoutBase {
  back: FittedPanel;
}

/**
 * The help card's front text as the company's contacts make it: the title, 112 and each contact,
 * fitted to the face's text box (`box`) at one size for all entries, room left for a company name
 * of two footer lines. Drawn once per company as a brand part and stamped into every copy.
 */
export interface HelpCardFront {
  box: { width: number; height: number };
  panel: FittedPanel;
}

/** Trim and bleed box of one page, in PDF points from the bottom-left. */
export interface PageBoxes {
  trim: Rect;
  bleed: Rect;
}

export interface LayoutContext {
  paper: "A4" | "LETTER";
  options: CardOptions;
  /** The company's name: the help card's footer, whose lines take room from the front's text (fitHelpCardFront). */
  company: string;
  /** The toolkit's title: the footer of the help card's back. */
  toolkitTitle?: string;
  measure: Measure;
  hyphenate?: (word: string) => string[];
}

function sheetFor(ctx: LayoutContext): Sheet {
  const page = PAPER_SIZES[ctx.paper];
  const sheet = impose(page, ctx.options.size);
  if (sheet) return sheet;
  const room = (v: number) => Math.floor((v - 2 * (MARK_OFFSET + MARK_LENGTH + EDGE_CLEARANCE)) / PT_PER_MM + 1e-6);
  const { width, height } = ctx.options.size;
  const [maxWidth, maxHeight] = [Math.min(room(page.width), CARD_SIDE_MM.max), Math.min(room(page.height), CARD_SIDE_MM.max)];
  const paper = ctx.paper === "A4" ? "A4" : "US Letter";
  throw WorkshopkitError.of("cards.tooLargeForPaper", { width, height, paper, maxWidth, maxHeight, min: CARD_SIDE_MM.min, max: CARD_SIDE_MM.max }, { file: "options", path: "cards.cardSize" });
}

/** Cover, (its empty back), then each sheet of fronts followed by its backs. */
function planPages(count: number, sheet: Sheet, duplex: Duplex, separateBacks: boolean): SheetPage[] {
  const pages: SheetPage[] = [{ kind: "cover" }];
  if (duplex !== "none") pages.push({ kind: "cover-back" });
  const perSheet = sheet.slots.length;
  for (let s = 0; s * perSheet < count; s++) {
    const cards = sheet.slots.slice(0, Math.min(perSheet, count - s * perSheet)).map((rect, i) => ({ card: s * perSheet + i, rect }));
    pages.push({ kind: "fronts", sheet: s + 1, cards });
    if (duplex !== "none") pages.push({ kind: "backs", sheet: s + 1, cards: cards.map((c) => ({ ...c, rect: backOf(c.rect, sheet.page, duplex) })) });
    else if (separateBacks) pages.push({ kind: "backs", sheet: s + 1, cards });
  }
  return pages;
}

/**
 * The sheet is not a bleed design as a whole (it has a white margin with crop marks), so the
 * material's `bleed` stays unset. Each card page instead gets TrimBox = the cut area (the outer
 * trim of the card grid) and BleedBox = that plus 3 mm where the backs' colour runs past the cut;
 * the MediaBox stays the whole paper, so a viewer or printer shows and prints the page at 100 %.
 */
function pageBoxes(pages: SheetPage[], sheet: Sheet, duplex: Duplex, colouredBacks: boolean): (PageBoxes | null)[] {
  return pages.map((p) => {
    if (p.kind === "cover" || p.kind === "cover-back") return null;
    const trim = p.kind === "backs" && duplex !== "none" ? backOf(sheet.grid, sheet.page, duplex) : sheet.grid;
    const bleed = p.kind === "backs" && colouredBacks ? grow(trim, BLEED) : trim;
    return { trim: toPdfBox(trim, sheet.page), bleed: toPdfBox(bleed, sheet.page) };
  });
}

function fitDeckTitle(deck: Deck, width: number, max: number, min: number, measure: Measure): Fitted {
  const text = deck.title;
  for (const size of sizesDown(max, min)) {
    const lines = breakLines(text, width, size, true, measure, { maxLines: 2 });
    if (lines) return { size, lines };
  }
  throw WorkshopkitError.of("cards.deckTitleTooLong", { title: deck.title, deck: deck.id, min }, { file: "options", path: "cards.cardSize" });
}

export function layoutDeck(deck: Deck, ctx: LayoutContext): { layout: DeckLayout; boxes: (PageBoxes | null)[] } {
  const sheet = sheetFor(ctx);
  const face = faceOf(sheet.card);
  const fit = fitDeck(deck, face, ctx.options.blanks, ctx.measure);
  const width = face.safe.width - 2 * 4 * PT_PER_MM;
  const back = { title: fitDeckTitle(deck, width, 12, 8, ctx.measure) };
  const pages = planPages(fit.faces.length, sheet, ctx.options.duplex, false);
  const layout = { options: ctx.options, sheet, face, pages, sheets: pages.filter((p) => p.kind === "fronts").length, fit, back };
  return { layout, boxes: pageBoxes(pages, sheet, ctx.options.duplex, true) };
}

/** The help card's front for the company: its contacts fitted to the text box; what does not fit stops the build, naming it. */
export function fitHelpCardFront(text: HelpCardText, ctx: LayoutContext, fields: (string | undefined)[] = []): HelpCardFront {
  const face = faceOf(sheetFor(ctx).card);
  // 112 first, then each contact once, its label in bold on the same line.
  // A contact the profile leaves open is a line across the card, room for a name and a phone number by
  // hand; where those lines leave the rest too little room (a long company name's second footer line,
  // say), each goes on after its label instead, when that leaves at least INLINE_WRITE_IN to write on.
  const underscores = (room: number) => "_".repeat(Math.floor(room / ctx.measure("_", TYPE.help.max, true)));
  const open = (t: string) => t.includes(WRITE_IN) && !t.split(WRITE_IN).join("").replace(/tlf\.|[\s,.:]/g, "");
  const contacts = text.contacts.map((c, i) => {
    const joined = dropRepeatedRole(c.lines.join(", "), c.label);
    return { label: c.label, joined, open: open(joined), field: fields[i] };
  });
  const fit = (inline: boolean) => {
    const entries = contacts.map(({ label, joined, open, field }) => {
      if (!open) return { label, text: joined, field };
      const after = face.text.width - 2 - ctx.measure(`${label}: `, TYPE.help.max, true);
      return { label, text: underscores(inline && after >= INLINE_WRITE_IN ? after : face.text.width - 2), field };
    });
    return fitPanel(text.title, [{ label: text.emergency }, ...entries], ctx.company, face, ctx.measure, "front");
  };
  let panel: FittedPanel;
  try {
    panel = fit(false);
  } catch (err) {
    const tooLong = err instanceof WorkshopkitError && (err.code === "helpCard.textTooLong" || err.code === "helpCard.entryTooLong");
    if (!tooLong || !contacts.some((c) => c.open)) throw err;
    panel = fit(true);
  }
  return { box: { width: face.text.width, height: face.text.height }, panel };
}

/** The shortest line to write a contact on by hand, after its label on the help card: 25 mm. */
const INLINE_WRITE_IN = 25 * PT_PER_MM;

/** The sheet, pages and back of the help card: the same for every company (its front's text is the company's part). */
export function layoutHelpCard(text: Pick<HelpCardText, "resources">, resources: Resource[], ctx: LayoutContext): { layout: HelpCardLayout; boxes: (PageBoxes | null)[] } {
  const sheet = sheetFor(ctx);
  const face = faceOf(sheet.card);
  const back = fitPanel(text.resources.title, resources.map((r) => ({ label: r.name, text: r.address })), ctx.toolkitTitle ?? "", face, ctx.measure, "back");
  // One sheet of copies, one for each person; its back holds text, so it is printed even without duplex.
  const pages = planPages(sheet.slots.length, sheet, ctx.options.duplex, true);
  const layout = { options: ctx.options, sheet, face, pages, sheets: 1, back };
  return { layout, boxes: pageBoxes(pages, sheet, ctx.options.duplex, false) };
}
