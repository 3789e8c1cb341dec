// Reads a YAML or JSON data file and validates it against a zod schema, reporting every problem by field.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { isMap, isScalar, LineCounter, parseDocument, visit } from "yaml";
import type { z } from "zod";
import { WorkshopkitError, type Problem } from "../errors.js";

/** `["steps", 2, "label"]` → `steps[2].label` */
export function fieldPath(segments: readonly PropertyKey[]): string {
  return segments
    .map((s, i) => (typeof s === "number" ? `[${s}]` : i === 0 ? String(s) : `.${String(s)}`))
    .join("");
}

export function zodProblems(file: string, error: z.ZodError): Problem[] {
  return error.issues.flatMap((issue): Problem[] => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        file,
        path: fieldPath([...issue.path, key]),
        message: "unknown field; check its spelling or remove it",
      }));
    }
    const where = fieldPath(issue.path);
    let message = issue.message.replace(/^Invalid input: /, "");
    if (issue.code === "invalid_type" && / received undefined$/.test(issue.message)) message = "required";
    // `phone:` with nothing after it
    else if (issue.code === "invalid_type" && / received null$/.test(issue.message)) message = "is empty; fill it in or remove the line";
    return [{ file, path: where, message }];
  });
}

/** Aliases (`*name`) may repeat a value this often; more is a "billion laughs" attack, not a profile. */
const MAX_ALIASES = 100;

/** Parses YAML (JSON is YAML too) and reports syntax errors with their line. */
export function parseData(file: string, source: string): unknown {
  try {
    return parseYaml(file, source);
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    throw new WorkshopkitError(`${file} is nested too deeply to be a profile or content file.`, "Check the indentation and the brackets [ ] { }.");
  }
}

function parseYaml(file: string, source: string): unknown {
  const lineCounter = new LineCounter();
  // yaml's own duplicate-key check compares every key with every other; ours below is linear.
  const doc = parseDocument(source, { prettyErrors: true, uniqueKeys: false, lineCounter });
  if (doc.errors.length > 0) {
    throw WorkshopkitError.fromProblems(
      `${file} is not valid YAML or JSON.`,
      doc.errors.map((e) => ({ file, path: "", message: /call stack/i.test(e.message) ? "nested too deeply (check the brackets [ ] { })" : e.message.split("\n")[0] ?? e.message })),
      "Fix the syntax at the line shown; indentation must use spaces.",
    );
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
          duplicates.push({ file, path: "", message: `"${key}" is given twice${at ? ` (the second time at line ${at.line})` : ""}; keep one` });
        }
        seen.add(key);
      }
    },
  });
  if (duplicates.length > 0) throw WorkshopkitError.fromProblems(`${file} gives a field twice.`, duplicates.slice(0, 20));
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    if (!(err instanceof ReferenceError)) throw err;
    throw new WorkshopkitError(
      `${file}: YAML aliases (*name) repeat values too often (${err.message.toLowerCase()}).`,
      "Write the values out instead of using anchors (&name) and aliases (*name).",
    );
  }
}

const BOMS: [number[], string][] = [[[0xff, 0xfe], "UTF-16"], [[0xfe, 0xff], "UTF-16"]];

/** The text of a UTF-8 file; any other encoding (Windows-1252, UTF-16) is refused with what to do. */
export function decodeUtf8(bytes: Uint8Array, label: string): string {
  const saveAs = "Save the file as UTF-8 (in Notepad: File › Save as › Encoding: UTF-8; in TextEdit: Format › Make Plain Text, then save as UTF-8).";
  const bom = BOMS.find(([b]) => b.every((v, i) => bytes[i] === v));
  if (bom || bytes.subarray(0, 1000).includes(0)) throw new WorkshopkitError(`${label} is not saved as UTF-8 (it looks like ${bom?.[1] ?? "UTF-16"}).`, saveAs);
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const lossy = new TextDecoder("utf-8").decode(bytes);
    const line = lossy.slice(0, lossy.indexOf("\uFFFD")).split("\n").length;
    throw new WorkshopkitError(`${label} is not saved as UTF-8: line ${line} holds a character in another encoding (Windows-1252 or Latin-1?).`, saveAs);
  }
}

/** Reads a text file of at most `maxBytes`: a larger one is not the file the user meant. */
export async function readText(file: string, what: string, maxBytes = 10 * 1024 * 1024, label = file): Promise<string> {
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new WorkshopkitError(`${what} is a folder, not a file: ${label}`, `Give the path of the ${what} file.`);
    if (info.size > maxBytes) {
      throw new WorkshopkitError(`${label} is ${Math.round(info.size / 1024)} KB; a ${what} is at most ${Math.round(maxBytes / 1024)} KB.`, `Check that ${label} is the ${what} you meant.`);
    }
    bytes = await readFile(file);
  } catch (err) {
    if (err instanceof WorkshopkitError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new WorkshopkitError(`${what} not found: ${label}`, "Check the path and try again.");
    if (code === "EISDIR") throw new WorkshopkitError(`${what} is a folder, not a file: ${label}`);
    throw new WorkshopkitError(`Cannot read ${what} ${label}: ${(err as Error).message}`);
  }
  return decodeUtf8(bytes, label);
}

/**
 * Reads and validates; `label` is how the file is named in messages (a path relative to the user).
 * `parse` turns the text into data (parseData, unless the caller knows it already parsed).
 */
export async function readDataFile<S extends z.ZodType>(
  file: string,
  schema: S,
  what: string,
  label = path.relative(process.cwd(), file) || file,
  parse: (label: string, source: string) => unknown = parseData,
): Promise<z.infer<S>> {
  const source = await readText(file, what, undefined, label);
  if (source.trim() === "") throw new WorkshopkitError(`${label} is empty.`, `Write the ${what} into it.`);
  const result = schema.safeParse(parse(label, source));
  if (!result.success) {
    throw WorkshopkitError.fromProblems(`${label} has problems:`, zodProblems(label, result.error));
  }
  return result.data;
}
