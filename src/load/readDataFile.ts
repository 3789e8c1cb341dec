// Reads a YAML or JSON data file and validates it against a zod schema, reporting every problem by field.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseDocument } from "yaml";
import type { z } from "zod";
import { WorkshopkitError, type Problem } from "../errors.js";

/** `["steps", 2, "label"]` → `steps[2].label` */
export function fieldPath(segments: readonly PropertyKey[]): string {
  return segments
    .map((s, i) => (typeof s === "number" ? `[${s}]` : i === 0 ? String(s) : `.${String(s)}`))
    .join("");
}

export function zodProblems(file: string, error: z.ZodError): Problem[] {
  return error.issues.flatMap((issue): Problem[] => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        file,
        path: fieldPath([...issue.path, key]),
        message: "unknown field; check its spelling or remove it",
      }));
    }
    const where = fieldPath(issue.path);
    let message = issue.message.replace(/^Invalid input: /, "");
    if (issue.code === "invalid_type" && / received undefined$/.test(issue.message)) message = "required";
    return [{ file, path: where, message }];
  });
}

/** Parses YAML (JSON is YAML too) and reports syntax errors with their line. */
export function parseData(file: string, source: string): unknown {
  const doc = parseDocument(source, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw WorkshopkitError.fromProblems(
      `${file} is not valid YAML or JSON.`,
      doc.errors.map((e) => ({ file, path: "", message: e.message.split("\n")[0] ?? e.message })),
      "Fix the syntax at the line shown; indentation must use spaces.",
    );
  }
  return doc.toJS();
}

export async function readText(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new WorkshopkitError(`${what} not found: ${file}`, "Check the path and try again.");
    if (code === "EISDIR") throw new WorkshopkitError(`${what} is a folder, not a file: ${file}`);
    throw new WorkshopkitError(`Cannot read ${what} ${file}: ${(err as Error).message}`);
  }
}

/** Reads and validates; `label` is how the file is named in messages (a path relative to the user). */
export async function readDataFile<S extends z.ZodType>(
  file: string,
  schema: S,
  what: string,
  label = path.relative(process.cwd(), file) || file,
): Promise<z.infer<S>> {
  const source = await readText(file, what);
  if (source.trim() === "") throw new WorkshopkitError(`${label} is empty.`, `Write the ${what} into it.`);
  const result = schema.safeParse(parseData(label, source));
  if (!result.success) {
    throw WorkshopkitError.fromProblems(`${label} has problems:`, zodProblems(label, result.error));
  }
  return result.data;
}
