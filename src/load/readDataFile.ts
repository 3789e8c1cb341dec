// Reads a YAML or JSON data file and validates it against a zod schema, reporting every problem by field.
import { constants } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import { WorkshopkitError } from "../errors.js";

import { zodProblems } from "../validate/zodProblems.js";
import { parseData } from "../validate/parseData.js";

/** How a file is named in messages: relative to the current folder when it is inside it, else in full (`/dev/zero`, not `../../dev/zero`). */
export function shownPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : path.resolve(file);
}

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
