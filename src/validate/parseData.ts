// Parses a profile or content file's text (YAML, and JSON as YAML): no file system, so the web page
// reads an opened profile with the same rules, and the same coded problems, as the CLI.
import { isMap, isScalar, LineCounter, parseDocument, visit } from "yaml";
import { problem, WorkshopkitError, type Problem } from "../errors.js";

/** Aliases (`*name`) may repeat a value this often; more is a "billion laughs" attack, not a profile. */
const MAX_ALIASES = 100;

/** Parses YAML (JSON is YAML too) and reports syntax errors with their line. */
export function parseData(file: string, source: string): unknown {
  try {
    return parseYaml(file, source);
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    throw WorkshopkitError.of("file.tooDeep", { file }, { file });
  }
}

function parseYaml(file: string, source: string): unknown {
  const lineCounter = new LineCounter();
  // yaml's own duplicate-key check compares every key with every other; ours below is linear.
  const doc = parseDocument(source, { prettyErrors: true, uniqueKeys: false, lineCounter });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e) => {
      if (/call stack/i.test(e.message)) return problem("file.nestedTooDeep", {}, { file });
      const [at] = e.linePos ?? [];
      return problem("file.syntaxError", { detail: e.message.split("\n")[0] ?? e.message, line: at?.line ?? 0, column: at?.col ?? 0, kind: e.code }, { file });
    });
    throw WorkshopkitError.listing("file.syntax", { file }, problems, { file });
  }
  const duplicates: Problem[] = [];
  visit(doc, {
    Map(_, map) {
      if (!isMap(map)) return;
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (key === undefined) continue;
        if (seen.has(key)) {
          const at = isScalar(pair.key) && pair.key.range ? lineCounter.linePos(pair.key.range[0]) : undefined;
          duplicates.push(problem("file.duplicateKey", { key, line: at?.line ?? 0 }, { file }));
        }
        seen.add(key);
      }
    },
  });
  if (duplicates.length > 0) throw WorkshopkitError.listing("file.duplicates", { file }, duplicates.slice(0, 20), { file });
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    if (!(err instanceof ReferenceError)) throw err;
    throw WorkshopkitError.of("file.aliases", { file, detail: err.message.toLowerCase() }, { file });
  }
}

