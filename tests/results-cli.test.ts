// `workshopkit results` as a user runs it: scans in, results.pdf/json/csv out, rounds kept in SQLite
// (listed, deleted, never counted twice, untouched by a run that fails), exit codes.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CONTENT_DIR } from "../src/pipeline.js";
import { loadProfile } from "../src/load/loadProfile.js";
import { readerContext, type SheetLayout } from "../src/results/sheetLayout.js";
import { Results } from "../src/results/schema.js";
import { readResults } from "../src/results/pipeline.js";
import { EXAMPLE_PROFILE, pdfText, runCli, tempDir } from "./support/build.js";
import { answerPage, random, scanPage, scanPdf, type PenMark } from "./support/scans.js";

let dir: string;
let layout: SheetLayout;
let db: string;
const drawn: PenMark[][] = [];

beforeAll(async () => {
  dir = tempDir("wk-results-cli-");
  db = path.join(dir, "rounds", "nordlys.sqlite");
  const ctx = await readerContext(CONTENT_DIR, await loadProfile(EXAMPLE_PROFILE));
  layout = await ctx.layout("A4");
  const rnd = random(2027);
  const pages: { jpeg: Buffer; dpi: number }[] = [];
  for (let sheet = 0; sheet < 2; sheet++) for (const page of [...layout.pages.keys()]) {
    const marks = answerPage(layout, page, rnd, ["cross", "tick", "fill"]);
    // The first sheet's first statement is left unanswered: a row to check by hand.
    if (sheet === 0 && page === 1) marks.shift();
    drawn.push(marks);
    pages.push({ jpeg: await scanPage(layout, page, marks, { dpi: 150, rotate: rnd() * 4 - 2, upsideDown: sheet === 1, seed: page + sheet * 7 }), dpi: 150 });
  }
  writeFileSync(path.join(dir, "stack.pdf"), await scanPdf(pages));
  writeFileSync(path.join(dir, "notes.txt"), "not a scan\n");
  // A later round: one sheet, as JPEGs from a phone-less office copier.
  const later = [...layout.pages.keys()].map((page) => answerPage(layout, page, rnd, ["cross"]).map((m) => ({ ...m, option: "5" })));
  mkdirSync(path.join(dir, "autumn"));
  for (const [i, page] of [...layout.pages.keys()].entries()) {
    writeFileSync(path.join(dir, "autumn", `p${page}.jpg`), await scanPage(layout, page, later[i]!, { dpi: 200, photocopy: true, rotate: 0.8, seed: 99 + page }));
  }
}, 90_000);

const results = (out: string) => Results.parse(JSON.parse(readFileSync(path.join(out, "results.json"), "utf8")));
const cli = (...args: string[]) => runCli(["results", ...args, "--profile", EXAMPLE_PROFILE, "--db", db], dir);

