// "Resultater" on the web page in a real browser (Debian's Chromium, driven by playwright-core), as HR
// would use it: name a round, upload a scanned stack and a sheet filled on screen, watch them read,
// decide a row by one click on the box meant, type a sheet in by keyboard, download the report; the
// CLI lists the page's round and the page the CLI's. A round of 3 sheets is anonymous on the page and
// in the report. Screenshots at 1400 and 390 px wide are kept in the test's folder to look at.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import Database from "better-sqlite3";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { PDFDocument, PDFRadioGroup } from "pdf-lib";
import { chromium, type Browser, type Page } from "playwright-core";
import { createServer } from "../src/serve/server.js";
import { CONTENT_DIR } from "../src/load/contentDir.js";
import { loadProfile } from "../src/load/loadProfile.js";
import { readerContext, type SheetLayout } from "../src/results/sheetLayout.js";
import { Results } from "../src/results/schema.js";
import { styles } from "../templates/theme.js";
import { pdfText, runCli } from "./support/build.js";
import { answerPage, random, scanPage, scanPdf, type PenMark } from "./support/scans.js";
import { listenLocal } from "./support/listen.js";

const CHROMIUM = "/usr/bin/chromium";
const LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const COMPANY = "Nordlys Rådgivning A/S";

const work = mkdtempSync(path.join(tmpdir(), "wk-results-web-"));
const profileFile = path.join(work, "profil.yaml");
let app: FastifyInstance;
let browser: Browser;
let page: Page;
let base: string;
let layout: SheetLayout;
let letter: SheetLayout;
let fields: string[];
/** The second row to check, decided as "no valid mark". */
let secondField = "";
/** Rows of the first sheet the reader also left to a person, decided as no valid mark. */
const firstSheetRest: string[] = [];

/** A stack of `sheets` scanned sheets (both pages each); the first sheet's first statement on `blank` pages left without a mark. */
async function scannedStack(sheets: number, seed: number, blank = [1], sheet_ = layout, backwards = false): Promise<Uint8Array> {
  const layout = sheet_;
  const rnd = random(seed);
  const pages: { jpeg: Buffer; dpi: number }[] = [];
  for (let sheet = 0; sheet < sheets; sheet++) {
    for (const p of layout.pages.keys()) {
      const marks: PenMark[] = answerPage(layout, p, rnd, ["cross", "tick", "fill"]);
      if (sheet === 0 && blank.includes(p)) marks.shift();
      pages.push({ jpeg: await scanPage(layout, p, marks, { dpi: 150, rotate: rnd() * 2 - 1, seed: seed + sheet * 10 + p }), dpi: 150 });
    }
  }
  return scanPdf(backwards ? pages.reverse() : pages);
}

/** The scoring sheet as built, filled in on screen: every statement 4. */
async function screenFilled(): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(layout.pdf);
  for (const field of fields) (pdf.getForm().getField(field) as PDFRadioGroup).select("4");
  return pdf.save();
}

async function download(selector: string, name: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.locator(selector).click()]);
  const target = path.join(work, name);
  await file.saveAs(target);
  return target;
}

const missing = !existsSync(CHROMIUM);
if (missing) console.warn(`tests/results-web.test.ts is skipped: ${CHROMIUM} is not installed (apt-get install chromium; .ci/run installs it).`);

