// The sheets made from parts of tools: each scoring block's sheet, and the balkort (sheet and poster).
import { problem, WorkshopkitError } from "../errors.js";
import type { Material } from "../model.js";
import type { Tool } from "../schema/content.js";
import type { PackLabels } from "../schema/pack.js";

/** The sheets that follow `tool` in the pack, in order: `v01-scoring`; `v11-balkort`, `v11-balkort-a3`. */
export function sheetsOf(tool: Tool, labels: PackLabels): Material[] {
  const sheets: Material[] = [];
  for (const step of tool.steps) {
    for (const block of step.blocks) {
      if (block.type !== "scoring") continue;
      sheets.push({
        kind: "scoring",
        id: `${tool.id}-scoring`,
        title: `Værktøj ${tool.number}: ${labels.scoring.title}`,
        parts: [...block.levels.map((l) => l.name), labels.scoring.profileTitle],
        tool,
        scoring: block,
        labels: labels.scoring,
      });
    }
  }
  if (tool.id === labels.balkort.tool) {
    const step = tool.steps.find((s) => s.id === labels.balkort.step);
    if (!step) {
      throw WorkshopkitError.listing("content.balkortStep", {}, [
        problem("content.noStep", { step: labels.balkort.step, tool: tool.id, steps: tool.steps.map((s) => s.id).join(", ") }, { file: "content/pack.yaml", path: "balkort.step" }),
      ]);
    }
    sheets.push({ kind: "balkort", id: `${tool.id}-balkort`, title: `Værktøj ${tool.number}: ${labels.balkort.title}`, parts: [], tool, step, poster: false });
    sheets.push({ kind: "balkort", id: `${tool.id}-balkort-a3`, title: `Værktøj ${tool.number}: ${labels.balkort.posterTitle}`, parts: [], tool, step, poster: true });
  }
  return sheets;
}
