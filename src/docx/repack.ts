// A Word file's bytes the same for the same input: the docx package stamps its parts with the clock
// (the zip's file dates and docProps/core.xml's created and modified), so the zip is written again with
// the build's date in both, as the PDFs carry it.
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";

/** A zip's dates are local clock times: the build's date read in UTC, so any machine's time zone gives the same bytes. */
const clock = (date: Date) => new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds());

const CORE = "docProps/core.xml";
const STAMP = /(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(<\/dcterms:)/g;

export function repack(zip: Uint8Array, date: Date, extra: { language: string }): Uint8Array {
  const parts = unzipSync(zip);
  const core = strFromU8(parts[CORE] ?? new Uint8Array());
  const stamps = core.match(STAMP)?.length ?? 0;
  if (stamps !== 2) throw new Error(`${CORE} as the docx package wrote it has ${stamps} dates, not the 2 expected: see src/docx/repack.ts.`);
  const when = date.toISOString().replace(/\.\d{3}Z$/, "Z");
  parts[CORE] = strToU8(core.replace(STAMP, `$1${when}$2`).replace("</cp:coreProperties>", `<dc:language>${extra.language}</dc:language></cp:coreProperties>`));
  // [Content_Types].xml first, as Word writes it; then the parts in the order the docx package gave them.
  const names = Object.keys(parts).sort((a, b) => Number(b === "[Content_Types].xml") - Number(a === "[Content_Types].xml"));
  const mtime = clock(date);
  const entries: Zippable = {};
  for (const name of names) entries[name] = [parts[name]!, { mtime, level: 6 }];
  return zipSync(entries);
}
