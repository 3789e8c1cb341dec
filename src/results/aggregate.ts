// aggregate: pages to sheets, sheets to each level's totals, totals to the group's median and band.
// Pages of a numbered copy (`build --numbered-sheets`) belong to the sheet of their copy, in whatever order they
// come; other scanned pages, in the order given (within a file and across files), belong to one sheet
// while their page numbers rise (page 1, 2, then page 1 of the next sheet); a sheet filled on screen is one sheet. A level's total counts only if all its statements
// were read with certainty; there is no overall score.
import { createHash } from "node:crypto";
import path from "node:path";
import type { PageReading, StatementReading } from "./recognise.js";
import type { ScoringMaterial } from "./sheetLayout.js";
import type { LevelSummary, PageNote, Results, Sheet, SheetWarning } from "./schema.js";
import { english, type ParamsOf } from "../problems/en.js";

type Read = Extract<PageReading, { kind: "read" }>;

/** A sheet with the crops of its uncertain rows (for the report; not in results.json). */
export interface SheetWithCrops extends Sheet {
  crops: Map<string, Buffer>;
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function bandOf(material: ScoringMaterial, total: number | null): string | null {
  if (total === null) return null;
  // A median may fall between two whole numbers (10.5): it belongs to the band it rounds into.
  const t = Math.round(total);
  return material.scoring.bands.find((b) => t >= b.min && t <= b.max)?.label ?? null;
}

/** The field names of each level's statements, in order. */
export function levelFields(material: ScoringMaterial): { level: string; name: string; fields: string[] }[] {
  return material.scoring.levels.map((level) => ({ level: level.id, name: level.name, fields: level.statements.map((_, i) => `${material.tool.id}.${level.id}.${i + 1}`) }));
}

/**
 * Groups the pages read into sheets, in the order read. Pages of a numbered copy (`build --numbered-sheets`)
 * join by their copy, in any order; other scanned pages join while their page numbers rise.
 */
export function groupSheets(pages: Read[], material: ScoringMaterial): SheetWithCrops[] {
  const groups: Read[][] = [];
  const byCopy = new Map<number, Read[]>();
  for (const page of pages) {
    if (page.from === "paper" && page.copy !== undefined) {
      // A copy's page seen twice (the same scan given again) starts a group of its own: found as a duplicate below.
      const group = byCopy.get(page.copy);
      if (group && !group.some((p) => p.sheetPage === page.sheetPage)) group.push(page);
      else {
        byCopy.set(page.copy, [page]);
        groups.push(byCopy.get(page.copy)!);
      }
      continue;
    }
    const current = groups.at(-1);
    const last = current?.at(-1);
    const continues = last && page.from === "paper" && last.from === "paper" && last.copy === undefined && page.sheetPage > last.sheetPage;
    if (continues) current!.push(page);
    else groups.push([page]);
  }
  for (const group of groups) group.sort((a, b) => a.sheetPage - b.sheetPage);
  const levels = levelFields(material);
  return groups.map((group, i) => {
    const first = group[0]!;
    const statements = new Map<string, StatementReading & { page: number; source: string }>();
    for (const page of group) for (const s of page.statements) statements.set(s.field, { ...s, page: page.page, source: path.basename(page.source) });
    const answers: Sheet["answers"] = {};
    for (const { fields } of levels) for (const f of fields) answers[f] = statements.get(f)?.value ?? null;
    const totals: Sheet["totals"] = {};
    for (const { level, fields } of levels) {
      const scores = fields.map((f) => answers[f]);
      totals[level] = scores.every((v) => v !== null) ? scores.reduce((s: number, v) => s + v!, 0) : null;
    }
    const doubtful = [...statements.values()].filter((s) => s.value === null && s.doubt);
    const pages = group.map((p) => ({ source: path.basename(p.source), page: p.page }));
    // The files' contents, not their names: the same scan under another name is the same sheet.
    const key = createHash("sha256").update(JSON.stringify([group.map((p) => [p.sha256, p.page]), answers])).digest("hex").slice(0, 32);
    return {
      number: i + 1,
      key,
      pages,
      from: first.from,
      answers,
      totals,
      uncertain: doubtful.map((s) => ({ field: s.field, source: s.source, page: s.page, reason: s.doubt! })),
      resolved: [],
      missingPages: first.sheetPages.filter((p) => !group.some((g) => g.sheetPage === p)),
      crops: new Map(doubtful.flatMap((s) => (s.crop ? [[s.field, s.crop] as const] : []))),
      ...(first.copy !== undefined ? { copy: first.copy } : {}),
    };
  });
}

export function summarise(material: ScoringMaterial, sheets: Pick<Sheet, "totals">[]): LevelSummary[] {
  return levelFields(material).map(({ level, name }) => {
    const totals = sheets.flatMap((s) => (typeof s.totals[level] === "number" ? [s.totals[level]] : []));
    const m = median(totals);
    return { level, name, totals, counted: totals.length, median: m, band: bandOf(material, m) };
  });
}

/**
 * What to check about how scanned pages without a copy's number were joined: a file whose stack starts on
 * page 2 (and, ending on page 1, was most likely fed backwards) joins each person's page with another's.
 */
export function stackWarnings(pages: Read[]): SheetWarning[] {
  const warnings: SheetWarning[] = [];
  const files = new Map<string, Read[]>();
  for (const p of pages) if (p.from === "paper" && p.copy === undefined) files.set(p.source, [...(files.get(p.source) ?? []), p]);
  for (const [source, stack] of files) {
    const first = stack[0]!, last = stack.at(-1)!;
    const lowest = Math.min(...first.sheetPages);
    // The file's first page continues the previous file's sheet when its number rises: not a start.
    const before = pages[pages.indexOf(first) - 1];
    const continues = before && before.from === "paper" && before.copy === undefined && first.sheetPage > before.sheetPage;
    if (first.sheetPage === lowest || continues || stack.length < 2) continue;
    const file = path.basename(source);
    if (last.sheetPage === lowest) warnings.push(warning("sheets.backwards", { file }));
    else warnings.push(warning("sheets.startsOnPage2", { file, page: first.sheetPage }));
  }
  return warnings;
}

/** A sheet read from paper with a page of statements not among the scans: named, with its copy where printed with one. */
export function missingPageWarnings(sheets: Pick<Sheet, "number" | "from" | "missingPages" | "copy">[]): SheetWarning[] {
  return sheets.filter((s) => s.from === "paper" && s.missingPages.length > 0)
    .map((s) => warning("sheets.missingPage", { sheet: s.number, copy: s.copy ?? 0, pages: s.missingPages.join(", ") }));
}

function warning<C extends SheetWarning["code"]>(code: C, params: ParamsOf<C>): SheetWarning {
  const { message, hint } = english(code, params);
  return { code, params: params as SheetWarning["params"], message, ...(hint ? { hint } : {}) };
}

export function aggregate(readings: PageReading[], material: ScoringMaterial, round?: string): { results: Results; sheets: SheetWithCrops[] } {
  const read = readings.filter((r): r is Read => r.kind === "read");
  // The same scan given twice (the same file under two names, say) is one sheet.
  const seen = new Map<string, number>();
  const duplicates: PageNote[] = [];
  const sheets: SheetWithCrops[] = [];
  const warnings = stackWarnings(read);
  for (const sheet of groupSheets(read, material)) {
    const first = seen.get(sheet.key);
    if (first === undefined) {
      sheets.push({ ...sheet, number: sheets.length + 1 });
      seen.set(sheet.key, sheets.length);
    } else {
      for (const p of sheet.pages) duplicates.push({ code: "duplicate", source: p.source, page: p.page, reason: `it is the same scan as sheet ${first}` });
    }
  }
  const notes = (kind: "skipped" | "unreadable"): PageNote[] => readings.flatMap((r) => (r.kind === kind ? [{ ...r.note, source: path.basename(r.note.source) }] : []));
  const results: Results = {
    material: material.id,
    ...(round ? { round } : {}),
    sheets: sheets.map(({ crops: _crops, ...sheet }) => sheet),
    levels: summarise(material, sheets),
    skipped: [...notes("skipped"), ...duplicates],
    unreadable: notes("unreadable"),
    warnings: [...warnings, ...missingPageWarnings(sheets)],
  };
  return { results, sheets };
}
