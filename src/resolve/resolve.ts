// Pure: toolkit content + company profile → the document model, with placeholders filled.
import { warning, WorkshopkitError, type Warning } from "../errors.js";
import type { Brand, ResolvedPack } from "../model.js";
import { brandColourWarnings } from "../cards/colour.js";
import { paletteOf } from "../brand/brandParts.js";
import { layoutMaterial } from "../cards/materials.js";
import { fitHelpCardFront, type HelpCardFront } from "../cards/layout.js";
import { DEFAULT_CARD_OPTIONS, type CardOptions } from "../cards/options.js";
import { hyphenate, textWidth } from "../fonts.js";
import type { Profile } from "../schema/profile.js";
import type { Toolkit } from "../schema/toolkit.js";
import { withFilmAddresses } from "./compose.js";
import { listMaterials } from "./listMaterials.js";
import { mapStrings } from "./mapStrings.js";
import { fillPlaceholders, PLACEHOLDERS, placeholderValues, type Placeholder } from "./placeholders.js";
import { danishTypography } from "./typography.js";

export { listMaterials };

/**
 * textWidth, remembered: fitting the cards measures the same words at the same sizes again and
 * again, and each measure is a full font layout (most of resolve's time). Bounded, for a process
 * that builds many companies.
 */
const widths = new Map<string, number>();
function measure(text: string, size: number, bold = false): number {
  const key = `${bold ? "b" : "r"}${size} ${text}`;
  let width = widths.get(key);
  if (width === undefined) {
    if (widths.size >= 100_000) widths.clear();
    width = textWidth(text, size, bold);
    widths.set(key, width);
  }
  return width;
}

export interface ResolveInput {
  toolkit: Toolkit;
  profile: Profile;
  logo?: Brand["logo"];
  /** Material ids to build; all when empty. */
  only?: string[];
  /** Card size, duplex and blank cards of the card sheets. */
  cards?: CardOptions;
}

/** The profile's field a help-card contact prints (`{hr}` → `contacts.hr`): the one to shorten when it does not fit. */
function profileField(lines: string[]): string | undefined {
  const name = lines.join(" ").match(/\{([a-zA-Z.]+)\}/)?.[1];
  return name && name in PLACEHOLDERS ? PLACEHOLDERS[name as Placeholder] : undefined;
}

export function resolve({ toolkit, profile, logo, only = [], cards = DEFAULT_CARD_OPTIONS }: ResolveInput): ResolvedPack {
  const values = placeholderValues(profile);
  // Text in a brand colour too light to read is printed in a darker shade of it: say so.
  const warnings: Warning[] = brandColourWarnings(profile.colour);
  const openFields = new Map<string, Set<string>>();

  const markOpen = (field: string, material: string) => {
    if (!openFields.has(field)) openFields.set(field, new Set());
    openFields.get(field)!.add(material);
  };
  const fill = <T>(material: string, value: T): T => {
    // A film without an address in the profile gets a line to write it on, and is listed like an open contact.
    const films = withFilmAddresses(value, profile.films, toolkit.pack.films.addressLabel);
    for (const field of films.open) markOpen(field, material);
    return mapStrings(films.material, (s) => {
      const { text, open } = fillPlaceholders(s, values);
      for (const field of open) markOpen(field, material);
      return danishTypography(text);
    });
  };

  const all = listMaterials(toolkit);
  const unknown = only.filter((id) => !all.some((m) => m.id === id));
  if (unknown.length > 0) {
    throw WorkshopkitError.of("options.unknownMaterial", { ids: unknown.join(", "), count: unknown.length, valid: all.map((m) => m.id).join(", ") }, { file: "options", path: "only" });
  }
  const chosen = all.filter((m) => only.length === 0 || only.includes(m.id));
  // Card sheets are laid out (fitted by font metrics) once their text is final.
  const cardContext = { paper: profile.paper, options: cards, company: profile.company, toolkitTitle: toolkit.info.title, measure, hyphenate };
  // The help card's front holds the company's contacts: fitted here, and carried by the brand to be
  // drawn once per company as a brand part; the material itself is the same for every company.
  let helpCardFront: HelpCardFront | undefined;
  const materials = chosen.map((m) => {
    if (m.kind !== "help-card") return layoutMaterial(fill(m.id, m), cardContext);
    helpCardFront = fitHelpCardFront(fill(m.id, toolkit.cards.helpCard), cardContext, toolkit.cards.helpCard.contacts.map((c) => profileField(c.lines)));
    const { contacts: _, ...text } = toolkit.cards.helpCard;
    return layoutMaterial(fill(m.id, { ...m, helpCard: text }), cardContext);
  });

  for (const [field, where] of openFields) {
    warnings.push(warning("contact.open", { field, materials: [...where].join(", ") }, { path: field }));
  }
  return {
    toolkit: toolkit.info,
    brand: { company: profile.company, colour: profile.colour, palette: paletteOf(profile.colour), logo, paper: profile.paper, ...(helpCardFront ? { helpCardFront } : {}) },
    contacts: profile.contacts,
    films: profile.films,
    materials,
    warnings,
  };
}