describe.skipIf(missing)("Resultater on the web page, in Chromium", () => {
  beforeAll(async () => {
    writeFileSync(profileFile, `company: ${COMPANY}\ncolour: "#1F6F8B"\n`);
    const ctx = await readerContext(CONTENT_DIR, await loadProfile(profileFile));
    layout = await ctx.layout("A4");
    letter = await ctx.layout("LETTER");
    fields = ctx.fields;
    writeFileSync(path.join(work, "stak.pdf"), await scannedStack(4, 11, [1, 2]));
    writeFileSync(path.join(work, "lille-stak.pdf"), await scannedStack(1, 23));
    writeFileSync(path.join(work, "skaerm.pdf"), await screenFilled());
    writeFileSync(path.join(work, "letter.pdf"), await scannedStack(1, 31, [1], letter));
    writeFileSync(path.join(work, "bagfra.pdf"), await scannedStack(2, 37, [], layout, true));
    // The rounds databases where the CLI looks for them when run in `work`: results/<company>.sqlite.
    app = await createServer({ resultsDir: path.join(work, "results"), warm: false });
    base = await listenLocal(app);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
    page = await browser.newPage({ acceptDownloads: true, viewport: { width: 1400, height: 1000 } });
    page.setDefaultTimeout(60_000);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("reads a scanned stack and a sheet filled on screen into a named round, with progress", async () => {
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(base);
    await page.getByLabel("Virksomhedens navn").fill(COMPANY);
    await page.getByRole("link", { name: "Resultater" }).click();
    await page.getByRole("heading", { name: "Resultater", level: 1 }).waitFor();

    // A name with a control character is refused on its field, in Danish.
    await page.getByLabel("Rundens navn").fill("Forår\u00072027");
    await page.getByRole("button", { name: "Ny runde" }).click();
    await expect(page.locator('[data-field="round"] .error-message').textContent()).resolves.toContain("Rundens navn skal være én linje tekst uden styretegn.");

    await page.getByLabel("Rundens navn").fill("Forår 2027");
    await page.getByRole("button", { name: "Ny runde" }).click();
    await page.getByRole("heading", { name: "Læs skemaer ind i »Forår 2027«" }).waitFor();
    await page.getByTestId("scan-files").setInputFiles([path.join(work, "stak.pdf"), path.join(work, "skaerm.pdf")]);
    await page.locator("#scan-progress").waitFor();
    await expect(page.locator(".progress label").textContent()).resolves.toMatch(/^(Sender|Læser fil|Venter)/);
    await page.getByTestId("upload-done").waitFor({ timeout: 120_000 });
    expect(await page.getByTestId("upload-done").textContent()).toContain("5 skemaer læst: 5 nye i runden.");
    await expect.poll(() => page.getByTestId("round-count").textContent()).toBe("5 skemaer i runden.");

    // The group's profile: the chart and each level's median.
    await page.locator(".results-chart").waitFor();
    const medians = await page.getByTestId("medians").locator("tbody tr").allTextContents();
    expect(medians).toHaveLength(5);
    expect(medians[0]).toMatch(/^PASSIV\d+(,5)?(Lavt niveau|Mellemniveau|Højt niveau)\d af 5$/);
    expect(await page.getByTestId("anonymous").count()).toBe(0);
    expect(errors).toEqual([]);
    await page.screenshot({ path: path.join(work, "resultater-1400.png"), fullPage: true });
  }, 180_000);

  it("shows the row to check with its picture, and decides it by one click on the box meant", async () => {
    const row = page.locator('[data-check="1:v01.passiv.1"]');
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Skema 1 · stak\.pdf, side 1 · Intet kryds/);
    expect(await row.locator("img").getAttribute("src")).toMatch(/^data:image\/png;base64,/);
    // The boxes to click are laid over the picture's boxes (its width says the sheet's paper); the one for 3 over the third.
    expect(await row.locator(".check-box").count()).toBe(5);
    const img = await row.locator("img").boundingBox();
    const three = await row.getByRole("button", { name: "3 – vælg 3 for skema 1, PASSIV 1" }).boundingBox();
    expect(three!.x).toBeGreaterThan(img!.x + img!.width * 0.5);
    expect(three!.x + three!.width).toBeLessThan(img!.x + img!.width);
    await row.getByRole("button", { name: "3 – vælg 3 for skema 1, PASSIV 1" }).click();
    await page.locator('[data-resolved="1:v01.passiv.1"]').waitFor();
    expect(await page.locator('[data-resolved="1:v01.passiv.1"]').textContent()).toMatch(/Skema 1 · PASSIV 1: 3/);
    expect(await page.locator('[data-check="1:v01.passiv.1"]').count()).toBe(0);

    // By keyboard: the focus is now on the next row's first box; five tabs on, "Ingen gyldig markering".
    const next = page.locator(".check-row").first();
    const field = (await next.getAttribute("data-check"))!.split(":")[1]!;
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toMatch(/^1 – vælg 1 for skema 1, /);
    for (let i = 0; i < 5; i++) await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Ingen gyldig markering");
    await page.keyboard.press("Enter");
    await page.locator(`[data-resolved="1:${field}"]`).waitFor();
    expect(await page.locator(`[data-resolved="1:${field}"]`).textContent()).toMatch(/: ingen gyldig markering/);
    // Any further rows the reader left to a person (it leaves a row rather than guess), decided the same way.
    while ((await page.locator(".check-row").count()) > 0) {
      const rest = page.locator(".check-row").first();
      const [sheet, restField] = (await rest.getAttribute("data-check"))!.split(":") as [string, string];
      await rest.getByRole("button", { name: /^Ingen gyldig markering for / }).click();
      await page.locator(`[data-resolved="${sheet}:${restField}"]`).waitFor();
      if (sheet === "1") firstSheetRest.push(restField);
    }
    expect(await page.getByText("Alle rækker er tjekket.").count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("check-title");
    secondField = field;
  }, 60_000);

  it("types a sheet in by keyboard only: twenty digits, one after another", async () => {
    await page.locator('[data-typed="v01.passiv.1"]').focus();
    await page.keyboard.type("12345123451234512345");
    // After the twentieth the focus is on the button: Enter saves.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Gem skemaet i runden");
    await page.keyboard.press("Enter");
    await page.getByText("Skemaet er gemt i runden.").waitFor();
    await expect.poll(() => page.getByTestId("round-count").textContent()).toBe("6 skemaer i runden, heraf 1 skrevet ind.");
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.dataset.typed)).toBe("v01.passiv.1");

    // A sheet typed wrongly is deleted again (sheets read from files cannot be).
    await page.keyboard.type("55555555555555555555");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("round-count").textContent()).toBe("7 skemaer i runden, heraf 2 skrevet ind.");
    await page.getByRole("button", { name: "Slet skema 7" }).click();
    await expect.poll(() => page.getByTestId("round-count").textContent()).toBe("6 skemaer i runden, heraf 1 skrevet ind.");
    expect(await page.getByRole("button", { name: /^Slet skema/ }).allTextContents()).toEqual(["Slet skema 6"]);
  }, 60_000);

  it("downloads results.pdf, .csv and .json with the decision and the typed sheet in them; the CLI lists the round", async () => {
    await page.getByRole("button", { name: "Lav rapporten" }).click();
    const json = Results.parse(JSON.parse(readFileSync(await download('[data-download="results.json"]', "forår.json"), "utf8")));
    expect(json.round).toBe("Forår 2027");
    expect(json.sheets).toHaveLength(6);
    expect(json.sheets[0]!.resolved.slice(0, 2)).toEqual([{ field: "v01.passiv.1", value: 3, reason: "no mark" }, { field: secondField, value: null, reason: "no mark" }]);
    expect(json.sheets[0]!.resolved.slice(2).map((r) => [r.field, r.value])).toEqual(firstSheetRest.map((f) => [f, null]));
    expect(json.sheets[0]!.answers[secondField]).toBeNull();
    expect(json.sheets[0]!.answers["v01.passiv.1"]).toBe(3);
    expect(json.sheets[0]!.uncertain).toEqual([]);
    expect(typeof json.sheets[0]!.totals.passiv).toBe("number");
    const typed = json.sheets.find((s) => s.from === "typed")!;
    expect(fields.map((f) => typed.answers[f])).toEqual(Array.from({ length: 20 }, (_, i) => (i % 5) + 1));
    expect(json.sheets.find((s) => s.from === "screen")!.pages).toEqual([{ source: "skaerm.pdf", page: 1 }]);

    const csv = readFileSync(await download('[data-download="results.csv"]', "forår.csv"), "utf8");
    const decided = [`v01.passiv.1: 3`, `${secondField}: no valid mark`, ...firstSheetRest.map((f) => `${f}: no valid mark`)].join("; ");
    expect(csv.split("\n")[1]!.endsWith(`,${decided},`)).toBe(true);
    const text = pdfText(await download('[data-download="results.pdf"]', "forår.pdf"));
    expect(text).toContain("6 skemaer læst i runden »Forår 2027«");
    expect(text).toContain("Rettet i hånden");
    expect(text).toMatch(/Skema 1 · Intet kryds → rettet til 3\s+PASSIV 1\. Vi er meget optaget/);
    expect(text).toMatch(/Skema 1 · Intet kryds → ingen gyldig markering \(tæller ikke med\)/);

    // The CLI, run where the server was started, reads the same database.
    const list = runCli(["results", "--list", "--profile", profileFile], work);
    expect(list.status, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/^Forår 2027\t6 sheets\tstored \d{4}-\d\d-\d\d$/m);
    // Its report of the round has the decision and the typed sheet too (the sheet it reads again is not counted twice).
    const again = runCli(["results", "skaerm.pdf", "--profile", profileFile, "--round", "Forår 2027", "--out", "cli-foraar"], work);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/Stored round "Forår 2027" in .*: 0 new sheets, 1 already there/);
    expect(again.stdout).toContain('The round "Forår 2027" holds 6 sheets (those read before and those typed in on the web page included); the report is of them all.');
    const cliJson = Results.parse(JSON.parse(readFileSync(path.join(work, "cli-foraar", "results.json"), "utf8")));
    expect(cliJson.sheets).toHaveLength(6);
    expect(cliJson.sheets[0]!.resolved).toEqual(json.sheets[0]!.resolved);
    expect(cliJson.sheets.filter((s) => s.from === "typed")).toHaveLength(1);
  }, 90_000);

  it("lists a round the CLI made, and keeps a round of 3 sheets anonymous on the page and in the report", async () => {
    const cli = runCli(["results", "skaerm.pdf", "--profile", profileFile, "--round", "Fra terminalen", "--out", "cli-out"], work);
    expect(cli.status, cli.stderr).toBe(0);
    await page.reload();
    await page.getByRole("button", { name: "Fra terminalen" }).waitFor();

    await page.getByLabel("Rundens navn").fill("Lille hold");
    await page.getByRole("button", { name: "Ny runde" }).click();
    // Dropped on the page this time, both files at once.
    const dropped = await page.evaluateHandle((files) => {
      const transfer = new DataTransfer();
      for (const f of files) transfer.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name, { type: "application/pdf" }));
      return transfer;
    }, ["lille-stak.pdf", "skaerm.pdf"].map((name) => ({ name, b64: readFileSync(path.join(work, name)).toString("base64") })));
    await page.dispatchEvent('[data-testid="scan-drop"]', "drop", { dataTransfer: dropped });
    await page.getByTestId("upload-done").waitFor({ timeout: 120_000 });
    await page.locator('[data-typed="v01.passiv.1"]').focus();
    await page.keyboard.type("33333333333333333333");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("round-count").textContent()).toBe("3 skemaer i runden, heraf 1 skrevet ind.");
    const notice = await page.getByTestId("anonymous").textContent();
    expect(notice).toMatch(/Anonym visning\. Runden har 3 skemaer – færre end 5\. For at ingen kan genkendes/);
    expect(notice).toMatch(/Ét udsagn kunne ikke læses sikkert og tæller ikke med/);
    // No row's picture, no sheet, no file name on the page; the medians stay.
    expect(await page.locator(".check-row").count()).toBe(0);
    expect(await page.locator(".results-main img").count()).toBe(0);
    const shown = await page.locator(".results-main").textContent();
    expect(shown).not.toMatch(/lille-stak\.pdf|Skema 1/);
    expect(await page.getByTestId("medians").locator("tbody tr").count()).toBe(5);
    await page.screenshot({ path: path.join(work, "anonym-1400.png"), fullPage: true });

    await page.getByRole("button", { name: "Lav rapporten" }).click();
    const report = await download('[data-download="results.pdf"]', "lille.pdf");
    const text = pdfText(report);
    expect(text).toContain("3 skemaer læst i runden »Lille hold«");
    expect(text).toContain("Anonym rapport");
    expect(text).toMatch(/Median \d+(,5)? · (Lavt niveau|Mellemniveau|Højt niveau)/);
    expect(text).not.toMatch(/lille-stak\.pdf|skaerm\.pdf|Tjek i hånden|Skema 1|Hver prik/);
    const json = Results.parse(JSON.parse(readFileSync(await download('[data-download="results.json"]', "lille.json"), "utf8")));
    expect(json.anonymous).toMatchObject({ minGroup: 5, sheets: 3, uncertain: 1 });
    expect(json.sheets).toEqual([]);

    // The limit is a setting of the page: at 3, this round's sheets are shown one by one, its row to check too.
    await page.getByText("Anonymitet").click();
    await page.getByLabel("Mindste antal skemaer, før de vises hver for sig").fill("3");
    await page.locator(".check-row").waitFor();
    expect(await page.getByTestId("anonymous").count()).toBe(0);
    expect(await page.locator(".check-row").textContent()).toMatch(/Skema 1 · lille-stak\.pdf, side 1/);
    await page.getByLabel("Mindste antal skemaer, før de vises hver for sig").fill("5");
    await page.getByTestId("anonymous").waitFor();
  }, 180_000);

  it("lays the boxes to click over a US Letter sheet's row too, where Letter puts them", async () => {
    await page.getByLabel("Rundens navn").fill("Letter");
    await page.getByRole("button", { name: "Ny runde" }).click();
    await page.locator("details.results-settings").evaluate((d) => ((d as HTMLDetailsElement).open = true)); // opened in the test before
    await page.getByLabel("Mindste antal skemaer, før de vises hver for sig").fill("1");
    await page.getByTestId("scan-files").setInputFiles([path.join(work, "letter.pdf")]);
    await page.getByTestId("upload-done").waitFor({ timeout: 120_000 });
    const row = page.locator('[data-check="1:v01.passiv.1"]');
    await row.waitFor();
    expect(await row.locator(".check-box").count()).toBe(5);
    // Each box's button is centred on its box: Letter's boxes sit 17 pt further right in the row than A4's.
    const img = (await row.locator("img").boundingBox())!;
    const last = letter.pages.get(1)![0]!.boxes;
    const textLeft = Number(styles.page.paddingHorizontal); // where a row's picture begins (readBoxes.cropRow)
    const span = last.at(-1)!.x + last.at(-1)!.width + 8 - textLeft;
    for (const [i, box] of last.entries()) {
      const button = (await row.locator(".check-box").nth(i).boundingBox())!;
      const centre = img.x + ((box.x + box.width / 2 - textLeft) / span) * img.width;
      expect(Math.abs(button.x + button.width / 2 - centre), box.option).toBeLessThan(2);
    }
    await page.getByLabel("Mindste antal skemaer, før de vises hver for sig").fill("5");

    // A round made to try things out is deleted again, after a question.
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Slet runden »Letter«" }).click();
    await page.getByRole("button", { name: "Letter", exact: true }).waitFor({ state: "detached" });
    expect(runCli(["results", "--list", "--profile", profileFile], work).stdout).not.toMatch(/^Letter\t/m);
    await page.getByRole("button", { name: "Lille hold" }).click();
  }, 120_000);

  it("warns, in Danish, that a stack printed without numbers was fed backwards, and names the sheets with a page missing", async () => {
    await page.getByLabel("Rundens navn").fill("Bagfra");
    await page.getByRole("button", { name: "Ny runde" }).click();
    await page.getByTestId("scan-files").setInputFiles([path.join(work, "bagfra.pdf")]);
    await page.getByTestId("upload-done").waitFor({ timeout: 120_000 });
    const warned = (await page.getByTestId("upload-warnings").textContent()) ?? "";
    expect(warned).toMatch(/bagfra\.pdf ser ud til at være scannet bagfra/);
    expect(warned).toMatch(/Skema 1 mangler side 1 blandt scanningerne/);
    expect(warned).not.toMatch(/--/);
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Slet runden »Bagfra«" }).click();
    await page.getByRole("button", { name: "Bagfra", exact: true }).waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Lille hold" }).click();
  }, 120_000);

  it("fits a 390 px wide phone", async () => {
    // The same browser's storage: the form (and its company) and the round are kept there.
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, storageState: await page.context().storageState() });
    const phone = await context.newPage();
    await phone.goto(`${base}/#resultater`);
    await phone.getByRole("heading", { name: "Resultater", level: 1 }).waitFor();
    await phone.locator(".results-chart").waitFor();
    await phone.screenshot({ path: path.join(work, "resultater-390.png"), fullPage: true });
    const wide = await phone.evaluate(() => [...document.querySelectorAll("body *")].filter((e) => e.getBoundingClientRect().right > 391).map((e) => `${e.tagName}.${e.className}:${Math.round(e.getBoundingClientRect().right)}`).slice(0, 12));
    expect(wide).toEqual([]);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await context.close();
  }, 60_000);
});

