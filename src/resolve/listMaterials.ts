// Pure: the materials the toolkit makes, before any text is filled in. Apart from resolve.ts, so that
// `workshopkit list` loads no fonts.
import { problem, WorkshopkitError } from "../errors.js";
import type { ListedMaterial, Material } from "../model.js";
import { deckMaterials, helpCardMaterials } from "../cards/materials.js";
import type { Toolkit } from "../schema/toolkit.js";
import { withOverview, worksheetTool } from "./compose.js";
import { sheetsOf } from "./sheets.js";

/** The documents of content/documents/ the pack prints, in its order (around the tools' materials). */
const BEFORE_TOOLS = ["intro"];
const AFTER_TOOLS = ["policy", "stress-guidelines", "manager-guide"];
const LAST = ["about"];

/** A document no part of the pack places would be loaded, validated and dropped without a word: that is an error naming its file. */
function checkPlaced(toolkit: Toolkit): void {
  const placed = new Set([...BEFORE_TOOLS, ...AFTER_TOOLS, ...LAST, toolkit.cards.helpCard.resources.document]);
  const unplaced = toolkit.documents.filter((d) => !placed.has(d.id)).map((d) => `content/documents/${d.id}.yaml`);
  if (unplaced.length === 0) return;
  const problems = unplaced.map((file) => problem("content.unplacedDocument", { file }, { file }));
  throw unplaced.length === 1 ? WorkshopkitError.of("content.unplacedDocument", { file: unplaced[0]! }, { file: unplaced[0]! }, problems) : WorkshopkitError.listing("content.unplacedDocuments", {}, problems, { file: "content" });
}

/** Every material the toolkit makes, in pack order, before any text is filled in. */
export function listMaterials(toolkit: Toolkit): ListedMaterial[] {
  checkPlaced(toolkit);
  const doc = (id: string): Material[] => {
    const document = toolkit.documents.find((d) => d.id === id);
    return document ? [{ kind: "document", id, title: document.title, parts: document.sections.map((s) => s.heading), document: withOverview(document, toolkit.tools) }] : [];
  };
  const tools = toolkit.tools.flatMap((tool): ListedMaterial[] => {
    const deckIds = tool.steps.flatMap((s) => s.blocks.flatMap((b) => (b.type === "deck" ? [b.deck] : [])));
    const worksheet: Material = {
      kind: "worksheet",
      id: tool.id,
      title: `Værktøj ${tool.number}: ${tool.title}`,
      parts: tool.steps.map((s) => (s.number ? `Step ${s.number}: ${s.title}` : s.title)),
      tool: worksheetTool(tool, toolkit.pack),
      decks: toolkit.decks.filter((d) => deckIds.includes(d.id)),
    };
    return [worksheet, ...deckMaterials(toolkit, tool), ...sheetsOf(tool, toolkit.pack)];
  });
  return [...BEFORE_TOOLS.flatMap(doc), ...tools, ...AFTER_TOOLS.flatMap(doc), ...helpCardMaterials(toolkit), ...LAST.flatMap(doc)];
}
