// The help card rendered once for every company (issue #12): its front's text (title, 112, the
// company's contacts) is the company's brand part, fitted by resolve and carried on the brand; the
// material is the same for every company, and the stamped card shows what the card drawn in place shows.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parsePartKey } from "../src/brand/partKey.js";
import { renderBrandParts } from "../src/brand/parts.js";
import { placeholderPack } from "../src/brand/placeholder.js";
import { savedMaterial, stampMaterial } from "../src/brand/stampMaterial.js";
import { materialKey } from "../src/cache/materialCache.js";
import { loadContent } from "../src/load/loadContent.js";
import { CONTENT_DIR } from "../src/load/contentDir.js";
import { loadProfile } from "../src/load/loadProfile.js";
import type { Material, ResolvedPack } from "../src/model.js";
import { renderForEveryCompany } from "../src/pipeline.js";
import { renderMaterial } from "../src/render/renderMaterial.js";
import { WRITE_IN } from "../src/resolve/placeholders.js";
import { resolve } from "../src/resolve/resolve.js";
import { Profile } from "../src/schema/profile.js";
import type { Toolkit } from "../src/schema/toolkit.js";
import { EXAMPLE_PROFILE, tempDir } from "./support/build.js";

const DATE = new Date("2026-01-01T00:00:00Z");
const LONG_NAME = "Vestjyllands Andelsbaserede Maskin- og Værktøjsfabrik for Landbrug og Industri A/S";
type HelpCard = Extract<Material, { kind: "help-card" }>;

let toolkit: Toolkit;
/** The example company: a logo, every contact. */
let example: ResolvedPack;
/** Another: a long name (two footer lines), a light colour, counselling without hours and HR only. */
let other: ResolvedPack;
const dir = tempDir("wk-help-parts-");

beforeAll(async () => {
  toolkit = await loadContent(CONTENT_DIR);
  const loaded = await loadProfile(EXAMPLE_PROFILE);
  example = resolve({ toolkit, profile: loaded.profile, logo: loaded.logo, only: ["help-card"] });
  const profile = Profile.parse({ company: LONG_NAME, colour: "#FFE066", paper: "A4", contacts: { counselling: { name: "Rådgivningen", phone: "70 20 30 40" }, hr: { name: "Anne Hansen", phone: "12 34 56 78" } } });
  other = resolve({ toolkit, profile, only: ["help-card"] });
}, 60_000);

const helpCard = (pack: ResolvedPack) => pack.materials.find((m) => m.id === "help-card") as HelpCard;

function save(name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

const pageText = (file: string, page: number) => spawnSync("pdftotext", ["-f", String(page), "-l", String(page), "-enc", "UTF-8", file, "-"], { encoding: "utf8" }).stdout.replace(/\s+/g, " ").trim();

/** Every word of a page with its box (pdftotext -bbox), in reading order. */
function words(file: string, page: number): { text: string; box: number[] }[] {
  const xml = spawnSync("pdftotext", ["-bbox", "-f", String(page), "-l", String(page), "-enc", "UTF-8", file, "-"], { encoding: "utf8" }).stdout;
  return [...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({ text: m[5]!, box: m.slice(1, 5).map(Number) }));
}

describe("the help card material", () => {
  it("is the same for two companies with different contacts and names; their fronts are their brands'", () => {
    const [a, b] = [helpCard(example), helpCard(other)];
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toMatch(/Nordlys|Falck|Mette Holm|Vestjyllands|Anne Hansen/);
    // Its cache key, with the placeholder brand, is the same too: one render for both.
    expect(materialKey(a, placeholderPack(example), DATE)).toBe(materialKey(b, placeholderPack(other), DATE));
    // The fronts differ: the contacts, and one line less of room for the long name's second footer line.
    const [fa, fb] = [example.brand.helpCardFront!, other.brand.helpCardFront!];
    expect(fa.box).toEqual(fb.box);
    expect(fa.box.width).toBeCloseTo(a.layout.face.text.width, 6);
    expect(fa.panel.footer).toHaveLength(1);
    expect(fb.panel.footer).toHaveLength(2);
    const entries = (f: typeof fa) => f.panel.entries.map((e) => e.lines.map((l) => l.bold + l.rest).join(" ").replace(/\u00A0/g, " "));
    expect(entries(fa)).toContain("HR: Personaleafdelingen, Mette Holm, tlf. 86 12 34 50, hr@nordlys-maskinfabrik.dk");
    expect(entries(fb)).toContain(`Anonym psykologisk rådgivning: Rådgivningen, tlf. 70 20 30 40, ${WRITE_IN}`);
    // A contact left open whole is a line across the card (room for a name and a number by hand).
    expect(entries(fb)).toContainEqual(expect.stringMatching(/^Tillidsrepræsentant \(TR\): _{30,}$/));
    // What the profile lacks is still a warning naming the help card.
    expect(other.warnings.map((w) => w.message).filter((m) => m.includes("(help-card)"))).toHaveLength(3);
  });

  it("renders for every company with no company text: the fronts' text is empty slots, the same bytes for both", async () => {
    const [a, b] = await Promise.all([renderMaterial(helpCard(example), placeholderPack(example), DATE), renderMaterial(helpCard(other), placeholderPack(other), DATE)]);
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    const file = save("placeholder.pdf", a.bytes);
    const fronts = helpCard(example).layout.pages.findIndex((p) => p.kind === "fronts") + 1;
    expect(pageText(file, fronts)).toBe("");
    const all = spawnSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).stdout;
    expect(all).toContain("Mere viden og hjælp"); // the back
    expect(all).not.toMatch(/Nordlys|Falck|Mette Holm|Ring 112|Vestjyllands|Anne Hansen/);
  });
});

