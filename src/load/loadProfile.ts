// Reads a company profile (YAML or JSON), validates it and loads its logo, finding every problem in one pass.
import path from "node:path";
import { WorkshopkitError, type Problem, type Warning } from "../errors.js";
import { Profile } from "../schema/profile.js";
import { checkGlyphs } from "../validate/checkGlyphs.js";
import { readText, shownPath, zodProblems } from "./readDataFile.js";
import { isRecord, profileSource } from "../validate/profileSource.js";
import { inspectLogo, type Logo } from "./loadLogo.js";
import type { MaterialStore } from "../cache/materialCache.js";

/** A profile is a page of text; anything much larger is the wrong file (or an attack on memory). */
export const MAX_PROFILE_BYTES = 100 * 1024;

export interface LoadedProfile {
  /** How the file is named in messages. */
  label: string;
  profile: Profile;
  logo?: Logo;
  /** What the user should know about the profile: a faint or tiny logo, say. */
  warnings?: Warning[];
}

/** A profile read as far as it goes: `profile` only when there are no problems. */
export interface InspectedProfile {
  label: string;
  profile?: Profile;
  /**
   * The fields as the schema read them, even when the logo or a character has a problem; with
   * invalid optional fields left out, so that the layout (help-card fit) can still be checked.
   */
  fields?: Profile;
  logo?: Logo;
  /** The film names the file gives, even when other fields have problems. */
  filmIds: string[];
  problems: Problem[];
  warnings: Warning[];
}

/** The profile with every field that has a problem removed, if what is left is a valid profile. */
function withoutInvalid(raw: Record<string, unknown>, issues: readonly { code: string; path: PropertyKey[]; keys?: string[] }[]): Profile | undefined {
  const copy = structuredClone(raw);
  for (const issue of issues) {
    const at = issue.code === "unrecognized_keys" ? (issue.keys ?? []).map((k) => [...issue.path, k]) : [issue.path];
    for (const p of at) {
      if (p.length === 0) continue;
      let node: unknown = copy;
      for (const key of p.slice(0, -1)) node = isRecord(node) ? node[key as string] : undefined;
      if (isRecord(node)) delete node[p.at(-1) as string];
    }
  }
  const again = Profile.safeParse(copy);
  return again.success ? again.data : undefined;
}

/**
 * Every problem of the profile at once: fields, logo, characters the font lacks. A file that cannot
 * be read as YAML or JSON at all is a WorkshopkitError.
 */
export async function inspectProfile(file: string, cache?: MaterialStore): Promise<InspectedProfile> {
  const label = shownPath(file);
  const source = await readText(file, "profile", MAX_PROFILE_BYTES, label);
  const { raw, problems } = profileSource(label, source);
  const parsed = Profile.safeParse(raw);
  if (!parsed.success) problems.push(...zodProblems(label, parsed.error));

  const warnings: Warning[] = [];
  let logo: Logo | undefined;
  const logoPath = parsed.success ? parsed.data.logo : typeof raw.logo === "string" && raw.logo.trim() && raw.logo.length <= 1000 ? raw.logo.trim() : undefined;
  if (logoPath) {
    try {
      const inspected = await inspectLogo(path.resolve(path.dirname(file), logoPath), `${label} › logo`, label, cache);
      logo = inspected.logo;
      warnings.push(...inspected.warnings);
    } catch (err) {
      if (!(err instanceof WorkshopkitError)) throw err;
      problems.push(...err.problems);
    }
  }
  // Characters the font lacks, in fields that are otherwise fine (a field over its length is not searched).
  const flagged = new Set(problems.map((p) => p.path));
  const text = parsed.success ? { ...parsed.data, logo: undefined, folder: undefined } : { company: raw.company, contacts: raw.contacts, films: raw.films };
  for (const p of checkGlyphs(label, text)) if (![...flagged].some((f) => f && p.path.startsWith(f))) problems.push(p);

  const fields = parsed.success ? parsed.data : withoutInvalid(raw, parsed.error.issues);
  const filmIds = isRecord(raw.films) ? Object.keys(raw.films) : [];
  return { label, profile: problems.length === 0 ? fields : undefined, fields, logo, filmIds, problems, warnings };
}

/** The profile, or a WorkshopkitError listing every problem. With the build cache, a logo decoded before is taken from it. */
export async function loadProfile(file: string, cache?: MaterialStore): Promise<LoadedProfile> {
  const inspected = await inspectProfile(file, cache);
  if (!inspected.profile) throw WorkshopkitError.listing("profile.problems", { file: inspected.label }, inspected.problems, { file: inspected.label });
  return { label: inspected.label, profile: inspected.profile, logo: inspected.logo, warnings: inspected.warnings };
}
