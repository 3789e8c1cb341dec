// The web page in a real browser (Debian's Chromium, driven by playwright-core), as a new user:
// fill the form, upload a PNG and an SVG logo, see a message come and go, watch the preview take the
// brand colour, build, download the zip and check its PDFs; then the saved profile through the CLI.
// Then a workshop's tools and counts and its print list; a reload with a logo and a build; the card
// options saved and opened again; keyboard only from an empty form to the zip; a 390 px phone; the
// first load's bytes.
import { existsSync, mkdtempSync, readFileSync, writeFileSync, copyFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { unzipSync } from "fflate";
import sharp from "sharp";
import { chromium, type Browser, type Page } from "playwright-core";
import { createServer } from "../src/serve/server.js";
import { pdfText, ROOT, runCli } from "./support/build.js";
import { listenLocal } from "./support/listen.js";

const CHROMIUM = "/usr/bin/chromium";
const LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const COMPANY = "Bager Østergård & Søn ApS";

const work = mkdtempSync(path.join(tmpdir(), "wk-web-e2e-"));
let app: FastifyInstance;
let browser: Browser;
let page: Page;
let base: string;

/** Share of the image's pixels within `tolerance` of `hex` (the brand colour's area on a card-back sheet). */
async function share(src: string, hex: string, tolerance = 40): Promise<number> {
  const png = Buffer.from(src.replace(/^data:image\/png;base64,/, ""), "base64");
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  let near = 0;
  for (let i = 0; i < data.length; i += 3) if (Math.abs(data[i]! - r) + Math.abs(data[i + 1]! - g) + Math.abs(data[i + 2]! - b) < tolerance) near++;
  return near / (info.width * info.height);
}

/** The preview image `key` once `colour` covers at least 30 % of it (the preview follows changes after a moment). */
async function previewIn(key: string, colour: string): Promise<string> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const src = await page.locator(`[data-page="${key}"] img`).getAttribute("src", { timeout: 60_000 });
    if (src && (await share(src, colour)) > 0.3) return src;
    if (Date.now() > deadline) throw new Error(`the preview's ${key} never showed ${colour}`);
    await page.waitForTimeout(200);
  }
}
const field = (p: string) => page.locator(`[data-field="${p}"]`);

/** The focused element, in the page: what it is, whether it can be seen, and the colours of its focus ring. */
function focusedStop() {
  const el = document.activeElement as HTMLElement;
  const box = el.getBoundingClientRect();
  const cs = getComputedStyle(el);
  const colours: string[] = [];
  if (cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) >= 2) colours.push(cs.outlineColor);
  for (const m of cs.boxShadow.matchAll(/rgba?\([^)]*\)/g)) colours.push(m[0]);
  const what = `${el.tagName} ${(el as HTMLInputElement).type ?? ""} ${el.id || el.textContent?.trim().slice(0, 30) || ""}`;
  return { what, id: el.id, tag: el.tagName, text: el.textContent?.trim() ?? "", download: el.getAttribute("data-download"), visible: box.width >= 4 && box.height >= 4 && cs.visibility !== "hidden" && cs.opacity !== "0", colours };
}

/** The best contrast against white of a focus ring's colours (WCAG's relative luminance). */
function ringContrast(colours: string[]): number {
  const lum = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return Math.max(0, ...colours.map((css) => {
    const [r, g, b, a = 1] = css.match(/[\d.]+/g)!.map(Number);
    if (a < 0.5) return 0;
    const l = 0.2126 * lum(r! / 255) + 0.7152 * lum(g! / 255) + 0.0722 * lum(b! / 255);
    return 1.05 / (l + 0.05);
  }));
}

const missing = !existsSync(CHROMIUM);
if (missing) console.warn(`tests/web-e2e.test.ts is skipped: ${CHROMIUM} is not installed (apt-get install chromium; .ci/run installs it).`);

