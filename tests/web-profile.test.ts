// The page's profile handling without a browser: "Gem profil" writes YAML the CLI reads back to the
// same profile, with init's comments; every problem the shared schema finds is told in Danish.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { loadProfile } from "../src/load/loadProfile.js";
import { PROFILE_COMMENTS, PROFILE_HEADER, profileYaml } from "../src/serve/profileYaml.js";
import { EMPTY_DRAFT, fromProfile, toProfile, toSavedProfile, withoutProblems } from "../web/draft.js";
import { validateDraft } from "../web/validate.js";
import { warningMessage } from "../web/danish.js";
import { fieldName } from "../web/fields.js";

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
  cards: { cardSize: "80x55", duplex: "short", blankCards: 4 },
};
/** `full` as the schema reads it: the card size in millimetres. */
const parsedFull = { ...full, cards: { cardSize: { width: 80, height: 55 }, duplex: "short", blankCards: 4 } };

describe("Gem profil", () => {
  it("writes YAML that workshopkit build reads back to the same profile", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "wk-web-profile-"));
    writeFileSync(path.join(dir, "logo.svg"), '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="80"><rect width="200" height="80" fill="#7A1F5C"/></svg>');
    const file = path.join(dir, "profil.yaml");
    writeFileSync(file, profileYaml(full));
    const loaded = await loadProfile(file);
    expect(loaded.profile).toEqual(parsedFull);
    expect(loaded.logo?.width).toBeGreaterThan(0);
  });

  it("carries a Danish comment above every key the form saves, and the header first", () => {
    const yaml = profileYaml(full);
    const doc = parseDocument(yaml);
    expect(doc.errors).toEqual([]);
    expect(yaml.startsWith(`# ${PROFILE_HEADER.split("\n")[0]}\n`)).toBe(true);
    for (const key of ["company", "logo", "colour", "paper", "contacts", "contacts.hr", "contacts.amr", "contacts.tr", "contacts.counselling", "contacts.psychologist", "contacts.sickLeaveAdvice", "films", "cards"]) {
      const firstLine = PROFILE_COMMENTS[key]!.split("\n")[0]!;
      const name = key.split(".").at(-1)!;
      expect(yaml, key).toMatch(new RegExp(`# ${firstLine.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\n(\\s*#.*\n)*\\s*${name}:`));
    }
    // Danish, not init's English.
    expect(yaml).not.toMatch(/Company profile|The company's name/);
    expect(yaml).toContain("# Virksomhedens navn, som det skal stå i materialerne");
  });

  it("saves everything the form holds, card options too, and opens it again unchanged", async () => {
    const draft = fromProfile(full, EMPTY_DRAFT);
    expect(draft.cards).toEqual({ cardSize: "80x55", duplex: "short", blankCards: "4" });
    const saved = toSavedProfile(draft);
    expect(saved).toEqual(full);
    const dir = mkdtempSync(path.join(tmpdir(), "wk-web-profile-"));
    writeFileSync(path.join(dir, "logo.svg"), '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="80"/>');
    writeFileSync(path.join(dir, "p.yaml"), profileYaml(saved));
    expect((await loadProfile(path.join(dir, "p.yaml"))).profile).toEqual(parsedFull);
    const reopened = fromProfile(parseDocument(profileYaml(saved)).toJS(), EMPTY_DRAFT);
    expect(reopened.cards).toEqual(draft.cards);
    expect(toSavedProfile({ ...reopened, logo: undefined })).toEqual(full);
    // A profile without cards opens with the defaults, and a card key the form lacks is kept for the schema to name.
    expect(fromProfile({ company: "A" }, { ...EMPTY_DRAFT, cards: { cardSize: "100x70", duplex: "none", blankCards: "3" } }).cards).toEqual(EMPTY_DRAFT.cards);
    const odd = fromProfile({ company: "A", cards: { size: "90x60" } }, EMPTY_DRAFT);
    expect(Object.keys(validateDraft(odd))).toEqual(["cards.size"]);
  });
});

describe("the form's checks", () => {
  const draft = fromProfile(full, EMPTY_DRAFT);

  it("takes an opened profile into the form and out again unchanged (the logo is chosen anew)", () => {
    const { logo, cards, ...rest } = full;
    expect(toProfile(draft)).toEqual(rest);
    expect(draft.cards).toEqual({ cardSize: cards.cardSize, duplex: cards.duplex, blankCards: String(cards.blankCards) });
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
    expect(warningMessage("contacts.counselling.phone is not in the profile: printed as a line to fill in by hand (policy, help-card).", fieldName)).toBe(
      "Anonym psykologisk rådgivning › Telefon er ikke udfyldt: der trykkes en linje, man kan skrive på i hånden (policy, help-card).",
    );
  });
});
