// The resolved document model: what templates are given. Plain data, no I/O, no placeholders left.
import type { Block, Deck, Document, Step, Tool } from "./schema/content.js";
import type { PackLabels } from "./schema/pack.js";
import type { ToolkitInfo } from "./schema/toolkit.js";
import type { Profile } from "./schema/profile.js";
import type { Warning } from "./errors.js";
import type { CardPrinting, HelpCardText } from "./schema/cards.js";
import type { DeckLayout, HelpCardFront, HelpCardLayout, PageBoxes, RunSheet } from "./cards/layout.js";
import type { Resource } from "./cards/helpCard.js";
import type { Palette } from "./brand/brandParts.js";

export interface Brand {
  company: string;
  /** Brand colour, "#RRGGBB". */
  colour: string;
  /** What templates draw in: the brand colour, its readable shade for text on white, and text on it (paletteOf). */
  palette: Palette;
  /** The logo as an 8-bit sRGB PNG, or undefined to print the company name instead. */
  logo?: { png: Buffer; width: number; height: number };
  paper: "A4" | "LETTER";
  /** The help card's front text (title, 112, the company's contacts), fitted by resolve: a brand part (src/brand/parts.tsx). */
  helpCardFront?: HelpCardFront;
  /** The company-independent render: placeholder colours, and empty slots where the logo or name goes (src/brand/placeholder.ts). */
  placeholder?: true;
}

interface MaterialBase {
  /** Stable id, also the file name: `v04` → `v04.pdf`. */
  id: string;
  /** Title as printed (Danish). */
  title: string;
  /** Bookmark titles of the parts inside, for the pack's outline (e.g. each step). */
  parts: string[];
  /** Trim and bleed box of each page where it differs from the page (an imposed card sheet); null: the page itself. */
  boxes?: (PageBoxes | null)[];
}

export type Material =
  | (MaterialBase & { kind: "document"; document: Document })
  | (MaterialBase & { kind: "worksheet"; tool: Tool; decks: Deck[] })
  /** Værktøj 1's maturity scoring sheet, to fill in around a table (radio fields added in finish). */
  | (MaterialBase & { kind: "scoring"; tool: Tool; scoring: Extract<Block, { type: "scoring" }>; labels: PackLabels["scoring"] })
  /** Værktøj 11's balkort as a sheet of its own: on the profile's paper, or as an A3 poster for the wall. */
  | (MaterialBase & { kind: "balkort"; tool: Tool; step: Step; poster: boolean })
  /** A deck's cut-out card sheets, with the tool's run-sheet (if it has one) on the cover. */
  | (MaterialBase & { kind: "cards"; cardDeck: Deck; tool: { number: number; title: string }; runSheet?: RunSheet; printing: CardPrinting; layout: DeckLayout })
  /** The pocket card "Hvor får jeg hjælp?": where else to turn. The company's contacts on its front are the brand's (Brand.helpCardFront). */
  | (MaterialBase & { kind: "help-card"; helpCard: Omit<HelpCardText, "contacts">; resources: Resource[]; printing: CardPrinting; layout: HelpCardLayout });

/** A material as listMaterials gives it: card sheets have no layout until their text is filled in. */
export type ListedMaterial = Material extends infer M ? (M extends { layout: unknown } ? Omit<M, "layout"> : M) : never;

export type MaterialKind = Material["kind"];

export interface ResolvedPack {
  toolkit: ToolkitInfo;
  brand: Brand;
  contacts: Profile["contacts"];
  films: Record<string, string>;
  materials: Material[];
  warnings: Warning[];
}
