// recognise: one loaded page to what it says. A scan is registered (which page of which sheet, and where)
// and its statements read; a form gives its answers as they are. Pages that are not the scoring sheet's
// statements are skipped with the reason; pages that are but cannot be read are unreadable, with the reason.
import type { LoadedPage } from "./loadScans.js";
import { locateRows } from "./locateRows.js";
import { cropRow, FOUND, locateRow, readRows } from "./readBoxes.js";
import { paperBackground } from "./background.js";
import { printMasks } from "./emptySheet.js";
import { pageShaped, register, scaleOf, type PageProblem } from "./register.js";
import { english } from "../problems/en.js";
import { shiftField, straighten } from "./straighten.js";
import { READ_DPI } from "./loadScans.js";
import { encodePageCode } from "./pageCode.js";
import { SCORING_SHEET, type ReaderContext } from "./sheetLayout.js";
import type { Doubt, NoteCode, PageNote } from "./schema.js";
import type { Paper } from "./pageCode.js";
import { styles } from "../../templates/theme.js";

export interface StatementReading {
  field: string;
  value: number | null;
  doubt?: Doubt;
  /** The row as scanned, PNG, where it is in doubt. */
  crop?: Buffer;
}

export type PageReading =
  | { kind: "read"; from: "screen" | "paper"; source: string; sha256: string; page: number; sheetPage: number; statements: StatementReading[]; sheetPages: number[];
      /** The printed copy its page code names (`build --numbered-sheets`): its pages join by it, in any order. */ copy?: number }
  | { kind: "skipped"; note: PageNote }
  | { kind: "unreadable"; note: PageNote };

const TEXT_LEFT = Number(styles.page.paddingHorizontal ?? 0);

/** The other paper size where the image has its shape (an A4 sheet printed or scanned on Letter), else undefined. */
function otherPaper(image: { width: number; height: number }, paper: Paper): { sheet: string; scan: string } | undefined {
  const ratio = Math.max(image.width, image.height) / Math.min(image.width, image.height);
  const shape: Paper | undefined = Math.abs(ratio - 297 / 210) < 0.02 ? "A4" : Math.abs(ratio - 11 / 8.5) < 0.02 ? "LETTER" : undefined;
  if (!shape || shape === paper) return undefined;
  const name = (p: Paper) => (p === "A4" ? "A4" : "US Letter");
  return { sheet: name(paper), scan: name(shape) };
}

