// The complete pack: cover, contents, every material in order, page numbers, bookmarks, manifest, --only.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PDFDict, PDFDocument, PDFName } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { sha256 } from "../src/finish/manifest.js";
import { loadContent } from "../src/load/loadContent.js";
import { CONTENT_DIR, type BuildResult } from "../src/pipeline.js";
import { openPdf, textRuns } from "../src/render/checkLayout.js";
import { listMaterials } from "../src/resolve/resolve.js";
import { mm } from "../templates/theme.js";
import { FRAME_SIDE } from "../templates/parts/PageFrame.js";
import { buildPack, EXAMPLE_PROFILE, pdfText, runCli, tempDir } from "./support/build.js";
import { examplePack } from "./support/examplePack.js";

const PACK = "nordlys-maskinfabrik-a-s-pakke.pdf";
let full: BuildResult;
let packBytes: Uint8Array;

beforeAll(async () => {
  full = await examplePack(); // built once per run, shared
  packBytes = new Uint8Array(readFileSync(path.join(full.dir, PACK)));
});

const materials = () => full.files.filter((f) => f.file !== PACK);
/** The A3 poster is printed on its own: the pack holds one paper size. */
const SEPARATE = ["v11-balkort-a3.pdf"];
const packMaterials = () => materials().filter((m) => !SEPARATE.includes(m.file));
/**
 * 1-based pack page where each material of the pack starts: after the cover and the contents,
 * each on a right-hand (odd) page, behind a blank page where the one before ends on an odd page.
 */
const firstPages = () => {
  let next = 3;
  return packMaterials().map((m) => {
    if (next % 2 === 0) next++;
    const first = next;
    next += m.pages;
    return first;
  });
};
/** 1-based pack pages that belong to no material: the blank backs. */
const blankPages = () => {
  const used = new Set([1, 2]);
  packMaterials().forEach((m, i) => {
    for (let p = 0; p < m.pages; p++) used.add(firstPages()[i]! + p);
  });
  return Array.from({ length: full.pack.pages! }, (_, i) => i + 1).filter((p) => !used.has(p));
};
const squash = (s: string) => s.replace(/\s+/g, " ").replace(/ﬁ/g, "fi").replace(/ﬂ/g, "fl").trim();

describe("the materials", () => {
  it("list the scoring sheet right after Værktøj 1 and the balkort sheet and poster right after Værktøj 11", async () => {
    const ids = listMaterials(await loadContent(CONTENT_DIR)).map((m) => m.id);
    expect(ids.slice(ids.indexOf("v01"), ids.indexOf("v01") + 2)).toEqual(["v01", "v01-scoring"]);
    expect(ids.slice(ids.indexOf("v11"), ids.indexOf("v11") + 3)).toEqual(["v11", "v11-balkort", "v11-balkort-a3"]);
  });
});

