// Every class of problem on the web page, in a real browser (Debian's Chromium, driven by playwright-core):
// each shown in Danish on the field it concerns, never with a command-line option; a field's own
// problem once one leaves it, what the whole toolkit checks (the help card, the card size) as one types.
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { chromium, type Browser, type Page } from "playwright-core";
import { createServer } from "../src/serve/server.js";
import { listenLocal } from "./support/listen.js";

const CHROMIUM = "/usr/bin/chromium";
const LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
/** What the page must never say: a flag, a command, the schema's English. */
const NOT_FOR_THE_PAGE = /--[a-z]|\bnpx\b|workshopkit (build|validate)|expected|profile\.yaml|does not fit/;

const work = mkdtempSync(path.join(tmpdir(), "wk-web-problems-"));
let app: FastifyInstance;
let browser: Browser;
let page: Page;

const field = (p: string) => page.locator(`[data-field="${p}"]`);
/** The Danish message on field `p`, once it is there (and, with `like`, once it says that). */
async function messageOn(p: string, like?: RegExp): Promise<string> {
  const read = async () => ((await field(p).locator(".error-message").textContent({ timeout: 30_000 })) ?? "").replace(/^Fejl: /, "");
  if (like) await expect.poll(read, { timeout: 30_000 }).toMatch(like);
  const text = await read();
  expect(text, p).not.toMatch(NOT_FOR_THE_PAGE);
  return text;
}
const noMessageOn = (p: string) => field(p).locator(".error-message").waitFor({ state: "detached", timeout: 30_000 });

const missing = !existsSync(CHROMIUM);
if (missing) console.warn(`tests/web-problems-e2e.test.ts is skipped: ${CHROMIUM} is not installed (apt-get install chromium; .ci/run installs it).`);

describe.skipIf(missing)("problems on the web page, in Danish, on their fields", () => {
  beforeAll(async () => {
    app = await createServer();
    const base = await listenLocal(app);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.setDefaultTimeout(60_000);
    await page.goto(base);
    await page.getByLabel("Virksomhedens navn").fill("Bager Østergård ApS");
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("says a field's own problem once one leaves the field, not at the first keystroke", async () => {
    await page.locator("#f-contacts-hr-name").fill("Personaleafdelingen");
    await page.locator("#f-contacts-hr-phone").fill("12");
    await page.waitForTimeout(600);
    expect(await field("contacts.hr.phone").locator(".error-message").count()).toBe(0);
    await page.locator("#f-contacts-hr-phone").press("Tab");
    expect(await messageOn("contacts.hr.phone")).toMatch(/^Skriv et telefonnummer som 70\u00a020\u00a030\u00a040/);
    // Once shown, it follows the typing: gone when the number is right.
    await page.locator("#f-contacts-hr-phone").fill("86 12 34 50");
    await noMessageOn("contacts.hr.phone");
  });

  it("checks the help card's fit as one types, on the contact's field", async () => {
    await page.locator("#f-contacts-counselling-name").fill("Rådgivning ".repeat(16).trim());
    expect(await messageOn("contacts.counselling.name")).toMatch(/^Kontaktens tekst er for lang til hjælpekortet \(90 × 60 mm\).*større kortstørrelse/);
    await page.locator("#f-contacts-counselling-name").fill("Falck Healthcare");
    await noMessageOn("contacts.counselling.name");
  });

  it("checks the card size against the paper and the decks as one types", async () => {
    await page.locator("#f-cards-cardSize").fill("200x200");
    expect(await messageOn("cards.cardSize")).toMatch(/kan ikke være på et A4-ark.*største kort.*er \d+x\d+/);
    await page.locator("#f-cards-cardSize").fill("40x40");
    expect(await messageOn("cards.cardSize", /Vælg en større kortstørrelse/)).toMatch(/^Kort nr\. \d+ i kortsættet ».+« har for meget tekst til et kort på 40 × 40 mm/);
    await page.locator("#f-cards-cardSize").fill("300");
    await page.locator("#f-cards-cardSize").press("Tab");
    expect(await messageOn("cards.cardSize", /bredde × højde i millimeter/)).toBe("Skriv bredde × højde i millimeter, fx 90x60.");
    await page.locator("#f-cards-cardSize").fill("90x60");
    await noMessageOn("cards.cardSize");
  });

  it("names a character the font cannot print, on its field", async () => {
    await page.getByLabel("Virksomhedens navn").fill("Smiley \u{1F600} ApS");
    expect(await messageOn("company")).toBe("Skriften kan ikke trykke tegnet »\u{1F600}« (U+1F600). Erstat det med andre tegn.");
    await page.getByLabel("Virksomhedens navn").fill("Bager Østergård ApS");
    await noMessageOn("company");
  });

  it("says a company name too long for where it is printed, on the name's field", async () => {
    await page.getByLabel("Virksomhedens navn").fill(`Bager${"østergård".repeat(9)}`);
    expect(await messageOn("company", /^Virksomhedens navn er for langt/)).toMatch(/Forkort navnet/);
    await page.getByLabel("Virksomhedens navn").fill("Bager Østergård ApS");
    await noMessageOn("company");
  });

  it("says why a logo cannot be used, on the logo field", async () => {
    await page.getByTestId("logo-input").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: Buffer.from("not an image at all\n") });
    expect(await messageOn("logo")).toMatch(/ikke et billede, workshopkit kan læse/);
  });

  it("explains a broken profile file in Danish: its line, or an unquoted #colour on the colour field", async () => {
    const open = (name: string, text: string) => page.getByTestId("open-profile").setInputFiles({ name, mimeType: "text/yaml", buffer: Buffer.from(text) });
    await open("brudt.yaml", "company: Brudt ApS\ncontacts:\n  hr:\n    name: HR\n   phone: 12 34 56 78\n");
    const notice = page.locator(".notice", { hasText: "brudt.yaml" });
    await expect(notice.textContent()).resolves.toMatch(/kan ikke åbnes som profil.*Linje 5/);
    expect(await notice.textContent()).not.toMatch(NOT_FOR_THE_PAGE);
    await open("farve.yaml", "company: Farve ApS\ncolour: #FFE066\n");
    await expect.poll(() => page.getByLabel("Virksomhedens navn").inputValue()).toBe("Farve ApS");
    expect(await messageOn("colour")).toMatch(/anførselstegn.*colour: "#FFE066"/);
  });
});
