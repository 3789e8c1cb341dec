// The content's YAML parsed once, when dist/ is compiled (scripts/compile.mjs writes dist/content.json):
// a fresh process skips parsing some 200 KB of YAML with a library not yet warmed up (~0.2 s of CPU).
// Each file's data is kept under the SHA-256 of its text, so an edited file is simply parsed again,
// and a file that does not parse cleanly is never kept (its problems are reported as always).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { parseData } from "./readDataFile.js";

export const PARSED_CONTENT = path.resolve(import.meta.dirname, "../../dist/content.json");

type Parsed = Record<string, unknown>;
let parsed: Parsed | undefined;

const hash = (source: string) => createHash("sha256").update(source).digest("hex");

/** The data of a content file's text, when dist/content.json holds it for exactly this text. */
export function parsedAtCompile(source: string): unknown {
  parsed ??= (() => {
    try {
      return JSON.parse(readFileSync(PARSED_CONTENT, "utf8")) as Parsed;
    } catch {
      return {}; // not compiled (the TypeScript runs), or unreadable: parse every file
    }
  })();
  return parsed[hash(source)];
}

/** Every YAML or JSON file under `root` that parses cleanly and survives JSON unchanged, by the hash of its text. */
export async function parseContent(root: string): Promise<Parsed> {
  const out: Parsed = {};
  const names = (await readdir(root, { recursive: true })).filter((n) => /\.(ya?ml|json)$/.test(n)).sort();
  for (const name of names) {
    const source = await readFile(path.join(root, name), "utf8");
    try {
      const data = parseData(name, source);
      if (isDeepStrictEqual(JSON.parse(JSON.stringify(data)) as unknown, data)) out[hash(source)] = data;
    } catch {
      // reported when the file is loaded
    }
  }
  return out;
}