describe("the complete pack", () => {
  it("is the cover, the contents, then every material in order, each starting on a right-hand page", async () => {
    const pdf = await PDFDocument.load(packBytes, { updateMetadata: false });
    expect(full.pack).toMatchObject({ file: PACK, pages: pdf.getPageCount() });
    const last = packMaterials().at(-1)!;
    expect(pdf.getPageCount()).toBe(firstPages().at(-1)! + last.pages - 1);
    expect(full.pages).toBe(materials().reduce((n, m) => n + m.pages, 0));
    // Each material's first page is in the pack where the contents says it is.
    const packPages = pdfText(path.join(full.dir, PACK)).split("\f");
    packMaterials().forEach((m, i) => {
      const own = squash(pdfText(path.join(full.dir, m.file)).split("\f")[0]!);
      expect(squash(packPages[firstPages()[i]! - 1]!), m.file).toContain(own.slice(0, 60));
    });
  });

  it("has a cover with the company, the toolkit's title and the content's date", () => {
    const cover = squash(pdfText(path.join(full.dir, PACK)).split("\f")[0]!);
    expect(cover).toContain("Nordlys Maskinfabrik A/S");
    expect(cover).toContain("Fællesskaber Skaber Mental Sundhed");
    expect(cover).toContain("23. november 2026");
  });

  it("lists every material on the contents page with the pack page it starts on", () => {
    const contents = pdfText(path.join(full.dir, PACK), true).split("\f")[1]!;
    const lines = contents.split("\n").map((l) => l.trim().replace(/\s+/g, " "));
    packMaterials().forEach((m, i) => expect(lines, m.title).toContain(`${m.title} ${firstPages()[i]}`));
  });

  it("holds one paper size; the A3 poster stays a file of its own, named on the contents page as a separate print", async () => {
    const pdf = await PDFDocument.load(packBytes, { updateMetadata: false });
    const A4 = [595.28, 841.89];
    for (const [i, page] of pdf.getPages().entries()) {
      const { width, height } = page.getMediaBox();
      expect([width, height].sort((a, b) => a - b).map((n) => Math.round(n)), `page ${i + 1}`).toEqual(A4.map(Math.round));
    }
    const contents = squash(pdfText(path.join(full.dir, PACK)).split("\f")[1]!);
    expect(contents).toContain("Trykkes for sig, på andet papir Værktøj 11: Balkortet – plakat (A3) – v11-balkort-a3.pdf");
    expect(pdfText(path.join(full.dir, PACK))).not.toMatch(/plakat \(A3\)\s*\d/);
    const poster = await PDFDocument.load(readFileSync(path.join(full.dir, "v11-balkort-a3.pdf")), { updateMetadata: false });
    expect(poster.getPage(0).getSize().width).toBeCloseTo(420 * (72 / 25.4), 0);
  });

  it("prints duplex: every page of a card sheet keeps its side, the front on a right-hand page with its back behind it", async () => {
    const pdf = await PDFDocument.load(packBytes, { updateMetadata: false });
    const packPages = pdfText(path.join(full.dir, PACK)).split("\f");
    const cards = listMaterials(await loadContent(CONTENT_DIR)).filter((m) => m.kind === "cards" || m.kind === "help-card");
    const cardFiles = packMaterials().filter((m) => cards.some((c) => `${c.id}.pdf` === m.file));
    expect(cardFiles.map((m) => m.file)).toEqual(["v02-dialogkort.pdf", "v09-tryghedskort.pdf", "help-card.pdf"]);
    let sheets = 0;
    for (const m of cardFiles) {
      const first = firstPages()[packMaterials().indexOf(m)]!;
      const own = pdfText(path.join(full.dir, m.file)).split("\f");
      const single = await PDFDocument.load(readFileSync(path.join(full.dir, m.file)), { updateMetadata: false });
      for (let p = 1; p <= m.pages; p++) {
        const at = first + p - 1;
        // The same page: its text, then at most the pack's page number.
        expect(squash(packPages[at - 1]!).replace(new RegExp(` ?${at}$`), ""), `${m.file} p${p}`).toBe(squash(own[p - 1]!));
        // The material's own file puts fronts on odd pages and backs behind them; so must the pack.
        expect(at % 2, `${m.file} p${p} is pack page ${at}`).toBe(p % 2);
        const trimmed = single.getPage(p - 1).getTrimBox().width < single.getPage(p - 1).getMediaBox().width;
        if (trimmed && p % 2 === 1) {
          sheets++;
          const back = pdf.getPage(at); // 0-based: the page after `at`
          expect(back.getTrimBox().width, `${m.file}: the back of pack page ${at}`).toBeLessThan(back.getMediaBox().width);
        }
      }
    }
    expect(sheets).toBe(3 + 1 + 1);
  });

  it("leaves the back of a sheet blank, unnumbered, where the next material would start on a left-hand page", async () => {
    const blanks = blankPages();
    expect(blanks.length).toBeGreaterThan(0);
    const packPages = pdfText(path.join(full.dir, PACK)).split("\f");
    const pdf = await PDFDocument.load(packBytes, { updateMetadata: false });
    for (const page of blanks) {
      expect(page % 2, `page ${page}`).toBe(0);
      expect(packPages[page - 1]!.trim(), `page ${page}`).toBe("");
      expect(pdf.getPage(page - 1).getSize(), `page ${page}`).toEqual(pdf.getPage(page - 2).getSize());
    }
  });

  it("numbers every page but the cover (and pages printed to the edge) at the foot, where a page's footer has its number (right, on the footer's line)", async () => {
    const lib = await PDFDocument.load(packBytes, { updateMetadata: false });
    const bleeds = lib.getPages().map((p) => p.getTrimBox().width < p.getMediaBox().width);
    const pdf = await openPdf(packBytes);
    const { runs, pages } = await textRuns(pdf);
    await pdf.destroy();
    let numbered = 0;
    for (let page = 1; page <= pages.length; page++) {
      const { width } = pages[page - 1]!;
      const number = runs.find((r) => r.page === page && r.text === String(page) && r.y > mm(8) && r.y < mm(13) && Math.abs(r.x + r.width - (width - FRAME_SIDE)) < 1);
      if (page === 1 || bleeds[page - 1] || blankPages().includes(page)) {
        expect(number, `page ${page}`).toBeUndefined();
      } else {
        expect(number, `page ${page}`).toBeDefined();
        numbered++;
      }
    }
    expect(numbered).toBeGreaterThan(pages.length / 2);
  });

  it("has a bookmark for every material at its first page, with one for every part under it", async () => {
    const pdf = await openPdf(packBytes);
    const outline = (await pdf.getOutline()) ?? [];
    const pageOf = async (dest: unknown) => (await pdf.getPageIndex((dest as [never])[0])) + 1;
    const byTitle = Object.fromEntries(listMaterials(await loadContent(CONTENT_DIR)).map((m) => [m.id, m]));
    expect(outline[0]?.title).toBe("Indhold");
    expect(await pageOf(outline[0]!.dest)).toBe(2);
    const items = outline.slice(1);
    expect(items.map((o) => o.title)).toEqual(packMaterials().map((m) => m.title));
    for (const [i, m] of packMaterials().entries()) {
      const item = items[i]!;
      expect(await pageOf(item.dest), m.title).toBe(firstPages()[i]);
      const parts = byTitle[m.file.replace(/\.pdf$/, "")]!.parts;
      expect(item.items).toHaveLength(parts.length);
      for (const part of item.items) {
        const page = await pageOf(part.dest);
        expect(page).toBeGreaterThanOrEqual(firstPages()[i]!);
        expect(page).toBeLessThan(firstPages()[i]! + m.pages);
      }
    }
    await pdf.destroy();
    // Every part was found in its material's text: no bookmark fell back to a guess.
    expect(full.warnings.filter((w) => /bookmark/.test(w.message))).toEqual([]);
  });

  it("puts a part's bookmark on the page that shows its heading", async () => {
    const pdf = await openPdf(packBytes);
    const outline = (await pdf.getOutline()) ?? [];
    const scoring = outline.find((o) => o.title === "Værktøj 1: Scoreskema")!;
    const profile = scoring.items.find((p) => p.title === "Jeres profil")!;
    const page = (await pdf.getPageIndex((profile.dest as [never])[0])) + 1;
    await pdf.destroy();
    expect(pdfText(path.join(full.dir, PACK)).split("\f")[page - 1]).toContain("Jeres pro");
  });

  it("is a clean file for the print shop: no form fields, no dangling widgets or links, every font embedded", async () => {
    const pdf = await PDFDocument.load(packBytes, { updateMetadata: false });
    expect(pdf.catalog.get(PDFName.of("AcroForm"))).toBeUndefined();
    for (const page of pdf.getPages()) {
      const annots = page.node.Annots();
      for (let i = 0; i < (annots?.size() ?? 0); i++) {
        const annot = pdf.context.lookup(annots!.get(i), PDFDict);
        expect(annot.get(PDFName.of("Subtype"))).not.toBe(PDFName.of("Widget"));
        expect(annot.get(PDFName.of("Dest"))).toBeUndefined();
      }
    }
    const fonts = spawnSync("pdffonts", [path.join(full.dir, PACK)], { encoding: "utf8" }).stdout.split("\n").slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line).toMatch(/ yes yes /);
    // The single files keep their fields for filling in on screen.
    const sheet = await PDFDocument.load(readFileSync(path.join(full.dir, "v01-scoring.pdf")), { updateMetadata: false });
    expect(sheet.getForm().getFields().length).toBeGreaterThan(20);
  });
});

