// The resolved document model: what templates are given. Plain data, no I/O, no placeholders left.
import type { Deck, Document, Tool } from "./schema/content.js";
import type { ToolkitInfo } from "./schema/toolkit.js";
import type { Profile } from "./schema/profile.js";
import type { Warning } from "./errors.js";

export interface Brand {
  company: string;
  /** Brand colour, "#RRGGBB". */
  colour: string;
  /** The logo as an 8-bit sRGB PNG, or undefined to print the company name instead. */
  logo?: { png: Buffer; width: number; height: number };
  paper: "A4" | "LETTER";
}

interface MaterialBase {
  /** Stable id, also the file name: `v04` → `v04.pdf`. */
  id: string;
  /** Title as printed (Danish). */
  title: string;
  /** Bookmark titles of the parts inside, for the pack's outline (e.g. each step). */
  parts: string[];
  /** Bleed in points on every side, for pages printed to the edge (cards); the rest is the trim box. */
  bleed?: number;
}

export type Material =
  | (MaterialBase & { kind: "document"; document: Document })
  | (MaterialBase & { kind: "worksheet"; tool: Tool; decks: Deck[] });

export type MaterialKind = Material["kind"];

export interface ResolvedPack {
  toolkit: ToolkitInfo;
  brand: Brand;
  contacts: Profile["contacts"];
  films: Record<string, string>;
  materials: Material[];
  warnings: Warning[];
}
