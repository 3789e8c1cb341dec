// The pocket card "Hvor får jeg hjælp?": its resources taken from a document, and its two faces fitted.
import { WorkshopkitError } from "../errors.js";
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
  const problem = (field: string, message: string) =>
    WorkshopkitError.fromProblems("The help card names a source that does not exist:", [{ file: "content/cards/help-card.yaml", path: `resources.${field}`, message }]);
  const doc = documents.find((d) => d.id === docId);
  if (!doc) throw problem("document", `no document "${docId}" in content/documents/`);
  const section = doc.sections.find((s) => s.id === sectionId);
  if (!section) throw problem("section", `no section "${sectionId}" in content/documents/${docId}.yaml; its sections are ${doc.sections.map((s) => s.id).join(", ")}`);
  const found: Resource[] = [];
  for (const block of section.blocks) {
    if (block.type === "heading") found.push({ name: block.text });
    else if (block.type === "paragraph" && found.length > 0) {
      const address = [...block.text.matchAll(ADDRESS)].at(-1)?.[0];
      if (address) found[found.length - 1]!.address = address;
    }
  }
  if (found.length === 0) throw problem("section", `section "${sectionId}" of content/documents/${docId}.yaml has no headings to take organisations from`);
  return found;
}

export interface PanelEntry {
  label?: string;
  paragraphs: { text: string; bold: boolean }[];
}

export interface FittedPanel {
  titleSize: number;
  title: string[];
  size: number;
  entries: { label?: string; paragraphs: { lines: string[]; bold: boolean }[] }[];
}

/** Space between the title and the first entry, and between entries. */
export const PANEL_GAP = 1.6 * PT_PER_MM;
export const labelHeight = () => TYPE.helpLabel * 1.3;
/** Letter spacing of the capitals in a label, in points. */
export const LABEL_TRACKING = 0.3;

/** Sets a title and its entries in the face's text box: the largest sizes at which all of it fits. */
export function fitPanel(title: string, entries: PanelEntry[], face: Face, measure: Measure, what: string): FittedPanel {
  const width = face.text.width;
  const fail = (why: string) =>
    new WorkshopkitError(
      `The help card (${what}) does not fit a ${+(face.card.width / PT_PER_MM).toFixed(1)} × ${+(face.card.height / PT_PER_MM).toFixed(1)} mm card: ${why}.`,
      "Choose a larger --card-size, or shorten the contacts in the profile.",
    );
  let titleSize = 0;
  let titleLines: string[] | undefined;
  for (const s of sizesDown(TYPE.helpTitle.max, TYPE.helpTitle.min)) {
    titleLines = breakLines(title, width, s, true, measure, { maxLines: 2 });
    titleSize = s;
    if (titleLines?.length === 1) break;
  }
  if (!titleLines) throw fail(`the title "${title}" is too long even at ${TYPE.helpTitle.min} pt`);
  for (const e of entries) {
    // Labels are set in capitals, slightly spaced, on one line (templates/cards/HelpCardTemplate.tsx).
    if (e.label && measure(e.label.toUpperCase(), TYPE.helpLabel, true) + LABEL_TRACKING * e.label.length > width) throw fail(`the label "${e.label}" is too long`);
  }
  const titleHeight = titleLines.length * titleSize * TYPE.helpTitle.lineHeight;
  let widest = "";
  for (const size of sizesDown(TYPE.help.max, TYPE.help.min)) {
    let height = titleHeight;
    const fitted: FittedPanel["entries"] = [];
    for (const e of entries) {
      const paragraphs = e.paragraphs.map((p) => ({ lines: breakLines(p.text, width, size, p.bold, measure, { maxLines: 4 }), bold: p.bold }));
      const bad = paragraphs.find((p) => !p.lines);
      if (bad) {
        widest = e.paragraphs[paragraphs.indexOf(bad)]!.text;
        height = Infinity;
        break;
      }
      height += PANEL_GAP + (e.label ? labelHeight() : 0) + paragraphs.reduce((h, p) => h + p.lines!.length * size * TYPE.help.lineHeight, 0);
      fitted.push({ label: e.label, paragraphs: paragraphs as { lines: string[]; bold: boolean }[] });
    }
    if (height <= face.text.height) return { titleSize, title: titleLines, size, entries: fitted };
  }
  throw fail(widest ? `"${widest}" is too long even at ${TYPE.help.min} pt` : `its text is too long even at ${TYPE.help.min} pt`);
}
