// resolve() on small inline data: placeholders filled, open fields printed as write-in lines and listed.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../src/load/loadContent.js";
import { withFilmAddresses, withOverview, worksheetTool } from "../src/resolve/compose.js";
import { fillPlaceholders, placeholderValues, WRITE_IN } from "../src/resolve/placeholders.js";
import { Profile } from "../src/schema/profile.js";

const full = Profile.parse({
  company: "Bageriet Østergård ApS",
  contacts: {
    counselling: { name: "Rådgivningen", phone: "70 20 30 40", hours: "hverdage 8–16" },
    hr: { name: "Anne Hansen", phone: "12 34 56 78", email: "ah@bageriet.dk" },
  },
});

describe("fillPlaceholders", () => {
  it("puts the profile's values in", () => {
    const r = fillPlaceholders("I {company} ringer I til {counselling.name} på {counselling.phone}.", placeholderValues(full));
    expect(r.text).toBe("I Bageriet Østergård ApS ringer I til Rådgivningen på 70 20 30 40.");
    expect(r.open).toEqual([]);
  });

  it("formats a contact with phone and e-mail", () => {
    expect(fillPlaceholders("Kontakt {hr}", placeholderValues(full)).text).toBe("Kontakt Anne Hansen, tlf.\u00A012 34 56 78, ah@bageriet.dk");
  });

  it("prints a write-in line for what the profile leaves open, and names the field", () => {
    const r = fillPlaceholders("Spørg {sickLeaveAdvice} eller {tr}.", placeholderValues(full));
    expect(r.text).toBe(`Spørg ${WRITE_IN} eller ${WRITE_IN}.`);
    expect(r.open).toEqual(["contacts.sickLeaveAdvice", "contacts.tr"]);
  });

  it("leaves an unknown placeholder for validation to report", () => {
    expect(fillPlaceholders("{ceo}", placeholderValues(full)).unknown).toEqual(["{ceo}"]);
  });
});

describe("what a material makes of other content (src/resolve/compose.ts)", () => {
  it("gives a film without an address a write-in label and names it open; a film with one stays as it is", () => {
    const material = { steps: [{ blocks: [{ type: "film", id: "a", text: "Se film a" }, { type: "box", blocks: [{ type: "film", id: "b", text: "Se film b" }] }] }] };
    const { material: out, open } = withFilmAddresses(material, { a: "https://example.org/a" }, "Filmens adresse:");
    expect(open).toEqual(["films.b"]);
    expect(out.steps[0]!.blocks[0]).toEqual({ type: "film", id: "a", text: "Se film a" });
    expect(out.steps[0]!.blocks[1]).toEqual({ type: "box", blocks: [{ type: "film", id: "b", text: "Se film b", addressLabel: "Filmens adresse:" }] });
  });

  it("replaces the worksheet's scoring with a pointer to the scoring sheet by title, and makes the tools' overview a table", async () => {
    const toolkit = await loadContent(path.resolve(import.meta.dirname, "../content"));
    const v01 = toolkit.tools.find((t) => t.id === "v01")!;
    const blocks = worksheetTool(v01, toolkit.pack).steps.flatMap((s) => s.blocks);
    expect(blocks.some((b) => b.type === "scoring")).toBe(false);
    expect(blocks).toContainEqual({ type: "paragraph", text: "Udsagnene scorer I på arket »Værktøj 1: Scoreskema«." });
    const intro = withOverview(toolkit.documents.find((d) => d.id === "intro")!, toolkit.tools);
    const table = intro.sections.flatMap((s) => s.blocks).find((b) => b.type === "table");
    expect(table?.type === "table" && table.rows.map((r) => r[0]!.split("\n")[0])).toEqual(toolkit.tools.map((t) => `Værktøj ${t.number}`));
    expect(table?.type === "table" && table.rows.every((r) => r.every((c) => c !== null))).toBe(true);
  });
});
