// Errors and warnings as values: each names where the problem is and what to do about it.

/** One problem with one field of one file. */
export interface Problem {
  file: string;
  /** Field path like `contacts.counselling.phone`; empty for the file as a whole. */
  path: string;
  message: string;
}

/**
 * Control characters shown as escapes (`\u0007`), never raw: a BEL or ESC from a file must not ring
 * or recolour the user's terminal. Line breaks are kept only where `keepLines` (our own message layout).
 */
export function escapeControl(text: string, keepLines = false): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (ch) =>
    keepLines && ch === "\n" ? ch : `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`,
  );
}

export function formatProblem(p: Problem): string {
  const [file, path, message] = [p.file, p.path, p.message].map((s) => escapeControl(s));
  return path ? `${file} › ${path}: ${message}` : `${file}: ${message}`;
}

/** A failure the user can act on. The CLI prints `message`, then `hint`, and exits 1. */
export class WorkshopkitError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
    this.name = "WorkshopkitError";
  }

  static fromProblems(summary: string, problems: Problem[], hint?: string): WorkshopkitError {
    const lines = problems.map((p) => `  ${formatProblem(p)}`).join("\n");
    return new WorkshopkitError(`${summary}\n${lines}`, hint, problems);
  }
}

/** Something the build could do but the user should know: an open contact, say. */
export interface Warning {
  material?: string;
  message: string;
}
