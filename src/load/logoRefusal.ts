// What decoding a logo answers, without the decoder: its limit, its problems and its result. The
// process that loads a profile needs these, and only the decoding process needs sharp.
import type { Params, ParamsOf, ProblemCode } from "../problems/en.js";

/** Larger inputs are refused before decoding: a "pixel bomb" would exhaust memory. */
export const MAX_LOGO_PIXELS = 40_000_000;

/** A problem of the logo by its code (src/problems), as plain values: it crosses from the decoding process. */
export interface LogoProblem {
  code: ProblemCode;
  params: Params;
}
export const coded = <C extends ProblemCode>(code: C, params: ParamsOf<C>): LogoProblem => ({ code, params: params as Params });

/** A logo that cannot be used, by the problem's code. */
export class LogoRefusal extends Error {
  readonly problem: LogoProblem;
  constructor(problem: LogoProblem) {
    super(problem.code);
    this.problem = problem;
  }
  static of<C extends ProblemCode>(code: C, params: ParamsOf<C>): LogoRefusal {
    return new LogoRefusal(coded(code, params));
  }
}

export interface DecodedLogo {
  png: Buffer;
  width: number;
  height: number;
  /** sharp's name of the input's format ("png", "svg", …). */
  format: string;
  /** What would print badly, by code. */
  warnings: LogoProblem[];
}
