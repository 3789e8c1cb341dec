// Pure: toolkit content + company profile → the document model, with placeholders filled.
import type { Warning } from "../errors.js";
import type { Brand, Material, ResolvedPack } from "../model.js";
import type { Profile } from "../schema/profile.js";
import type { Toolkit } from "../schema/toolkit.js";
import { mapStrings } from "./mapStrings.js";
import { fillPlaceholders, placeholderValues } from "./placeholders.js";
import { danishTypography } from "./typography.js";

export interface ResolveInput {
  toolkit: Toolkit;
  profile: Profile;
  logo?: Brand["logo"];
  /** Material ids to build; all when empty. */
  only?: string[];
}

/** Every material the toolkit makes, in pack order, before any text is filled in. */
export function listMaterials(toolkit: Toolkit): Material[] {
  const doc = (id: string): Material[] => {
    const document = toolkit.documents.find((d) => d.id === id);
    return document ? [{ kind: "document", id, title: document.title, parts: document.sections.map((s) => s.heading), document }] : [];
  };
  const tools = toolkit.tools.map((tool): Material => {
    const deckIds = tool.steps.flatMap((s) => s.blocks.flatMap((b) => (b.type === "deck" ? [b.deck] : [])));
    return {
      kind: "worksheet",
      id: tool.id,
      title: `Værktøj ${tool.number}: ${tool.title}`,
      parts: tool.steps.map((s) => (s.number ? `Step ${s.number}: ${s.title}` : s.title)),
      tool,
      decks: toolkit.decks.filter((d) => deckIds.includes(d.id)),
    };
  });
  return [...doc("intro"), ...tools, ...doc("policy"), ...doc("stress-guidelines"), ...doc("manager-guide"), ...doc("about")];
}

export function resolve({ toolkit, profile, logo, only = [] }: ResolveInput): ResolvedPack {
  const values = placeholderValues(profile);
  const warnings: Warning[] = [];
  const openFields = new Map<string, Set<string>>();

  const fill = <T>(material: string, value: T): T =>
    mapStrings(value, (s) => {
      const { text, open } = fillPlaceholders(s, values);
      for (const field of open) {
        if (!openFields.has(field)) openFields.set(field, new Set());
        openFields.get(field)!.add(material);
      }
      return danishTypography(text);
    });

  const chosen = listMaterials(toolkit).filter((m) => only.length === 0 || only.includes(m.id));
  const materials = chosen.map((m) => fill(m.id, m));

  for (const [field, where] of openFields) {
    warnings.push({
      message: `${field} is not in the profile: printed as a line to fill in by hand (${[...where].join(", ")}).`,
    });
  }
  return {
    toolkit: toolkit.info,
    brand: { company: profile.company, colour: profile.colour, logo, paper: profile.paper },
    contacts: profile.contacts,
    films: profile.films,
    materials,
    warnings,
  };
}
