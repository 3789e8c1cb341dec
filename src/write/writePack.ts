// The only code that writes to out/: builds the pack in a temporary folder beside the target,
// writes and fsyncs every file (as soon as it is finished, all at once), then swaps the folder in.
// A failed build leaves the previous pack as it was.
import { randomBytes } from "node:crypto";
import { mkdir, open, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { WorkshopkitError } from "../errors.js";
import { checkReplaceable } from "./outputFolder.js";
import { removeStaleTempFolders, tempFolderName, trackTempFolder, untrackTempFolder } from "./tempFolders.js";
import { writeAllSynced, writeFailure, type OutputFile } from "./writeFiles.js";

export type { OutputFile };

function explain(err: unknown, dir: string): WorkshopkitError {
  return WorkshopkitError.of("write.failed", { dir, detail: writeFailure(err) }, { file: "options", path: "out" });
}

/** The company the new pack's manifest names. */
function companyOf(files: OutputFile[]): string | undefined {
  const manifest = files.find((f) => f.name === "manifest.json");
  if (!manifest) return undefined;
  const { company } = JSON.parse(new TextDecoder().decode(manifest.bytes)) as { company?: unknown };
  return typeof company === "string" ? company : undefined;
}

/**
 * A pack folder being written: files go into the temporary folder as soon as they are finished
 * (written and synced while the build goes on), and `commit` swaps the folder in whole.
 */
export interface PackWriter {
  /** Starts writing `files` and returns at once; a failed write is thrown by `commit`. */
  write(files: OutputFile[]): void;
  /** Writes the last files (the manifest among them), waits for every write, and swaps the folder in. */
  commit(files: OutputFile[]): Promise<void>;
  /** For a build that failed: waits for the writes under way and removes the temporary folder. */
  abort(): Promise<void>;
}

/** Opens the temporary folder of a pack for `target`; nothing is visible at `target` before commit. */
export async function startPack(target: string): Promise<PackWriter> {
  const parent = path.dirname(target);
  let temp: string | undefined;
  try {
    await mkdir(parent, { recursive: true });
    await removeStaleTempFolders(target);
    // mkdir, not mkdtemp: the pack gets the user's usual permissions (umask), not 0700, so colleagues can read it.
    temp = tempFolderName(target, randomBytes(4).toString("hex"));
    trackTempFolder(temp, target);
    await mkdir(temp);
  } catch (err) {
    if (temp) untrackTempFolder(temp);
    throw explain(err, target);
  }
  const dir = temp;
  const written: Promise<void>[] = [];
  let manifest: OutputFile[] = [];
  const discard = async () => {
    await Promise.allSettled(written);
    await rm(dir, { recursive: true, force: true });
    untrackTempFolder(dir);
  };
  const start = (files: OutputFile[]) => {
    manifest = files.filter((f) => f.name === "manifest.json").concat(manifest);
    const writing = writeAllSynced(dir, files);
    writing.catch(() => undefined); // thrown by commit, where it is awaited
    written.push(writing);
  };
  return {
    write: start,
    async commit(files) {
      start(files);
      try {
        for (const writing of written) await writing;
        const handle = await open(dir, "r");
        await handle.sync().finally(() => handle.close());
      } catch (err) {
        await discard();
        throw explain(err, target);
      }
      await swapIn(dir, target, companyOf(manifest));
    },
    abort: discard,
  };
}

/** Writes a whole pack at once: startPack, every file, commit. */
export async function writePack(target: string, files: OutputFile[]): Promise<void> {
  await (await startPack(target)).commit(files);
}

/** Replaces `target` by the written folder `temp`: the old pack is moved aside and removed only once the new one is in place. */
async function swapIn(temp: string, target: string, company: string | undefined): Promise<void> {
  const old = `${temp}.previous`;
  if (company !== undefined) {
    try {
      await checkReplaceable(target, company);
    } catch (err) {
      await rm(temp, { recursive: true, force: true });
      untrackTempFolder(temp);
      throw err;
    }
  }
  const hadOld = await stat(target).then(() => true, () => false);
  try {
    if (hadOld) await rename(target, old);
    await rename(temp, target);
  } catch (err) {
    if (hadOld) await rename(old, target).catch(() => undefined);
    await rm(temp, { recursive: true, force: true });
    untrackTempFolder(temp);
    throw explain(err, target);
  }
  untrackTempFolder(temp);
  if (hadOld) await rm(old, { recursive: true, force: true });
}
