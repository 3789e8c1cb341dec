// The only code that writes to out/: builds the pack in a temporary folder beside the target,
// writes and fsyncs every file (all at once), then swaps the folder in. A failed build leaves the
// previous pack as it was.
import { randomBytes } from "node:crypto";
import { mkdir, open, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { WorkshopkitError } from "../errors.js";
import { checkReplaceable } from "./outputFolder.js";
import { removeStaleTempFolders, tempFolderName, trackTempFolder, untrackTempFolder } from "./tempFolders.js";
import { writeAllSynced, writeFailure, type OutputFile } from "./writeFiles.js";

export type { OutputFile };

function explain(err: unknown, dir: string): WorkshopkitError {
  return new WorkshopkitError(`Cannot write the pack to ${dir}: ${writeFailure(err)}.`, "Choose another folder with --out, or free some space. Your previous pack is unchanged.");
}

/** The company the new pack's manifest names. */
function companyOf(files: OutputFile[]): string | undefined {
  const manifest = files.find((f) => f.name === "manifest.json");
  if (!manifest) return undefined;
  const { company } = JSON.parse(new TextDecoder().decode(manifest.bytes)) as { company?: unknown };
  return typeof company === "string" ? company : undefined;
}

export async function writePack(target: string, files: OutputFile[]): Promise<void> {
  const parent = path.dirname(target);
  let temp: string | undefined;
  try {
    await mkdir(parent, { recursive: true });
    await removeStaleTempFolders(target);
    // mkdir, not mkdtemp: the pack gets the user's usual permissions (umask), not 0700, so colleagues can read it.
    temp = tempFolderName(target, randomBytes(4).toString("hex"));
    trackTempFolder(temp, target);
    await mkdir(temp);
    await writeAllSynced(temp, files);
    const dir = await open(temp, "r");
    await dir.sync().finally(() => dir.close());
  } catch (err) {
    if (temp) await rm(temp, { recursive: true, force: true });
    if (temp) untrackTempFolder(temp);
    throw explain(err, target);
  }
  // Swap: the old pack is moved aside and removed only once the new one is in place.
  const old = `${temp}.previous`;
  const company = companyOf(files);
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
