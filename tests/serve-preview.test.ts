// The preview shows what is printed: its page images are the pages of the PDFs a build of the same
// profile writes, drawn at the same resolution, pixel for pixel (a drifted preview recipe fails here).
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import sharp from "sharp";
import { createServer } from "../src/serve/server.js";
import { pageToPng, rasterisePdf } from "../src/raster/rasterisePdf.js";
import { packFileName } from "../src/finish/pack.js";
import { made, partsOf, placeholderOf, stamped } from "../src/preview/stamped.js";
import { PLACEHOLDER_COMPANY } from "../src/brand/placeholder.js";
import { CONTENT_DIR, prepare } from "../src/pipeline.js";
import { loadContent } from "../src/load/loadContent.js";
import { Profile } from "../src/schema/profile.js";
import { useCache } from "./support/runCache.js";

const parent = mkdtempSync(path.join(tmpdir(), "wk-serve-preview-"));
const restoreCache = useCache("off"); // the build renders afresh, as the preview does (the run's cache put back in afterAll)
let app: FastifyInstance;

const profile = { company: "Forhåndsvisning & Co ApS", colour: "#7A1F5C", paper: "LETTER", contacts: { hr: { name: "HR", phone: "12 34 56 78" } }, films: {} };
const request = { profile, cards: { duplex: "short" } };

async function pixels(png: Buffer): Promise<Buffer> {
  return sharp(png).removeAlpha().raw().toBuffer();
}

beforeAll(async () => {
  app = await createServer({ warm: false });
});
afterAll(async () => {
  await app?.close();
  restoreCache();
});

async function previewed(payload: object): Promise<Map<string, Buffer>> {
  const r = await app.inject({ method: "POST", url: "/api/preview", payload });
  expect(r.statusCode).toBe(200);
  return new Map(
    r.body
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { key: string; src: string })
      .map((p) => [p.key, Buffer.from(p.src.split(",")[1]!, "base64")]),
  );
}

/** The example's logo, uploaded as the page uploads it; its id. */
async function uploadLogo(): Promise<string> {
  const form = new FormData();
  form.append("file", new Blob([readFileSync(path.join(import.meta.dirname, "../assets/default-logo.svg"))], { type: "image/svg+xml" }), "logo.svg");
  const r = await app.inject({ method: "POST", url: "/api/logo", payload: form });
  expect(r.statusCode, r.body).toBe(200);
  return r.json().id as string;
}

