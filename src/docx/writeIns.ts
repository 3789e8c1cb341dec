// Where the profile leaves a field open, the Word file says what belongs there: each write-in line of
// the resolved text is paired with its profile field, read from the same string before it was filled.
import { fieldName } from "../../web/fields.js";
import { collectStrings, mapStrings } from "../resolve/mapStrings.js";
import { fillPlaceholders, placeholderValues, WRITE_IN } from "../resolve/placeholders.js";
import type { Profile } from "../schema/profile.js";

/** Private-use characters around a field's path: they never occur in content or in a profile. */
const START = "\uE000";
const END = "\uE001";
const MARK = new RegExp(`${START}([^${END}]*)${END}|${WRITE_IN}`, "g");

export type Segment = { text: string } | { writeIn: string };

/**
 * `resolved` with each write-in line marked with the field it stands for, found by filling the same
 * string of `source` (the material before resolve) again with the profile's values: the open fields
 * come out in the order their lines stand in the text. Also every field so marked, in order.
 */
export function markWriteIns<T>(resolved: T, source: T, profile: Profile): { marked: T; open: string[] } {
  const values = placeholderValues(profile);
  const sources = new Map(collectStrings(source).map((s) => [s.path, s.text]));
  const open: string[] = [];
  const marked = mapStrings(resolved, (text, path) => {
    const pieces = text.split(WRITE_IN);
    const fields = fillPlaceholders(sources.get(path) ?? "", values).open;
    if (pieces.length === 1 || fields.length !== pieces.length - 1) return text; // a line of its own making stays a plain write-in
    open.push(...fields);
    return pieces.reduce((out, piece, i) => `${out}${START}${fields[i - 1]}${END}${piece}`);
  });
  return { marked, open: [...new Set(open)] };
}

/** A marked string in pieces: text, and write-ins naming their field ("" where the field is not known). */
export function segments(text: string): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const m of text.matchAll(MARK)) {
    if (m.index > at) out.push({ text: text.slice(at, m.index) });
    out.push({ writeIn: m[1] ?? "" });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

/** What a write-in says, in Danish: the field as the web page's form names it ("[Udfyld: Rådgivning › Telefon]"). */
export function writeInText(field: string): string {
  return field ? `[Udfyld: ${fieldName(field)}]` : "[Udfyld]";
}