export async function recognise(loaded: LoadedPage, ctx: ReaderContext): Promise<PageReading> {
  const { source } = loaded;
  if (loaded.kind === "error") return { kind: "unreadable", note: { code: "file", source: source.file, page: loaded.page, reason: loaded.reason, ...(loaded.hint ? { hint: loaded.hint } : {}) } };
  if (loaded.kind === "form") {
    if (![...loaded.answers.values()].some((v) => v !== undefined)) {
      return { kind: "skipped", note: { code: "empty-form", source: source.file, reason: "it is a scoring sheet with nothing filled in on screen" } };
    }
    const statements = ctx.fields.map((field): StatementReading => {
      const value = loaded.answers.get(field);
      return value !== undefined && /^[1-5]$/.test(value) ? { field, value: Number(value) } : { field, value: null, doubt: "not answered" };
    });
    return { kind: "read", from: "screen", source: source.file, sha256: source.sha256, page: loaded.page, sheetPage: 0, statements, sheetPages: [] };
  }

  const note = (code: NoteCode, reason: string): PageNote => ({ code, source: source.file, page: loaded.page, reason });
  /** A note whose reason and hint are a coded problem's English (the report and the web page say it in Danish). */
  const coded = (code: NoteCode, problem: PageProblem): PageNote => {
    const { message, hint } = english(problem.code, problem.params as never);
    return { code, source: source.file, page: loaded.page, reason: message, ...(hint ? { hint } : {}), problem: { code: problem.code, params: problem.params as Record<string, string | number> } };
  };
  // A photo is straightened from its corner marks and its light evened out, then read as a scan.
  let image = loaded.image;
  let registered = await register(image);
  if (registered.ok && registered.photo) {
    // At the photo's own resolution where the page is (a phone's 12 megapixels give some 280 dpi), within what a scanner gives.
    const dpi = Math.min(300, Math.max(READ_DPI, Math.round(scaleOf(registered.transform) * 72)));
    const flat = straighten(image, registered.transform, registered.code.paper, dpi);
    const again = await register(flat);
    if (again.ok && encodePageCode(again.code) === encodePageCode(registered.code)) {
      image = flat;
      // Straightened again where the page is not flat: each box where it was found on the first.
      const rows = again.code.material === SCORING_SHEET ? (await ctx.layout(again.code.paper)).pages.get(again.code.page) ?? [] : [];
      const onFlat = again.transform;
      const samples = rows.flatMap((row) => row.boxes.flatMap((b) => {
        const place = locateRow(flat, onFlat, { ...row, boxes: [b] }, 2);
        return place.contrast >= FOUND ? [{ at: [b.x + b.width / 2, b.y + b.height / 2] as [number, number], by: [place.dx, place.dy] as [number, number] }] : [];
      }));
      const shift = shiftField(samples, registered.code.paper);
      // The marks stay where they were (no box is near them, the offsets fade out there): so does their map.
      if (shift) image = straighten(loaded.image, registered.transform, registered.code.paper, dpi, shift);
      registered = { ...again, photo: true };
    }
  }
  if (!registered.ok) {
    const { problem } = registered;
    if (problem.code === "page.noCode" || problem.code === "page.foreignCode") return { kind: "skipped", note: coded("not-a-sheet", problem) };
    const wrongSize = registered.code && !registered.photo ? otherPaper(loaded.image, registered.code.paper) : undefined;
    if (wrongSize) return { kind: "unreadable", note: coded("registration", { code: "page.otherPaper", params: wrongSize }) };
    const kind: NoteCode = problem.code === "page.otherVersion" ? "other-version" : registered.code ? "registration" : "no-code";
    return { kind: "unreadable", note: coded(kind, problem) };
  }
  const { code } = registered;
  if (code.material !== SCORING_SHEET) return { kind: "skipped", note: note("other-material", `it is a page of "${code.material}", not of the scoring sheet`) };
  const version = ctx.pack.toolkit.version;
  if (code.version !== version.toLowerCase()) return { kind: "unreadable", note: coded("other-version", { code: "page.otherVersion", params: { printed: code.version, version } }) };
  const layout = await ctx.layout(code.paper);
  if (code.layout !== layout.key) return { kind: "unreadable", note: coded("other-profile", { code: "page.otherProfile", params: { stage: "layout" } }) };
  const rows = layout.pages.get(code.page) ?? [];
  if (rows.length === 0) return { kind: "skipped", note: note("no-statements", `page ${code.page} of the scoring sheet has no statements to read`) };
  // Each row's boxes, found near where the map puts them; all but one must be there, or the page is not this sheet.
  const places = locateRows(image, registered, rows);
  if (places.filter((p) => p.contrast >= FOUND).length < rows.length - 1) {
    if (registered.photo || !pageShaped(loaded.image)) return { kind: "unreadable", note: coded("boxes", { code: "page.photo", params: { stage: "boxes" } }) };
    const wrongSize = otherPaper(loaded.image, code.paper);
    return { kind: "unreadable", note: coded("boxes", wrongSize ? { code: "page.otherPaper", params: wrongSize } : { code: "page.otherProfile", params: { stage: "boxes" } }) };
  }
  // Each box judged against the empty sheet and the paper around it (stains, shadows, a copy's grey taken out).
  const mask = (await printMasks(layout))[code.page - 1]!;
  const background = paperBackground(image, scaleOf(registered.transform) * (72 / 25.4));
  const readings = readRows(image, rows, places, mask, background);
  const statements: StatementReading[] = [];
  for (const [i, row] of rows.entries()) {
    const place = places[i]!;
    const reading = readings[i]!;
    if (reading.value !== null) statements.push({ field: row.field, value: Number(reading.value) });
    else statements.push({ field: row.field, value: null, doubt: reading.doubt, crop: await cropRow(image, place.transform, row, TEXT_LEFT, place) });
  }
  return { kind: "read", from: "paper", source: source.file, sha256: source.sha256, page: loaded.page, sheetPage: code.page, statements, sheetPages: [...layout.pages.keys()], ...(code.copy ? { copy: code.copy } : {}) };
}
