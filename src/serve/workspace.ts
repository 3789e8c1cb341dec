// One temporary folder per build, inside the server's own temporary folder, removed when the build ends.
// Every name in it is the server's: the profile file, the logo file and the output folder.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { StoredLogo } from "./logos.js";
import type { PackRequest } from "./request.js";

export interface Workspace {
  dir: string;
  /** The profile as the CLI reads it (JSON is YAML), with the logo line naming the logo file beside it. */
  profile: string;
  out: string;
}

export async function withWorkspace<T>(root: string, request: PackRequest, logo: StoredLogo | undefined, work: (ws: Workspace) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(root, "build-"));
  try {
    const profile = path.join(dir, "profile.json");
    const logoFile = logo ? `logo.${logo.extension}` : undefined;
    if (logo && logoFile) await writeFile(path.join(dir, logoFile), logo.original);
    await writeFile(profile, JSON.stringify({ ...request.profile, ...(logoFile ? { logo: logoFile } : {}) }, null, 2));
    return await work({ dir, profile, out: path.join(dir, "out") });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
