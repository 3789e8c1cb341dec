// Reads a company profile (YAML or JSON), validates it and loads its logo.
import path from "node:path";
import { Profile } from "../schema/profile.js";
import { readDataFile } from "./readDataFile.js";
import { loadLogo, type Logo } from "./loadLogo.js";

export interface LoadedProfile {
  /** How the file is named in messages. */
  label: string;
  profile: Profile;
  logo?: Logo;
}

export async function loadProfile(file: string): Promise<LoadedProfile> {
  const label = path.relative(process.cwd(), file) || file;
  const profile = await readDataFile(file, Profile, "profile", label);
  const logo = profile.logo
    ? await loadLogo(path.resolve(path.dirname(file), profile.logo), `${label} › logo`)
    : undefined;
  return { label, profile, logo };
}
