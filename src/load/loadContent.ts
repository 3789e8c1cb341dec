// Loads content/: every tool, deck and document, validated, with all problems reported at once.
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import { WorkshopkitError } from "../errors.js";
import { CardPrinting, HelpCardText } from "../schema/cards.js";
import { Deck, Document, Tool } from "../schema/content.js";
import { PackLabels } from "../schema/pack.js";
import { ToolkitInfo, type Toolkit } from "../schema/toolkit.js";
import { parsedAtCompile } from "./parsedContent.js";
import { parseData, readDataFile } from "./readDataFile.js";

/** The YAML parsed when dist/ was compiled, for exactly this text; else parsed now. */
const parseContentFile = (label: string, source: string) => parsedAtCompile(source) ?? parseData(label, source);

/** Reads content files, keeping each file's problems in `problems` so that all are reported at once. */
function contentReader(root: string, problems: WorkshopkitError[]) {
  const one = async <S extends z.ZodType>(name: string, schema: S): Promise<z.infer<S> | undefined> => {
    try {
      return await readDataFile(path.join(root, name), schema, "content file", `content/${name}`, parseContentFile);
    } catch (err) {
      if (!(err instanceof WorkshopkitError)) throw err;
      problems.push(err);
      return undefined;
    }
  };
  const folder = async <S extends z.ZodType>(name: string, schema: S): Promise<z.infer<S>[]> => {
    const files = (await readdir(path.join(root, name))).filter((n) => /\.(ya?ml|json)$/.test(n)).sort();
    const loaded: z.infer<S>[] = [];
    for (const file of files) {
      const value = await one(`${name}/${file}`, schema);
      if (value !== undefined) loaded.push(value);
    }
    return loaded;
  };
  return { one, folder };
}

/** What the content's files are now: each file's path, size and time of change. */
async function contentState(root: string): Promise<string> {
  const names = (await readdir(root, { recursive: true })).sort();
  const files = await Promise.all(names.map(async (name) => [name, await stat(path.join(root, name)).then((s) => (s.isFile() ? `${s.size}:${s.mtimeMs}` : "dir"), () => "gone")]));
  return JSON.stringify(files);
}

/** The toolkit last loaded, while its files stay as they were: a process that builds many companies reads and checks it once. */
let loaded: { root: string; state: string; toolkit: Toolkit } | undefined;

/** The toolkit in `root`, read and validated; the one read before when no file of it has changed since. A toolkit is never changed once loaded. */
export async function loadContent(root: string): Promise<Toolkit> {
  const state = await contentState(root);
  if (loaded?.root === root && loaded.state === state) return loaded.toolkit;
  const toolkit = deepFreeze(await readContent(root));
  loaded = { root, state, toolkit };
  return toolkit;
}

/** Shared by every build of the process: frozen, so that nothing changes it by mistake. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

async function readContent(root: string): Promise<Toolkit> {
  const problems: WorkshopkitError[] = [];
  const read = contentReader(root, problems);
  const info = await read.one("toolkit.yaml", ToolkitInfo);
  const pack = await read.one("pack.yaml", PackLabels);
  const tools = await read.folder("tools", Tool);
  const decks = await read.folder("decks", Deck);
  const documents = await read.folder("documents", Document);
  const printing = await read.one("cards/printing.yaml", CardPrinting);
  const helpCard = await read.one("cards/help-card.yaml", HelpCardText);
  if (problems.length > 0 || !info || !pack || !printing || !helpCard) {
    throw WorkshopkitError.of("content.problems", { detail: problems.map((p) => p.message).join("\n") }, { file: "content" }, problems.flatMap((p) => p.problems));
  }
  return { info, tools: tools.sort((a, b) => a.number - b.number), decks, documents, pack, cards: { printing, helpCard } };
}
