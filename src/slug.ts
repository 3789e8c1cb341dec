// A folder name from a company name: "Bager Østergård & Søn" → "bager-oestergaard-soen", "Компания" → "kompaniya".
import slugify from "@sindresorhus/slugify";

// Danish letters as Danes write them without æøå (the folder names packs already have); "&" dropped, not "and".
const REPLACEMENTS: [string, string][] = [["&", " "], ["æ", "ae"], ["ø", "oe"], ["å", "aa"], ["Æ", "ae"], ["Ø", "oe"], ["Å", "aa"]];

/** Longest folder name made from a company name; file systems allow 255 bytes, and the pack file adds to it. */
const MAX_SLUG = 80;

export function slug(name: string): string {
  const s = slugify(name, { decamelize: false, customReplacements: REPLACEMENTS }).slice(0, MAX_SLUG).replace(/-+$/, "");
  return s || "company";
}

/** A folder name a profile may give (`folder:`), as `slug` makes them. */
export const FOLDER_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/;
