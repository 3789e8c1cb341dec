// The web page checked by axe-core (through @axe-core/playwright) in Debian's Chromium, in each state a
// user meets: the empty form, the form with its problems shown, a workshop with its print list, a
// finished build with its downloads, the results page before and after a round is named, on a wide
// screen and at 390 px. What axe finds against WCAG 2.1 A and AA fails the test, by rule and element.
// Not checked here: the results page once sheets are read (its rows to check, chart and typing).
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { FastifyInstance } from "fastify";
import { chromium, type Browser, type Page } from "playwright-core"; // axe needs a page of a context (browser.newContext)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer } from "../src/serve/server.js";
import { listenLocal } from "./support/listen.js";

const CHROMIUM = "/usr/bin/chromium";
const LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** What axe finds on the page as it is now: "rule: element" for each violation of WCAG 2.1 A/AA. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")} (${n.failureSummary?.split("\n")[1]?.trim() ?? v.help})`));
}

const missing = !existsSync(CHROMIUM);
if (missing) console.warn(`tests/web-a11y-e2e.test.ts is skipped: ${CHROMIUM} is not installed (apt-get install chromium; .ci/run installs it).`);

describe.skipIf(missing)("the web page, checked by axe-core (WCAG 2.1 A and AA)", () => {
  const home = mkdtempSync(path.join(tmpdir(), "wk-a11y-"));
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  /** A page of its own (its own saved draft), on the form, the example pages shown. */
  async function fresh(viewport = { width: 1400, height: 1000 }, phone = false): Promise<Page> {
    const context = await browser.newContext({ viewport, ...(phone ? { deviceScaleFactor: 2, isMobile: true, hasTouch: true } : {}) });
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(base);
    await page.locator('[data-page="cover"] img').waitFor();
    return page;
  }

  beforeAll(async () => {
    app = await createServer({ resultsDir: path.join(home, "results") });
    base = await listenLocal(app);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("has no violations on the empty form, nor with its problems shown", async () => {
    const page = await fresh();
    expect(await violations(page)).toEqual([]);
    // A field's problem, and the summary the build shows above its button.
    await page.locator("#f-contacts-hr-phone").fill("12");
    await page.locator("#f-contacts-hr-phone").press("Tab");
    await page.locator('[data-field="contacts.hr.phone"] .error-message').waitFor();
    await page.getByRole("button", { name: "Byg pakken" }).click();
    await page.locator(".error-summary").first().waitFor();
    expect(await violations(page)).toEqual([]);
  }, 120_000);

  it("has no violations with a workshop's print list, nor with a finished build's downloads", async () => {
    const page = await fresh();
    await page.getByLabel("Virksomhedens navn").fill("Tilgængelig ApS");
    await page.getByLabel("Kun det, en workshop skal bruge, med en printliste").check();
    await page.getByLabel("Værktøj 2: Sæt dialogen i gang").check();
    await page.getByLabel("Deltagere").fill("12");
    await page.getByLabel("Grupper").fill("3");
    await page.getByTestId("print-list").locator("[data-material]").first().waitFor();
    expect(await violations(page)).toEqual([]);
    await page.getByRole("button", { name: "Byg pakken" }).click();
    await page.getByText("Pakken er klar.").waitFor({ timeout: 180_000 });
    expect(await violations(page)).toEqual([]);
  }, 240_000);

  it("has no violations on the results page, before and after a round is named", async () => {
    const page = await fresh();
    await page.getByLabel("Virksomhedens navn").fill("Tilgængelig ApS");
    await page.getByRole("link", { name: "Resultater" }).click();
    await page.getByRole("heading", { name: "Resultater", level: 1 }).waitFor();
    expect(await violations(page)).toEqual([]);
    await page.getByLabel("Rundens navn").fill("Forår 2027");
    await page.getByRole("button", { name: "Ny runde" }).click();
    await page.getByRole("heading", { name: "Læs skemaer ind i »Forår 2027«" }).waitFor();
    await page.getByRole("button", { name: "Vælg filer" }).waitFor();
    expect(await violations(page)).toEqual([]);
  }, 120_000);

  it("has no violations at 390 px", async () => {
    const phone = await fresh({ width: 390, height: 844 }, true);
    expect(await violations(phone)).toEqual([]);
  }, 120_000);
});
