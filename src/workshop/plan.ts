// Pure: from the toolkit's materials, content/workshop.yaml and a facilitator's choice, the materials a
// workshop needs and how many of each (suggested, and as changed by hand). Nothing is read or rendered.
import { WorkshopkitError } from "../errors.js";
import type { WorkshopChoice } from "./choice.js";
import type { Need, Per, WorkshopNeeds } from "./needs.js";

/** What the plan needs to know of a material: `workshopkit list`'s columns. */
export interface MaterialInfo {
  id: string;
  title: string;
  /** The material's kind (src/model.ts): only "cards", "help-card" and "balkort" print differently. A string, so the page need not know the model. */
  kind: string;
}

export interface PlannedMaterial extends MaterialInfo {
  per: Per;
  facilitator: boolean;
  /** The count the tool's process suggests (for the help card: cards). */
  suggested: number;
  /** The count to print: the suggestion, or what was changed by hand. */
  count: number;
}

export interface WorkshopPlan {
  /** Tool ids chosen, in the toolkit's order. */
  tools: string[];
  participants: number;
  groups: number;
  /** Every material with a count above 0, in the pack's order: what is built. */
  materials: PlannedMaterial[];
}

/** How many of a material `need` suggests for this many participants and groups. */
export function suggestedCount(need: Pick<Need, "per" | "facilitator">, participants: number, groups: number): number {
  if (need.per === "workshop") return 1;
  return (need.per === "participant" ? participants : groups) + (need.facilitator ? 1 : 0);
}

export function planWorkshop(toolIds: string[], materials: MaterialInfo[], needs: WorkshopNeeds, choice: WorkshopChoice): WorkshopPlan {
  const unknown = (choice.tools ?? []).filter((id) => !toolIds.includes(id));
  if (unknown.length > 0) {
    throw new WorkshopkitError(`There is no tool ${unknown.map((id) => `"${id}"`).join(", ")} in the toolkit.`, `The tools are ${toolIds.join(", ")} (workshopkit list shows them with their titles).`);
  }
  const tools = toolIds.filter((id) => !choice.tools || choice.tools.includes(id));
  const chosen = new Map<string, Need>();
  for (const need of [...tools.flatMap((id) => needs.tools[id] ?? []), ...needs.everyWorkshop]) {
    const before = chosen.get(need.material);
    // A material two tools need is printed once, in the larger count.
    if (!before || suggestedCount(need, choice.participants, choice.groups) > suggestedCount(before, choice.participants, choice.groups)) chosen.set(need.material, need);
  }
  const missing = [...chosen.keys()].filter((id) => !materials.some((m) => m.id === id));
  if (missing.length > 0) throw new WorkshopkitError(`content/workshop.yaml names materials the toolkit does not make: ${missing.join(", ")}.`, "Use the ids workshopkit list shows.");
  const planned = materials.flatMap((m): PlannedMaterial[] => {
    const need = chosen.get(m.id);
    if (!need) return [];
    const suggested = suggestedCount(need, choice.participants, choice.groups);
    const count = choice.copies?.[m.id] ?? suggested;
    return count > 0 ? [{ ...m, per: need.per, facilitator: need.per !== "workshop" && need.facilitator, suggested, count }] : [];
  });
  return { tools, participants: choice.participants, groups: choice.groups, materials: planned };
}
