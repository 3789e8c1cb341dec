// Pure: a workshop's plan and print facts from the toolkit as loaded (the build's and the page's view of it).
import type { Toolkit } from "../schema/toolkit.js";
import { listMaterials } from "../resolve/listMaterials.js";
import type { CardOptions } from "../cards/options.js";
import type { WorkshopChoice } from "./choice.js";
import type { WorkshopNeeds } from "./needs.js";
import { planWorkshop, type WorkshopPlan } from "./plan.js";
import type { PrintFacts } from "./printList.js";

/** The file the print list is written to, and its id among the pack's files. */
export const PRINT_LIST_ID = "printliste";

export function toolkitPlan(toolkit: Toolkit, needs: WorkshopNeeds, choice: WorkshopChoice): WorkshopPlan {
  const materials = listMaterials(toolkit).map((m) => ({ id: m.id, title: m.title, kind: m.kind }));
  return planWorkshop(toolkit.tools.map((t) => t.id), materials, needs, choice);
}

/** Cards in each deck material, by material id. */
export function deckCards(toolkit: Toolkit): Record<string, number> {
  return Object.fromEntries(listMaterials(toolkit).flatMap((m) => (m.kind === "cards" ? [[m.id, m.cardDeck.cards.length]] : [])));
}

export function printFacts(toolkit: Toolkit, paper: "A4" | "LETTER", cards: CardOptions, pages?: Record<string, number>): PrintFacts {
  return { paper, cards, deckCards: deckCards(toolkit), pages };
}
