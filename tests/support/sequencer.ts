// The order test files start in: the longest first, so that two workers finish together rather than one
// working on a long file started last while the other idles. The same on every machine (vitest's own order
// needs the durations of an earlier run, which a fresh checkout or CI has not got). serve-hostile comes first: it measures its
// worker's memory (at most 768 MB), which files run before it in the same worker would add to.
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The slowest files by CPU time, slowest first (`WK_TEST_CPU=… npm test`, tests/support/cpuTime.ts: 37 s for
 * results down to 4 s for serve-preview, on 2 cores); the rest, a few seconds or less each, follow in vitest's own order.
 */
export const SLOWEST = [
  "serve-hostile",
  "results",
  "cli-cases",
  "results-cli",
  "hostile-cli",
  "batch",
  "brand-stamp-materials",
  "web-e2e",
  "results-web",
  "errors",
  "typeset",
  "fit",
  "forms-readers",
  "pack",
  "design",
  "cards",
  "docx",
  "web-a11y-e2e",
  "cache",
  "serve-cli",
  "worksheets",
  "serve-preview",
];

const rank = (spec: TestSpecification): number => {
  const name = /([^/]+)\.test\.ts$/.exec(spec.moduleId)?.[1] ?? "";
  const i = SLOWEST.indexOf(name);
  return i === -1 ? SLOWEST.length : i;
};

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rest = await super.sort(files); // vitest's order (failed, then longer, else larger, first) for those not listed
    return [...rest].sort((a, b) => rank(a) - rank(b));
  }
}
