// `workshopkit results` as a user runs it: scans in, results.pdf/json/csv out, rounds kept in SQLite
// (listed, deleted, never counted twice, untouched by a run that fails), exit codes.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import Database from "better-sqlite3";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CONTENT_DIR } from "../src/pipeline.js";
import { loadProfile } from "../src/load/loadProfile.js";
import { readerContext, type SheetLayout } from "../src/results/sheetLayout.js";
import { Results } from "../src/results/schema.js";
import { readResults } from "../src/results/pipeline.js";
import { APPLICATION_ID, RoundStore } from "../src/results/rounds.js";
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

const layoutFields = () => [...layout.pages.values()].flat().map((r) => r.field);
const results = (out: string) => Results.parse(JSON.parse(readFileSync(path.join(out, "results.json"), "utf8")));
const cli = (...args: string[]) => runCli(["results", ...args, "--profile", EXAMPLE_PROFILE, "--db", db], dir);

describe("workshopkit results", () => {
  it("reads a scanned stack into results.pdf, results.json and results.csv, names the file it cannot read, and stores the round", () => {
    // Two sheets: shown one by one only with the anonymity limit lowered (by default a round under 5 is anonymous).
    const r = cli("stack.pdf", "notes.txt", "--out", "spring", "--round", "Forår 2027", "--min-group", "1");
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
    expect(csv[0]).toMatch(/^sheet,pages,from,v01\.passiv\.1,v01\.passiv\.2,.*v01\.skabende\.4,v01\.passiv\.total,.*v01\.skabende\.total,resolved,uncertain$/);
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
    const again = await readResults({ files: [path.join(dir, "stack.pdf"), path.join(dir, "notes.txt")], profile: EXAMPLE_PROFILE, out: path.join(dir, "spring-again"), round: "Forår 2027", db, minGroup: 1 });
    expect(again.stored).toMatchObject({ added: 0, already: 2 });
    // The same scans give the same files, byte for byte.
    for (const file of ["results.pdf", "results.json", "results.csv"]) {
      expect(readFileSync(path.join(dir, "spring-again", file)).equals(readFileSync(path.join(dir, "spring", file))), file).toBe(true);
    }

    const autumn = await readResults({ files: [path.join(dir, "autumn", "p1.jpg"), path.join(dir, "autumn", "p2.jpg")], profile: EXAMPLE_PROFILE, out: path.join(dir, "autumn-out"), round: "Efterår 2027", db, minGroup: 1 });
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
  }, 180_000);
});

describe("workshopkit results: anonymity for small rounds", () => {
  it("makes the report of a round under 5 sheets anonymous: the medians, no dots, no pictures, no file or page names", () => {
    const r = runCli(["results", "stack.pdf", "notes.txt", "--profile", EXAMPLE_PROFILE, "--db", path.join(dir, "small.sqlite"), "--round", "Lille hold", "--out", "small"], dir);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Anonymous report: the round has 2 sheets, fewer than 5, so the report shows the group's medians only \(no sheet's dots, no pictures of rows, no file or page names\)/);

    const json = results(path.join(dir, "small"));
    // As many rows to check as the same stack read openly has (the first sheet's unanswered row, and any the reader leaves to a person).
    expect(runCli(["results", "stack.pdf", "notes.txt", "--profile", EXAMPLE_PROFILE, "--min-group", "1", "--out", "small-open"], dir).status).toBe(0);
    const uncertain = results(path.join(dir, "small-open")).sheets.flatMap((sheet) => sheet.uncertain).length;
    expect(uncertain).toBeGreaterThanOrEqual(1);
    expect(json.anonymous).toEqual({ minGroup: 5, sheets: 2, uncertain, notRead: 1 });
    expect(json.sheets).toEqual([]);
    expect(json.unreadable).toEqual([]);
    for (const level of json.levels) expect(level.totals).toEqual([]);
    expect(json.levels.some((l) => l.median !== null)).toBe(true);
    const raw = readFileSync(path.join(dir, "small", "results.json"), "utf8");
    expect(raw).not.toMatch(/stack\.pdf|notes\.txt/);

    const csv = readFileSync(path.join(dir, "small", "results.csv"), "utf8").trim().split("\n");
    expect(csv[0]).toBe("level,sheets,counted,median,band");
    expect(csv).toHaveLength(6);
    expect(csv.join("\n")).not.toMatch(/stack\.pdf|v01\.passiv\.1/);

    const text = pdfText(path.join(dir, "small", "results.pdf"));
    expect(text).toContain("2 skemaer læst i runden »Lille hold«");
    expect(text).toContain("Anonym rapport");
    expect(text).toMatch(/Runden har færre end 5 skemaer\. For at ingen kan genkendes/);
    expect(text).toMatch(/Median \d+(,5)? · (Lavt niveau|Mellemniveau|Højt niveau)/);
    expect(text).not.toMatch(/stack\.pdf|notes\.txt|Tjek i hånden|Skema 1|Hver prik/);
    // No row's picture (the logo is the only image, in colour).
    const images = execFileSync("pdfimages", ["-list", path.join(dir, "small", "results.pdf")], { encoding: "utf8" });
    expect(images).not.toMatch(/\bimage\s+\d+\s+\d+\s+gray\b/);
  }, 180_000);

  it("takes the limit as --min-group and refuses one that is not a number of sheets", () => {
    const r = runCli(["results", "stack.pdf", "--profile", EXAMPLE_PROFILE, "--min-group", "0"], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^Error: --min-group: expected at least 1 sheet\./);
    const word = runCli(["results", "stack.pdf", "--profile", EXAMPLE_PROFILE, "--min-group", "five"], dir);
    expect(word.stderr).toMatch(/^Error: --min-group: expected a number of sheets like 5\./);
  });
});

