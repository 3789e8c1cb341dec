// The texts of the cut-out card materials (content/cards/): print help, and the pocket card "Hvor får jeg hjælp?".
import { z } from "zod";

const note = z.string().min(1).optional();
const text = z.string().min(1);
const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lower-case id like "manager-guide"');

/** How to print, cut and check a card sheet (content/cards/printing.yaml): the cover sheet of every card material. */
export const CardPrinting = z.strictObject({
  heading: text,
  /** Print at actual size: the one setting that decides whether cards come out the right size. */
  scale: text,
  /** The duplex setting to choose, for each `--duplex` mode. */
  duplex: z.strictObject({ long: text, short: text, none: text }),
  paper: text,
  /** Said beside the 100 mm calibration ruler. */
  ruler: text,
  cut: text,
  /** Printed on the back of the cover sheet, which is left empty so fronts and backs share sheets. */
  coverBack: text,
  labels: z.strictObject({
    /** "Kort" in "Kort 1–8". */
    cards: text,
    cardSize: text,
    sheets: text,
  }),
  note,
});

/** One of the company's own contacts on the help card; its lines hold placeholders like {hr}. */
export const HelpContact = z.strictObject({ label: text, lines: z.array(text).min(1), note });

/** The pocket card "Hvor får jeg hjælp?" (content/cards/help-card.yaml). */
export const HelpCardText = z.strictObject({
  title: text,
  /** First on the front, in bold: what to do in acute danger. */
  emergency: text,
  contacts: z.array(HelpContact).min(1),
  /** The organisations on the back, taken from a section of a document: each heading and the web address under it. */
  resources: z.strictObject({ title: text, document: id, section: id }),
  note,
});

export type CardPrinting = z.infer<typeof CardPrinting>;
export type HelpContact = z.infer<typeof HelpContact>;
export type HelpCardText = z.infer<typeof HelpCardText>;

export interface CardTexts {
  printing: CardPrinting;
  helpCard: HelpCardText;
}
