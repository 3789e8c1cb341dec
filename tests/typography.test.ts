// Danish typography and hyphenation on small inline inputs.
import { describe, expect, it } from "vitest";
import { hyphenate, missingGlyphs } from "../src/fonts.js";
import { danishTypography } from "../src/resolve/typography.js";

describe("danishTypography", () => {
  it("puts an en dash in numeric ranges", () => {
    expect(danishTypography("Score 4-10 Lavt niveau")).toBe("Score 4–10 Lavt niveau");
    expect(danishTypography("Fortsæt 3-4 omgange")).toBe("Fortsæt 3–4 omgange");
    expect(danishTypography("grupper af 4-5 personer")).toBe("grupper af 4–5\u00A0personer");
  });
  it("keeps a number with its unit", () => {
    expect(danishTypography("1,5 time")).toBe("1,5\u00A0time");
    expect(danishTypography("Efter 5 min. ringer klokken")).toBe("Efter 5\u00A0min. ringer klokken");
    expect(danishTypography("15 MIN.")).toBe("15 MIN."); // upper-case headers are laid out by the template
  });
  it("sets ellipses and keeps phone numbers on one line", () => {
    expect(danishTypography("er ...")).toBe("er …");
    expect(danishTypography("ring 70 20 30 40")).toBe("ring 70\u00A020\u00A030\u00A040");
    expect(danishTypography("tlf. +45 70 20 30 40.")).toBe("tlf. +45\u00A070\u00A020\u00A030\u00A040.");
  });
});

describe("Danish hyphenation", () => {
  it("breaks compound words where Danish does, preferring the joint, never leaving two letters", () => {
    expect(hyphenate("arbejdsmiljø").join("-")).toBe("arbejds-miljø");
    expect(hyphenate("medarbejdere").join("-")).toBe("med-arbej-dere");
    expect(hyphenate("sundhedspolitik").join("-")).toBe("sundheds-politik");
    expect(hyphenate("vidste")).toEqual(["vidste"]);
    for (const word of ["arbejdsmiljørepræsentant", "forebyggende", "omsorgssamtale", "ledelsesopgaver"]) {
      const parts = hyphenate(word);
      expect(parts.join(""), word).toBe(word);
      for (const p of parts) expect(p.length, `${word}: ${parts.join("-")}`).toBeGreaterThanOrEqual(3);
    }
  });
  it("never hyphenates a word in capitals: headings, labels and card topics are fitted instead", () => {
    expect(hyphenate("UNDERSØGENDE")).toEqual(["UNDERSØGENDE"]);
    expect(hyphenate("ARBEJDSMILJØ?")).toEqual(["ARBEJDSMILJØ?"]);
  });
  it("never breaks e-mail addresses, web addresses or phone numbers", () => {
    expect(hyphenate("hr@nordlys-maskinfabrik.dk")).toEqual(["hr@nordlys-maskinfabrik.dk"]);
    expect(hyphenate("www.sundhedsstyrelsen.dk")).toEqual(["www.sundhedsstyrelsen.dk"]);
    expect(hyphenate("70203040")).toEqual(["70203040"]);
  });
  it("honours soft hyphens", () => {
    expect(hyphenate("trivsels\u00ADoaser")).toEqual(["trivsels", "oaser"]);
  });
});

describe("glyph coverage", () => {
  it("knows what Lato can draw", () => {
    expect(missingGlyphs("Æblegrød på ø – „citat“ … 1\u00A0time")).toEqual([]);
    expect(missingGlyphs("Snemand ☃ og ✓")).toEqual(["☃", "✓"]);
  });
});
