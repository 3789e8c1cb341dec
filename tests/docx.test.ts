// The Word files (issue #20) read back by the programs people use: LibreOffice opens and converts
// them, python-docx reads their styles, language and properties; the text is the PDF's, sentence for sentence.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unzipSync } from "fflate";
import { createServer } from "../src/serve/server.js";
import type { BuildResult } from "../src/pipeline.js";
import { loadContent } from "../src/load/loadContent.js";
import { CONTENT_DIR } from "../src/load/contentDir.js";
import { danishTypography } from "../src/resolve/typography.js";
import { WRITE_IN } from "../src/resolve/placeholders.js";
import { sha256 } from "../src/finish/manifest.js";
import { brandInk, contrast } from "../src/cards/colour.js";
import { resolve } from "../src/resolve/resolve.js";
import { wordFiles } from "../src/docx/wordFiles.js";
import { markWriteIns, segments } from "../src/docx/writeIns.js";
import { buildPack, pdfText, ROOT, tempDir } from "./support/build.js";
import { listenLocal } from "./support/listen.js";

const DOCS = ["policy", "stress-guidelines", "manager-guide"];
const DATE = new Date("2026-03-01T12:34:56Z");

/** A company that tests the edges: a long name, a light colour, open contacts, US Letter, no logo. */
const HARD_COMPANY = "Andelsselskabet Østjyske Vognmænds, Smedes og Entreprenørers Fælles Værksted, Reservedelslager og Kursuscenter af 1987 A.m.b.a.";
const HARD_PROFILE = `company: ${HARD_COMPANY}
colour: "#FFE066"
paper: Letter
contacts:
  hr:
    name: Personalekontoret
  counselling:
    name: Rådgivningsfirmaet
`;

const read = (result: BuildResult, file: string) => new Uint8Array(readFileSync(path.join(result.dir, file)));

/**
 * LibreOffice, headless, with a profile of its own: every file in one run per target format. It sets the
 * files in the project's Lato (assets/fonts.conf), as Word does where Lato is installed, on any machine.
 */
function soffice(files: string[], format: string, outdir: string): void {
  const profile = `file://${tempDir("wk-lo-")}`;
  const env = { ...process.env, FONTCONFIG_FILE: path.join(ROOT, "assets/fonts.conf") };
  const r = spawnSync("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", format, "--outdir", outdir, ...files], { encoding: "utf8", env, timeout: 120_000 });
  expect(r.status, r.stderr).toBe(0);
}

/** What python-docx reads from a file: paragraphs with their style names, highlighted runs, the language, properties and page. */
const READER = String.raw`
import json, sys, docx
from docx.oxml.ns import qn
out = []
for name in sys.argv[1:]:
    d = docx.Document(name)
    lang = d.styles.element.find(qn('w:docDefaults')).find(qn('w:rPrDefault')).find(qn('w:rPr')).find(qn('w:lang')).get(qn('w:val'))
    runs_lang = sorted({l.get(qn('w:val')) for l in d.element.body.iter(qn('w:lang'))})
    paragraphs = [{"style": p.style.name, "text": p.text} for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            for cell in row.cells:
                paragraphs += [{"style": p.style.name, "text": p.text} for p in cell.paragraphs]
    highlighted = [r.text for p in d.paragraphs for r in p.runs if r.font.highlight_color is not None]
    s = d.sections[0]
    c = d.core_properties
    out.append({"lang": lang, "runsLang": runs_lang, "paragraphs": paragraphs, "highlighted": highlighted,
                "styles": [st.name for st in d.styles], "tableStyles": sorted({t.style.name for t in d.tables if t.style is not None}),
                "page": [s.page_width.pt, s.page_height.pt, s.left_margin.mm, s.top_margin.mm],
                "heading1Colour": str(d.styles['Heading 1'].font.color.rgb), "logos": len(d.sections[0].header.part.package.image_parts),
                "title": c.title, "author": c.author, "language": c.language,
                "created": c.created.isoformat(), "modified": c.modified.isoformat()})
print(json.dumps(out))
`;

interface DocxFacts {
  lang: string;
  runsLang: string[];
  paragraphs: { style: string; text: string }[];
  highlighted: string[];
  styles: string[];
  tableStyles: string[];
  heading1Colour: string;
  logos: number;
  page: [number, number, number, number];
  title: string;
  author: string;
  language: string;
  created: string;
  modified: string;
}

