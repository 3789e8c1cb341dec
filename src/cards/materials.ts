// The card materials of the toolkit: a cut-out sheet for every deck, right after its tool, and the help card.
import type { ListedMaterial, Material } from "../model.js";
import type { Tool } from "../schema/content.js";
import type { PackLabels } from "../schema/pack.js";
import type { Toolkit } from "../schema/toolkit.js";
import { resourcesOf } from "./helpCard.js";
import { layoutDeck, layoutHelpCard, type LayoutContext, type RunSheet } from "./layout.js";

/**
 * The tool's own run-sheet (an agenda block, Værktøj 2), or else one made from its numbered steps
 * (Værktøj 9): a row per step with what the step says to do, its questions as a list.
 */
export function runSheetOf(tool: Tool | undefined, labels: PackLabels["runSheet"]): RunSheet | undefined {
  if (!tool) return undefined;
  for (const step of tool.steps)
    for (const block of step.blocks) if (block.type === "agenda") return { title: step.title, agenda: block };
  const steps = tool.steps.filter((s) => s.number !== undefined);
  if (steps.length === 0) return undefined;
  const rows = steps.map((step) => ({
    time: `${labels.columns[0]} ${step.number}`,
    what: step.title,
    how: step.blocks.flatMap((b): RunSheet["agenda"]["rows"][number]["how"] => {
      if (b.type === "paragraph") return [b.text];
      if (b.type === "list") return [{ list: b.items, style: b.style === "number" ? "number" : "bullet" }];
      if (b.type === "write") return [{ list: [b.label], style: "bullet" }];
      return [];
    }),
  }));
  return { title: `${labels.title} (${tool.time})`, agenda: { type: "agenda", columns: labels.columns, rows } };
}

/**
 * The decks of `tool` (by their `tool:` number), as `v02-dialogkort`. After the last tool come
 * decks whose tool is not in the content, so no deck is ever left out.
 */
export function deckMaterials(toolkit: Toolkit, tool: Tool): ListedMaterial[] {
  const last = tool === toolkit.tools.at(-1);
  const known = new Set(toolkit.tools.map((t) => t.number));
  const decks = toolkit.decks.filter((d) => d.tool === tool.number || (last && !known.has(d.tool)));
  return decks.map((deck) => {
    const own = toolkit.tools.find((t) => t.number === deck.tool);
    const runSheet = runSheetOf(own, toolkit.pack.runSheet);
    const { printing } = toolkit.cards;
    return {
      kind: "cards",
      id: `v${String(deck.tool).padStart(2, "0")}-${deck.id}`,
      title: `Værktøj ${deck.tool}: ${deck.title}`,
      parts: [...(runSheet ? [runSheet.title] : []), printing.heading, deck.title],
      cardDeck: deck,
      tool: { number: deck.tool, title: own?.title ?? deck.title },
      runSheet,
      printing,
    };
  });
}

/** The pocket card "Hvor får jeg hjælp?" (`help-card`). */
export function helpCardMaterials(toolkit: Toolkit): ListedMaterial[] {
  const { helpCard, printing } = toolkit.cards;
  return [
    {
      kind: "help-card",
      id: "help-card",
      title: helpCard.title,
      parts: [printing.heading, helpCard.title, helpCard.resources.title],
      helpCard,
      resources: resourcesOf(toolkit.documents, helpCard),
      printing,
    },
  ];
}

/** Card materials get their layout once their text is final (placeholders filled, typography applied); others pass. */
export function layoutMaterial(m: ListedMaterial, ctx: LayoutContext): Material {
  switch (m.kind) {
    case "cards": {
      const { layout, boxes } = layoutDeck(m.cardDeck, ctx);
      return { ...m, layout, boxes };
    }
    case "help-card": {
      const { layout, boxes } = layoutHelpCard(m.helpCard, m.resources, ctx);
      return { ...m, layout, boxes };
    }
    default:
      return m;
  }
}
