// Pure: the materials the toolkit makes, before any text is filled in. Apart from resolve.ts, so that
// `workshopkit list` loads no fonts.
import type { ListedMaterial, Material } from "../model.js";
import { deckMaterials, helpCardMaterials } from "../cards/materials.js";
import type { Toolkit } from "../schema/toolkit.js";
import { withOverview, worksheetTool } from "./compose.js";
import { sheetsOf } from "./sheets.js";

/** Every material the toolkit makes, in pack order, before any text is filled in. */
export function listMaterials(toolkit: Toolkit): ListedMaterial[] {
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
  return [...doc("intro"), ...tools, ...doc("policy"), ...doc("stress-guidelines"), ...doc("manager-guide"), ...helpCardMaterials(toolkit), ...doc("about")];
}
