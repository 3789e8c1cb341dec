// A material's bytes are its own: the company's parts are stamped on from one drawing of all the
// parts a build needs, and which parts those are depends on the other materials built with it.
import { describe, expect, it } from "vitest";
import { buildPack, readPdf } from "./support/build.js";

describe("a stamped material", () => {
  it("is the same, byte for byte, whichever materials are built with it", async () => {
    // Each build renders afresh (not from the run's cache), so a render that depended on the materials beside it would show.
    const alone = await buildPack({ only: ["v04"], cacheDir: false });
    // Card sheets and the help card bring parts of their own (card backs, the cover's kicker in capitals, the help card's front).
    const together = await buildPack({ only: ["v04", "v09-tryghedskort", "help-card"], cacheDir: false });
    expect(Buffer.from(readPdf(together, "v04")).equals(Buffer.from(readPdf(alone, "v04")))).toBe(true);
    // The folios ("Side 2 af 3") of all materials are drawn in one overlay: other page counts bring other digits.
    const numbered = await buildPack({ only: ["v04", "v01-scoring", "intro"], cacheDir: false });
    expect(Buffer.from(readPdf(numbered, "v04")).equals(Buffer.from(readPdf(alone, "v04")))).toBe(true);
    const cards = await buildPack({ only: ["v09-tryghedskort"], cacheDir: false });
    expect(Buffer.from(readPdf(together, "v09-tryghedskort")).equals(Buffer.from(readPdf(cards, "v09-tryghedskort")))).toBe(true);
  });
});