describe("the preview", () => {
  // A company's name in its slots (no logo), and a logo with a light brand colour (text in its darker shade).
  it.each([
    ["the company's name", async () => request],
    ["a logo and a light colour", async () => ({ ...request, profile: { ...profile, company: "Lys & Logo A/S", colour: "#FFE066" }, logo: await uploadLogo() })],
  ])("draws the pages a build prints, with %s: the pack's cover, worksheet page 1, the card sheet's first front and back, the help card's", async (_, payload) => {
    const request = await payload();
    const company = request.profile.company;
    const previewed = await app.inject({ method: "POST", url: "/api/preview", payload: request });
    expect(previewed.statusCode).toBe(200);
    const pages = new Map(
      previewed.body
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as { key: string; src: string })
        .map((p) => [p.key, Buffer.from(p.src.split(",")[1]!, "base64")]),
    );

    const started = await app.inject({ method: "POST", url: "/api/builds", payload: { ...request, only: ["v04", "v09-tryghedskort", "help-card"] } });
    expect(started.statusCode).toBe(202);
    const id = started.json().id as string;
    const events = await app.inject({ method: "GET", url: `/api/builds/${id}/events` });
    expect(events.body).toMatch(/event: done/);
    const file = async (name: string) => new Uint8Array((await app.inject({ method: "GET", url: `/api/builds/${id}/files/${name}` })).rawPayload);

    // Duplex on the short edge: cover, its empty back, then fronts and backs of each sheet.
    const expected: [string, string, number][] = [
      ["cover", packFileName(company), 1],
      ["worksheet", "v04.pdf", 1],
      ["cards-front", "v09-tryghedskort.pdf", 3],
      ["cards-back", "v09-tryghedskort.pdf", 4],
      ["help-card-front", "help-card.pdf", 3],
      ["help-card-back", "help-card.pdf", 4],
    ];
    for (const [key, name, page] of expected) {
      let printed: Buffer | undefined;
      for await (const image of rasterisePdf(await file(name), { dpi: 40, pages: [page] })) printed = await pageToPng(image);
      const shown = pages.get(key);
      expect(shown, key).toBeDefined();
      expect((await pixels(shown!)).equals(await pixels(printed!)), key).toBe(true);
    }
  }, 90_000);

  it("renders no material again for a change of the company's colour, logo, name or contacts: only its parts are drawn again", async () => {
    await previewed(request);
    const before = { materials: new Map(made.materials), parts: made.parts };
    const rendered = () => [...made.materials].filter(([id, n]) => n > (before.materials.get(id) ?? 0)).map(([id]) => id);
    const logo = await uploadLogo();
    await previewed({ ...request, profile: { ...profile, colour: "#2E6B30" } });
    await previewed({ ...request, profile: { ...profile, colour: "#2E6B30" }, logo });
    await previewed({ ...request, profile: { ...profile, colour: "#2E6B30", company: "Et Andet Navn ApS" }, logo });
    await previewed({ ...request, profile: { ...profile, colour: "#2E6B30", company: "Et Andet Navn ApS", contacts: { hr: { name: "HR", phone: "11 22 33 44" } } }, logo });
    expect(rendered()).toEqual([]);
    expect(made.parts - before.parts).toBe(4); // the company's logo, name and contacts, drawn once for each change
  }, 60_000);

  it("follows a change of one contact on the help card only, and of the colour on every page; a page asked for alone is the same", async () => {
    const first = await previewed(request);
    const contact = await previewed({ ...request, profile: { ...profile, contacts: { hr: { name: "HR", phone: "87 65 43 21" } } } });
    const colour = await previewed({ ...request, profile: { ...profile, colour: "#1F6F8B" } });
    expect([...contact.keys()].sort()).toEqual([...first.keys()].sort());
    const same = (a: Map<string, Buffer>) => [...first].filter(([key, png]) => a.get(key)!.equals(png)).map(([key]) => key).sort();
    expect(same(contact)).toEqual(["cards-back", "cards-front", "cover", "help-card-back", "worksheet"]); // the contacts are on the help card's front
    expect(same(colour)).toEqual([]);
    // The same profile again: the same images; and each page asked for alone, the same image too.
    const again = await previewed(request);
    for (const [key, png] of first) expect(again.get(key)!.equals(png), key).toBe(true);
    for (const key of ["cards-back", "help-card-front"]) expect((await previewed({ ...request, pages: [key] })).get(key)!.equals(first.get(key)!), `${key} alone`).toBe(true);
  }, 60_000);
});

describe("the preview's stamp", () => {
  it("fails as a build's does where a material prints the placeholder's name: it looks in the material's text too", async () => {
    const toolkit = await loadContent(CONTENT_DIR);
    const date = new Date(`${toolkit.info.date}T00:00:00Z`);
    const { pack } = prepare({ toolkit, profile: { label: "profile", profile: Profile.parse({ company: "Navn ApS" }) }, only: ["help-card"], date });
    const material = pack.materials[0]!;
    const placeholder = await placeholderOf(material, pack, date);
    const parts = await partsOf(pack, placeholder.slots);
    await expect(stamped(placeholder, parts, pack, material, date)).resolves.toBeInstanceOf(Uint8Array);
    // The same material as if its template printed the company's name itself, not in a slot.
    const run = placeholder.layout.runs[0]!;
    const printed = { ...placeholder, layout: { ...placeholder.layout, runs: [...placeholder.layout.runs, { ...run, text: `Om ${PLACEHOLDER_COMPANY}` }] } };
    await expect(stamped(printed, parts, pack, material, date)).rejects.toMatchObject({ code: "brand.fault" });
  }, 60_000);
});
