// What the page is told when something fails: the field and what to do, never a path of the server
// or a stack trace. Anything that is not a WorkshopkitError is the server's fault and said so plainly.
import path from "node:path";
import { WorkshopkitError } from "../errors.js";

export interface FieldProblem {
  /** Field path of the profile, like `contacts.hr.phone`; empty for the profile as a whole. */
  path: string;
  message: string;
}

export interface PublicError {
  error: string;
  hint?: string;
  problems: FieldProblem[];
}

/** Removes the server's folders from a message: `../tmp/ws-1/profile.json › logo` reads `profile › logo`. */
export function scrub(text: string, dirs: string[]): string {
  let out = text;
  for (const dir of dirs.filter(Boolean)) {
    for (const form of [dir, path.relative(process.cwd(), dir)]) {
      out = out.split(`${form}${path.sep}profile.json`).join("profile").split(`${form}${path.sep}`).join("");
    }
  }
  return out;
}

export function publicError(err: unknown, dirs: string[] = []): PublicError | undefined {
  if (!(err instanceof WorkshopkitError)) return undefined;
  const error = scrub(err.message, dirs);
  const problems = err.problems.map((p) => ({ path: p.path, message: scrub(p.message, dirs) }));
  // A single problem told in the message ("profile › logo (logo.png): …") still names its field.
  const named = /^profile › ([A-Za-z0-9_.[\]]+)(?: \([^)]*\))?: (.*)$/s.exec(error);
  if (problems.length === 0 && named) problems.push({ path: named[1]!, message: named[2]! });
  return { error, hint: err.hint ? scrub(err.hint, dirs) : undefined, problems };
}

export const SERVER_FAULT: PublicError = {
  error: "Der skete en fejl i workshopkit. Prøv igen; sker det igen, så meld fejlen med den profil, du brugte.",
  problems: [],
};
