// The page's profile handling without a browser: "Gem profil" writes YAML the CLI reads back to the
// same profile, with init's comments; every problem the shared schema finds is told in Danish.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { loadProfile } from "../src/load/loadProfile.js";
import { profileYaml, templateComments } from "../src/serve/profileYaml.js";
import { PROFILE_TEMPLATE } from "../src/cli/profileTemplate.js";
import { EMPTY_DRAFT, fromProfile, toProfile, withoutProblems } from "../web/draft.js";
import { validateDraft } from "../web/validate.js";
import { publicWarning } from "../src/serve/publicError.js";
import { warning } from "../src/errors.js";

const full = {
  company: "Bager Østergård & Søn ApS",
  logo: "logo.svg",
  colour: "#7A1F5C",
  paper: "LETTER",
  contacts: {
    hr: { name: "Personaleafdelingen", phone: "+4586123450", email: "hr@bager.dk" },
    amr: { name: "Jonas Kragh", phone: "86 12 34 61" },
    tr: { name: "Ayse Demir" },
    counselling: { name: "Falck Healthcare", phone: "70 10 20 30", hours: "hverdage kl. 8–20", email: "r@falck.dk" },
    psychologist: { name: "HR-chef Lars Winther" },
    sickLeaveAdvice: { name: "Personaleafdelingen", phone: "86 12 34 50" },
  },
  films: { "v04-intro": "https://example.dk/film?id=4&t=1" },
};

describe("Gem profil", () => {
  it("writes YAML that workshopkit build reads back to the same profile", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "wk-web-profile-"));
    writeFileSync(path.join(dir, "logo.svg"), '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="80"><rect width="200" height="80" fill="#7A1F5C"/></svg>');
    const file = path.join(dir, "profil.yaml");
    writeFileSync(file, profileYaml(full));
    const loaded = await loadProfile(file);
    expect(loaded.profile).toEqual(full);
    expect(loaded.logo?.width).toBeGreaterThan(0);
  });

  it("carries the comments init writes, above their keys, for every key the template explains", () => {
    const { header, keys } = templateComments();
    expect(header).toMatch(/^Company profile for workshopkit/);
    expect([...keys.keys()].sort()).toEqual(["colour", "company", "contacts.amr", "contacts.counselling", "contacts.hr", "contacts.psychologist", "contacts.sickLeaveAdvice", "contacts.tr", "films", "logo", "paper"]);
    const yaml = profileYaml(full);
    const doc = parseDocument(yaml);
    expect(doc.errors).toEqual([]);
    for (const [key, comment] of keys) {
      const firstLine = comment.split("\n")[0]!;
      expect(PROFILE_TEMPLATE).toContain(`# ${firstLine}`);
      expect(yaml, key).toContain(`# ${firstLine}\n`);
    }
  });
});

describe("the form's checks", () => {
  const draft = fromProfile(full, EMPTY_DRAFT);

  it("takes an opened profile into the form and out again unchanged (the logo is chosen anew)", () => {
    const { logo, ...rest } = full;
    expect(toProfile(draft)).toEqual(rest);
    expect(draft.logoWanted).toBe(logo);
    expect(validateDraft(draft)).toEqual({});
  });

  it("says every problem in Danish, on its field", () => {
    const bad = fromProfile(
      {
        company: " ",
        colour: "#12345",
        paper: "A4",
        contacts: { hr: { phone: "12", email: "hr@" }, counselling: { name: "x".repeat(201), hours: "kl. 8\n16" } },
        films: { "v04-intro": "https://eksempel.dk/æble film" },
        extra: 1,
      },
      EMPTY_DRAFT,
    );
    bad.cards = { cardSize: "90", duplex: "long", blankCards: "-1" };
    const errors = validateDraft(bad);
    expect(Object.keys(errors).sort()).toEqual(
      ["cards.blankCards", "cards.cardSize", "colour", "company", "contacts.counselling.hours", "contacts.counselling.name", "contacts.hr.email", "contacts.hr.name", "contacts.hr.phone", "extra", "films.v04-intro"].sort(),
    );
    for (const [field, message] of Object.entries(errors)) {
      expect(message, field).not.toMatch(/expected|Feltet er ikke gyldigt/);
    }
    expect(errors["contacts.hr.phone"]).toBe("Skriv et telefonnummer som 70\u00a020\u00a030\u00a040 eller +45\u00a070\u00a020\u00a030\u00a040.");
    expect(errors["contacts.counselling.name"]).toBe("Der er plads til højst 200 tegn.");
    expect(errors["contacts.counselling.hours"]).toBe("Skriv det på én linje.");
    expect(errors["films.v04-intro"]).toMatch(/æ, ø og å/);
    expect(errors.extra).toMatch(/Ukendt felt »extra«/);
  });

  it("previews without the fields that have problems, but not without a company name", () => {
    const typing = { ...draft, contacts: { ...draft.contacts, hr: { ...draft.contacts.hr, phone: "86 12" } } };
    const errors = validateDraft(typing);
    expect(Object.keys(errors)).toEqual(["contacts.hr.phone"]);
    const shown = withoutProblems(typing, errors);
    expect(validateDraft(shown)).toEqual({});
    expect((toProfile(shown).contacts as Record<string, unknown>).hr).toEqual({ name: "Personaleafdelingen", email: "hr@bager.dk" });
    const nameless = { ...typing, company: "" };
    expect(Object.keys(validateDraft(withoutProblems(nameless, validateDraft(nameless))))).toEqual(["company"]);
  });

  it("tells the build's warning about an open field in Danish, naming the field as the form does", () => {
    const open = warning("contact.open", { field: "contacts.counselling.phone", materials: "policy, help-card" }, { path: "contacts.counselling.phone" });
    expect(open.message).toBe("contacts.counselling.phone is not in the profile: printed as a line to fill in by hand (policy, help-card).");
    expect(publicWarning(open)).toEqual({ code: "contact.open", path: "contacts.counselling.phone", message: "Rådgivningens telefon er ikke udfyldt: der trykkes en linje, man kan skrive på i hånden." });
  });
});