function pythonDocx(files: string[]): DocxFacts[] {
  const r = spawnSync("/usr/bin/python3", ["-c", READER, ...files], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`python-docx failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as DocxFacts[];
}

/**
 * Sentences as compared: the PDF's running header and footer taken out (the title and the company's
 * name, which the header and footer repeat on every page, and "Side n af m"), the same on both sides;
 * list markers at a line's start dropped (LibreOffice writes Word's numbering as text, pdftotext the
 * PDF's drawn markers); then only letters, digits and punctuation, so that line breaks, hyphenation
 * and no-break spaces do not count.
 */
function sentences(text: string, furniture: string[]): string[] {
  let t = text.replace(/^\uFEFF/, "").replace(/^[ \t]*(?:•|…|☐|\d{1,2}\.)[ \t]+/gm, "");
  t = t.replace(/\s+/g, " ");
  for (const f of furniture) t = t.split(f.replace(/\s+/g, " ")).join(" ");
  t = t.replace(/Side \d+ af \d+/g, " ");
  return t
    .split(/(?<=[.!?:])\s+/)
    .map((s) => s.replace(/[\s\u00AD\u2011-]+/g, ""))
    .filter((s) => s.length > 0);
}

describe("Word files beside the PDFs", () => {
  let example: BuildResult;
  let hard: BuildResult;
  let hardAgain: BuildResult;
  let work: string;

  beforeAll(async () => {
    const dir = tempDir("wk-docx-");
    const profile = path.join(dir, "hard.yaml");
    writeFileSync(profile, HARD_PROFILE);
    example = await buildPack({ only: DOCS, date: DATE });
    hard = await buildPack({ profile, only: DOCS, date: DATE });
    // The same company again, alone and in another time zone: the same bytes.
    const tz = process.env.TZ;
    process.env.TZ = "America/Los_Angeles";
    try {
      hardAgain = await buildPack({ profile, only: ["policy"], date: DATE });
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
    // LibreOffice converts all six in one run for each format.
    work = path.join(dir, "lo");
    mkdirSync(work);
    const copies: string[] = [];
    for (const [who, result] of [["example", example], ["hard", hard]] as const) {
      for (const id of DOCS) {
        const copy = path.join(work, `${who}-${id}.docx`);
        copyFileSync(path.join(result.dir, `${id}.docx`), copy);
        copies.push(copy);
      }
    }
    // Tagged, as Word's and LibreOffice's "Save as PDF" can make it from the styles.
    soffice(copies, 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}', work);
    soffice(copies, "txt:Text (encoded):UTF8", work);
  });

  it("are written for the documents in the build, listed in the manifest with their sha256, and in the result", () => {
    for (const result of [example, hard]) {
      const manifest = JSON.parse(new TextDecoder().decode(read(result, "manifest.json"))) as { files: { file: string; sha256: string }[] };
      for (const id of DOCS) {
        const entry = manifest.files.find((f) => f.file === `${id}.docx`);
        expect(entry, `${id}.docx in manifest.json`).toBeDefined();
        expect(entry!.sha256).toBe(sha256(read(result, `${id}.docx`)));
      }
      expect(result.word.map((w) => w.file)).toEqual(DOCS.map((id) => `${id}.docx`));
    }
    // --only policy: the policy's Word file, not the others'.
    expect(existsSync(path.join(hardAgain.dir, "policy.docx"))).toBe(true);
    expect(existsSync(path.join(hardAgain.dir, "manager-guide.docx"))).toBe(false);
    expect(hardAgain.word.map((w) => w.file)).toEqual(["policy.docx"]);
  });

  it("are byte-identical when built again (alone, in another time zone)", () => {
    expect(Buffer.compare(read(hard, "policy.docx"), read(hardAgain, "policy.docx"))).toBe(0);
  });

  it("open in LibreOffice, which converts each to a tagged PDF on the profile's paper and to text", () => {
    for (const who of ["example", "hard"]) {
      for (const id of DOCS) {
        const pdf = path.join(work, `${who}-${id}.pdf`);
        expect(existsSync(pdf), pdf).toBe(true);
        const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout;
        expect(info).toMatch(who === "hard" ? /Page size:\s+612 x 792 pts/ : /Page size:\s+595\.\d+ x 841\.\d+ pts/);
        expect(readFileSync(path.join(work, `${who}-${id}.txt`), "utf8").length).toBeGreaterThan(1000);
        // The styles make its structure: headings and lists in the PDF's structure tree.
        const tags = spawnSync("pdfinfo", ["-struct", pdf], { encoding: "utf8" }).stdout;
        for (const tag of ["H1", "H2", "L", "LI"]) expect(tags, `${who}-${id}.pdf has ${tag}`).toMatch(new RegExp(`^\\s*${tag} \\(`, "m"));
      }
    }
  });

  it("hold every sentence of their PDFs, with the company's name and contacts filled in", () => {
    for (const [who, result, company] of [["example", example, "Nordlys Maskinfabrik A/S"], ["hard", hard, HARD_COMPANY]] as const) {
      for (const id of DOCS) {
        const title = result.files.find((f) => f.file === `${id}.pdf`)!.title;
        const furniture = [company, title];
        // A write-in is a line in the PDF and says what belongs there in Word: the one difference, made explicit.
        const word = readFileSync(path.join(work, `${who}-${id}.txt`), "utf8").replace(/\[Udfyld: [^\]]+\]/g, WRITE_IN);
        const wordText = sentences(word, furniture).join("");
        const pdf = sentences(pdfText(path.join(result.dir, `${id}.pdf`)), furniture);
        expect(pdf.length).toBeGreaterThan(30);
        const missing = pdf.filter((s) => !wordText.includes(s));
        expect(missing, `${who} ${id}.docx lacks sentences of ${id}.pdf`).toEqual([]);
      }
    }
    const policy = readFileSync(path.join(work, "example-policy.txt"), "utf8");
    expect(policy).toContain("Falck Healthcare");
    expect(policy).toMatch(/tlf\.\s86\s12\s34\s50/);
  });

  it("have Word's built-in styles for the structure, in Danish, with title, author and dates", async () => {
    const toolkit = await loadContent(CONTENT_DIR);
    const [policy, ...rest] = pythonDocx(DOCS.map((id) => path.join(example.dir, `${id}.docx`)));
    for (const [i, facts] of [policy!, ...rest].entries()) {
      const doc = toolkit.documents.find((d) => d.id === DOCS[i])!;
      expect(facts.paragraphs.filter((p) => p.style === "Title").map((p) => p.text)).toEqual([danishTypography(doc.title)]);
      expect(facts.paragraphs.filter((p) => p.style === "Heading 1").map((p) => p.text)).toEqual(doc.sections.map((s) => danishTypography(s.heading)));
      expect(facts.paragraphs.some((p) => p.style === "Heading 2")).toBe(true);
      expect(facts.paragraphs.some((p) => p.style === "List Bullet")).toBe(true);
      expect(facts.styles).toEqual(expect.arrayContaining(["Title", "Heading 1", "Heading 2", "Heading 3", "List Bullet", "List Number", "Table Grid"]));
      expect(facts.lang).toBe("da-DK");
      expect(facts.runsLang.every((l) => l === "da-DK")).toBe(true);
      expect(facts.title).toBe(danishTypography(doc.title));
      expect(facts.author).toBe("Nordlys Maskinfabrik A/S");
      expect(facts.language).toBe("da-DK");
      expect([facts.created, facts.modified]).toEqual(["2026-03-01T12:34:56", "2026-03-01T12:34:56"]); // the build's date, in UTC
      expect(facts.page[0]).toBeCloseTo(595.3, 0); // A4
      expect(facts.page[2]).toBeCloseTo(18, 0); // the PDFs' side margin
    }
    // The guide's boxes and writing spaces are tables in Word's Table Grid, box titles Heading 3.
    expect(rest[1]!.tableStyles).toContain("Table Grid");
    expect(rest[1]!.paragraphs.some((p) => p.style === "Heading 3")).toBe(true);
  });

  it("say what belongs where the profile leaves a contact out, highlighted, and the build says so", () => {
    const [policy] = pythonDocx([path.join(hard.dir, "policy.docx")]);
    expect(policy!.page.slice(0, 2)).toEqual([612, 792]); // US Letter
    // #FFE066 is too light for text on white: the headings have the PDFs' darker shade of it.
    const shade = brandInk("#FFE066");
    expect(`#${policy!.heading1Colour.toLowerCase()}`).toBe(shade);
    expect(contrast(shade, "#ffffff")).toBeGreaterThanOrEqual(4.5);
    expect(policy!.logos).toBe(0); // no logo in the profile: the name in the header
    expect(policy!.author).toBe(HARD_COMPANY);
    expect(policy!.highlighted).toEqual(expect.arrayContaining(["[Udfyld: Anonym psykologisk rådgivning › Telefon]", "[Udfyld: Anonym psykologisk rådgivning › Åbningstider]", "[Udfyld: Ekstern psykolog]", "[Udfyld: Råd før en sygefraværssamtale]"]));
    expect(policy!.paragraphs.map((p) => p.text).join("\n")).not.toContain("XXXX");
    const warning = hard.warnings.map((w) => w.message).find((m) => m.startsWith("In the Word files"));
    expect(warning).toContain("contacts.psychologist");
    expect(warning).toContain("policy.docx");
    // The example's profile has every contact: no write-ins.
    const [full] = pythonDocx([path.join(example.dir, "policy.docx")]);
    expect(full!.logos).toBe(1);
    expect(full!.heading1Colour).toBe("1F6F8B");
    expect(full!.highlighted).toEqual([]);
    expect(example.warnings.some((w) => w.message.startsWith("In the Word files"))).toBe(false);
  });
});

