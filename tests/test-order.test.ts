// The order the test files start in (tests/support/sequencer.ts) names files that exist: a file renamed or
// removed would otherwise drop out of the list unnoticed and start late.
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SLOWEST } from "./support/sequencer.js";

describe("the order of the test files", () => {
  it("names only test files that exist, each once, serve-hostile first", () => {
    expect(SLOWEST.filter((name) => !existsSync(path.join(import.meta.dirname, `${name}.test.ts`)))).toEqual([]);
    expect(new Set(SLOWEST).size).toBe(SLOWEST.length);
    expect(SLOWEST[0]).toBe("serve-hostile");
  });
});
