// The pocket card "Hvor får jeg hjælp?": its resources taken from a document, and its two faces fitted.
import { problem, WorkshopkitError, type Where } from "../errors.js";
import type { ParamsOf } from "../problems/en.js";
import type { Document } from "../schema/content.js";
import type { HelpCardText } from "../schema/cards.js";
import { TYPE, type Face } from "./face.js";
import { breakLines, sizesDown, type Measure } from "./fitText.js";
import { PT_PER_MM } from "./impose.js";

/** An organisation to turn to, as a heading of the document names it, and its web address. */
export interface Resource {
  name: string;
  address?: string;
}

const ADDRESS = /(?:https?:\/\/)?(?:[a-z0-9-]+\.)+(?:dk|com|org|net|eu)(?:\/[^\s)]*[^\s).,])?/gi;

/**
 * Each heading of the section starts a resource; the last web address in the paragraphs under it
 * ("Læs mere om Cabi på: www.cabiweb.dk") is its address.
 */
export function resourcesOf(documents: Document[], text: HelpCardText): Resource[] {
  const { document: docId, section: sectionId } = text.resources;
  const missing = (field: string, found: ReturnType<typeof problem>) => WorkshopkitError.listing("helpCard.missingSource", {}, [{ ...found, file: "content/cards/help-card.yaml", path: `resources.${field}` }]);
  const at = { file: "content/cards/help-card.yaml" };
  const doc = documents.find((d) => d.id === docId);
  if (!doc) throw missing("document", problem("helpCard.noDocument", { document: docId }, at));
  const section = doc.sections.find((s) => s.id === sectionId);
  if (!section) throw missing("section", problem("helpCard.noSection", { section: sectionId, document: docId, sections: doc.sections.map((s) => s.id).join(", ") }, at));
  const found: Resource[] = [];
  for (const block of section.blocks) {
    if (block.type === "heading") found.push({ name: block.text });
    else if (block.type === "paragraph" && found.length > 0) {
      const address = [...block.text.matchAll(ADDRESS)].at(-1)?.[0];
      if (address) found[found.length - 1]!.address = address;
    }
  }
  if (found.length === 0) throw missing("section", problem("helpCard.noHeadings", { section: sectionId, document: docId }, at));
  return found;
}

/**
 * One entry of a face: a bold label and, after a colon on the same line, its text ("HR: Mette
 * Holm, tlf. …"); without text, the label alone in bold ("Ring 112 ved akut fare").
 */
export interface PanelEntry {
  label: string;
  text?: string;
  /** The profile's field the text comes from (`contacts.hr`), named when it does not fit. */
  field?: string;
}

/** A line of an entry: its bold part (the label, or what of it falls on this line) and the rest. */
export interface PanelLine {
  bold: string;
  rest: string;
}

export interface FittedPanel {
  titleSize: number;
  title: string[];
  size: number;
  entries: { lines: PanelLine[] }[];
  /** The footer's lines (one, or two for a long company name), at TYPE.helpLabel. */
  footer: string[];
}

/** Height of a footer line of the help card. */
export const FOOTER_LINE = TYPE.helpLabel * 1.2;

/** Space between the title and the first entry, and between entries. */
export const PANEL_GAP = 1 * PT_PER_MM;

/**
 * A contact's name that repeats the role its label already gives, "Jonas Kragh
 * (arbejdsmiljørepræsentant)" under "Arbejdsmiljørepræsentant (AMR)", is printed once: the
 * parenthesis goes.
 */
export function dropRepeatedRole(text: string, label: string): string {
  const known = label.toLowerCase();
  return text.replace(/\s*\(([^()]+)\)/g, (whole, inner: string) => (known.includes(inner.trim().toLowerCase()) ? "" : whole));
}

/**
 * An entry as one line of text, and how many of its first words are the bold label. The parts of
 * the text between commas ("Mette Holm", "tlf. 86 12 34 50") are kept whole on a line where one
 * fits the line, so a line breaks after a comma rather than inside a name.
 */
function entryText(e: PanelEntry, fitsALine: (part: string) => boolean): { text: string; boldWords: number } {
  const head = e.text ? `${e.label}:` : e.label;
  const text = e.text
    ?.split(", ")
    .map((part) => (fitsALine(part) ? part.replace(/ /g, "\u00A0") : part))
    .join(", ");
  return { text: text ? `${head} ${text}` : head, boldWords: head.split(" ").filter(Boolean).length };
}

