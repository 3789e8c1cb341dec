// A stored round as the report's sheets: each sheet numbered in the order stored, the rows decided by
// hand put in (a score counts, "no valid mark" stays out), the totals made again; and a sheet typed in.
import { levelFields } from "./aggregate.js";
import type { ScoringMaterial } from "./sheetLayout.js";
import type { Resolution, Score, Sheet } from "./schema.js";
import type { StoredRound, StoredSheet } from "./rounds.js";

/** Each level's total, or null where a statement of it is not known. */
export function totalsOf(material: ScoringMaterial, answers: Sheet["answers"]): Sheet["totals"] {
  const totals: Sheet["totals"] = {};
  for (const { level, fields } of levelFields(material)) {
    const scores = fields.map((f) => answers[f] ?? null);
    totals[level] = scores.every((v) => v !== null) ? scores.reduce((s: number, v) => s + v!, 0) : null;
  }
  return totals;
}

/** The sheet with its rows decided by hand: they are no longer uncertain, and the totals follow. */
export function withResolutions(material: ScoringMaterial, sheet: StoredSheet, resolved: Resolution[], number: number): Sheet {
  const decided = new Map(resolved.filter((r) => sheet.uncertain.some((u) => u.field === r.field)).map((r) => [r.field, r]));
  const answers = { ...sheet.answers };
  for (const [field, r] of decided) answers[field] = r.value;
  return {
    ...sheet,
    number,
    answers,
    totals: decided.size > 0 ? totalsOf(material, answers) : sheet.totals,
    uncertain: sheet.uncertain.filter((u) => !decided.has(u.field)),
    resolved: [...decided.values()],
  };
}

/** The round's sheets, numbered from 1, with their pictures by number (the rows still to check only). */
export function roundSheets(material: ScoringMaterial, round: StoredRound): { sheets: Sheet[]; crops: Map<number, Map<string, Buffer>> } {
  const sheets = round.sheets.map((s, i) => withResolutions(material, s, s.resolved, i + 1));
  const crops = new Map<number, Map<string, Buffer>>();
  for (const sheet of sheets) {
    const own = round.crops.get(sheet.key);
    if (own) crops.set(sheet.number, new Map([...own].filter(([field]) => sheet.uncertain.some((u) => u.field === field))));
  }
  return { sheets, crops };
}

/** A sheet typed in on the page: every statement's score (null where the paper has none). */
export function typedSheet(material: ScoringMaterial, scores: Record<string, Score>): Omit<StoredSheet, "key"> {
  const answers: Sheet["answers"] = {};
  for (const { fields } of levelFields(material)) for (const f of fields) answers[f] = scores[f] ?? null;
  return { pages: [], from: "typed", answers, totals: totalsOf(material, answers), uncertain: [], missingPages: [] };
}
