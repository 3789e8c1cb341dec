// Issue 9, items 1–5 and 13: what the pack says is true of the company, points at what is really
// there, and tells a newcomer what the toolkit holds. Read back from the PDFs with pdftotext.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../src/load/loadContent.js";
import { openPdf, textRuns } from "../src/render/checkLayout.js";
import type { BuildResult } from "../src/pipeline.js";
import { collectStrings } from "../src/resolve/mapStrings.js";
import { WRITE_IN } from "../src/resolve/placeholders.js";
import { listMaterials } from "../src/resolve/resolve.js";
import type { Toolkit } from "../src/schema/toolkit.js";
import { buildPack, pdfText, ROOT, tempDir } from "./support/build.js";

let toolkit: Toolkit;
let example: BuildResult;
let sparse: BuildResult;

const LONG_NAME = "Vestjyllands Andelsbaserede Maskin- og Værktøjsfabrik for Landbrug og Industri A/S";
const FILM_URL = "https://example.org/film/psykologisk-tryghed";

/** A long company name on US Letter; no hours, AMR, TR, psychologist or sick-leave adviser; one film address of many. */
function sparseProfile(): string {
  const file = path.join(tempDir("wk-booklet-"), "sparse.yaml");
  writeFileSync(
    file,
    [
      `company: ${LONG_NAME}`,
      "paper: LETTER",
      "contacts:",
      "  counselling: { name: Rådgivningen, phone: 70 20 30 40 }",
      "  hr: { name: Anne Hansen, phone: 12 34 56 78 }",
      "films:",
      `  v09-psykologisk-tryghed: ${FILM_URL}`,
    ].join("\n"),
  );
  return file;
}

/** A material's text, whitespace folded to single spaces. */
const text = (result: BuildResult, id: string) => pdfText(path.join(result.dir, `${id}.pdf`)).replace(/\s+/g, " ");
const pdfs = (result: BuildResult) => result.files.map((f) => f.file).filter((f) => f.endsWith(".pdf") && !f.endsWith("-pakke.pdf"));

beforeAll(async () => {
  toolkit = await loadContent(path.join(ROOT, "content"));
  [example, sparse] = await Promise.all([
    buildPack({ only: ["intro", "v01", "v01-scoring", "v03", "v04", "v05", "v09", "v09-tryghedskort", "policy"] }),
    buildPack({ profile: sparseProfile(), only: ["intro", "v02", "v09", "v09-tryghedskort", "policy"] }),
  ]);
}, 120_000);

describe("1. no fixed sentence contradicts the profile", () => {
  it("gives the counselling line's hours from the profile, never 'døgnet rundt'", () => {
    const policy = text(example, "policy");
    expect(policy).not.toMatch(/døgnet/i);
    expect(policy).toContain("Falck Healthcare for anonym psykologisk rådgivning. Ring på telefon 70 10 20 30, hverdage kl. 8–20");
  });

  it("claims no hours where the profile gives none: a line to write them on", () => {
    const policy = text(sparse, "policy");
    expect(policy).not.toMatch(/døgnet/i);
    expect(policy).toContain(`Ring på telefon 70 20 30 40, ${WRITE_IN}`);
    expect(sparse.warnings.find((w) => w.message.startsWith("contacts.counselling.hours "))?.message).toContain("policy");
  });

  it("prints the counselling phone only with the profile's hours beside it, in every content file", () => {
    const strings = [...toolkit.tools, ...toolkit.documents, toolkit.cards.helpCard].flatMap((tree) => collectStrings(tree).map((s) => s.text));
    const withPhone = strings.filter((s) => s.includes("{counselling.phone}"));
    expect(withPhone.length).toBeGreaterThanOrEqual(2);
    for (const s of withPhone) {
      expect(s, s).toContain("{counselling.hours}");
      expect(s, s).not.toMatch(/døgn|24 timer|hele tiden|altid/i);
    }
  });
});

describe("2. no instructions to the booklet's reader", () => {
  it("drops 'Lægges som bilag' and frames the policy as an example", () => {
    for (const f of pdfs(example)) expect(text(example, f.replace(/\.pdf$/, "")), f).not.toMatch(/lægges som bilag/i);
    // A draft for the reader's company, and its heading says so.
    expect(text(example, "policy")).toMatch(/^Vores mentale sundhedspolitik Vores mentale sundhedspolitik Eksempel på en mental sundhedspolitik: et udkast, som Nordlys Maskinfabrik A\/S kan tilpasse Formål/);
  });
});