function splitBold(lines: string[], boldWords: number): PanelLine[] {
  let left = boldWords;
  return lines.map((line) => {
    const words = line.split(" ");
    const n = Math.min(left, words.length);
    left -= n;
    const bold = words.slice(0, n).join(" ");
    const rest = words.slice(n).join(" ");
    return { bold, rest: bold && rest ? ` ${rest}` : rest };
  });
}

/**
 * Sets a title and its entries in the face's text box: the largest sizes at which all of it fits,
 * the body never below TYPE.help.min. What does not fit stops the build, naming it.
 */
export function fitPanel(title: string, entries: PanelEntry[], footerText: string, face: Face, measure: Measure, what: "front" | "back"): FittedPanel {
  const width = face.text.width;
  const card = { face: what, width: +(face.card.width / PT_PER_MM).toFixed(1), height: +(face.card.height / PT_PER_MM).toFixed(1) };
  // What does not fit names its field: a contact's, the company's (the front's footer), or else the card size.
  const content = { file: "content/cards/help-card.yaml" };
  const fail = <C extends "helpCard.titleTooLong" | "helpCard.footerTooLong" | "helpCard.entryTooLong" | "helpCard.textTooLong">(code: C, params: Omit<ParamsOf<C>, keyof typeof card>, at: Where) =>
    WorkshopkitError.of(code, { ...card, ...params } as unknown as ParamsOf<C>, at.path ? { file: "profile", ...at } : { ...content, ...at });
  const fieldOf = (i: number): Where => (entries[i]?.field ? { path: entries[i]!.field } : { path: "cards.cardSize" });
  const titles: { size: number; lines: string[] }[] = [];
  for (const s of sizesDown(TYPE.helpTitle.max, TYPE.helpTitle.min)) {
    const lines = breakLines(title, width, s, true, measure, { maxLines: 2 });
    if (lines) titles.push({ size: s, lines });
  }
  if (titles.length === 0) throw fail("helpCard.titleTooLong", { title, min: TYPE.helpTitle.min }, { path: "cards.cardSize" });
  const footer = breakLines(footerText, face.footer.width, TYPE.helpLabel, false, measure, { maxLines: 2 });
  if (!footer) throw fail("helpCard.footerTooLong", { footer: footerText, size: TYPE.helpLabel }, { path: what === "front" ? "company" : "cards.cardSize" });
  // A second footer line takes its room from the text box.
  const room = face.text.height - (footer.length - 1) * FOOTER_LINE;
  // A title on one line first; then the body as large as it goes; the title shrinks only if that is what it takes.
  titles.sort((a, b) => a.lines.length - b.lines.length || b.size - a.size);
  // Measured at the largest size: a part kept whole then fits at every size tried.
  const texts = entries.map((e) => entryText(e, (part) => measure(part, TYPE.help.max, true) <= width - 2));
  let tallest = -1;
  for (const size of sizesDown(TYPE.help.max, TYPE.help.min)) {
    // Measured bold throughout: bold is the wider cut, so a line never runs over once its label is set bold.
    const broken = texts.map((t) => breakLines(t.text, width, size, true, measure, { maxLines: 4 }));
    const bad = broken.findIndex((b) => !b);
    if (bad >= 0) {
      tallest = bad;
      continue;
    }
    const body = broken.reduce((h, b) => h + PANEL_GAP + b!.length * size * TYPE.help.lineHeight, 0);
    for (const t of titles) {
      if (t.lines.length * t.size * TYPE.helpTitle.lineHeight + body <= room) {
        return { titleSize: t.size, title: t.lines, size, entries: broken.map((b, i) => ({ lines: splitBold(b!, texts[i]!.boldWords) })), footer };
      }
    }
  }
  if (tallest >= 0) throw fail("helpCard.entryTooLong", { entry: texts[tallest]!.text.replace(/\u00A0/g, " "), min: TYPE.help.min }, fieldOf(tallest));
  // Name the entry that takes the most lines: that is the one to shorten.
  const lines = texts.map((t) => breakLines(t.text, width, TYPE.help.min, true, measure, { maxLines: 4 })?.length ?? 4);
  const longest = lines.indexOf(Math.max(...lines));
  throw fail("helpCard.textTooLong", { longest: texts[longest]!.text.replace(/\u00A0/g, " "), min: TYPE.help.min }, fieldOf(longest));
}
