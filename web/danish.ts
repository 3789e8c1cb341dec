// The page says every problem in Danish from its code (src/problems/da.ts), the catalogue the server
// uses too: zod's issues from the shared schemas become the same coded problems as in the CLI.
import type { z } from "zod";
import { WorkshopkitError } from "../src/errors.js";
import { danish } from "../src/problems/da.js";
import { profileSource } from "../src/validate/profileSource.js";
import { zodProblems } from "../src/validate/zodProblems.js";

export type FieldErrors = Record<string, string>;

/** The first problem of each field, in Danish, by field path (`contacts.hr.phone`, `cards.cardSize`). */
export function danishErrors(error: z.ZodError, prefix = ""): FieldErrors {
  const errors: FieldErrors = {};
  for (const p of zodProblems("profil", error, prefix)) errors[p.path] ??= danish(p.code, p.params as never, p);
  return errors;
}

/** A profile file's text read as the CLI reads it: its fields, or what is wrong with the file, in Danish. */
export function readProfileFile(text: string): { raw?: Record<string, unknown>; errors: FieldErrors; problem?: string } {
  try {
    const { raw, problems } = profileSource("profil", text);
    const errors: FieldErrors = {};
    for (const p of problems) errors[p.path] ??= danish(p.code, p.params as never, p);
    return { raw, errors };
  } catch (err) {
    if (!(err instanceof WorkshopkitError)) throw err;
    const lines = err.problems.map((p) => danish(p.code, p.params as never, p));
    return { errors: {}, problem: [danish(err.code, err.params as never, err), ...lines].join(" ") };
  }
}
