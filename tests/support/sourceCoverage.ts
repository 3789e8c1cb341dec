// Checks that every line of the source texts appears in a body of text (the pack's, or the content's).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";

/** Letters and digits only, lower-cased: robust to line breaks, hyphenation, quotes and spacing. */
export function normalise(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

export interface Exclusion {
  /** Seed file prefix: "000", "001", "002", "004". */
  file: string;
  /** The source line as it stands in the seed (or enough of it to be unique). */
  line: string;
  /** Why it is not printed as it stands. */
  reason: string;
  /** The repaired form that must be printed instead, if any. */
  repaired?: string;
}

export const SEEDS = path.resolve(import.meta.dirname, "../../../shared/seeds");
export const CHECKED_SEEDS = ["000", "001", "002", "004"];

export function loadExclusions(dir = path.resolve(import.meta.dirname, "../coverage")): Exclusion[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith(".yaml"))
    .sort()
    .flatMap((n) => (parse(readFileSync(path.join(dir, n), "utf8")) as Exclusion[] | null) ?? []);
}

export interface CoverageResult {
  checked: number;
  missing: { file: string; line: string }[];
  missingRepairs: Exclusion[];
}

export function seedLines(file: string): string[] {
  const name = readdirSync(SEEDS).find((n) => n.startsWith(`${file}_`));
  if (!name) throw new Error(`no seed file ${file}_*`);
  return readFileSync(path.join(SEEDS, name), "utf8").split("\n");
}

export function checkCoverage(haystack: string, exclusions: Exclusion[]): CoverageResult {
  const hay = normalise(haystack);
  const result: CoverageResult = { checked: 0, missing: [], missingRepairs: [] };
  const excluded = new Map<string, Set<string>>();
  for (const e of exclusions) {
    if (!excluded.has(e.file)) excluded.set(e.file, new Set());
    excluded.get(e.file)!.add(normalise(e.line));
    if (e.repaired && !hay.includes(normalise(e.repaired))) result.missingRepairs.push(e);
  }
  for (const file of CHECKED_SEEDS) {
    const skip = excluded.get(file) ?? new Set();
    for (const raw of seedLines(file)) {
      const line = normalise(raw);
      if (line.length < 4) continue; // page numbers, lone "i" markers, bullets
      if ([...skip].some((s) => s.length > 0 && (line === s || (s.length >= 12 && line.includes(s))))) continue;
      result.checked++;
      if (!hay.includes(line)) result.missing.push({ file, line: raw.trim() });
    }
  }
  return result;
}