describe.skipIf(missing)("the web page in Chromium", () => {
  beforeAll(async () => {
    app = await createServer();
    base = await listenLocal(app);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
    page = await browser.newPage({ acceptDownloads: true, viewport: { width: 1400, height: 1000 } });
    page.setDefaultTimeout(60_000);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("fills in as a new user, with messages and a live preview", async () => {
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(base);
    expect(await page.locator("h1").textContent()).toBe("Lav jeres egen pakke");

    await page.getByLabel("Virksomhedens navn").fill(COMPANY);

    // A PNG logo dropped on the field: checked by the server, shown, and its colour offered.
    const png = await sharp({ create: { width: 600, height: 200, channels: 3, background: "#c0392b" } }).png().toBuffer();
    const dropped = await page.evaluateHandle((b64) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], "logo.png", { type: "image/png" }));
      return transfer;
    }, png.toString("base64"));
    await page.dispatchEvent(".dropzone", "drop", { dataTransfer: dropped });
    await page.locator(".logo-name", { hasText: "logo.png" }).waitFor();
    await page.getByRole("button", { name: /Brug logoets farve #C0392B/ }).waitFor();
    // Then the SVG logo it is built with, chosen as a file.
    await page.getByTestId("logo-input").setInputFiles(path.join(ROOT, "assets/default-logo.svg"));
    await page.locator(".logo-name", { hasText: "default-logo.svg" }).waitFor();

    // A bad phone number gets a message in Danish on its field, which goes when it is fixed.
    await page.locator("#f-contacts-hr-name").fill("Personaleafdelingen");
    await page.locator("#f-contacts-hr-phone").fill("12 34");
    await page.locator("#f-contacts-hr-phone").press("Tab"); // a field's problem is shown once one leaves it
    await expect(field("contacts.hr.phone").locator(".error-message").textContent()).resolves.toMatch(/^Fejl: Skriv et telefonnummer som 70\u00a020\u00a030\u00a040/);
    expect(await page.locator("#f-contacts-hr-phone").getAttribute("aria-invalid")).toBe("true");
    await page.locator("#f-contacts-hr-phone").fill("86 12 34 50");
    await field("contacts.hr.phone").locator(".error-message").waitFor({ state: "detached" });
    await page.locator("#f-contacts-counselling-name").fill("Falck Healthcare");
    await page.locator("#f-contacts-counselling-hours").fill("hverdage kl. 8–20");

    // The preview shows the brand colour on the card backs, and follows a new colour.
    const before = await previewIn("cards-back", "#1F6F8B");
    expect(await share(before, "#AA2200")).toBeLessThan(0.01);
    await page.locator("#f-colour").fill("#AA2200");
    const after = await previewIn("cards-back", "#AA2200");
    expect(await share(after, "#1F6F8B")).toBeLessThan(0.01);

    // A light colour is warned about, with the reason.
    await page.locator("#f-colour").fill("#FFE066");
    await expect(page.getByTestId("contrast-warning").textContent()).resolves.toMatch(/for lys til hvid tekst på kortenes bagside: kontrasten er 1,\d:1/);
    await page.locator("#f-colour").fill("#1F6F8B");

    // Nothing is lost on a reload.
    await page.reload();
    expect(await page.getByLabel("Virksomhedens navn").inputValue()).toBe(COMPANY);
    await page.locator(".logo-name", { hasText: "default-logo.svg" }).waitFor();
    expect(errors).toEqual([]);
  }, 90_000);

  it("builds with a progress bar, and the zip holds the PDFs its manifest lists", async () => {
    await page.getByRole("button", { name: "Byg pakken" }).click();
    await page.locator("#build-progress").waitFor();
    await page.getByText("Pakken er klar.").waitFor({ timeout: 120_000 });
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator('[data-download="zip"]').click()]);
    expect(download.suggestedFilename()).toBe("bager-oestergaard-soen-aps.zip");
    const zipFile = path.join(work, "pack.zip");
    await download.saveAs(zipFile);
    const files = unzipSync(new Uint8Array(readFileSync(zipFile)));
    const manifest = JSON.parse(new TextDecoder().decode(files["manifest.json"]!));
    expect(manifest.company).toBe(COMPANY);
    expect(manifest.files.length).toBeGreaterThan(20);
    for (const entry of manifest.files as { file: string; sha256: string }[]) {
      expect(files[entry.file], entry.file).toBeDefined();
      expect(createHash("sha256").update(files[entry.file]!).digest("hex"), entry.file).toBe(entry.sha256);
    }
    const pack = path.join(work, "bager-oestergaard-soen-aps-pakke.pdf");
    writeFileSync(pack, files["bager-oestergaard-soen-aps-pakke.pdf"]!);
    expect(pdfText(pack)).toContain(COMPANY);
    writeFileSync(path.join(work, "help-card.pdf"), files["help-card.pdf"]!);
    expect(pdfText(path.join(work, "help-card.pdf"))).toMatch(/86[\s\u00a0]12[\s\u00a0]34[\s\u00a0]50/);

    // "Gem profil" gives the YAML the CLI builds from: beside the logo, the same PDFs, byte for byte.
    const [saved] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Gem profil" }).click()]);
    const cliDir = path.join(work, "cli");
    expect(saved.suggestedFilename()).toBe("bager-oestergaard-soen-aps.yaml");
    const profile = path.join(work, "profil.yaml");
    await saved.saveAs(profile);
    expect(readFileSync(profile, "utf8")).toMatch(/^# Virksomhedsprofil til workshopkit/);
    copyFileSync(path.join(ROOT, "assets/default-logo.svg"), path.join(work, "default-logo.svg"));
    const cli = runCli(["build", "--profile", profile, "--out", cliDir, "--only", "v04", "v09-tryghedskort", "help-card"], ROOT, { SOURCE_DATE_EPOCH: "", WORKSHOPKIT_CACHE: "off" }); // rendered afresh, not taken from the server's cache
    expect(cli.stderr).not.toMatch(/Error/);
    expect(cli.status).toBe(0);
    for (const id of ["v04", "v09-tryghedskort", "help-card"]) {
      const fromCli = readFileSync(path.join(cliDir, "bager-oestergaard-soen-aps", `${id}.pdf`));
      expect(Buffer.compare(fromCli, Buffer.from(files[`${id}.pdf`]!)), id).toBe(0);
    }
    // The whole pack too (materials from the build cache, as the CLI would take them): every file's sha256 the same.
    const fullDir = path.join(work, "cli-full");
    const full = runCli(["build", "--profile", profile, "--out", fullDir], ROOT, { SOURCE_DATE_EPOCH: "" });
    expect(full.status, full.stderr).toBe(0);
    const cliManifest = JSON.parse(readFileSync(path.join(fullDir, "bager-oestergaard-soen-aps", "manifest.json"), "utf8"));
    expect(cliManifest.files).toEqual(manifest.files);
  }, 180_000);

  it("builds a workshop: the tools and counts chosen, only their files, and the print list shown and downloaded", async () => {
    await page.getByLabel("Kun det, en workshop skal bruge, med en printliste").check();
    // Each tool says what it is for, from the content.
    const v09 = page.locator(".tool", { hasText: "Værktøj 9: Skab psykologisk tryghed" });
    await expect(v09.locator(".tool-facts").textContent()).resolves.toMatch(/^MålgruppeArbejdsgruppenFormålBrug drøftelserne.*Tid2 timer$/);
    await page.getByLabel("Værktøj 2: Sæt dialogen i gang").check();
    await page.getByLabel("Værktøj 9: Skab psykologisk tryghed").check();
    await page.getByLabel("Deltagere").fill("24");
    await page.getByLabel("Grupper").fill("5");
    const count = (id: string) => page.locator(`[data-material="${id}"] input`);
    const list = page.getByTestId("print-list");
    await expect(list.locator("[data-material]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-material")))).resolves.toEqual(["v02", "v02-dialogkort", "v09", "v09-tryghedskort", "help-card"]);
    // Suggested: a deck a group, a group worksheet a group and one for the facilitator, a help card each.
    expect(await count("v02-dialogkort").inputValue()).toBe("5");
    expect(await count("v09").inputValue()).toBe("6");
    expect(await count("help-card").inputValue()).toBe("25");
    await expect(list.locator('[data-material="v02-dialogkort"] .print-facts').textContent().then((t) => t?.replace(/\u00a0/g, " "))).resolves.toBe(
      "v02-dialogkort.pdf · A4, kraftigt papir (160–200 g/m²) · Begge sider, vend på lang kant · Hele filen 1 gang, derefter 4 gange side 3–8 (16 ark) · Klip 120 kort ud, 8 pr. ark, langs skærestregerne",
    );
    // Changed before building: three of v09, none of v02's run-sheet.
    await count("v09").fill("3");
    await expect(list.locator('[data-material="v09"]').textContent()).resolves.toContain("Foreslået: 6");
    await count("v02").fill("0");
    await expect(list.locator('[data-material="v02"] .print-facts').textContent()).resolves.toBe("Bygges ikke.");
    // A count that is not one is said on its field, and stops the build.
    await page.getByLabel("Grupper").fill("30");
    await expect(field("workshop.groups").locator(".error-message").textContent()).resolves.toContain("Der kan ikke være flere grupper end deltagere.");
    await page.getByLabel("Grupper").fill("5");

    await page.getByRole("button", { name: "Byg pakken" }).click();
    await page.getByText("Pakken er klar.").waitFor({ timeout: 120_000 });
    const files = await page.locator(".downloads a[download]").evaluateAll((links) => links.map((a) => decodeURIComponent((a as HTMLAnchorElement).href.split("/").pop()!)));
    expect(files.filter((f) => f.endsWith(".pdf")).sort()).toEqual(["bager-oestergaard-soen-aps-pakke.pdf", "help-card.pdf", "printliste.pdf", "v02-dialogkort.pdf", "v09-tryghedskort.pdf", "v09.pdf"]);
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator('[data-download="print-list"]').click()]);
    expect(download.suggestedFilename()).toBe("printliste.pdf");
    const file = path.join(work, "printliste.pdf");
    await download.saveAs(file);
    const text = pdfText(file).replace(/\s+/g, " ");
    expect(text).toContain("Udarbejdet til Bager Østergård & Søn ApS");
    expect(text).toContain("24 deltagere i 5 grupper");
    expect(text).toContain("Værktøj 9: Skab psykologisk tryghed 3 stk.");
    expect(text).toContain("25 kort");
    expect(text).not.toContain("v02.pdf");
    await page.locator(".workshop").screenshot({ path: path.join(work, "workshop.png") });
  }, 180_000);

  it("after a reload with a logo, shows the preview at once and still offers the last build's downloads", async () => {
    await page.reload();
    await page.locator(".logo-name", { hasText: "default-logo.svg" }).waitFor();
    // No field is touched: the preview comes by itself once the logo is on the server again.
    await page.locator('[data-page="cover"] img').waitFor({ timeout: 60_000 });
    await page.getByText("Pakken er klar.").waitFor({ timeout: 10_000 });
    await expect(page.locator('[data-download="print-list"]').count()).resolves.toBe(1);
    await page.getByLabel("Hele pakken: alle materialer, én af hver").check();
  }, 90_000);

  it("saves the card options in the profile and opens them again", async () => {
    await page.locator("#f-cards-cardSize").fill("80x55");
    await page.getByLabel("Vend på den korte kant").check();
    await page.locator("#f-cards-blankCards").fill("4");
    const [saved] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Gem profil" }).click()]);
    const file = path.join(work, "saved-cards.yaml");
    await saved.saveAs(file);
    const yaml = readFileSync(file, "utf8");
    expect(yaml).toMatch(/\ncards:\n  cardSize: 80x55\n  duplex: short\n  blankCards: 4\n/);
    expect(yaml).toContain("# Kortene: størrelse i millimeter");
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "Ryd formularen" }).click();
    await expect.poll(() => page.locator("#f-cards-cardSize").inputValue()).toBe("90x60");
    await page.getByTestId("open-profile").setInputFiles(file);
    await expect.poll(() => page.getByLabel("Virksomhedens navn").inputValue()).toBe(COMPANY);
    expect(await page.locator("#f-cards-cardSize").inputValue()).toBe("80x55");
    expect(await page.getByLabel("Vend på den korte kant").isChecked()).toBe(true);
    expect(await page.locator("#f-cards-blankCards").inputValue()).toBe("4");
    // And the CLI builds its cards as the form said.
    copyFileSync(path.join(ROOT, "assets/default-logo.svg"), path.join(work, "default-logo.svg"));
    const out = path.join(work, "cli-cards");
    const cli = runCli(["build", "--profile", file, "--out", out, "--only", "v09-tryghedskort"], ROOT);
    expect(cli.status, cli.stderr).toBe(0);
    expect(pdfText(path.join(out, "bager-oestergaard-soen-aps", "v09-tryghedskort.pdf"))).toContain("Kort 1–12 · Kortstørrelse 80 × 55 mm");
  }, 120_000);

  it("goes from an empty form to the downloaded zip by keyboard alone, every stop visible with a ring of 3:1 or more", async () => {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 1000 } });
    const kb = await context.newPage();
    kb.setDefaultTimeout(60_000);
    await kb.goto(base);
    // The form is drawn by the page's script after load; a Tab pressed before it is there lands on the body.
    await kb.locator("#f-company").waitFor();
    const stops: { what: string; visible: boolean; ring: number }[] = [];
    /** Presses Tab until `wanted` holds for the focused element, checking every stop on the way. */
    const tabTo = async (wanted: (el: { id: string; text: string; tag: string; download: string | null }) => boolean) => {
      for (let i = 0; i < 150; i++) {
        await kb.keyboard.press("Tab");
        const stop = await kb.evaluate(focusedStop);
        stops.push({ what: stop.what, visible: stop.visible, ring: ringContrast(stop.colours) });
        if (wanted(stop)) return;
      }
      throw new Error("never reached the element wanted by Tab");
    };
    await tabTo((el) => el.id === "f-company");
    await kb.keyboard.type("Tastatur & Co ApS");
    await tabTo((el) => el.tag === "BUTTON" && el.text === "Byg pakken");
    await kb.keyboard.press("Enter");
    // The build shows its progress, or (the shared renders cached, the machine idle) is already done.
    await kb.locator("#build-progress, .downloads .success").first().waitFor();
    const focused = () => kb.evaluate(() => document.activeElement?.textContent?.trim());
    expect(await focused()).toBe("Byg pakken");
    await kb.getByText("Pakken er klar.").waitFor({ timeout: 120_000 });
    expect(await focused()).toBe("Byg pakken");
    await tabTo((el) => el.download === "zip");
    const [download] = await Promise.all([kb.waitForEvent("download"), kb.keyboard.press("Enter")]);
    expect(download.suggestedFilename()).toBe("tastatur-co-aps.zip");
    const zip = path.join(work, "keyboard.zip");
    await download.saveAs(zip);
    expect(Object.keys(unzipSync(new Uint8Array(readFileSync(zip))))).toContain("manifest.json");
    // Every stop on the way could be seen, and its focus ring stood out.
    expect(stops.filter((s) => !s.visible).map((s) => s.what)).toEqual([]);
    expect(stops.filter((s) => s.ring < 3).map((s) => `${s.what} ${s.ring.toFixed(2)}:1`)).toEqual([]);
    expect(stops.length).toBeGreaterThan(20);
    // The radio buttons were among them (their ring was yellow on white, 1.43:1).
    expect(stops.some((s) => s.what.startsWith("INPUT radio"))).toBe(true);
    await context.close();
  }, 240_000);

  it("on a 390 px phone, points down to the preview and fits the screen", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const phone = await context.newPage();
    phone.setDefaultTimeout(60_000);
    await phone.goto(base);
    await expect(phone.locator(".lead").innerText()).resolves.toMatch(/^Udfyld virksomhedens oplysninger\. Forhåndsvisningen nederst på siden viser/);
    expect(await phone.locator(".lead .wide-only").isVisible()).toBe(false);
    await phone.getByRole("link", { name: "Gå til forhåndsvisningen" }).click();
    await phone.locator('[data-page="cover"] img').waitFor();
    await phone.getByLabel("Kun det, en workshop skal bruge, med en printliste").check();
    await phone.getByLabel("Værktøj 11: Skab det gode fællesskab via god kommunikation").check();
    await phone.getByLabel("Deltagere").fill("8");
    await phone.getByLabel("Grupper").fill("2");
    await phone.getByTestId("print-list").waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.screenshot({ path: path.join(work, "phone.png"), fullPage: true });
    await context.close();
  }, 90_000);

  it("loads in at most 800 KB, compressed, with example pages before anything is typed", async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const fresh = await context.newPage();
    const encodings = new Map<string, string | undefined>();
    fresh.on("response", (r) => encodings.set(new URL(r.url()).pathname, r.headers()["content-encoding"]));
    await fresh.goto(base);
    await fresh.locator('[data-page="help-card-back"] img').waitFor({ timeout: 60_000 });
    await expect(fresh.locator(".preview-status").textContent()).resolves.toMatch(/^Eksempel: sådan bliver siderne for »Jeres virksomhed«/);
    expect(await fresh.getByLabel("Virksomhedens navn").inputValue()).toBe("");
    const sizes = await fresh.evaluate(() => [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")].map((e) => [e.name, (e as PerformanceResourceTiming).transferSize] as const));
    const total = sizes.reduce((n, [, bytes]) => n + bytes, 0);
    expect(total, JSON.stringify(sizes)).toBeLessThanOrEqual(800_000);
    expect(sizes.map(([name]) => new URL(name).pathname).filter((p) => p.startsWith("/fonts/")).sort()).toEqual(["/fonts/lato-bold-latin.woff2", "/fonts/lato-regular-latin.woff2"]);
    expect(encodings.get("/app.js")).toBe("br");
    expect(encodings.get("/style.css")).toBe("br");
    expect(encodings.get("/api/info")).toBe("br");
    await context.close();
  }, 90_000);

  it("opens a profile and shows its problems on the fields", async () => {
    const yaml = "company: Åbnet Firma A/S\ncolour: '#12345'\ncontacts:\n  amr:\n    name: Jonas\n    phone: '12'\n";
    await page.getByTestId("open-profile").setInputFiles({ name: "firma.yaml", mimeType: "text/yaml", buffer: Buffer.from(yaml) });
    await expect.poll(() => page.getByLabel("Virksomhedens navn").inputValue()).toBe("Åbnet Firma A/S");
    await expect(field("colour").locator(".error-message").textContent()).resolves.toContain("hexkode");
    await expect(field("contacts.amr.phone").locator(".error-message").textContent()).resolves.toContain("telefonnummer");
  });
});
