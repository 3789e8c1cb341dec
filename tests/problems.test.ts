// Problems are values with codes: every code is said in English and in Danish, the Danish never names a
// command-line option, and the problems the page sees (the schema's, the layout's, a broken file's) come
// with the field they concern.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { problem, WorkshopkitError } from "../src/errors.js";
import { DA, danish } from "../src/problems/da.js";
import { EN, english, type ProblemCode } from "../src/problems/en.js";
import { Profile } from "../src/schema/profile.js";
import { CardCliOptions, DEFAULT_CARD_OPTIONS } from "../src/cards/options.js";
import { zodProblems } from "../src/validate/zodProblems.js";
import { profileSource } from "../src/validate/profileSource.js";
import { draftProblems } from "../src/validate/validate.js";
import { loadContent } from "../src/load/loadContent.js";
import { publicError, publicProblem, requestProblems } from "../src/serve/publicError.js";
import { RoundName, UNPRINTABLE } from "../src/results/schema.js";
import { danishErrors } from "../web/danish.js";
import { z } from "zod";
import { ROOT } from "./support/build.js";

/** Parameters for rendering any message: every one a short text that is also a number. */
const ANY = new Proxy({}, { get: (_, key) => (key === Symbol.toPrimitive ? undefined : "1") }) as never;
const CODES = Object.keys(EN) as ProblemCode[];
/** A command-line option, a command, or the CLI's own vocabulary: none of it belongs on the Danish page. */
const CLI_WORDS = /(^|[\s(»"'])--[a-z]|\bnpx\b|workshopkit (build|validate|init|list|results)\b|\bSOURCE_DATE_EPOCH\b|\bprofile\.yaml\b/;

describe("the catalogues", () => {
  it("say every code in English and in Danish", () => {
    expect(Object.keys(DA).sort()).toEqual([...CODES].sort());
    for (const code of CODES) {
      expect(english(code, ANY).message.trim(), code).not.toBe("");
      expect(danish(code, ANY, { path: "contacts.hr.name" }).trim(), code).not.toBe("");
    }
  });

  it("never show a command-line option, a command or an undefined value in Danish", () => {
    for (const code of CODES) {
      for (const at of [{ path: "" }, { path: "contacts.counselling.name" }, { path: "company" }, { path: "cards.cardSize" }]) {
        const said = danish(code, ANY, at);
        expect(said, code).not.toMatch(CLI_WORDS);
        expect(said, code).not.toMatch(/undefined|\[object/);
      }
    }
  });

  it("catch a Danish message that shows a flag (the check above can fail)", () => {
    expect("Vælg en større --card-size.").toMatch(CLI_WORDS);
    expect("Kør npx workshopkit validate profil.yaml").toMatch(CLI_WORDS);
  });

  it("are where every error of src/ comes from: no WorkshopkitError is made without a code", () => {
    const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(path.join(dir, n)).isDirectory() ? files(path.join(dir, n)) : [path.join(dir, n)]));
    const uncoded = files(path.join(ROOT, "src"))
      .filter((f) => /\.tsx?$/.test(f) && !f.endsWith(path.join("src", "errors.ts")))
      .filter((f) => /new WorkshopkitError\(|WorkshopkitError\.fromProblems\(/.test(readFileSync(f, "utf8")))
      .map((f) => path.relative(ROOT, f));
    expect(uncoded, "use WorkshopkitError.of(code, …) with a code in src/problems/en.ts and da.ts").toEqual([]);
  });
});

describe("problems of the profile's fields", () => {
  const codes = (raw: unknown) => {
    const r = Profile.safeParse(raw);
    return r.success ? [] : zodProblems("profile.yaml", r.error).map((p) => [p.path, p.code]);
  };

  it("have a code for each kind of mistake, and keep the schema's English", () => {
    expect(
      codes({
        company: "Firma\nApS",
        colour: "#12345",
        paper: "A5",
        folder: "Mit Firma",
        contacts: { hr: { phone: "12", email: "hr@" }, counselling: { name: "x".repeat(201), hours: "kl. 8\u0007" }, amr: { name: "" } },
        films: { intro: "https://eksempel.dk/æble film", other: "ftp://x" },
        extra: 1,
      }).sort(),
    ).toEqual(
      [
        ["company", "text.lineBreak"],
        ["colour", "profile.colour"],
        ["paper", "profile.paper"],
        ["folder", "profile.folder"],
        ["contacts.hr.name", "field.required"],
        ["contacts.hr.phone", "contact.phone"],
        ["contacts.hr.email", "contact.email"],
        ["contacts.counselling.name", "text.tooLong"],
        ["contacts.counselling.hours", "text.controlCharacter"],
        ["contacts.amr.name", "field.blank"],
        ["films.intro", "film.urlCharacters"],
        ["films.other", "film.url"],
        ["extra", "field.unknown"],
      ].sort(),
    );
    const [phone] = zodProblems("p", Profile.safeParse({ company: "A", contacts: { hr: { name: "H", phone: "12" } } }).error!);
    expect(phone!.message).toBe('expected a phone number like "70 20 30 40" or "+45 70 20 30 40"');
  });

  it("say the card options' problems on their fields, in Danish without the flags", () => {
    const r = CardCliOptions.strict().safeParse({ cardSize: "300x60", duplex: "sideways", blankCards: "200" });
    const problems = zodProblems("options", r.error!, "cards.");
    expect(problems.map((p) => [p.path, p.code]).sort()).toEqual([["cards.blankCards", "cards.blankCardsMax"], ["cards.cardSize", "cards.cardSide"], ["cards.duplex", "cards.duplex"]]);
    expect(problems.map((p) => danish(p.code, p.params as never, p))).toEqual(expect.arrayContaining(["Hver side skal være 40–200 mm.", "Skriv et helt tal fra 0 til 96."]));
  });
});

describe("a broken profile file", () => {
  const danishOf = (source: string) => {
    try {
      const { problems } = profileSource("profil.yaml", source);
      return problems.map((p) => [p.path, danish(p.code, p.params as never, p)]);
    } catch (err) {
      if (!(err instanceof WorkshopkitError)) throw err;
      return [["", danish(err.code, err.params as never, err)], ...err.problems.map((p) => [p.path, danish(p.code, p.params as never, p)])];
    }
  };

  it("is explained in Danish: an unquoted #colour on its field, a syntax error with its line", () => {
    expect(danishOf("company: Firma\ncolour: #FFE066\n")).toEqual([["colour", expect.stringMatching(/anførselstegn.*kommentar/)]]);
    const syntax = danishOf("company: Firma\ncontacts:\n  hr:\n    name: HR\n   phone: 12 34 56 78\n");
    expect(syntax[0]![1]).toMatch(/kan ikke læses som en profil/);
    expect(syntax.slice(1).map(([, m]) => m).join(" ")).toMatch(/Linje 5/);
    expect(danishOf("company: Firma\n\tcolour: '#123456'\n").flat().join(" ")).toMatch(/Linje 2/);
    expect(danishOf("- a\n- b\n")).toEqual([["", expect.stringMatching(/ikke en profil/)]]);
  });
});

describe("what only the layout finds", () => {
  it("names the field: contacts too long for the help card, a card too large for the paper, decks on tiny cards", async () => {
    const toolkit = await loadContent(path.join(ROOT, "content"));
    const profile = Profile.parse({ company: "Firma ApS", contacts: { counselling: { name: "Rådgivning ".repeat(16).trim(), phone: "70 20 30 40" } } });
    const [long] = draftProblems(toolkit, profile);
    expect(long).toMatchObject({ code: "helpCard.entryTooLong", path: "contacts.counselling.name" });
    expect(long!.message).toMatch(/--card-size/); // the CLI names its flag …
    const onPage = publicError(WorkshopkitError.of(long!.code, long!.params as never, long!))!;
    expect(onPage.problems).toEqual([{ path: "contacts.counselling.name", code: "helpCard.entryTooLong", message: expect.stringMatching(/^Kontaktens tekst er for lang til hjælpekortet/) }]);
    expect(onPage.error).not.toMatch(CLI_WORDS); // … the page never does

    const big = draftProblems(toolkit, Profile.parse({ company: "Firma" }), { ...DEFAULT_CARD_OPTIONS, size: { width: 200, height: 200 } });
    expect(big).toEqual([expect.objectContaining({ code: "cards.tooLargeForPaper", path: "cards.cardSize" })]);
    expect(danish(big[0]!.code, big[0]!.params as never, big[0]!)).toMatch(/kan ikke være på et A4-ark/);

    const tiny = draftProblems(toolkit, Profile.parse({ company: "Firma" }), { ...DEFAULT_CARD_OPTIONS, size: { width: 40, height: 40 } });
    expect(tiny).toEqual([expect.objectContaining({ path: "cards.cardSize" })]);
    expect(danish(tiny[0]!.code, tiny[0]!.params as never, tiny[0]!)).toMatch(/Vælg en større kortstørrelse/);

    const glyph = draftProblems(toolkit, Profile.parse({ company: "Smiley \u{1F600} ApS" }));
    expect(glyph).toEqual([expect.objectContaining({ code: "text.missingGlyphs", path: "company" })]);
    expect(danish(glyph[0]!.code, glyph[0]!.params as never, glyph[0]!)).toBe("Skriften kan ikke trykke tegnet »\u{1F600}« (U+1F600). Erstat det med andre tegn.");
  });

  it("puts a problem of the toolkit's own files at the top of the page, not on a field named by a content path", () => {
    const inContent = problem("content.unknownDeck", { deck: "x" }, { file: "content/tools/v04.yaml", path: "steps[2].blocks[0].deck" });
    expect(publicProblem(inContent)).toEqual({ path: "", code: "content.unknownDeck", message: expect.stringMatching(/fejl i værktøjskassens indhold/) });
    expect(publicProblem(problem("contact.phone", { detail: "x" }, { file: "profile", path: "contacts.hr.phone" })).path).toBe("contacts.hr.phone");
    expect(publicProblem(problem("helpCard.entryTooLong", { face: "front", width: 90, height: 60, entry: "HR: …", min: 6 }, { file: "profile", path: "contacts.hr" })).path).toBe("contacts.hr.name");
  });

  it("renders the English of a problem from its code, as the CLI printed it before codes", () => {
    expect(problem("text.missingGlyphs", { characters: "☃x", codePoints: "U+2603, U+0078" }, { file: "p" }).message).toBe('the font cannot print "☃" (U+2603), "x" (U+0078); replace them with other characters');
    expect(WorkshopkitError.of("options.unknownMaterial", { ids: "v99", count: 1, valid: "v01" }).message).toBe("Unknown material id for --only: v99.");
  });
});

describe("a round's name (Resultater)", () => {
  it("is refused in Danish from its problem's code, on the page and by the server alike, whatever the schema's English says", () => {
    // The same rules worded otherwise: a message matched by its English wording would change with it.
    const reworded = z.string().trim().min(1, "navnløs").max(80, "lang").refine((s) => !UNPRINTABLE.test(s), "styretegn");
    for (const schema of [RoundName, reworded]) {
      const onPage = (name: string) => danishErrors(schema.safeParse(name).error!, "round").round;
      const byServer = (name: string) => requestProblems(z.object({ round: schema }).safeParse({ round: name }).error!);
      expect(onPage("x".repeat(81))).toBe("Rundens navn må højst være 80 tegn.");
      expect(onPage("Forår\u00072027")).toBe("Rundens navn skal være én linje tekst uden styretegn.");
      expect(onPage("  ")).toBe("Giv runden et navn, fx »Forår 2027«.");
      expect(byServer("x".repeat(81))).toEqual([{ path: "round", code: "text.tooLong", message: "Rundens navn må højst være 80 tegn." }]);
      expect(byServer("Forår\u001b[31m")).toEqual([{ path: "round", code: "field.invalid", message: "Rundens navn skal være én linje tekst uden styretegn." }]);
    }
    expect(requestProblems(z.object({ round: RoundName }).safeParse({}).error!)).toEqual([{ path: "round", code: "field.required", message: "Giv runden et navn, fx »Forår 2027«." }]);
  });

  it("names a character the report's font lacks from the catalogue", () => {
    expect(danish("results.roundGlyphs", { characters: "»🌸«", count: 1 }, { path: "round" })).toBe("Rapportens skrift kan ikke vise »🌸«. Giv runden et navn uden det tegn.");
  });
});