describe("the web server", () => {
  const parent = tempDir("wk-docx-serve-");
  let app: Awaited<ReturnType<typeof createServer>>;
  let base: string;
  beforeAll(async () => {
    app = await createServer({ warm: false });
    base = await listenLocal(app);
  });
  afterAll(async () => {
    await app?.close();
  });

  it("lists the policy's Word file, serves it as DOCX, and zips it with the pack", async () => {
    const profile = { company: "Serve Docx ApS", colour: "#FFE066", paper: "LETTER", contacts: {}, films: {} };
    const started = await fetch(`${base}/api/builds`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ profile, cards: {}, only: ["policy"] }) });
    expect(started.status).toBe(202);
    const { id } = (await started.json()) as { id: string };
    const events = await (await fetch(`${base}/api/builds/${id}/events`)).text();
    const done = JSON.parse(/event: done\ndata: (.*)/.exec(events)![1]!) as { files: { file: string; title: string; sha256: string }[] };
    const entry = done.files.find((f) => f.file === "policy.docx");
    expect(entry?.title).toBe("Vores mentale sundhedspolitik (Word)");
    const file = await fetch(`${base}/api/builds/${id}/files/policy.docx`);
    expect(file.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    const bytes = new Uint8Array(await file.arrayBuffer());
    expect(sha256(bytes)).toBe(entry!.sha256);
    const zip = unzipSync(new Uint8Array(await (await fetch(`${base}/api/builds/${id}/zip`)).arrayBuffer()));
    expect(Buffer.compare(zip["policy.docx"]!, bytes)).toBe(0);
  });
});