describe("workshopkit results", () => {
  it("reads a scanned stack into results.pdf, results.json and results.csv, names the file it cannot read, and stores the round", () => {
    const r = cli("stack.pdf", "notes.txt", "--out", "spring", "--round", "Forår 2027");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Read 2 sheets \(\d+ pages\)/);
    expect(r.stdout).toMatch(/Could not read notes\.txt: it is not a PDF or an image/);
    expect(r.stdout).toMatch(/Stored round "Forår 2027" in .*nordlys\.sqlite: 2 new sheets/);

    const json = results(path.join(dir, "spring"));
    expect(json.sheets).toHaveLength(2);
    expect(json.round).toBe("Forår 2027");
    expect(json.unreadable).toEqual([{ code: "file", source: "notes.txt", reason: expect.stringMatching(/not a PDF or an image/), hint: expect.any(String) }]);
    // Every answer as drawn (or null with the row listed as uncertain), never another value.
    const marks = drawn.flat();
    json.sheets.forEach((sheet, i) => {
      const sheetMarks = drawn.slice(i * layout.pages.size, (i + 1) * layout.pages.size).flat();
      for (const m of sheetMarks) {
        const v = sheet.answers[m.field];
        if (v === null) expect(sheet.uncertain.map((u) => u.field)).toContain(m.field);
        else expect(v).toBe(Number(m.option));
      }
      expect(Object.keys(sheet.answers)).toHaveLength(20);
      expect(sheet.pages.map((p) => p.source)).toEqual(["stack.pdf", "stack.pdf"]);
    });
    expect(marks.length).toBe(39);
    expect(json.sheets[0]!.answers["v01.passiv.1"]).toBeNull();
    expect(json.sheets[0]!.uncertain).toEqual([{ field: "v01.passiv.1", source: "stack.pdf", page: 1, reason: "no mark" }]);
    expect(json.sheets[0]!.totals.passiv).toBeNull();
    const passiv = json.levels.find((l) => l.level === "passiv")!;
    expect(passiv.totals.length).toBeLessThanOrEqual(2);

    const csv = readFileSync(path.join(dir, "spring", "results.csv"), "utf8").trim().split("\n");
    expect(csv[0]).toMatch(/^sheet,pages,from,v01\.passiv\.1,v01\.passiv\.2,.*v01\.skabende\.4,v01\.passiv\.total,.*v01\.skabende\.total,uncertain$/);
    expect(csv).toHaveLength(3);
    expect(csv[1]).toMatch(/^1,stack\.pdf:1 stack\.pdf:2,paper,/);

    const text = pdfText(path.join(dir, "spring", "results.pdf"));
    expect(text).toContain("Jeres modenhedsprofil");
    expect(text).toContain("2 skemaer læst i runden »Forår 2027«");
    for (const level of ["PASSIV", "REAKTIV", "AKTIV", "FOREBYGGENDE", "SKABENDE"]) expect(text).toContain(level);
    expect(text).toMatch(/4–10\s+Lavt niveau/);
    expect(text).toContain("Der er ingen samlet score");
    expect(text).toContain("Her er en høj score ikke et godt tegn");
    expect(text).toMatch(/Median \d+(,5)? · (Lavt niveau|Mellemniveau|Højt niveau)/);
    expect(text).toContain("notes.txt: filen kunne ikke læses");
    // The row to check by hand, with its picture.
    expect(text).toContain("Tjek i hånden");
    expect(text).toMatch(/Skema 1 · stack\.pdf, side 1 · Intet kryds\s+PASSIV 1\./);
    const images = execFileSync("pdfimages", ["-list", path.join(dir, "spring", "results.pdf")], { encoding: "utf8" });
    expect(images).toMatch(/\bgray\b/); // the row's crop (the logo is in colour)
  }, 90_000);

  it("does not count the same sheets twice in a round, gives the same files for the same scans, and shows earlier rounds beside a new one", async () => {
    // In-process (the CLI calls the same function): the sheet's layout is rendered once for both runs.
    const again = await readResults({ files: [path.join(dir, "stack.pdf"), path.join(dir, "notes.txt")], profile: EXAMPLE_PROFILE, out: path.join(dir, "spring-again"), round: "Forår 2027", db });
    expect(again.stored).toMatchObject({ added: 0, already: 2 });
    // The same scans give the same files, byte for byte.
    for (const file of ["results.pdf", "results.json", "results.csv"]) {
      expect(readFileSync(path.join(dir, "spring-again", file)).equals(readFileSync(path.join(dir, "spring", file))), file).toBe(true);
    }

    const autumn = await readResults({ files: [path.join(dir, "autumn", "p1.jpg"), path.join(dir, "autumn", "p2.jpg")], profile: EXAMPLE_PROFILE, out: path.join(dir, "autumn-out"), round: "Efterår 2027", db });
    // Two image files, one sheet: the pages follow each other.
    expect(autumn.results.sheets.map((s) => s.pages)).toEqual([[{ source: "p1.jpg", page: 1 }, { source: "p2.jpg", page: 1 }]]);
    expect(autumn.stored).toMatchObject({ added: 1, already: 0 });
    const text = pdfText(path.join(dir, "autumn-out", "results.pdf"));
    expect(text).toContain("Runder over tid");
    expect(text).toContain("Forår 2027");
    expect(text).toContain("Efterår 2027 (denne)");
  }, 90_000);

  it("lists the rounds, keeps the database as it was when a run fails, and deletes a round", async () => {
    const list = cli("--list");
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/^Forår 2027\t2 sheets\tstored \d{4}-\d\d-\d\d\nEfterår 2027\t1 sheet\tstored/);

    writeFileSync(path.join(dir, "a-file"), "");
    await expect(readResults({ files: [path.join(dir, "autumn", "p1.jpg")], profile: EXAMPLE_PROFILE, out: path.join(dir, "a-file", "sub"), round: "Vinter 2028", db }))
      .rejects.toThrow(/Cannot write the results to .*a-file/);
    expect(cli("--list").stdout).toBe(list.stdout);

    const deleted = cli("--delete-round", "Efterår 2027");
    expect(deleted.status).toBe(0);
    expect(deleted.stdout).toMatch(/Deleted round "Efterår 2027" \(1 sheet\)/);
    expect(cli("--list").stdout.trim().split("\n")).toEqual([expect.stringMatching(/^Forår 2027\t2 sheets/)]);

    const unknown = cli("--delete-round", "Sommer 1999");
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/There is no round "Sommer 1999".*\nThe rounds are: "Forår 2027"/);
  }, 90_000);

  it("exits 1 and writes nothing when nothing could be read", () => {
    const r = cli("notes.txt", "--out", "nothing");
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/No scoring sheet could be read:\n {2}notes\.txt: it is not a PDF or an image/);
    expect(existsSync(path.join(dir, "nothing"))).toBe(false);

    const blank = cli("stack.pdf", "--round", "  ");
    expect(blank.status).toBe(1);
    expect(blank.stderr).toMatch(/^Error: --round: a round needs a name, like "Forår 2027"\./);
  }, 60_000);
});
