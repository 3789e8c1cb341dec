// How every file a user names is read: a regular file, opened without blocking, with a byte limit.
// Kept apart from the data-file parser, so that what only reads bytes (the cache, the output folder's
// manifest, scans) does not load the YAML parser.
import { constants } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import path from "node:path";

/** How a file is named in messages: relative to the current folder when it is inside it, else in full (`/dev/zero`, not `../../dev/zero`). */
export function shownPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : path.resolve(file);
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
