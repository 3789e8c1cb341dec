// Reads a YAML or JSON data file and validates it against a zod schema, reporting every problem by field.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import { WorkshopkitError } from "../errors.js";

import { zodProblems } from "../validate/zodProblems.js";
import { parseData } from "../validate/parseData.js";

export { fieldPath, zodProblems } from "../validate/zodProblems.js";
export { parseData } from "../validate/parseData.js";

const BOMS: [number[], string][] = [[[0xff, 0xfe], "UTF-16"], [[0xfe, 0xff], "UTF-16"]];

/** The text of a UTF-8 file; any other encoding (Windows-1252, UTF-16) is refused with what to do. */
export function decodeUtf8(bytes: Uint8Array, label: string): string {
  const bom = BOMS.find(([b]) => b.every((v, i) => bytes[i] === v));
  if (bom || bytes.subarray(0, 1000).includes(0)) throw WorkshopkitError.of("file.notUtf8", { file: label, encoding: bom?.[1] ?? "UTF-16" }, { file: label });
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const lossy = new TextDecoder("utf-8").decode(bytes);
    const line = lossy.slice(0, lossy.indexOf("\uFFFD")).split("\n").length;
    throw WorkshopkitError.of("file.notUtf8Line", { file: label, line }, { file: label });
  }
}

/** Reads a text file of at most `maxBytes`: a larger one is not the file the user meant. */
export async function readText(file: string, what: string, maxBytes = 10 * 1024 * 1024, label = file): Promise<string> {
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw WorkshopkitError.of("file.isFolder", { file: label, what }, { file: label });
    if (info.size > maxBytes) {
      throw WorkshopkitError.of("file.tooLarge", { file: label, what, kb: Math.round(info.size / 1024), maxKb: Math.round(maxBytes / 1024) }, { file: label });
    }
    bytes = await readFile(file);
  } catch (err) {
    if (err instanceof WorkshopkitError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw WorkshopkitError.of("file.notFound", { file: label, what }, { file: label });
    if (code === "EISDIR") throw WorkshopkitError.of("file.isFolder", { file: label, what }, { file: label });
    throw WorkshopkitError.of("file.unreadable", { file: label, what, detail: (err as Error).message }, { file: label });
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
  if (source.trim() === "") throw WorkshopkitError.of("file.empty", { file: label, what }, { file: label });
  const result = schema.safeParse(parse(label, source));
  if (!result.success) {
    throw WorkshopkitError.listing("file.problems", { file: label }, zodProblems(label, result.error), { file: label });
  }
  return result.data;
}
