// Loads content/: every tool, deck and document, validated, with all problems reported at once.
import { readdir } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import { WorkshopkitError } from "../errors.js";
import { Deck, Document, Tool } from "../schema/content.js";
import { PackLabels } from "../schema/pack.js";
import { ToolkitInfo, type Toolkit } from "../schema/toolkit.js";
import { loadCardTexts } from "./loadCardTexts.js";
import { readDataFile } from "./readDataFile.js";

async function loadFolder<S extends z.ZodType>(
  root: string,
  folder: string,
  schema: S,
  problems: WorkshopkitError[],
): Promise<z.infer<S>[]> {
  const dir = path.join(root, folder);
  const names = (await readdir(dir)).filter((n) => /\.(ya?ml|json)$/.test(n)).sort();
  const loaded: z.infer<S>[] = [];
  for (const name of names) {
    try {
      loaded.push(await readDataFile(path.join(dir, name), schema, "content file", `content/${folder}/${name}`));
    } catch (err) {
      if (!(err instanceof WorkshopkitError)) throw err;
      problems.push(err);
    }
  }
  return loaded;
}

export async function loadContent(root: string): Promise<Toolkit> {
  const problems: WorkshopkitError[] = [];
  const info = await readDataFile(path.join(root, "toolkit.yaml"), ToolkitInfo, "content file", "content/toolkit.yaml");
  const pack = await readDataFile(path.join(root, "pack.yaml"), PackLabels, "content file", "content/pack.yaml");
  const tools = await loadFolder(root, "tools", Tool, problems);
  const decks = await loadFolder(root, "decks", Deck, problems);
  const documents = await loadFolder(root, "documents", Document, problems);
  const cards = await loadCardTexts(root, problems);
  if (problems.length > 0) {
    throw new WorkshopkitError(
      `The toolkit content has problems:\n${problems.map((p) => p.message).join("\n")}`,
      "This is a fault in content/, not in your profile: fix the file and field named above.",
      problems.flatMap((p) => p.problems),
    );
  }
  return { info, tools: tools.sort((a, b) => a.number - b.number), decks, documents, pack, cards };
}
