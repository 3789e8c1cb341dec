// The results of reading a stack of scoring sheets: what results.json holds, and what the report shows.
// One schema: the types are derived from it, and the rounds store reads its sheets back through it.
import { z } from "zod";

/** A statement's score, or null: not read with certainty (see `uncertain`), or its page was not there. */
export const Score = z.number().int().min(1).max(5).nullable();

export const Doubt = z.enum(["no mark", "more than one mark", "a faint mark", "boxes not found", "not answered"]);

export const UncertainRow = z.strictObject({
  /** `v01.passiv.1` … */
  field: z.string(),
  source: z.string(),
  page: z.number().int().positive(),
  reason: Doubt,
});

export const Sheet = z.strictObject({
  /** Sheets in the order read, from 1: how the report refers to them. */
  number: z.number().int().positive(),
  /** A hash of the source file, its pages and the answers: the same sheet read twice has the same key. */
  key: z.string(),
  /** The file and page of each of the sheet's pages, in order (one for a sheet filled on screen). */
  pages: z.array(z.strictObject({ source: z.string(), page: z.number().int().positive() })),
  /** "screen": read from the form's fields; "paper": read from a scan. */
  from: z.enum(["screen", "paper"]),
  /** Every statement's field name to its score. */
  answers: z.record(z.string(), Score),
  /** Each level's total, or null when a statement of the level is not certain (then it is left out). */
  totals: z.record(z.string(), z.number().int().nullable()),
  uncertain: z.array(UncertainRow),
  /** Pages of the scoring sheet with statements that were not among this sheet's scans. */
  missingPages: z.array(z.number().int().positive()),
});

/** Why a page was not read, as a code the report words in Danish. */
export const NoteCode = z.enum(["not-a-sheet", "other-material", "no-statements", "empty-form", "other-version", "other-profile", "no-code", "registration", "boxes", "duplicate", "file"]);

export const PageNote = z.strictObject({
  code: NoteCode,
  source: z.string(),
  /** Undefined: the whole file. */
  page: z.number().int().positive().optional(),
  reason: z.string(),
  hint: z.string().optional(),
});

export const LevelSummary = z.strictObject({
  level: z.string(),
  name: z.string(),
  /** Each sheet's total for the level, where it is complete. */
  totals: z.array(z.number().int()),
  median: z.number().nullable(),
  band: z.string().nullable(),
});

export const Results = z.strictObject({
  material: z.string(),
  round: z.string().optional(),
  sheets: z.array(Sheet),
  levels: z.array(LevelSummary),
  /** Pages that are not scoring-sheet pages with statements (a worksheet, a blank page): skipped. */
  skipped: z.array(PageNote),
  /** Scoring-sheet pages, or whole files, that could not be read, with the reason. */
  unreadable: z.array(PageNote),
});

export type Score = z.infer<typeof Score>;
export type Doubt = z.infer<typeof Doubt>;
export type UncertainRow = z.infer<typeof UncertainRow>;
export type Sheet = z.infer<typeof Sheet>;
export type PageNote = z.infer<typeof PageNote>;
export type NoteCode = z.infer<typeof NoteCode>;
export type LevelSummary = z.infer<typeof LevelSummary>;
export type Results = z.infer<typeof Results>;