describe("the help card front as a brand part", () => {
  it("is drawn once per company, the size of the face's text box, with the company's contacts", async () => {
    const shared = await renderForEveryCompany(helpCard(other), placeholderPack(other), DATE);
    const keys = [...new Set(shared.slots.map((s) => s.part))].filter((k) => k.startsWith("help-front "));
    expect(keys).toHaveLength(1);
    // One on every card of the front sheet, and one on the cover, which shows the card.
    expect(shared.slots.filter((s) => s.part === keys[0])).toHaveLength(helpCard(other).layout.sheet.slots.length + 1);
    const part = parsePartKey(keys[0]!);
    expect([part.width, part.height]).toEqual([+other.brand.helpCardFront!.box.width.toFixed(2), +other.brand.helpCardFront!.box.height.toFixed(2)]);
    const parts = await renderBrandParts(other.brand, keys);
    const text = pageText(save("part.pdf", parts.pdf), parts.pages[keys[0]!]! + 1);
    expect(text).toMatch(new RegExp(`^Hvor får jeg hjælp\\? Ring 112 ved akut fare Anonym psykologisk rådgivning: Rådgivningen, tlf\\. 70 20 30 40, ${WRITE_IN} HR: Anne Hansen, tlf\\. 12 34 56 78 Arbejdsmiljørepræsentant \\(AMR\\): _{30,} Tillidsrepræsentant \\(TR\\): _{30,}$`));
  });

  it("is refused (a fault) for a brand without a front fitted to the part's box", async () => {
    const shared = await renderForEveryCompany(helpCard(example), placeholderPack(example), DATE);
    const key = shared.slots.find((s) => s.part.startsWith("help-front "))!.part;
    const { helpCardFront: _, ...bare } = example.brand;
    await expect(renderBrandParts(bare, [key])).rejects.toThrow(/has no help card front fitted to the part "help-front /);
    const wider = { ...example.brand, helpCardFront: { ...example.brand.helpCardFront!, box: { width: 100, height: 100 } } };
    await expect(renderBrandParts(wider, [key])).rejects.toThrow(/has no help card front fitted/);
  });

  it("is checked as drawn: text that runs out of the text box is a fault, not a clipped card", async () => {
    const shared = await renderForEveryCompany(helpCard(example), placeholderPack(example), DATE);
    const key = shared.slots.find((s) => s.part.startsWith("help-front "))!.part;
    const front = example.brand.helpCardFront!;
    const panel = { ...front.panel, entries: [...front.panel.entries, { lines: [{ bold: "Langt:", rest: ` ${"x".repeat(120)}` }] }] };
    await expect(renderBrandParts({ ...example.brand, helpCardFront: { ...front, panel } }, [key])).rejects.toThrow(/^The help card's front for "Nordlys Maskinfabrik A\/S" does not fit its text box as drawn:\n  ".*xxxx/);
  });

  it.each([
    ["the example company", () => example],
    ["a long name, missing contacts, a light colour", () => other],
  ])("stamped, shows %s's fronts as the card drawn in place does: the same words in the same places", async (name, pack) => {
    const p = pack();
    const material = helpCard(p);
    const shared = await renderForEveryCompany(material, placeholderPack(p), DATE);
    const parts = await renderBrandParts(p.brand, shared.slots.map((s) => s.part));
    const stamped = save(`stamped-${p.brand.company.length}.pdf`, (await savedMaterial(await stampMaterial(material, shared, parts, p, DATE))).bytes);
    const inPlace = save(`in-place-${p.brand.company.length}.pdf`, (await renderMaterial(material, p, DATE)).bytes);
    const fronts = material.layout.pages.findIndex((q) => q.kind === "fronts") + 1;
    const [s, i] = [words(stamped, fronts), words(inPlace, fronts)];
    expect(s.length, name).toBeGreaterThan(100);
    const sorted = (ws: typeof s) => ws.map((w) => w.text).sort();
    expect(sorted(s)).toEqual(sorted(i));
    // Each word of the stamped page where the same word lies on the page drawn in place (within 0.05 pt).
    for (const w of s) {
      const nearest = Math.min(...i.filter((v) => v.text === w.text).map((v) => Math.max(...v.box.map((c, k) => Math.abs(c - w.box[k]!)))));
      expect(nearest, `"${w.text}"`).toBeLessThan(0.05);
    }
    expect(s.filter((w) => w.text === "112")).toHaveLength(material.layout.sheet.slots.length);
    // And where the card's geometry puts it: each title at the top left of its card's text box.
    const { face } = material.layout;
    const page = material.layout.pages[fronts - 1]!;
    const titles = s.filter((w) => w.text === "Hvor");
    expect(titles).toHaveLength(page.kind === "fronts" ? page.cards.length : -1);
    for (const c of page.kind === "fronts" ? page.cards : []) {
      const [x, y] = [c.rect.x + face.text.x, c.rect.y + face.text.y];
      expect(titles.filter((w) => Math.abs(w.box[0]! - x) < 0.5 && w.box[1]! >= y - 0.5 && w.box[1]! < y + 4), `card ${c.card + 1}`).toHaveLength(1);
    }
  });
});
