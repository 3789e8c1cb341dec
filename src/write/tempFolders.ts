// The temporary folders a build is writing right now, so that Ctrl-C (SIGINT) or SIGTERM can remove
// them, and the hidden `.<folder>.building-<pid>-…` that an earlier, killed build left behind.
import { readdir, rename, rm, stat } from "node:fs/promises";
import { existsSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { threadId } from "node:worker_threads";

/** Temporary folder → the pack folder it will become. */
const active = new Map<string, string>();

export function tempFolderName(target: string, tag: string): string {
  // The thread too: builds of a batch share the process, one per worker thread (src/batch).
  return path.join(path.dirname(target), `.${path.basename(target)}.building-${process.pid}-t${threadId}-${tag}`);
}

export function trackTempFolder(dir: string, target: string): void {
  active.set(dir, target);
}

export function untrackTempFolder(dir: string): void {
  active.delete(dir);
}

/** For the CLI's signal handler: removes every folder this process is still writing. Synchronous: the process is about to exit. */
export function removeTempFoldersSync(): void {
  for (const [dir, target] of active) {
    rmSync(dir, { recursive: true, force: true });
    // Stopped in the middle of the swap: the earlier pack goes back where it was.
    const previous = `${dir}.previous`;
    if (existsSync(previous)) {
      if (existsSync(target)) rmSync(previous, { recursive: true, force: true });
      else renameSync(previous, target);
    }
  }
  active.clear();
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes the leftovers in the folder of `target` (`.<pack>.building-<pid>-…`) of builds whose
 * process is gone (killed, or the machine stopped); a build still running, here or in another
 * process, keeps its folder. An earlier pack a killed swap had moved aside goes back in place.
 */
export async function removeStaleTempFolders(target: string): Promise<string[]> {
  const parent = path.dirname(target);
  const names = await readdir(parent).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const m = /^\.(.+)\.building-(?:(\d+)-)?[^/]*$/.exec(name);
    if (!m) continue;
    const own = path.join(parent, name.replace(/\.previous$/, ""));
    const pid = Number(m[2]);
    // Folders of older versions carry no process id: no build of theirs can still be running.
    if (m[2] && alive(pid) && (pid !== process.pid || active.has(own) || !name.includes(`-t${threadId}-`))) continue;
    const packDir = path.join(parent, m[1]!);
    const packExists = await stat(packDir).then(() => true, () => false);
    if (name.endsWith(".previous") && !packExists) await rename(path.join(parent, name), packDir);
    else await rm(path.join(parent, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
