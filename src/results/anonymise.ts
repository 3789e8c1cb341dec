// Anonymity for small groups: a report of fewer sheets than the limit keeps the group's medians and
// bands, and the counts, but no sheet's answers or totals (the dots), no picture of a row, and no file
// or page name, so that no one's sheet can be picked out of it.
import type { Results } from "./schema.js";

export function anonymise(results: Results, minGroup: number): Results {
  if (results.sheets.length >= minGroup) return results;
  return {
    material: results.material,
    ...(results.round !== undefined ? { round: results.round } : {}),
    anonymous: {
      minGroup,
      sheets: results.sheets.length,
      uncertain: results.sheets.reduce((n, s) => n + s.uncertain.length, 0),
      notRead: results.skipped.length + results.unreadable.length,
    },
    sheets: [],
    levels: results.levels.map((l) => ({ ...l, totals: [] })),
    skipped: [],
    unreadable: [],
    // They name files and sheets: a small group's report says nothing that picks one out.
    warnings: [],
  };
}

/** How many sheets a report is of, anonymous or not. */
export const sheetCount = (results: Results) => results.anonymous?.sheets ?? results.sheets.length;