describe("manifest.json", () => {
  it("lists every file written, the pack too, with its pages and sha256", async () => {
    const manifest = JSON.parse(readFileSync(path.join(full.dir, "manifest.json"), "utf8")) as { files: { file: string; pages?: number; sha256: string }[] };
    const written = readdirSync(full.dir).filter((f) => f !== "manifest.json").sort();
    expect(manifest.files.map((f) => f.file).sort()).toEqual(written);
    expect(manifest.files.filter((f) => f.file.endsWith(".pdf")).at(-1)?.file).toBe(PACK);
    for (const entry of manifest.files) {
      const bytes = readFileSync(path.join(full.dir, entry.file));
      expect(sha256(bytes), entry.file).toBe(entry.sha256);
      if (entry.file.endsWith(".pdf")) expect((await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount(), entry.file).toBe(entry.pages);
      else expect(entry.pages).toBeUndefined();
    }
  });
});

describe("--only", () => {
  it("builds only the materials it names, with their pack and manifest", () => {
    const out = tempDir();
    const r = runCli(["build", "-p", EXAMPLE_PROFILE, "-o", out, "--only", "v01-scoring", "v11-balkort"]);
    expect(r.status, r.stderr).toBe(0);
    const written = readdirSync(path.join(out, "nordlys-maskinfabrik-a-s"));
    expect(written.filter((f) => f.endsWith(".pdf")).sort()).toEqual([PACK, "v01-scoring.pdf", "v11-balkort.pdf"].sort());
    // Beside them only the manifest and the field maps of those two.
    expect(written.filter((f) => !f.endsWith(".pdf")).sort()).toEqual(["manifest.json", "v01-scoring.fields.json", "v11-balkort.fields.json"]);
    // Progress as plain lines (no terminal), then the summary.
    expect(r.stderr).toContain("Built 3/3: " + PACK);
    expect(r.stdout).toMatch(/Built 3 PDFs \(2 materials and the complete pack\), \d+ pages, in [\d.]+ s/);
    expect(r.stdout).toMatch(new RegExp(`For the print shop: ${PACK} \\(\\d+ pages\\)`));
  });

  it("names the Word file of a document it builds, and none for a build without documents", () => {
    const out = tempDir();
    const r = runCli(["build", "-p", EXAMPLE_PROFILE, "-o", out, "--only", "policy"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("To edit in Word or LibreOffice, the same text as their PDFs: policy.docx.");
    const none = runCli(["build", "-p", EXAMPLE_PROFILE, "-o", tempDir(), "--only", "v11-balkort"]);
    expect(none.stdout).not.toContain("Word");
  });

  it("says in its summary how the pack's pages add up, the A3 poster (a print of its own) left out", () => {
    const out = tempDir();
    const r = runCli(["build", "-p", EXAMPLE_PROFILE, "-o", out, "--only", "v11-balkort", "v11-balkort-a3"]);
    expect(r.status, r.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(out, "nordlys-maskinfabrik-a-s", "manifest.json"), "utf8")) as { files: { file: string; pages?: number }[] };
    const pagesOf = (file: string) => manifest.files.find((f) => f.file === file)!.pages!;
    const [sheet, poster, pack] = [pagesOf("v11-balkort.pdf"), pagesOf("v11-balkort-a3.pdf"), pagesOf(PACK)];
    expect(r.stdout).toContain(`${sheet + poster} pages, in`);
    expect(r.stdout).toContain(`${PACK} (${pack} pages) holds the ${sheet} page${sheet === 1 ? "" : "s"} of the materials on its paper plus ${pack - sheet} of its own`);
  });

  it("refuses an unknown id, listing the valid ones", () => {
    const r = runCli(["build", "-p", EXAMPLE_PROFILE, "-o", tempDir(), "--only", "v01", "v12"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("Unknown material id for --only: v12.");
    expect(r.stderr).toContain("v01-scoring, v02");
    expect(r.stderr).toContain("v11-balkort, v11-balkort-a3");
  });

  it("gives a byte-identical pack when built again", async () => {
    // Both rendered afresh, not taken from the run's cache.
    const [a, b] = [await buildPack({ only: ["v01", "v01-scoring"], cacheDir: false }), await buildPack({ only: ["v01", "v01-scoring"], cacheDir: false })];
    expect(b.pack.sha256).toBe(a.pack.sha256);
    // Cover and contents, Værktøj 1, a blank back if it ends on a right-hand page, the scoring sheet.
    const [v01, scoring] = ["v01.pdf", "v01-scoring.pdf"].map((f) => a.files.find((e) => e.file === f)!.pages!) as [number, number];
    expect(b.pack.pages).toBe(2 + v01 + (v01 % 2) + scoring);
  });
});
