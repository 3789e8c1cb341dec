// Errors and warnings as values: each has a code, the field it concerns and its parameters; the
// catalogues in src/problems/ say it in English (the CLI) and Danish (the web page).
import { english, type Params, type ParamsOf, type ProblemCode } from "./problems/en.js";

export type { Params, ProblemCode } from "./problems/en.js";

/** Where a problem is: a file (a profile, `content/…`, or `options` for the command's options) and a field of it. */
export interface Where {
  file?: string;
  /** Field path like `contacts.counselling.phone` (or `cards.cardSize` for an option); empty for the file as a whole. */
  path?: string;
}

/** One problem with one field of one file. */
export interface Problem {
  code: ProblemCode;
  params: Params;
  file: string;
  /** Field path like `contacts.counselling.phone`; empty for the file as a whole. */
  path: string;
  /** In English, from src/problems/en.ts. */
  message: string;
}

/** A problem of `code` with `params`, its English message rendered from the catalogue. */
export function problem<C extends ProblemCode>(code: C, params: ParamsOf<C>, at: { file: string; path?: string }): Problem {
  return { code, params: params as Params, file: at.file, path: at.path ?? "", message: english(code, params).message };
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

export function formatProblem(p: Pick<Problem, "file" | "path" | "message">): string {
  const [file, path, message] = [p.file, p.path, p.message].map((s) => escapeControl(s));
  return path ? `${file} › ${path}: ${message}` : `${file}: ${message}`;
}

interface Coded {
  code: ProblemCode;
  params: Params;
  file?: string;
  path?: string;
}

/** A failure the user can act on. The CLI prints `message`, then `hint`, and exits 1. */
export class WorkshopkitError extends Error {
  readonly code: ProblemCode;
  readonly params: Params;
  /** The file and field the error as a whole concerns (its `problems` name their own). */
  readonly file: string;
  readonly path: string;

  /** Prefer `WorkshopkitError.of`: an error made here has no code, and the web page can only say that it happened. */
  constructor(
    message: string,
    readonly hint?: string,
    readonly problems: Problem[] = [],
    coded?: Coded,
  ) {
    super(message);
    this.name = "WorkshopkitError";
    this.code = coded?.code ?? "uncoded";
    this.params = coded?.params ?? { detail: message };
    this.file = coded?.file ?? "";
    this.path = coded?.path ?? "";
  }

  /** The error of `code`, its English message and hint from the catalogue. */
  static of<C extends ProblemCode>(code: C, params: ParamsOf<C>, at: Where = {}, problems: Problem[] = []): WorkshopkitError {
    const { message, hint } = english(code, params);
    return new WorkshopkitError(message, hint, problems, { code, params: params as Params, ...at });
  }

  /** A summary of `code` above its problems, one line each. */
  static listing<C extends ProblemCode>(code: C, params: ParamsOf<C>, problems: Problem[], at: Where = {}): WorkshopkitError {
    const { message, hint } = english(code, params);
    const lines = problems.map((p) => `  ${formatProblem(p)}`).join("\n");
    return new WorkshopkitError(`${message}\n${lines}`, hint, problems, { code, params: params as Params, ...at });
  }

  /** An error whose English is put together by its caller (a logo's, which names the file); its code still says it in other languages. */
  static composed<C extends ProblemCode>(code: C, params: ParamsOf<C>, english: { message: string; hint?: string }, at: Where = {}, problems: Problem[] = []): WorkshopkitError {
    return new WorkshopkitError(english.message, english.hint, problems, { code, params: params as Params, ...at });
  }

  /** @deprecated uncoded: use `WorkshopkitError.listing`. */
  static fromProblems(summary: string, problems: Problem[], hint?: string): WorkshopkitError {
    const lines = problems.map((p) => `  ${formatProblem(p)}`).join("\n");
    return new WorkshopkitError(`${summary}\n${lines}`, hint, problems);
  }
}

/** Something the build could do but the user should know: an open contact, say. */
export interface Warning {
  code: ProblemCode;
  params: Params;
  /** The material it concerns, if one. */
  material?: string;
  /** The profile's field it concerns, if one (`contacts.hr`). */
  path?: string;
  /** In English. */
  message: string;
}

/** A warning of `code`; `message` overrides the catalogue's English where the caller adds to it (a logo's file name). */
export function warning<C extends ProblemCode>(code: C, params: ParamsOf<C>, at: { material?: string; path?: string } = {}, message?: string): Warning {
  return { code, params: params as Params, ...at, message: message ?? english(code, params).message };
}
