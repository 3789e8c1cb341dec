// The render stage refuses to hand on a PDF that react-pdf only warned about.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../src/load/loadContent.js";
import { renderMaterial } from "../src/render/renderMaterial.js";
import { placeholderPack } from "../src/brand/placeholder.js";
import { checkLayout, openPdf, textRuns, type TextLayout } from "../src/render/checkLayout.js";
import { resolve } from "../src/resolve/resolve.js";
import { Profile } from "../src/schema/profile.js";
import { buildPack, ROOT } from "./support/build.js";

describe("renderMaterial", () => {
  it("fails when react-pdf warns (here: it would drop a corrupt logo and print none)", async () => {
    const toolkit = await loadContent(path.join(ROOT, "content"));
    const profile = Profile.parse({ company: "Testfirma ApS" });
    const pack = resolve({ toolkit, profile, logo: { png: Buffer.from("not a png"), width: 10, height: 10 }, only: ["about"] });
    await expect(renderMaterial(pack.materials[0]!, pack, new Date(0))).rejects.toThrow(/Rendering "about" gave warnings:\s+Incomplete or corrupt PNG file/);
  });

  it("renders the same material without the logo", async () => {
    const toolkit = await loadContent(path.join(ROOT, "content"));
    const pack = resolve({ toolkit, profile: Profile.parse({ company: "Testfirma ApS" }), only: ["about"] });
    const { bytes } = await renderMaterial(pack.materials[0]!, pack, new Date(0));
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");
  });
});

describe("the layout facts come from react-pdf's own layout", () => {
  const norm = (s: string) => s.normalize("NFC").replace(/[\s\u00ad-]/g, "");

  it("and agree with the PDF read back by pdf.js: the text of every page, every line's baseline, the page sizes", async () => {
    const toolkit = await loadContent(path.join(ROOT, "content"));
    const pack = resolve({ toolkit, profile: Profile.parse({ company: "Testfirma ApS" }), only: ["v04", "v02-dialogkort"] });
    for (const material of pack.materials) {
      const { bytes, layout: fromLayout } = await renderMaterial(material, pack, new Date(0));
      expect(fromLayout, material.id).toBeDefined();
      const pdf = await openPdf(bytes);
      const readBack = await textRuns(pdf);
      await pdf.destroy();
      expect(fromLayout!.pages).toEqual(readBack.pages.map((p) => ({ width: expect.closeTo(p.width, 2), height: expect.closeTo(p.height, 2) })));
      for (let page = 1; page <= readBack.pages.length; page++) {
        const text = (l: TextLayout) => norm(l.runs.filter((r) => r.page === page).map((r) => r.text).join(""));
        const baselines = (l: TextLayout) => [...new Set(l.runs.filter((r) => r.page === page).map((r) => r.y.toFixed(1)))].sort();
        expect(text(fromLayout!), `${material.id} page ${page}`).toBe(text(readBack));
        expect(baselines(fromLayout!), `${material.id} page ${page}`).toEqual(baselines(readBack));
      }
    }
  });

  it("so the check still stops a word too long for its page", async () => {
    const toolkit = await loadContent(path.join(ROOT, "content"));
    const profile = Profile.parse({ company: `Testfirma${"ABCDEFGHIJ".repeat(14)}` });
    const pack = resolve({ toolkit, profile, only: ["policy"] });
    // As every company's materials are rendered: the name's slots empty (a name too long for them is
    // refused by the brand's parts), the name in the policy's own text, where nothing fits it first.
    const rendered = await renderMaterial(pack.materials[0]!, placeholderPack(pack), new Date(0));
    expect(rendered.layout).toBeDefined();
    await expect(checkLayout("policy", rendered)).rejects.toThrow(/Text in "policy" does not fit its page:\n {2}page 1: "[^"\n]*Testfirma/);
  });
});

describe("the merged pack", () => {
  it("stores the logo once and gives each distinct font subset a name of its own", async () => {
    const result = await buildPack({ only: ["about", "v04", "policy"] });
    const file = path.join(result.dir, result.pack.file);
    const images = spawnSync("pdfimages", ["-list", file], { encoding: "utf8" }).stdout.trim().split("\n").slice(2);
    expect(images.length).toBeGreaterThan(3); // the logo on every material's pages (and its soft mask)
    expect(new Set(images.map((l) => l.trim().split(/\s+/).slice(10, 12).join(" "))).size).toBe(1); // one image object (pdfimages names its mask by it too)
    const fonts = spawnSync("pdffonts", [file], { encoding: "utf8" }).stdout.trim().split("\n").slice(2).map((l) => l.split(/\s+/)[0]!);
    expect(fonts.length).toBeGreaterThan(4);
    expect(new Set(fonts).size).toBe(fonts.length);
    for (const name of fonts) expect(name).toMatch(/^[A-Z]{6}\+Lato-/);
  });
});
