// The company-independent render's side of the brand stamp (issue #12): templates rendered with the
// placeholder brand leave empty slots, found in react-pdf's layout; the company's parts are drawn one
// page per slot size; resolve gives every material but the policy the same for any company (the help
// card's contacts are the brand's part: tests/help-card-parts.test.ts).
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { PLACEHOLDER_PALETTE, type SlotPlacement } from "../src/brand/brandParts.js";
import { parsePartKey, partKey, partSpec } from "../src/brand/partKey.js";
import { renderBrandParts } from "../src/brand/parts.js";
import { PLACEHOLDER_COMPANY, placeholderBrand, placeholderPack } from "../src/brand/placeholder.js";
import { WorkshopkitError } from "../src/errors.js";
import { loadContent } from "../src/load/loadContent.js";
import { CONTENT_DIR } from "../src/load/contentDir.js";
import { loadProfile } from "../src/load/loadProfile.js";
import type { Brand, Material, ResolvedPack } from "../src/model.js";
import type { Rendered } from "../src/render/renderMaterial.js";
import { renderMaterial } from "../src/render/renderMaterial.js";
import { checkLayout } from "../src/render/checkLayout.js";
import { resolve } from "../src/resolve/resolve.js";
import { Profile } from "../src/schema/profile.js";
import type { Toolkit } from "../src/schema/toolkit.js";
import { EXAMPLE_PROFILE, pdfText, tempDir } from "./support/build.js";

const MM = 72 / 25.4;
const LONG_NAME = "Sønderjyllands Rådgivende Ingeniør- og Arkitektvirksomhed for Bæredygtigt Byggeri ApS";
const DATE = new Date("2026-01-01T00:00:00Z");

let toolkit: Toolkit;
/** The example company: logo, #1F6F8B, A4, all contacts. */
let example: ResolvedPack;
/** Another company: a long name, no logo, #FFE066, one other contact. */
let other: ResolvedPack;

beforeAll(async () => {
  toolkit = await loadContent(CONTENT_DIR);
  const loaded = await loadProfile(EXAMPLE_PROFILE);
  example = resolve({ toolkit, profile: loaded.profile, logo: loaded.logo });
  const profile = Profile.parse({ company: LONG_NAME, colour: "#FFE066", paper: "A4", contacts: { hr: { name: "Jens Hansen", phone: "74 12 34 50" } } });
  other = resolve({ toolkit, profile });
}, 60_000);

const material = (pack: ResolvedPack, id: string): Material => pack.materials.find((m) => m.id === id)!;
const normalise = (s: string) => s.replace(/\s+/g, " ").trim();
const dir = tempDir("wk-brand-parts-");

