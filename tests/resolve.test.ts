// resolve() on small inline data: placeholders filled, open fields printed as write-in lines and listed.
import { describe, expect, it } from "vitest";
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