describe("workshopkit results: the rounds database is workshopkit's own, and round names are one line", () => {
  const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
  const foreignDir = () => mkdtempSync(path.join(dir, "db-"));

  /** Every kind of file that is not a rounds database workshopkit may write, each with what the message says. */
  function foreignFiles(): { name: string; file: string; message: RegExp }[] {
    const d = foreignDir();
    const other = path.join(d, "crm.sqlite");
    const crm = new Database(other);
    crm.exec("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('Jens');");
    crm.close();
    const empty = path.join(d, "empty-other.sqlite");
    new Database(empty).pragma("user_version = 7");
    const text = path.join(d, "notes.sqlite");
    writeFileSync(text, "Mødenoter, ikke en database\n");
    const zero = path.join(d, "zero.sqlite");
    writeFileSync(zero, "");
    const owned = path.join(d, "readonly.sqlite");
    const mine = RoundStore.open(owned);
    mine.addSheets("Forår", new Date(0), []);
    mine.close();
    chmodSync(owned, 0o444);
    const fifo = path.join(d, "fifo.sqlite");
    execFileSync("mkfifo", [fifo]);
    const folder = path.join(d, "folder.sqlite");
    mkdirSync(folder);
    return [
      { name: "another program's SQLite file", file: other, message: /crm\.sqlite is not a workshopkit rounds database \(it is another program's SQLite file\); it was left as it is\./ },
      { name: "an SQLite file with no tables of ours", file: empty, message: /empty-other\.sqlite is not a workshopkit rounds database \(it is another program's SQLite file\)/ },
      { name: "a text file", file: text, message: /notes\.sqlite is not a workshopkit rounds database \(it is not an SQLite file at all\)/ },
      { name: "an empty file", file: zero, message: /zero\.sqlite is an empty file, not a workshopkit rounds database/ },
      { name: "a read-only rounds database", file: owned, message: /readonly\.sqlite cannot be written \(it is read-only\); it was left as it is\./ },
      { name: "a FIFO", file: fifo, message: /fifo\.sqlite is not a regular file/ },
      { name: "a folder", file: folder, message: /folder\.sqlite is not a regular file/ },
    ];
  }

  it("refuses any other file by name, with no stack trace, and leaves it byte for byte as it was", () => {
    for (const { name, file, message } of foreignFiles()) {
      const regular = statSync(file).isFile();
      const before = regular ? sha(file) : "";
      const entries = readdirSync(path.dirname(file)).sort();
      for (const args of [["--list"], ["stack.pdf", "--round", "Forår 2027"]]) {
        const r = runCli(["results", ...args, "--profile", EXAMPLE_PROFILE, "--db", file, "--out", path.join(dir, "never")], dir);
        expect(r.status, `${name}: ${args[0]}`).toBe(1);
        expect(r.stderr, name).toMatch(message);
        expect(r.stderr, name).toMatch(/^Error: /);
        expect(r.stderr, name).not.toMatch(/Unexpected error|SqliteError|\n\s+at /);
        if (regular) expect(sha(file), name).toBe(before);
        expect(readdirSync(path.dirname(file)).sort(), `${name}: no journal or other file left beside it`).toEqual(entries);
      }
    }
    expect(existsSync(path.join(dir, "never"))).toBe(false);
  }, 120_000);

  it("marks a database it makes as its own, and takes over one made by the first version", () => {
    const d = foreignDir();
    const made = path.join(d, "new.sqlite");
    const store = RoundStore.open(made);
    store.close();
    const header = readFileSync(made).subarray(0, 100);
    expect(header.readInt32BE(68)).toBe(APPLICATION_ID);

    // The first version's file: its two tables, no application id; a name stored before names were checked.
    const old = path.join(d, "old.sqlite");
    const db = new Database(old);
    db.exec(`CREATE TABLE rounds (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, created TEXT NOT NULL);
      CREATE TABLE sheets (round INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE, key TEXT NOT NULL, sheet TEXT NOT NULL, PRIMARY KEY (round, key));`);
    db.prepare("INSERT INTO rounds (name, created) VALUES (?, ?)").run("Forår\u001b[31m rød\u0007", "2027-03-01T10:00:00.000Z");
    const answers = Object.fromEntries(layoutFields().map((f) => [f, 3]));
    db.prepare("INSERT INTO sheets (round, key, sheet) VALUES (1, 'k1', ?)").run(JSON.stringify({ key: "k1", pages: [{ source: "a.pdf", page: 1 }], from: "paper", answers, totals: { passiv: 12, reaktiv: 12, aktiv: 12, forebyggende: 12, skabende: 12 } }));
    db.close();
    const list = runCli(["results", "--list", "--db", old], dir);
    expect(list.status, list.stderr).toBe(0);
    // Printed escaped: the terminal is not recoloured, nor does it ring.
    expect(list.stdout).toBe("Forår\\u001B[31m rød\\u0007\t1 sheet\tstored 2027-03-01\n");
    expect(readFileSync(old).subarray(0, 100).readInt32BE(68)).toBe(APPLICATION_ID);
    expect(runCli(["results", "--list", "--db", old], dir).stdout).toBe(list.stdout);
  });

  it("refuses a round name with control characters, on more than one line, or over 80 characters", () => {
    const cases: [string, RegExp][] = [
      ["Forår\u001b[31m", /^Error: --round: a round's name is one line of text, without control characters\./],
      ["Forår\n2027", /^Error: --round: a round's name is one line of text, without control characters\./],
      ["Forår \u202e7202", /^Error: --round: a round's name is one line of text, without control characters\./],
      ["x".repeat(81), /^Error: --round: a round's name is at most 80 characters\./],
      ["Forår 🌸", /^Error: --round: the report's font cannot print "🌸"; choose a name without it\./],
    ];
    const file = path.join(foreignDir(), "names.sqlite");
    for (const [name, message] of cases) {
      const r = runCli(["results", "stack.pdf", "--profile", EXAMPLE_PROFILE, "--db", file, "--round", name], dir);
      expect(r.status, JSON.stringify(name)).toBe(1);
      expect(r.stderr, JSON.stringify(name)).toMatch(message);
      expect(r.stderr).not.toContain("\u001b");
    }
    expect(existsSync(file)).toBe(false);
    // A missing database is listed as empty, not made.
    const list = runCli(["results", "--list", "--db", file], dir);
    expect(list.stdout).toMatch(/^No rounds stored in .*names\.sqlite \(there is no such file yet\)\./);
    expect(existsSync(file)).toBe(false);
  });
});

// Issue #21, item 4, end to end: pages join by the copy they were printed as; sheets printed without a
// number join as before, with a warning where the stack was fed backwards.
describe("workshopkit results: which pages make a sheet", () => {
  it("joins numbered copies (build --numbered-sheets) shuffled, names the copy with a page missing, in the CLI, results.json and results.pdf", async () => {
    const out = path.join(dir, "copies-pack");
    const built = runCli(["build", "--profile", EXAMPLE_PROFILE, "--out", out, "--only", "v01-scoring", "--numbered-sheets", "3"], dir, { WORKSHOPKIT_CACHE: "off" });
    expect(built.status, built.stderr).toBe(0);
    const file = readdirSync(out, { recursive: true }).map(String).find((f) => f.endsWith("v01-scoring-copies.pdf"))!;
    const { rasterisePdf } = await import("../src/raster/rasterisePdf.js");
    const sharp = (await import("sharp")).default;
    const pages: { jpeg: Buffer; dpi: number }[] = [];
    for await (const p of rasterisePdf(readFileSync(path.join(out, file)), { dpi: 150 })) pages.push({ jpeg: await sharp(p.rgba, { raw: { width: p.width, height: p.height, channels: 4 } }).flatten({ background: "#ffffff" }).jpeg({ quality: 80 }).toBuffer(), dpi: 150 });
    expect(pages).toHaveLength(6);
    // Copy 3, then copy 1 backwards, then copy 2's page 2 alone (its page 1 lost).
    writeFileSync(path.join(dir, "copies.pdf"), await scanPdf([pages[4]!, pages[5]!, pages[1]!, pages[0]!, pages[3]!]));
    const r = cli("copies.pdf", "--out", "copies-out", "--min-group", "1");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Read 3 sheets \(5 pages\)/);
    expect(r.stdout).toMatch(/Warning: sheet 3 \(copy 2\) has no page 1 among the scans/);
    expect(r.stdout).not.toMatch(/fed backwards|starts on page/);
    const json = results(path.join(dir, "copies-out"));
    expect(json.sheets.map((s) => [s.copy, s.missingPages])).toEqual([[3, []], [1, []], [2, [1]]]);
    expect(json.warnings).toMatchObject([{ code: "sheets.missingPage", params: { sheet: 3, copy: 2, pages: "1" } }]);
    expect(pdfText(path.join(dir, "copies-out", "results.pdf")).replace(/\s+/g, " ")).toMatch(/Skema 3 \(nummer 2\) mangler side 1 blandt scanningerne/);
  }, 180_000);

  it("joins a stack printed without numbers as before, warning when it was fed backwards, in the CLI, results.json and results.pdf", async () => {
    const rnd = random(2031);
    const pages: { jpeg: Buffer; dpi: number }[] = [];
    // Two people's sheets, fed backwards: B2 B1 A2 A1.
    for (const sheet of [1, 0]) for (const page of [...layout.pages.keys()].reverse()) {
      pages.push({ jpeg: await scanPage(layout, page, answerPage(layout, page, rnd, ["cross"]), { dpi: 150, seed: 40 + page + sheet * 3 }), dpi: 150 });
    }
    writeFileSync(path.join(dir, "backwards.pdf"), await scanPdf(pages));
    const r = cli("backwards.pdf", "--out", "backwards-out", "--min-group", "1");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Read 3 sheets \(4 pages\)/);
    expect(r.stdout).toMatch(/Warning: backwards\.pdf looks fed backwards \(it starts on page 2 and ends on page 1\)/);
    const json = results(path.join(dir, "backwards-out"));
    expect(json.warnings.map((w) => w.code)).toEqual(["sheets.backwards", "sheets.missingPage", "sheets.missingPage"]);
    expect(pdfText(path.join(dir, "backwards-out", "results.pdf")).replace(/\s+/g, " ")).toMatch(/backwards\.pdf ser ud til at være scannet bagfra/);
    // …and said in the summary at the top, before the group's profile, not only at the end
    const report = pdfText(path.join(dir, "backwards-out", "results.pdf")).replace(/\s+/g, " ");
    const said = report.indexOf("Tjek, hvordan siderne er samlet til skemaer (3 advarsler sidst i rapporten)");
    expect(said).toBeGreaterThan(-1);
    expect(said).toBeLessThan(report.indexOf("Gruppens profil"));
  }, 120_000);
});
