// What every writer of workshopkit shares: a file written and synced before it counts, and a
// failed write explained in words a person can act on. writePack (a pack folder, swapped whole)
// and writeResults (the results files, each renamed into place) are built on these.
import { open } from "node:fs/promises";
import path from "node:path";

export interface OutputFile {
  name: string;
  bytes: Uint8Array;
}

/** Writes `bytes` to a new file (`wx`: never over another) and syncs it to disk. */
export async function writeSynced(file: string, bytes: Uint8Array, flags: "wx" | "w" = "wx"): Promise<void> {
  const handle = await open(file, flags);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes every file into `dir` at once (each written and synced as writeSynced does): the disk
 * syncs them together instead of one after another. Every write has ended, done or failed, before
 * this returns or throws (the first failure), so a caller may remove `dir` at once.
 */
export async function writeAllSynced(dir: string, files: OutputFile[]): Promise<void> {
  const results = await Promise.allSettled(files.map((f) => writeSynced(path.join(dir, f.name), f.bytes)));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
}

/** Why a write failed, as the end of a sentence: "Cannot write … to <dir>: <reason>." */
export function writeFailure(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  return code === "EACCES" || code === "EPERM" || code === "EROFS" ? "you do not have permission to write there"
    : code === "ENOSPC" || code === "EDQUOT" ? "the disk is full"
    : code === "ENOTDIR" || code === "EEXIST" ? "part of that path is a file, not a folder"
    : code === "ENOENT" ? "a folder on the way there does not exist (or was removed during the build)"
    : (err as Error).message;
}
