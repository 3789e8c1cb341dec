// The Danish worksheet text both reference engines set: every tool's title, intro, steps, labels
// and items, in order, repeated until the document runs to about 40 pages.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";

const TOOLS = path.resolve(import.meta.dirname, "../../content/tools");

/** [{ kind: "h1" | "h2" | "p" | "li", text }] */
export function worksheetContent(rounds = 2.35) {
  const items = [];
  const walk = (value) => {
    if (typeof value === "string") return;
    if (Array.isArray(value)) return value.forEach((v) => (typeof v === "string" ? items.push({ kind: "li", text: v }) : walk(v)));
    if (value && typeof value === "object") {
      for (const key of ["title", "text", "label", "question"]) if (typeof value[key] === "string") items.push({ kind: key === "title" ? "h2" : "p", text: value[key] });
      for (const [key, v] of Object.entries(value)) if (key !== "note" && typeof v === "object") walk(v);
    }
  };
  let perRound = 0;
  for (let round = 0; round < Math.ceil(rounds); round++) {
    for (const file of readdirSync(TOOLS).filter((f) => f.endsWith(".yaml")).sort()) {
      const tool = parse(readFileSync(path.join(TOOLS, file), "utf8"));
      items.push({ kind: "h1", text: `Værktøj ${tool.number}: ${tool.title}` });
      if (tool.purpose) items.push({ kind: "p", text: tool.purpose });
      walk(tool.intro);
      walk(tool.steps);
    }
    perRound ||= items.length;
  }
  return items.slice(0, Math.round(perRound * rounds));
}

export const FONT = path.resolve(import.meta.dirname, "../../assets/fonts/Lato-Regular.ttf");
export const FONT_BOLD = path.resolve(import.meta.dirname, "../../assets/fonts/Lato-Bold.ttf");