describe("the Word files' core, without a build", () => {
  it("pairs each write-in line with its field, and leaves a line it cannot pair a plain write-in", () => {
    const profile = { company: "Firma", colour: "#1F6F8B", paper: "A4" as const, contacts: { counselling: { name: "Rådgiverne" } }, films: {} };
    const source = { a: "Ring {counselling.phone}, {counselling.hours}", b: "Hos {counselling.name}", c: "Egen linje" };
    const resolved = { a: `Ring ${WRITE_IN}, ${WRITE_IN}`, b: "Hos Rådgiverne", c: `Egen ${WRITE_IN}` };
    const { marked, open } = markWriteIns(resolved, source, profile);
    expect(open).toEqual(["contacts.counselling.phone", "contacts.counselling.hours"]);
    expect(segments(marked.a)).toEqual([{ text: "Ring " }, { writeIn: "contacts.counselling.phone" }, { text: ", " }, { writeIn: "contacts.counselling.hours" }]);
    expect(marked.b).toBe("Hos Rådgiverne");
    expect(segments(marked.c)).toEqual([{ text: "Egen " }, { writeIn: "" }]);
  });

  it("makes the files from the resolved pack alone, a name with & and < in their properties", async () => {
    const toolkit = await loadContent(CONTENT_DIR);
    const company = "Smed & Søn <Vest> ApS";
    const pack = resolve({ toolkit, profile: { company, colour: "#FFE066", paper: "LETTER", contacts: {}, films: {} }, only: ["policy", "v04"] });
    const { files, warnings } = await wordFiles(pack, toolkit, DATE);
    expect(files.map((f) => f.name)).toEqual(["policy.docx"]);
    expect(warnings).toHaveLength(1);
    const file = path.join(tempDir("wk-docx-core-"), "policy.docx");
    writeFileSync(file, files[0]!.bytes);
    const [facts] = pythonDocx([file]);
    expect(facts!.author).toBe(company);
    expect(facts!.paragraphs.map((p) => p.text).join("\n")).toContain(`I ${company} er det vores målsætning`);
    // Again: the same bytes.
    expect(Buffer.compare((await wordFiles(pack, toolkit, DATE)).files[0]!.bytes, files[0]!.bytes)).toBe(0);
  });
});
