// The toolkit as a whole: its title and version, and the content it is made of.
import { z } from "zod";
import { Deck, Document, Tool } from "./content.js";
import type { PackLabels } from "./pack.js";
import type { CardTexts } from "./cards.js";

export const ToolkitInfo = z.strictObject({
  title: z.string().min(1),
  subtitle: z.string().min(1),
  /** The content's version; its date is the creation date of every PDF, so builds are reproducible. */
  version: z.string().min(1),
  date: z.iso.date(),
  publisher: z.string().min(1),
});

export type ToolkitInfo = z.infer<typeof ToolkitInfo>;

export interface Toolkit {
  info: ToolkitInfo;
  tools: z.infer<typeof Tool>[];
  decks: z.infer<typeof Deck>[];
  documents: z.infer<typeof Document>[];
  /** Labels of the complete pack and of the scoring sheet and balkort (content/pack.yaml). */
  pack: PackLabels;
  /** Print help of the card sheets and the help card's texts (content/cards/). */
  cards: CardTexts;
}