function save(name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** A trace's colour ("r g b", each 0–1, or one grey) as "#rrggbb". */
function hexOf(colour: string): string {
  const c = colour.trim().split(/\s+/).map(Number);
  const rgb = c.length === 1 ? [c[0]!, c[0]!, c[0]!] : c;
  return `#${rgb.map((v) => Math.round(v * 255).toString(16).padStart(2, "0")).join("")}`;
}

const kinds = (slots: SlotPlacement[], page: number) => slots.filter((s) => s.page === page).map((s) => parsePartKey(s.part).kind).sort();

describe("part keys", () => {
  it("name kind, size to 0.01 pt and every option, and read back to the same part", () => {
    const part = partSpec("name", 226.7716, 16.8 + 0.5, { size: 7, min: 5, lineHeight: 1.2, colour: "grey", valign: "bottom", bold: true, upper: true });
    const key = partKey(part);
    expect(key).toBe("name 226.77x17.30 logo=0 size=7 min=5 lh=1.2 colour=grey align=left valign=bottom bold upper");
    expect(parsePartKey(key)).toEqual(part);
    expect(partKey(parsePartKey(key))).toBe(key);
    expect(() => parsePartKey("name 226.77x17.30 size=7")).toThrow(WorkshopkitError);
    expect(() => parsePartKey(key.replace("grey", "pink"))).toThrow(/Not a brand part key/);
  });
});

describe("resolve does not depend on the company", () => {
  it("gives every material but the policy the same, whatever the company's name, colour, logo and contacts", () => {
    expect(example.brand.logo).toBeDefined();
    expect(other.brand.logo).toBeUndefined();
    const ids = example.materials.map((m) => m.id);
    expect(other.materials.map((m) => m.id)).toEqual(ids);
    const differ = ids.filter((id) => JSON.stringify(material(example, id)) !== JSON.stringify(material(other, id)));
    expect(differ).toEqual(["policy"]);
    // The card decks are among the same: their backs no longer fit the company's name.
    expect(ids.filter((id) => material(example, id).kind === "cards").length).toBeGreaterThan(0);
  });

  it("gives both companies the same placeholder brand, in the placeholder colours", () => {
    expect(placeholderBrand(example.brand)).toEqual(placeholderBrand(other.brand));
    expect(placeholderBrand(other.brand)).toEqual({ company: PLACEHOLDER_COMPANY, colour: PLACEHOLDER_PALETTE.brand, palette: PLACEHOLDER_PALETTE, paper: "A4", placeholder: true });
    expect(example.brand.palette).toEqual({ brand: "#1F6F8B", ink: "#1f6f8b", onBrand: "#ffffff", line: "#1f6f8b", tint: "#e4eef1" });
    expect(other.brand.palette.brand).toBe("#FFE066");
    expect(other.brand.palette.onBrand).toBe("#1a1a1a");
  });
});

describe("the placeholder render", () => {
  let v04: Rendered;
  let deck: Rendered;
  let help: Rendered;
  beforeAll(async () => {
    const pack = placeholderPack(example);
    v04 = await renderMaterial(material(example, "v04"), pack, DATE);
    deck = await renderMaterial(material(example, "v02-dialogkort"), pack, DATE);
    help = await renderMaterial(material(example, "help-card"), pack, DATE);
  }, 60_000);

  it("finds the header mark and the footer name on every page of a worksheet, in the same place", async () => {
    const slots = v04.slots;
    const { pages } = await checkLayout("v04", v04);
    expect(pages.length).toBeGreaterThan(1);
    for (let page = 1; page <= pages.length; page++) expect(kinds(slots, page), `page ${page}`).toEqual(["mark", "name"]);
    const marks = slots.filter((s) => s.part.startsWith("mark "));
    expect(new Set(marks.map((s) => JSON.stringify({ ...s, page: 0 }))).size).toBe(1);
    const mark = marks[0]!;
    const part = parsePartKey(mark.part);
    // At the top left of the page, as wide and high as its key says: half the header (18 mm margins; the running head has the rest), 12 mm.
    expect(mark.x).toBeCloseTo(18 * MM, 1);
    expect(mark.y + mark.height).toBeCloseTo(pages[0]!.height - 6.5 * MM, 1);
    expect([mark.width, mark.height]).toEqual([part.width, part.height]);
    expect(part.width).toBeCloseTo(0.5 * (210 - 36) * MM, 1);
    expect(part.height).toBeCloseTo(12 * MM, 1);
    const footer = slots.find((s) => s.part.startsWith("name "))!;
    expect(footer.y).toBeGreaterThan(9 * MM - 0.1);
    expect(footer.y).toBeLessThan(20 * MM);
  });

  it("finds one back slot behind every card of a back sheet, and the cover's header", async () => {
    const m = material(example, "v02-dialogkort") as Extract<Material, { kind: "cards" }>;
    const slots = deck.slots;
    const { pages } = await checkLayout(m.id, deck);
    expect(pages.length).toBe(m.layout.pages.length);
    m.layout.pages.forEach((p, i) => {
      const expected = p.kind === "cover" ? ["cover"] : p.kind === "backs" ? p.cards.map(() => "back") : [];
      expect(kinds(slots, i + 1), `page ${i + 1} (${p.kind})`).toEqual(expected);
      if (p.kind !== "backs") return;
      // Each back's slot lies inside its card, centred across it.
      const onPage = slots.filter((s) => s.page === i + 1);
      for (const c of p.cards) {
        const top = pages[i]!.height - c.rect.y;
        const inside = onPage.filter((s) => s.x > c.rect.x && s.x + s.width < c.rect.x + c.rect.width && s.y > top - c.rect.height && s.y + s.height < top);
        expect(inside, `card ${c.card + 1}`).toHaveLength(1);
        expect(inside[0]!.x + inside[0]!.width / 2).toBeCloseTo(c.rect.x + c.rect.width / 2, 1);
      }
    });
  });

  it("finds the help card's cover header and kicker, and the front's text and the company name's line on every card of the front", async () => {
    const m = material(example, "help-card") as Extract<Material, { kind: "help-card" }>;
    const slots = help.slots;
    expect((await checkLayout(m.id, help)).pages).toHaveLength(m.layout.pages.length);
    m.layout.pages.forEach((p, i) => {
      // The cover shows one card, front and back: its front's text and name line too.
      const expected = p.kind === "cover" ? ["cover", "help-front", "name", "name"] : p.kind === "fronts" ? p.cards.flatMap(() => ["help-front", "name"]).sort() : [];
      expect(kinds(slots, i + 1), `page ${i + 1} (${p.kind})`).toEqual(expected);
    });
  });

  it("prints nothing of the company: no name, no logo, and its colours only in the placeholder palette", () => {
    for (const [name, rendered] of [["v04", v04], ["deck", deck], ["help", help]] as const) {
      const file = save(`placeholder-${name}.pdf`, rendered.bytes);
      const text = pdfText(file);
      expect(text, name).not.toMatch(/Nordlys Maskinfabrik/i);
      expect(text.length, name).toBeGreaterThan(200);
      const images = spawnSync("pdfimages", ["-list", file], { encoding: "utf8" }).stdout.trim().split("\n").slice(2);
      expect(images, name).toEqual([]);
      // Every colour drawn is a grey or a placeholder colour (read by MuPDF): the brand's colours all come from the palette.
      const trace = spawnSync("mutool", ["trace", file], { encoding: "utf8", maxBuffer: 1 << 30 }).stdout;
      const colours = new Set([...trace.matchAll(/ color="([^"]*)"/g)].map((m) => hexOf(m[1]!)));
      const coloured = [...colours].filter((c) => !/^#(..)\1\1$/.test(c)).sort();
      const placeholders = Object.values(PLACEHOLDER_PALETTE);
      expect(coloured.filter((c) => !placeholders.includes(c)), name).toEqual([]);
      expect(coloured, name).toContain(PLACEHOLDER_PALETTE.brand);
      expect(coloured, name).toContain(PLACEHOLDER_PALETTE.ink);
      if (name === "deck") expect(coloured).toContain(PLACEHOLDER_PALETTE.onBrand);
    }
  });

  it("gives the same slots and part keys again", async () => {
    const again = await renderMaterial(material(example, "v04"), placeholderPack(example), DATE);
    expect(again.slots).toEqual(v04.slots);
    // And the same for another company: the keys do not depend on the company.
    const theirs = await renderMaterial(material(other, "v02-dialogkort"), placeholderPack(other), DATE);
    expect(theirs.slots).toEqual(deck.slots);
    expect(Buffer.from(theirs.bytes).equals(Buffer.from(deck.bytes))).toBe(true);
  });
});

describe("renderBrandParts", () => {
  const keysOf = (slots: SlotPlacement[]) => [...new Set(slots.map((s) => s.part))];
  let keys: string[];
  beforeAll(async () => {
    const pack = placeholderPack(other);
    const slots = await Promise.all(["v04", "v02-dialogkort", "help-card", "v11-balkort", "v01-scoring"].map(async (id) => (await renderMaterial(material(other, id), pack, DATE)).slots));
    keys = keysOf(slots.flat());
  }, 60_000);

  async function pageSizes(bytes: Uint8Array): Promise<{ width: number; height: number }[]> {
    const pdf = await PDFDocument.load(bytes);
    return pdf.getPages().map((p) => p.getSize());
  }

  it("draws a long name, whole, on a page of each slot's size, in sorted key order after the glyph primer, the help card's front last", async () => {
    expect(keys.length).toBeGreaterThanOrEqual(7);
    const parts = await renderBrandParts(other.brand, [...keys, ...keys]);
    const front = (k: string) => parsePartKey(k).kind === "help-front";
    const sorted = [...[...keys].sort().filter((k) => !front(k)), ...[...keys].sort().filter(front)];
    expect(sorted.filter(front)).toHaveLength(1);
    expect(Object.keys(parts.pages).sort()).toEqual([...keys].sort());
    expect(sorted.map((k) => parts.pages[k])).toEqual(sorted.map((_, i) => i + 1));
    const sizes = await pageSizes(parts.pdf);
    expect(sizes).toHaveLength(sorted.length + 1);
    const file = save("parts-long.pdf", parts.pdf);
    sorted.forEach((key, i) => {
      const part = parsePartKey(key);
      const page = i + 1;
      expect(sizes[page]!.width, key).toBeCloseTo(part.width, 2);
      expect(sizes[page]!.height, key).toBeCloseTo(part.height, 2);
      const text = normalise(spawnSync("pdftotext", ["-f", String(page + 1), "-l", String(page + 1), "-enc", "UTF-8", file, "-"], { encoding: "utf8" }).stdout);
      // The help card's front is the company's contacts, not its name.
      if (part.kind === "help-front") return expect(text, key).toContain("HR: Jens Hansen, tlf. 74 12 34 50");
      // Wrapped lines join again; a name broken inside a word would not.
      expect(text, key).toBe(part.upper ? LONG_NAME.toLocaleUpperCase("da-DK") : LONG_NAME);
    });
    const again = await renderBrandParts(other.brand, [...keys].reverse());
    expect(Buffer.from(again.pdf).equals(Buffer.from(parts.pdf))).toBe(true);
  });

  it("draws the logo where a part shows a logo, and the name where it shows a name", async () => {
    const parts = await renderBrandParts(example.brand, keys);
    const file = save("parts-logo.pdf", parts.pdf);
    const images = spawnSync("pdfimages", ["-list", file], { encoding: "utf8" }).stdout.trim().split("\n").slice(2);
    const withImage = new Set(images.map((line) => Number(line.trim().split(/\s+/)[0])));
    expect(withImage.size).toBeGreaterThan(0);
    for (const key of keys) {
      const page = parts.pages[key]! + 1;
      const kind = parsePartKey(key).kind;
      expect(withImage.has(page), key).toBe(kind !== "name" && kind !== "help-front");
      const text = normalise(spawnSync("pdftotext", ["-f", String(page), "-l", String(page), "-enc", "UTF-8", file, "-"], { encoding: "utf8" }).stdout);
      if (kind === "help-front") continue; // the contacts (tests/help-card-parts.test.ts)
      // The cover shows the name beside the logo; a name part only the name.
      expect(text.toLowerCase(), key).toBe(kind === "name" || kind === "cover" ? "nordlys maskinfabrik a/s" : "");
    }
  });

  it("fails naming the profile's company field when a name cannot fit even at the smallest size", async () => {
    const brand: Brand = { ...other.brand, company: "Aktieselskab".repeat(12) };
    const error = await renderBrandParts(brand, keys).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkshopkitError);
    expect((error as Error).message).toMatch(/^profile › company: "Aktieselskab.*" does not fit the card backs \(72 × 13 mm\) even at 6 pt\.$/);
    // Drawn in place, the same name fails the render the same way, not with a page running over.
    const inPlace = await renderMaterial(material(other, "v04"), { ...other, brand }, DATE).catch((e: unknown) => e);
    expect(inPlace).toBeInstanceOf(WorkshopkitError);
    expect((inPlace as Error).message).toMatch(/^profile › company: "Aktieselskab.*" does not fit the page header \(/);
  });
});

describe("the real brand, drawn in place", () => {
  it("still prints the company's name and logo in the slots", async () => {
    const file = save("real-v04-long.pdf", (await renderMaterial(material(other, "v04"), other, DATE)).bytes);
    const text = normalise(pdfText(file));
    // The footer has the name on one line, on every page; the header wraps it.
    const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync("pdfinfo", [file], { encoding: "utf8" }).stdout)![1]);
    expect(text.split(LONG_NAME).length - 1).toBeGreaterThanOrEqual(pages);
    const deck = save("real-deck-logo.pdf", (await renderMaterial(material(example, "v02-dialogkort"), example, DATE)).bytes);
    const m = material(example, "v02-dialogkort") as Extract<Material, { kind: "cards" }>;
    const backs = m.layout.pages.filter((p) => p.kind === "backs").reduce((n, p) => n + p.cards.length, 0);
    const images = spawnSync("pdfimages", ["-list", deck], { encoding: "utf8" }).stdout.trim().split("\n").slice(2).filter((l) => l.trim().split(/\s+/)[2] === "image");
    expect(images.length).toBe(backs + 1); // every back, and the cover
    expect(pdfText(deck)).toContain("Nordlys Maskinfabrik A/S");
  });
});
