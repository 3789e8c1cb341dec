// The pipeline end to end on the example company: real PDFs, read back.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PDFDocument, PDFName, PDFString } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { sha256 } from "../src/finish/manifest.js";
import { openPdf } from "../src/render/checkLayout.js";
import type { BuildResult } from "../src/pipeline.js";
import { buildPack, EXAMPLE_PROFILE, pdfText, readPdf, ROOT, tempDir } from "./support/build.js";

let first: BuildResult;
let second: BuildResult;

beforeAll(async () => {
  // Rendered afresh both times (not the run's cache): the determinism test below compares two renders.
  first = await buildPack({ only: ["policy", "v03"], cacheDir: false });
  second = await buildPack({ only: ["policy", "v03"], cacheDir: false });
});

describe("the policy template, branded", () => {
  it("has the company's name and contacts where the source had placeholders", () => {
    const text = pdfText(path.join(first.dir, "policy.pdf")).replace(/\s+/g, " ");
    expect(text).toContain("I Nordlys Maskinfabrik A/S er det vores målsætning");
    expect(text).toContain("Falck Healthcare");
    expect(text).toContain("70 10 20 30");
    expect(text).toContain("HR-chef Lars Winther");
    for (const leftover of ["XXXX", "xxxx", "[virksomhed]", "[vores virksomhed]", "{", "}"]) expect(text).not.toContain(leftover);
  });

  it("leaves no placeholder in the tool examples (which are other companies' cases, #9: not given the reader's name)", () => {
    const text = pdfText(path.join(first.dir, "v03.pdf")).replace(/\s+/g, " ");
    expect(text).toContain("I vores virksomhed går vi ind for god mental sundhed");
    for (const leftover of ["[virksomhed]", "{", "}"]) expect(text).not.toContain(leftover);
  });

  it("is A4, with Lato embedded as a subset", () => {
    const r = spawnSync("pdffonts", [path.join(first.dir, "policy.pdf")], { encoding: "utf8" });
    const fonts = r.stdout.split("\n").slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) {
      expect(line).toMatch(/^[A-Z]{6}\+Lato-/); // subset tag
      expect(line).toMatch(/ yes yes /); // embedded, subset
    }
  });

  it("carries title, author, subject and language", async () => {
    const pdf = await PDFDocument.load(readPdf(first, "policy"), { updateMetadata: false });
    const page = pdf.getPage(0);
    expect(page.getWidth()).toBeCloseTo(595.28, 1);
    expect(page.getHeight()).toBeCloseTo(841.89, 1);
    expect(pdf.getTitle()).toBe("Vores mentale sundhedspolitik – Nordlys Maskinfabrik A/S");
    expect(pdf.getAuthor()).toBe("Nordlys Maskinfabrik A/S");
    expect(pdf.getSubject()).toBe("Fællesskaber Skaber Mental Sundhed");
    expect(pdf.catalog.lookup(PDFName.of("Lang"), PDFString).decodeText()).toBe("da-DK");
    expect(pdf.getCreationDate()?.toISOString()).toBe("2026-11-23T00:00:00.000Z");
  });
});

describe("determinism", () => {
  it("gives byte-identical PDFs for the same input", () => {
    for (const id of ["policy", "v03"]) {
      expect(sha256(readFileSync(path.join(second.dir, `${id}.pdf`)))).toBe(sha256(readFileSync(path.join(first.dir, `${id}.pdf`))));
    }
    expect(readFileSync(path.join(second.dir, "manifest.json"), "utf8")).toBe(readFileSync(path.join(first.dir, "manifest.json"), "utf8"));
  });
});

describe("film addresses", () => {
  it("prints a film's address as a link with a QR code where the profile gives one", async () => {
    const dir = tempDir("wk-film-");
    const profile = path.join(dir, "film.yaml");
    writeFileSync(profile, readFileSync(EXAMPLE_PROFILE, "utf8").replace("../assets/default-logo.svg", path.join(ROOT, "assets/default-logo.svg")).replace("films: {}", "films:\n  v04-intro: https://example.dk/film/v04"));
    const withFilm = await buildPack({ profile, only: ["v04"] });
    const text = pdfText(path.join(withFilm.dir, "v04.pdf"));
    expect(text).toContain("https://example.dk/film/v04");
    const pdf = await openPdf(readPdf(withFilm, "v04"));
    const links: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) for (const a of await (await pdf.getPage(n)).getAnnotations()) if (a.url) links.push(a.url);
    await pdf.destroy();
    expect(links).toContain("https://example.dk/film/v04");
  });
});
