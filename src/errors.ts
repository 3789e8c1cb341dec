// Errors and warnings as values: each names where the problem is and what to do about it.

/** One problem with one field of one file. */
export interface Problem {
  file: string;
  /** Field path like `contacts.counselling.phone`; empty for the file as a whole. */
  path: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  return p.path ? `${p.file} › ${p.path}: ${p.message}` : `${p.file}: ${p.message}`;
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
