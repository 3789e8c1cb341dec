// What the page is told when something fails: in Danish, from the problems' codes (src/problems/da.ts),
// each on the field it concerns; never a path of the server or a stack trace. Anything that is not a
// WorkshopkitError is the server's fault and said so plainly. The server builds in memory, so no
// message holds a folder of the server's.
import type { z } from "zod";
import { WorkshopkitError, type Params, type Problem, type ProblemCode, type Warning } from "../errors.js";
import { danish } from "../problems/da.js";
import type { ParamsOf } from "../problems/en.js";
import { zodProblems } from "../validate/zodProblems.js";

export interface FieldProblem {
  /** Field path of the profile, like `contacts.hr.phone` or `cards.cardSize`; empty for the profile as a whole. */
  path: string;
  code: ProblemCode;
  /** In Danish. */
  message: string;
}

export interface PublicError {
  /** In Danish. */
  error: string;
  code?: ProblemCode;
  hint?: string;
  problems: FieldProblem[];
}

/** A warning for the page: in Danish, with the field it concerns. */
export interface PublicWarning {
  code: ProblemCode;
  path?: string;
  message: string;
}

/** The Danish of `code` with `params`. */
export function say(code: ProblemCode, params: Params, at: { file?: string; path?: string }): string {
  return danish(code, params as ParamsOf<typeof code>, at);
}

/** The form's field a problem's path concerns: a contact as a whole (`contacts.hr`) is marked on its name. */
function formPath(p: string): string {
  return /^contacts\.[A-Za-z]+$/.test(p) ? `${p}.name` : p;
}

/** One problem for the page, on the form's field; one of the toolkit's own files (content/…) is on none: the page shows it at the top. */
export function publicProblem(p: Problem): FieldProblem {
  return { path: p.file.startsWith("content") ? "" : formPath(p.path), code: p.code, message: say(p.code, p.params, p) };
}

/** A request the schema refused, each problem on its field (the profile's without `profile.`: `contacts.hr.phone`, `round`), in Danish from its code. */
export function requestProblems(error: z.ZodError): FieldProblem[] {
  return zodProblems("request", error).map((p) => {
    const path = p.path.replace(/^profile\./, "");
    return { path, code: p.code, message: say(p.code, p.params, { path }) };
  });
}

export function publicError(err: unknown): PublicError | undefined {
  if (!(err instanceof WorkshopkitError)) return undefined;
  const error = say(err.code, err.params, err);
  const problems = err.problems.map((p) => publicProblem(p));
  // An error about one field (a contact too long for the help card, say) is marked on that field.
  if (problems.length === 0 && err.path && !err.file.startsWith("content")) problems.push({ path: formPath(err.path), code: err.code, message: error });
  return { error, code: err.code, problems };
}

export function publicWarning(w: Warning): PublicWarning {
  return { code: w.code, ...(w.path ? { path: w.path } : {}), message: say(w.code, w.params, { path: w.path }) };
}

export const SERVER_FAULT: PublicError = {
  error: "Der skete en fejl i workshopkit. Prøv igen; sker det igen, så meld fejlen med den profil, I brugte.",
  problems: [],
};