describe("3. other companies' stories are not told as ours", () => {
  it("frames each example of Værktøj 3 as another company's, with no company name inside", () => {
    const v03 = text(example, "v03");
    const examples = v03.slice(v03.indexOf("Herunder kan du se tre eksempler"), v03.indexOf("HJÆLPESPØRGSMÅL"));
    // The page footer carries the company name; nothing else in the examples may.
    const body = examples.replace(/Nordlys Maskinfabrik A\/S Side \d+ af \d+/g, "");
    expect(body).not.toContain("Nordlys");
    expect(body.match(/Fra en virksomhed i projektet/g)).toHaveLength(3);
    expect(body).toContain("I vores virksomhed går vi ind for god mental sundhed");
    expect(body).toContain("Mental Sundhed i vores virksomhed er:");
    expect(body).toContain("Arbejdsmiljørepræsentanterne har været på tur");
  });

  it("puts the reader's company into no story told in the past tense or in another company's voice", () => {
    // "{company}" stays in the policy (the reader's own draft); nowhere in a tool's example box.
    for (const tool of toolkit.tools) {
      const boxes = tool.steps.flatMap((s) => s.blocks).filter((b) => b.type === "box");
      for (const box of boxes) expect(JSON.stringify(box), `${tool.id}: ${box.title ?? ""}`).not.toContain("{company}");
    }
  });
});

describe("4. every promise is kept", () => {
  const levels = ["PASSIV: Virksomheden gør ikke noget", "REAKTIV: Virksomheden gør kun noget, hvis der er problemer", "AKTIV: Virksomhederne arbejder ud fra formelle krav – gør det, de skal", "FOREBYGGENDE: Virksomhederne arbejder løbende med at forebygge mentale sundhedsudfordringer", "SKABENDE: Mental sundhed er hele tiden integreret i virksomhedens tankegang"];

  it("lists the five maturity levels after the sentence that announces them, on the worksheet and the scoring sheet", () => {
    // The worksheet: a list right after the sentence.
    expect(text(example, "v01")).toContain(`fem modenhedsniveauer i forhold til forebyggelse: ${levels.map((l) => `• ${l}`).join(" ")}`);
    // The scoring sheet: the sentence, then the five level tables, each headed by the level and its description.
    const sheet = text(example, "v01-scoring");
    let from = sheet.indexOf("fem modenhedsniveauer i forhold til forebyggelse:");
    expect(from).toBeGreaterThan(0);
    expect(sheet.slice(from).match(/^fem modenhedsniveauer i forhold til forebyggelse: PASSIV /)).not.toBeNull();
    for (const level of levels) {
      const [name, description] = level.split(": ");
      const at = sheet.indexOf(` ${name} `, from);
      expect(at, name).toBeGreaterThan(from);
      expect(sheet.slice(at, at + 200), name).toContain(description);
      from = at;
    }
  });

  it("says 'næste side', 'se nedenfor' or 'her' for a video nowhere", () => {
    for (const result of [example, sparse]) {
      for (const f of pdfs(result)) {
        const t = text(result, f.replace(/\.pdf$/, ""));
        expect(t, f).not.toMatch(/næste side|se nedenfor|video om mental sundhed her/i);
      }
    }
  });

  it("names another material only by a title the pack really has", () => {
    const titles = new Set(listMaterials(toolkit).map((m) => m.title));
    const named = new Set<string>();
    for (const f of pdfs(example)) for (const [, title] of text(example, f.replace(/\.pdf$/, "")).matchAll(/»([^«]+)«/g)) named.add(title!);
    expect(named).toEqual(new Set(["Værktøj 1: Scoreskema", "Værktøj 9: Dialogkort om psykologisk tryghed", "Vores mentale sundhedspolitik"]));
    for (const title of named) expect(titles, title).toContain(title);
  });

  it("gives a film without an address a line to write it on, and lists it as open; a film with one its link", () => {
    const intro = text(sparse, "intro");
    expect(intro).toContain(`Se video om mental sundhed Filmens adresse: ${WRITE_IN}`);
    const v09 = text(sparse, "v09");
    expect(v09).toContain(FILM_URL);
    expect(v09).not.toContain("Filmens adresse");
    const open = sparse.warnings.map((w) => w.message).filter((m) => m.startsWith("films."));
    expect(open.find((m) => m.startsWith("films.mental-sundhed "))).toMatch(/intro, v02/);
    expect(open.some((m) => m.startsWith("films.v09-psykologisk-tryghed "))).toBe(false);
  });
});

