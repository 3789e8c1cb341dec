// The toolkit as a whole: its title and version, and the content it is made of.
import { z } from "zod";
import { Deck, Document, Tool } from "./content.js";

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
}
