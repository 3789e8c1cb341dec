// recognise: one loaded page to what it says. A scan is registered (which page of which sheet, and where)
// and its statements read; a form gives its answers as they are. Pages that are not the scoring sheet's
// statements are skipped with the reason; pages that are but cannot be read are unreadable, with the reason.
import type { LoadedPage } from "./loadScans.js";
import { locateRows } from "./locateRows.js";
import { cropRow, FOUND, readRows } from "./readBoxes.js";
import { paperBackground } from "./background.js";
import { printMasks } from "./emptySheet.js";
import { pageShaped, register, scaleOf } from "./register.js";
import { straighten } from "./straighten.js";
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

const PHOTO_HINT = "Take the photo again from straight above, the whole page flat and its four corner squares in view, in even light without shadow, or scan the page (150–300 dpi).";

/** ", and it was scanned on Letter paper though the sheet is A4" where the image has the other paper's shape. */
function otherPaper(image: { width: number; height: number }, paper: Paper): string {
  const ratio = Math.max(image.width, image.height) / Math.min(image.width, image.height);
  const shape: Paper | undefined = Math.abs(ratio - 297 / 210) < 0.02 ? "A4" : Math.abs(ratio - 11 / 8.5) < 0.02 ? "LETTER" : undefined;
  if (!shape || shape === paper) return "";
  const name = (p: Paper) => (p === "A4" ? "A4" : "US Letter");
  return `; the sheet is ${name(paper)} but the scan is ${name(shape)}: printed on the wrong paper size?`;
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

  const note = (code: NoteCode, reason: string, hint?: string): PageNote => ({ code, source: source.file, page: loaded.page, reason, ...(hint ? { hint } : {}) });
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
      registered = { ...again, photo: true };
    }
  }
  if (!registered.ok) {
    if (registered.photo) return { kind: "unreadable", note: note(registered.code ? "registration" : "no-code", registered.reason, PHOTO_HINT) };
    if (registered.sheetLike) return { kind: "unreadable", note: note("no-code", registered.reason, "Scan the page again at 200–300 dpi, sharp and unscaled; scan the original sheet rather than a copy of it.") };
    if (!registered.code) return { kind: "skipped", note: note("not-a-sheet", registered.reason) };
    return { kind: "unreadable", note: note("registration", `${registered.reason}${otherPaper(loaded.image, registered.code.paper)}`, "Scan the page again, flat and whole, at 150–300 dpi.") };
  }
  const { code } = registered;
  if (code.material !== SCORING_SHEET) return { kind: "skipped", note: note("other-material", `it is a page of "${code.material}", not of the scoring sheet`) };
  const version = ctx.pack.toolkit.version;
  if (code.version !== version.toLowerCase()) {
    return { kind: "unreadable", note: note("other-version", `it was printed from content version ${code.version}; this workshopkit has version ${version}, whose boxes may sit elsewhere`, "Read it with the workshopkit version that printed it, or print the sheet again.") };
  }
  const layout = await ctx.layout(code.paper);
  if (code.layout !== layout.key) {
    return { kind: "unreadable", note: note("other-profile", "it was printed from another profile, or another workshopkit (the page code's layout key differs), so its boxes may sit elsewhere", "Read it with the profile it was printed from, or print the sheet again from this profile's pack.") };
  }
  const rows = layout.pages.get(code.page) ?? [];
  if (rows.length === 0) return { kind: "skipped", note: note("no-statements", `page ${code.page} of the scoring sheet has no statements to read`) };
  // Each row's boxes, found near where the map puts them; all but one must be there, or the page is not this sheet.
  const places = locateRows(image, registered, rows);
  if (places.filter((p) => p.contrast >= FOUND).length < rows.length - 1) {
    if (registered.photo || !pageShaped(image)) return { kind: "unreadable", note: note("boxes", "it looks like a photo, and its boxes were not found where its corner marks put them (the page not flat or not all in view, or blurred?)", PHOTO_HINT) };
    return { kind: "unreadable", note: note("boxes", `its boxes are not where this profile's scoring sheet prints them (printed from another profile, or not at actual size?)${otherPaper(image, code.paper)}`, "Print at actual size (100 %) from this profile's pack, on the paper size the profile names, or read it with the profile it was printed from.") };
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