describe("repeated content appears once", () => {
  it("prints Værktøj 5's four stress types once; the leader's page points to them", () => {
    const v05 = text(example, "v05");
    for (const type of ["Klassisk stress:", "Den moderne stress:", "Den relationelle stress:", "Kriserelateret stress:"]) expect(v05.split(type).length - 1, type).toBe(1);
    expect(v05).toContain("Vi har delt årsager til stress op i fire hovedområder i step 2.");
  });
});

describe("5. one home for the scoring", () => {
  it("scores on the scoring sheet only; the worksheet points to it by title", async () => {
    const v01 = text(example, "v01");
    expect(v01).toContain("Udsagnene scorer I på arket »Værktøj 1: Scoreskema«.");
    for (const s of ["SCORE 1–5", "Lavt niveau", "Mellemniveau", "Højt niveau", "Vi ansætter robuste mennesker"]) {
      expect(v01, s).not.toContain(s);
      expect(text(example, "v01-scoring"), s).toContain(s);
    }
    const form = (await PDFDocument.load(readFileSync(path.join(example.dir, "v01.pdf")))).getForm();
    expect(form.getFields().map((f) => f.getName())).toEqual([]);
    // The worksheet is one page; the scoring sheet keeps its two (the levels' list added none).
    expect(example.files.find((f) => f.file === "v01.pdf")?.pages).toBe(1);
    expect(example.files.find((f) => f.file === "v01-scoring.pdf")?.pages).toBe(2);
  });
});

describe("13. orientation for a newcomer", () => {
  it("opens the introduction with an overview of the eleven tools: number, title, for whom, time, purpose", async () => {
    // Content-stream order (pdf.js): a table's cells one after another, not interleaved line by line.
    const pdf = await openPdf(new Uint8Array(readFileSync(path.join(example.dir, "intro.pdf"))));
    const intro = (await textRuns(pdf)).runs.map((r) => r.text).join(" ").replace(/\s+/g, " ");
    await pdf.destroy();
    const at = intro.indexOf("Her finder I værktøjer til at komme i gang");
    expect(at).toBeGreaterThan(0);
    const overview = intro.slice(at, intro.indexOf("God fornøjelse."));
    let from = 0;
    for (const tool of toolkit.tools) {
      const row = [`Værktøj ${tool.number}`, tool.title, tool.audience, tool.time, tool.purpose].map((s) => s.replace(/\s+/g, " ").replace(/(\d)-(\d)/g, "$1–$2"));
      const start = overview.indexOf(`Værktøj ${tool.number} `, from);
      expect(start, `Værktøj ${tool.number}`).toBeGreaterThanOrEqual(from);
      // Every cell of the row lies before the next tool's (words may be hyphenated across lines).
      const next = tool.number < 11 ? overview.indexOf(`Værktøj ${tool.number + 1} `, start) : overview.length;
      const cells = overview.slice(start, next).replace(/-\s/g, "").replace(/\s/g, "");
      for (const cell of row) expect(cells, `Værktøj ${tool.number}: ${cell}`).toContain(cell.replace(/\s/g, "").replace(/-/g, ""));
      from = start + 1;
    }
  });

  it("gives the Værktøj 9 deck a run-sheet cover from its own steps, on one page, on A4 and Letter", () => {
    const v09 = toolkit.tools.find((t) => t.id === "v09")!;
    for (const result of [example, sparse]) {
      const cover = pdfText(path.join(result.dir, "v09-tryghedskort.pdf")).split("\f")[0]!.replace(/\s+/g, " ");
      expect(cover).toContain(`Køreplan (${v09.time})`);
      let from = 0;
      for (const step of v09.steps) {
        const at = cover.indexOf(`STEP ${step.number}`, from);
        expect(at, step.title).toBeGreaterThanOrEqual(from);
        from = at;
      }
      expect(cover).toContain("Lav øvelsen i mindre grupper.");
      expect(cover).toContain("Sådan printer og klipper du kortene");
    }
  });
});
