// The profiles a batch builds: files as named, and every profile (.yaml, .yml, .json) in a folder named.
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { WorkshopkitError } from "../errors.js";

const PROFILE_FILE = /\.(ya?ml|json)$/i;

export async function expandProfiles(args: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    const info = await stat(arg).catch(() => undefined);
    if (!info?.isDirectory()) {
      files.push(arg); // a missing file is reported by its own build, with the others built
      continue;
    }
    const found = (await readdir(arg)).filter((name) => PROFILE_FILE.test(name)).sort();
    if (found.length === 0) throw WorkshopkitError.of("batch.emptyFolder", { folder: arg }, { file: arg });
    files.push(...found.map((name) => path.join(arg, name)));
  }
  return [...new Set(files.map((f) => path.resolve(f)))].map((f) => path.relative(process.cwd(), f) || f);
}
