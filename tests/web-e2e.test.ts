// The web page in a real browser (Debian's Chromium, driven by playwright-core), as a new user:
// fill the form, upload a PNG and an SVG logo, see a message come and go, watch the preview take the
// brand colour, build, download the zip and check its PDFs; then the saved profile through the CLI.
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

const missing = !existsSync(CHROMIUM);
if (missing) console.warn(`tests/web-e2e.test.ts is skipped: ${CHROMIUM} is not installed (apt-get install chromium; .ci/run installs it).`);

describe.skipIf(missing)("the web page in Chromium", () => {
  beforeAll(async () => {
    app = await createServer({ tempParent: work });
    await app.listen({ host: "127.0.0.1", port: 0 });
    const address = app.server.address();
    base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
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
    await page.locator("#f-logo").setInputFiles(path.join(ROOT, "assets/default-logo.svg"));
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
    const profile = path.join(work, "profil.yaml");
    await saved.saveAs(profile);
    expect(readFileSync(profile, "utf8")).toMatch(/^# Company profile for workshopkit/);
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

  it("opens a profile and shows its problems on the fields", async () => {
    const yaml = "company: Åbnet Firma A/S\ncolour: '#12345'\ncontacts:\n  amr:\n    name: Jonas\n    phone: '12'\n";
    await page.getByTestId("open-profile").setInputFiles({ name: "firma.yaml", mimeType: "text/yaml", buffer: Buffer.from(yaml) });
    await expect.poll(() => page.getByLabel("Virksomhedens navn").inputValue()).toBe("Åbnet Firma A/S");
    await expect(field("colour").locator(".error-message").textContent()).resolves.toContain("hexkode");
    await expect(field("contacts.amr.phone").locator(".error-message").textContent()).resolves.toContain("telefonnummer");
  });
});
