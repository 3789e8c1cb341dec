// Reads a YAML or JSON data file and validates it against a zod schema, reporting every problem by field.
import { constants } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { isMap, isScalar, LineCounter, parseDocument, visit } from "yaml";
import type { z } from "zod";
import { WorkshopkitError, type Problem } from "../errors.js";

/** How a file is named in messages: relative to the current folder when it is inside it, else in full (`/dev/zero`, not `../../dev/zero`). */
export function shownPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : path.resolve(file);
}

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

/** Why a file given by the user cannot be read, as a phrase after its name; `kind` for callers that word it their own way. */
export class UnreadableFile extends Error {
  constructor(
    readonly kind: "missing" | "folder" | "special" | "too-large" | "unreadable",
    /** "is a folder, not a file", "does not exist", …: to follow the file's name. */
    readonly reason: string,
    readonly hint: string,
    /** For "too-large": how large it is ("301 KB", "larger than 100 KB"). */
    readonly size?: string,
  ) {
    super(reason);
    this.name = "UnreadableFile";
  }
}

const CHUNK = 1 << 16;

export const formatBytes = (n: number): string => (n >= 10 * 2 ** 20 ? `${Math.round(n / 2 ** 20)} MB` : n >= 2 ** 20 ? `${(n / 2 ** 20).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`);

/**
 * The bytes of a regular file of at most `maxBytes`, the one way every file a user names is read
 * (profile, logo, scans, cache entries). It is opened without blocking (a FIFO with no writer would
 * wait for ever) and checked through the open handle, so what is checked is what is read; a device
 * (/dev/zero), a FIFO or a socket is refused at once. The limit holds on the bytes read, not on
 * stat's size, which is 0 for devices and may change while the file is read.
 */
export async function readBounded(file: string, maxBytes: number): Promise<Buffer> {
  let handle: FileHandle;
  try {
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    throw unreadable(err);
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new UnreadableFile("folder", "is a folder, not a file", "Give the path of a file.");
    if (!info.isFile()) {
      const kind = info.isFIFO() ? "a FIFO (named pipe)" : info.isSocket() ? "a socket" : "a device";
      throw new UnreadableFile("special", `is ${kind}, not a regular file`, "Give the path of a file saved on disk.");
    }
    const tooLarge = (size: string) => new UnreadableFile("too-large", `is ${size}; at most ${formatBytes(maxBytes)} is read`, "Check that it is the file you meant.", size);
    if (info.size > maxBytes) throw tooLarge(formatBytes(info.size));
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) throw tooLarge(`larger than ${formatBytes(maxBytes)}`);
    }
    return Buffer.concat(chunks, total);
  } catch (err) {
    throw err instanceof UnreadableFile ? err : unreadable(err);
  } finally {
    await handle.close();
  }
}

function unreadable(err: unknown): UnreadableFile {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return new UnreadableFile("missing", "does not exist", "Check the path and try again.");
  if (code === "EISDIR") return new UnreadableFile("folder", "is a folder, not a file", "Give the path of a file.");
  if (code === "ENOTDIR") return new UnreadableFile("missing", "does not exist (a folder on its path is a file)", "Check the path and try again.");
  if (code === "EACCES" || code === "EPERM") return new UnreadableFile("unreadable", "cannot be read: permission denied", "Check that you may read the file.");
  if (code === "ELOOP") return new UnreadableFile("unreadable", "is a link that leads round in a circle", "Give the path of the file itself.");
  return new UnreadableFile("unreadable", `cannot be read (${code ?? (err as Error).message})`, "Check the file and try again.");
}

/** Reads a text file of at most `maxBytes`: a larger one is not the file the user meant. */
export async function readText(file: string, what: string, maxBytes = 10 * 1024 * 1024, label = file): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readBounded(file, maxBytes);
  } catch (err) {
    if (!(err instanceof UnreadableFile)) throw err;
    if (err.kind === "missing") throw new WorkshopkitError(`${what} not found: ${label}`, "Check the path and try again.");
    if (err.kind === "folder") throw new WorkshopkitError(`${what} is a folder, not a file: ${label}`, `Give the path of the ${what} file.`);
    if (err.kind === "too-large") throw new WorkshopkitError(`${label} is ${err.size}; a ${what} is at most ${formatBytes(maxBytes)}.`, `Check that ${label} is the ${what} you meant.`);
    throw new WorkshopkitError(`The ${what} ${label} ${err.reason}.`, err.hint);
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
  if (source.trim() === "") throw new WorkshopkitError(`${label} is empty.`, `Write the ${what} into it.`);
  const result = schema.safeParse(parse(label, source));
  if (!result.success) {
    throw WorkshopkitError.fromProblems(`${label} has problems:`, zodProblems(label, result.error));
  }
  return result.data;
}
