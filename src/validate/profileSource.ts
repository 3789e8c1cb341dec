// A profile's text read into its fields, before the schema: the same for a file the CLI reads and a
// file the web page opens. What YAML silently drops (an unquoted `#colour`) is a problem here.
import { problem, WorkshopkitError, type Problem } from "../errors.js";
import { parseData } from "./parseData.js";

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The fields of a profile's `source` (named `label` in messages), and the problems the schema cannot see. */
export function profileSource(label: string, source: string): { raw: Record<string, unknown>; problems: Problem[] } {
  if (source.trim() === "") throw WorkshopkitError.of("profile.empty", { file: label }, { file: label });
  const data = parseData(label, source);
  if (!isRecord(data)) throw WorkshopkitError.of("profile.notAProfile", { file: label }, { file: label });
  const problems: Problem[] = [];
  const raw = { ...data };
  // `colour: #FFE066` is a YAML comment: the value is empty.
  if (raw.colour === null && /^\s*colour\s*:\s*#/m.test(source)) {
    problems.push(problem("profile.colourComment", {}, { file: label, path: "colour" }));
    delete raw.colour;
  }
  return { raw, problems };
}