describe("the results API: refusals in Danish, a foreign database left as it was", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "wk-results-api-"));
  let server: FastifyInstance;
  let url: string;
  const profile = { company: "Fremmed Fil ApS" };
  const post = (route: string, body: unknown) => fetch(`${url}${route}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const form = (parts: [string, string | Blob, string?][]) => {
    const data = new FormData();
    for (const [name, value, file] of parts) typeof value === "string" ? data.append(name, value) : data.append(name, value, file);
    return data;
  };

  beforeAll(async () => {
    server = await createServer({ resultsDir: path.join(dir, "results"), warm: false });
    await server.listen({ host: "127.0.0.1", port: 0 });
    const address = server.server.address();
    url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  }, 60_000);
  afterAll(async () => server?.close());

  it("refuses another program's SQLite file where the company's rounds database would be, and leaves it byte for byte", async () => {
    mkdirSync(path.join(dir, "results"), { recursive: true });
    const file = path.join(dir, "results", "fremmed-fil-aps.sqlite");
    const other = new Database(file);
    other.exec("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('privat');");
    other.close();
    const before = readFileSync(file);
    const view = await post("/api/results/view", { profile, round: "Forår" });
    expect(view.status).toBe(409);
    expect((await view.json()).error).toMatch(/^Filen .*fremmed-fil-aps\.sqlite er ikke workshopkits egen database over runder, så den bruges ikke\. Den er ikke ændret\./);
    const typed = await post("/api/results/typed", { profile, round: "Forår", answers: { "v01.passiv.1": 3 } });
    expect(typed.status).toBe(409);
    const upload = await fetch(`${url}/api/results/uploads`, { method: "POST", body: form([["request", JSON.stringify({ profile, round: "Forår" })], ["files", new Blob(["%PDF-1.4\n"]), "skema.pdf"]]) });
    expect(upload.status).toBe(202);
    const events = await (await fetch(`${url}/api/results/uploads/${(await upload.json()).id}/events`)).text();
    expect(events).toMatch(/event: failed\ndata: .*er ikke workshopkits egen database over runder/);
    expect(readFileSync(file).equals(before)).toBe(true);
  }, 60_000);

  it("answers bad requests with a 4xx and a Danish message", async () => {
    const company = { company: "Ny Runde ApS" };
    const name = await post("/api/results/view", { profile: company, round: "Forår\u001b[31m" });
    expect(name.status).toBe(400);
    expect((await name.json()).error).toBe("Rundens navn skal være én linje tekst uden styretegn.");
    const long = await post("/api/results/view", { profile: company, round: "x".repeat(81) });
    expect((await long.json()).error).toBe("Rundens navn må højst være 80 tegn.");
    const emoji = await post("/api/results/view", { profile: company, round: "Forår 🌸" });
    expect((await emoji.json()).error).toBe("Rapportens skrift kan ikke vise »🌸«. Giv runden et navn uden det tegn.");
    const score = await post("/api/results/typed", { profile: company, round: "Forår", answers: { "v01.passiv.1": 7 } });
    expect(score.status).toBe(400);
    const report = await post("/api/results/report", { profile: company, round: "Findes ikke" });
    expect(report.status).toBe(404);
    expect((await report.json()).error).toMatch(/^Runden findes ikke/);
    const broken = await post("/api/results/view", { profile: { company: "" } });
    expect((await broken.json()).error).toMatch(/^Profilen har fejl/);

    // Multipart: no boundary, no request part, no files, too many files.
    const noBoundary = await fetch(`${url}/api/results/uploads`, { method: "POST", headers: { "content-type": "multipart/form-data" }, body: "--x\r\n" });
    expect(noBoundary.status).toBeGreaterThanOrEqual(400);
    expect(noBoundary.status).toBeLessThan(500);
    const noRequest = await fetch(`${url}/api/results/uploads`, { method: "POST", body: form([["files", new Blob(["x"]), "a.pdf"]]) });
    expect(noRequest.status).toBe(400);
    expect((await noRequest.json()).error).toBe("Forespørgslen manglede profilen og rundens navn.");
    const noFiles = await fetch(`${url}/api/results/uploads`, { method: "POST", body: form([["request", JSON.stringify({ profile: company, round: "Forår" })]]) });
    expect((await noFiles.json()).error).toBe("Der var ingen filer med. Vælg de udfyldte scoreskemaer.");
    const many = await fetch(`${url}/api/results/uploads`, { method: "POST", body: form([["request", JSON.stringify({ profile: company, round: "Forår" })], ...Array.from({ length: 101 }, (_, i): [string, Blob, string] => ["files", new Blob(["x"]), `${i}.jpg`])]) });
    expect(many.status).toBe(413);
    expect((await many.json()).error).toBe("Send højst 100 filer ad gangen.");
    // Nothing was made for the company.
    expect(existsSync(path.join(dir, "results", "ny-runde-aps.sqlite"))).toBe(false);
  }, 60_000);
});
