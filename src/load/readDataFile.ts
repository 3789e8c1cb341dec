// Reads a YAML or JSON data file and validates it against a zod schema, reporting every problem by field.
import type { z } from "zod";
import { WorkshopkitError } from "../errors.js";
import { zodProblems } from "../validate/zodProblems.js";
import { parseData } from "../validate/parseData.js";
import { formatBytes, readBounded, shownPath, UnreadableFile } from "./readBounded.js";

export { fieldPath, zodProblems } from "../validate/zodProblems.js";
export { parseData } from "../validate/parseData.js";
export { formatBytes, readBounded, shownPath, UnreadableFile } from "./readBounded.js";

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
    bytes = await readBounded(file, maxBytes);
  } catch (err) {
    if (!(err instanceof UnreadableFile)) throw err;
    const where = { file: label };
    if (err.kind === "missing") throw WorkshopkitError.of("file.notFound", { file: label, what }, where);
    if (err.kind === "folder") throw WorkshopkitError.of("file.isFolder", { file: label, what }, where);
    if (err.kind === "too-large") throw WorkshopkitError.of("file.tooLarge", { file: label, what, size: err.size!, max: formatBytes(maxBytes) }, where);
    if (err.kind === "special") throw WorkshopkitError.of("file.special", { file: label, what, reason: err.reason }, where);
    throw WorkshopkitError.of("file.unreadable", { file: label, what, reason: err.reason, hint: err.hint }, where);
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
  label = shownPath(file),
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
