// The brand stamp on real materials: every material rendered once with the placeholder brand and
// stamped with a company's brand looks and reads as the same material rendered with that brand
// directly; a company with a logo and a dark colour, and one with a light colour, a long name and no
// logo on Letter. The placeholder's name is nowhere in the stamped text, and the stamp's counts add up.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drawFolios } from "../src/finish/packFolios.js";
import { renderBrandParts } from "../src/brand/parts.js";
import { PLACEHOLDER_COMPANY, placeholderPack } from "../src/brand/placeholder.js";
import { stampDocument } from "../src/brand/stamp.js";
import { addMarkedFields } from "../src/finish/markedFields.js";
import { finishDocument, type DocumentInfo } from "../src/finish/finishPdf.js";
import { loadPdf, savePdf } from "../src/finish/savePdf.js";
import { loadContent } from "../src/load/loadContent.js";
import { CONTENT_DIR } from "../src/load/contentDir.js";
import { loadProfile } from "../src/load/loadProfile.js";
import type { Material, ResolvedPack } from "../src/model.js";
import { renderMaterial, type Rendered } from "../src/render/renderMaterial.js";
import { resolve } from "../src/resolve/resolve.js";
import { Profile } from "../src/schema/profile.js";
import { EXAMPLE_PROFILE } from "./support/build.js";

const DATE = new Date("2026-01-01T00:00:00Z");
const dir = mkdtempSync(path.join(tmpdir(), "wk-stamp-materials-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const packs: Record<string, ResolvedPack> = {};
beforeAll(async () => {
  const toolkit = await loadContent(CONTENT_DIR);
  const example = await loadProfile(EXAMPLE_PROFILE);
  packs.example = resolve({ toolkit, profile: example.profile, logo: example.logo });
  const light = Profile.parse({ company: "Sønderjyllands Forenede Maskin- og Stålvarefabrikker ApS", colour: "#FFE066", paper: "LETTER", contacts: { hr: { name: "Jens Hansen", phone: "74 12 34 50" } } });
  packs.light = resolve({ toolkit, profile: light });
}, 60_000);

/** Finished as a material is for every company or for one: form fields, page boxes, metadata. */
async function finish(material: Material, rendered: Rendered, info: DocumentInfo): Promise<Uint8Array> {
  const pdf = await loadPdf(rendered.bytes);
  await addMarkedFields(pdf);
  finishDocument(pdf, { ...info, boxes: material.boxes });
  return savePdf(pdf);
}

function file(name: string, bytes: Uint8Array): string {
  const p = path.join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

/** Each page as 30 dpi RGB pixels (pdftoppm: one PPM a page, numbered from 1, zero-padded alike): enough to see a colour or a part out of place. */
function pixels(p: string): Buffer[] {
  const prefix = `${path.basename(p)}-px`;
  execFileSync("pdftoppm", ["-r", "30", p, path.join(dir, prefix)]);
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${prefix}-`) && f.endsWith(".ppm"))
    .sort()
    .map((f) => readFileSync(path.join(dir, f)));
}

/** How many pixels differ by more than `tolerance` in some channel (the two images have the same header). */
function differing(a: Buffer, b: Buffer, tolerance = 40): number {
  expect(a.length).toBe(b.length);
  let n = 0;
  for (let i = a.length % 3; i < a.length; i += 3) if (Math.abs(a[i]! - b[i]!) > tolerance || Math.abs(a[i + 1]! - b[i + 1]!) > tolerance || Math.abs(a[i + 2]! - b[i + 2]!) > tolerance) n++;
  return n;
}

const words = (p: string) => execFileSync("pdftotext", ["-layout", p, "-"], { encoding: "utf8" }).replace(/\s+/g, " ").trim();

describe("a material stamped with a company's brand", () => {
  for (const company of ["example", "light"]) {
    it(`is, for every material, the material rendered with ${company === "example" ? "the example company's brand (logo, #1F6F8B)" : "a light colour, a long name and no logo, on Letter"} directly: same text, same pixels`, async () => {
      const pack = packs[company]!;
      const shared = placeholderPack(pack);
      const placeholders = await Promise.all(
        shared.materials.map(async (m) => {
          const rendered = await renderMaterial(m, shared, DATE);
          return { slots: rendered.slots, bytes: await finish(m, rendered, { title: m.title, author: "", subject: pack.toolkit.title, date: DATE }) };
        }),
      );
      const parts = await renderBrandParts(pack.brand, placeholders.flatMap((p) => p.slots.map((s) => s.part)));
      for (const [i, material] of pack.materials.entries()) {
        const info = { title: `${material.title} – ${pack.brand.company}`, author: pack.brand.company, subject: pack.toolkit.title, date: DATE };
        const { slots, bytes } = placeholders[i]!;
        expect(slots.length, `${material.id} has slots`).toBeGreaterThan(0);
        const { pdf: branded, report } = await stampDocument(bytes, slots, parts, pack.brand.palette, info);
        expect(report.slots, `${material.id}: every slot drawn`).toBe(slots.length);
        expect(report.recoloured.changed + report.recoloured.entries, `${material.id}: placeholder colours recoloured`).toBeGreaterThan(0);
        expect(report.recoloured.changed, material.id).toBeLessThanOrEqual(report.recoloured.streams);
        // Stamped, and given its folio ("Side n af m") as a material's own file is (src/finish/packFolios.ts).
        await drawFolios([{ material, pdf: branded, pages: branded.getPageCount() }], [slots], pack.brand.paper);
        const stamped = file(`${company}-${material.id}-stamped.pdf`, await savePdf(branded));
        const direct = file(`${company}-${material.id}-direct.pdf`, await finish(material, await renderMaterial(material, pack, DATE), info));
        const text = words(stamped); // read once, not three times
        expect(text, material.id).toBe(words(direct));
        expect(text.replace(/[\s\u00ad-]/g, ""), material.id).not.toContain(PLACEHOLDER_COMPANY);
        expect(text).toContain(company === "light" ? "Sønderjyllands" : "Nordlys");
        const [a, b] = [pixels(stamped), pixels(direct)];
        expect(a.length, `${material.id} pages`).toBe(b.length);
        a.forEach((page, n) => expect(differing(page, b[n]!), `${company} ${material.id} page ${n + 1}: pixels that differ`).toBeLessThanOrEqual(40));
      }
    }, 600_000);
  }
});
