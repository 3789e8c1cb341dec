// The results of reading a stack of scoring sheets: what results.json holds, and what the report shows.
// One schema: the types are derived from it, and the rounds store reads its sheets back through it.
import { z } from "zod";
import type { ProblemCode } from "../problems/en.js";

/** A problem of src/problems/ by its code and parameters: the CLI says it in English, the web page and the report in Danish. */
export const CodedProblem = z.strictObject({
  // Typed, not listed: the catalogue stays out of the web page's script, which loads this schema.
  code: z.custom<ProblemCode>((v) => typeof v === "string"),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

/** A statement's score, or null: not read with certainty (see `uncertain`), or its page was not there. */
export const Score = z.number().int().min(1).max(5).nullable();

export const Doubt = z.enum(["no mark", "more than one mark", "a faint mark", "boxes not found", "a stain on the row", "not answered"]);

export const UncertainRow = z.strictObject({
  /** `v01.passiv.1` … */
  field: z.string(),
  source: z.string(),
  page: z.number().int().positive(),
  reason: Doubt,
});

/** A row checked by hand: the score meant, or null when no box was validly marked. */
export const Resolution = z.strictObject({
  field: z.string(),
  value: Score,
  /** Why it was in doubt. */
  reason: Doubt,
});

export const Sheet = z.strictObject({
  /** Sheets in the order read, from 1: how the report refers to them. */
  number: z.number().int().positive(),
  /** A hash of the source file, its pages and the answers: the same sheet read twice has the same key. */
  key: z.string(),
  /** The file and page of each of the sheet's pages, in order (one for a sheet filled on screen). */
  pages: z.array(z.strictObject({ source: z.string(), page: z.number().int().positive() })),
  /** "screen": read from the form's fields; "paper": read from a scan; "typed": typed in on the web page. */
  from: z.enum(["screen", "paper", "typed"]),
  /** Every statement's field name to its score. */
  answers: z.record(z.string(), Score),
  /** Each level's total, or null when a statement of the level is not certain (then it is left out). */
  totals: z.record(z.string(), z.number().int().nullable()),
  /** Rows still to check by hand: left out of the totals. */
  uncertain: z.array(UncertainRow),
  /** Rows checked by hand (on the web page): the box meant, or null for "no valid mark". */
  resolved: z.array(Resolution).default([]),
  /** Pages of the scoring sheet with statements that were not among this sheet's scans. */
  missingPages: z.array(z.number().int().positive()),
  /** The printed copy its page codes name (`build --numbered-sheets`), where they name one. */
  copy: z.number().int().positive().optional(),
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
  /** The problem `reason` and `hint` say in English (page.faded, page.photo, …). */
  problem: CodedProblem.optional(),
});

/** What to check about how the scanned pages were joined into sheets (a stack fed backwards, a page missing). */
export const SheetWarning = CodedProblem.extend({
  code: z.enum(["sheets.startsOnPage2", "sheets.backwards", "sheets.missingPage"]),
  /** In English, from src/problems/en.ts. */
  message: z.string(),
  hint: z.string().optional(),
});

export const LevelSummary = z.strictObject({
  level: z.string(),
  name: z.string(),
  /** Each sheet's total for the level, where it is complete (empty in an anonymous report). */
  totals: z.array(z.number().int()),
  /** How many sheets' totals the median is of. */
  counted: z.number().int().nonnegative(),
  median: z.number().nullable(),
  band: z.string().nullable(),
});

/**
 * A round of fewer sheets than the anonymity limit: the report shows the group's medians only, never a
 * sheet's answers or totals, a row's picture, or a file's or page's name (`sheets` and the notes are empty).
 */
export const Anonymity = z.strictObject({
  /** The smallest group whose sheets are shown one by one (`--min-group`, default 5). */
  minGroup: z.number().int().positive(),
  sheets: z.number().int().nonnegative(),
  /** Statements still to check by hand, and pages or files not read: counts only. */
  uncertain: z.number().int().nonnegative(),
  notRead: z.number().int().nonnegative(),
});

export const Results = z.strictObject({
  material: z.string(),
  round: z.string().optional(),
  /** Present when the report is anonymous (a round smaller than the limit). */
  anonymous: Anonymity.optional(),
  sheets: z.array(Sheet),
  levels: z.array(LevelSummary),
  /** Pages that are not scoring-sheet pages with statements (a worksheet, a blank page): skipped. */
  skipped: z.array(PageNote),
  /** Scoring-sheet pages, or whole files, that could not be read, with the reason. */
  unreadable: z.array(PageNote),
  /** How the pages were joined into sheets, where that needs a look (empty in an anonymous report). */
  warnings: z.array(SheetWarning).default([]),
});

/** The default anonymity limit: a round of fewer sheets shows the group's medians only. */
export const MIN_GROUP = 5;
export const MinGroup = z.number().int().min(1).max(1000);

/** Control characters (C0, C1), line and paragraph separators, and the bidirectional overrides. */
export const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/**
 * A round's name as it is stored and printed back: one line, no control or direction characters,
 * at most 80 characters (trimmed). The same rule on the command line and the web page.
 */
export const ROUND_NAME_MAX = 80;
export const RoundName = z
  .string()
  .trim()
  .min(1, "a round needs a name, like \"Forår 2027\"")
  .max(ROUND_NAME_MAX, `a round's name is at most ${ROUND_NAME_MAX} characters`)
  .refine((s) => !UNPRINTABLE.test(s), "a round's name is one line of text, without control characters");

export type Score = z.infer<typeof Score>;
export type Doubt = z.infer<typeof Doubt>;
export type Resolution = z.infer<typeof Resolution>;
export type Anonymity = z.infer<typeof Anonymity>;
export type UncertainRow = z.infer<typeof UncertainRow>;
export type Sheet = z.infer<typeof Sheet>;
export type PageNote = z.infer<typeof PageNote>;
export type CodedProblem = z.infer<typeof CodedProblem>;
export type SheetWarning = z.infer<typeof SheetWarning>;
export type NoteCode = z.infer<typeof NoteCode>;
export type LevelSummary = z.infer<typeof LevelSummary>;
export type Results = z.infer<typeof Results>;
