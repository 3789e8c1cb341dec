// The brand stamp: a material rendered in placeholder colours with empty slots becomes a company's
// material. Read back by other tools than the one that wrote it: qpdf (every stream decoded),
// poppler (text positions, pixels, metadata), pypdf (form fields).
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Defs, Document, LinearGradient, Link, Page, Path, Rect, Stop, Svg, Text, View, renderToBuffer, type DocumentProps } from "@react-pdf/renderer";
import { PDFDocument, PDFName, PDFOperator, PDFOperatorNames, PDFRawStream } from "pdf-lib";
import { createElement as h, type ReactElement } from "react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PLACEHOLDER_PALETTE, paletteOf, type BrandParts, type Palette, type SlotPlacement } from "../src/brand/brandParts.js";
import { checkPlaceholderRender, stampBrand, stampBrandReport } from "../src/brand/stamp.js";
import { PLACEHOLDER_COMPANY } from "../src/brand/placeholder.js";
import { Recolourer } from "../src/brand/stampColours.js";
import { WorkshopkitError } from "../src/errors.js";
import { addMarkedFields } from "../src/finish/markedFields.js";
import { finishDocument, type DocumentInfo } from "../src/finish/finishPdf.js";
import { loadPdf, savePdf } from "../src/finish/savePdf.js";
import { FONT_FAMILY, prepareFonts } from "../src/fonts.js";
import { FieldMark } from "../templates/parts/FieldMark.js";
import { loadContent } from "../src/load/loadContent.js";
import { CONTENT_DIR } from "../src/load/contentDir.js";
import { Profile } from "../src/schema/profile.js";
import { validate } from "../src/validate/validate.js";

const dir = mkdtempSync(path.join(tmpdir(), "wk-stamp-"));
const A4 = { width: 595.28, height: 841.89 };
const P = PLACEHOLDER_PALETTE;
const info: DocumentInfo = { title: "Værktøj 4 – Testfirma ÆØÅ ApS", author: "Testfirma ÆØÅ ApS", subject: "Stress og trivsel", keywords: ["trivsel", "stress"], date: new Date("2026-03-01T00:00:00Z") };

// The slots, as the placeholder render leaves them: the name in the header of both pages, a logo on page 2.
const NAME = { left: 40, top: 30, width: 200, height: 30 };
const LOGO = { left: 480, top: 30, width: 60, height: 40 };
/** A filled rectangle in the brand colour, for its pixels. */
const FILL = { left: 60, top: 200, width: 120, height: 80 };
const slotOf = (page: number, part: string, b: typeof NAME): SlotPlacement => ({ page, part, x: b.left, y: A4.height - b.top - b.height, width: b.width, height: b.height });
const SLOTS: SlotPlacement[] = [slotOf(1, "name 200x30", NAME), slotOf(2, "name 200x30", NAME), slotOf(2, "logo 60x40", LOGO)];

const abs = (b: typeof NAME) => ({ position: "absolute" as const, left: b.left, top: b.top, width: b.width, height: b.height });

/** A material as the placeholder render makes it: every brand colour a placeholder, slots empty, a form field. */
function placeholderMaterial(): ReactElement<DocumentProps> {
  const page = (n: number, body: ReactElement[]) =>
    h(Page, { key: n, size: "A4", style: { fontFamily: FONT_FAMILY, fontSize: 11, padding: 40, paddingTop: 90 } }, [
      h(View, { key: "slot", style: abs(NAME) }), // the empty slot of the company's name
      h(View, { key: "rule", style: { borderBottomWidth: 1.5, borderBottomColor: P.brand, marginBottom: 8 } }),
      ...body,
    ]);
  return h(Document, null, [
    page(1, [
      h(Text, { key: "h", style: { color: P.ink, fontSize: 20, fontWeight: 700 } }, "Spot belastning"),
      h(View, { key: "fill", style: { ...abs(FILL), backgroundColor: P.brand } }),
      h(View, { key: "badge", style: { position: "absolute", left: 300, top: 200, width: 150, height: 40, backgroundColor: P.brand, padding: 8 } }, h(Text, { style: { color: P.onBrand } }, "VÆRKTØJ 4")),
      h(Svg, { key: "svg", width: 60, height: 60, viewBox: "0 0 10 10", style: { position: "absolute", left: 300, top: 300 } }, h(Path, { d: "M1 1h8v8h-8z", fill: P.brand, stroke: P.ink, strokeWidth: 0.5 })),
      h(Link, { key: "link", src: "https://example.com/film", style: { position: "absolute", left: 60, top: 400, color: P.ink } }, "Se filmen"),
      h(View, { key: "field", style: { position: "absolute", left: 60, top: 450, width: 300, height: 60, borderWidth: 1, borderColor: P.brand } }, h(FieldMark, { field: { type: "text", name: "v04.svar", multiline: true, label: "Dit svar" }, style: { flexGrow: 1 } })),
      ...["groen", "gul", "roed"].map((option, i) => h(View, { key: option, style: { position: "absolute", left: 60 + i * 40, top: 540, width: 20, height: 20, borderWidth: 1, borderColor: P.ink } }, h(FieldMark, { field: { type: "radio", name: "v04.niveau", option }, style: { width: 18, height: 18 } }))),
    ]),
    page(2, [h(View, { key: "slot2", style: abs(LOGO) }), h(Text, { key: "t", style: { color: P.ink } }, "Side to")]),
  ]);
}

/** The company's parts: one page each, the size of its slot. */
function partsDocument(palette: Palette): ReactElement<DocumentProps> {
  return h(Document, null, [
    h(Page, { key: "name", size: [NAME.width, NAME.height], style: { fontFamily: FONT_FAMILY, fontSize: 11, fontWeight: 700, color: palette.ink, padding: 4 } }, h(Text, null, "Testfirma ÆØÅ ApS")),
    h(Page, { key: "logo", size: [LOGO.width, LOGO.height] }, h(View, { style: { width: LOGO.width, height: LOGO.height, backgroundColor: palette.brand } })),
  ]);
}

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: "utf8", maxBuffer: 64 << 20 });
const file = (name: string, bytes: Uint8Array) => {
  const p = path.join(dir, name);
  writeFileSync(p, bytes);
  return p;
};
/** Every stream decoded and uncompressed, by qpdf: what is in the file, read by another tool. */
const qdf = (p: string) => {
  const out = `${p}.qdf`;
  run("qpdf", ["--qdf", "--object-streams=disable", p, out]);
  return readFileSync(out, "latin1");
};
/** pdfkit's way of writing a colour: JavaScript's numbers. */
const pdfkitOperands = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).join(" ");
/** Every DeviceRGB colour operation of a qdf file, as 0–255 channels. */
const colourOps = (text: string) =>
  [...text.matchAll(/(?<![\d.])(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(scn|SCN|sc|SC|rg|RG)\b/g)].map((m) => [m[1], m[2], m[3]].map((v) => Math.round(Number(v) * 255)).join(","));
const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(",");

/** The RGB of one pixel of a page at 72 dpi (so PDF points are pixels), measured from the top-left. */
function pixel(p: string, page: number, x: number, y: number): [number, number, number] {
  const ppm = execFileSync("pdftoppm", ["-r", "72", "-f", String(page), "-l", String(page), "-x", String(Math.round(x)), "-y", String(Math.round(y)), "-W", "1", "-H", "1", p]);
  const header = ppm.subarray(0, 20).toString("latin1").split(/\s+/);
  const start = ppm.length - 3;
  expect(header[0]).toBe("P6");
  return [ppm[start]!, ppm[start + 1]!, ppm[start + 2]!];
}

let placeholder: Uint8Array;
const partsFor = new Map<string, BrandParts>();
async function parts(palette: Palette): Promise<BrandParts> {
  const known = partsFor.get(palette.brand);
  if (known) return known;
  const made = { pdf: new Uint8Array(await renderToBuffer(partsDocument(palette))), pages: { "name 200x30": 0, "logo 60x40": 1 } };
  partsFor.set(palette.brand, made);
  return made;
}

beforeAll(async () => {
  await prepareFonts();
  const rendered = new Uint8Array(await renderToBuffer(placeholderMaterial()));
  // finished as a material is before it is cached: form fields, metadata of the placeholder render
  const pdf = await loadPdf(rendered);
  await addMarkedFields(pdf);
  finishDocument(pdf, { title: "placeholder", author: "", subject: "", date: new Date(0) });
  placeholder = await savePdf(pdf);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("stampBrand", () => {
  const palette = paletteOf("#1F6F8B");

  it("the fixture really holds the placeholder colours as pdfkit writes them (so the checks below can fail)", () => {
    const text = qdf(file("placeholder.pdf", placeholder));
    for (const role of ["brand", "ink", "onBrand"] as const) expect(text, role).toContain(pdfkitOperands(P[role]));
    expect(colourOps(text)).toContain(channels(P.brand));
  });

  it("leaves no placeholder colour in any stream; the palette's colours are there instead", async () => {
    for (const colour of ["#1F6F8B", "#FFE066"]) {
      const pal = paletteOf(colour);
      const stamped = await stampBrand(placeholder, SLOTS, await parts(pal), pal, info);
      const text = qdf(file(`stamped-${colour.slice(1)}.pdf`, stamped));
      for (const role of ["brand", "ink", "onBrand"] as const) expect(text, role).not.toContain(pdfkitOperands(P[role]));
      const ops = new Set(colourOps(text));
      for (const role of ["brand", "ink", "onBrand"] as const) {
        expect(ops.has(channels(P[role])), `placeholder ${role}`).toBe(false);
        expect(ops.has(channels(pal[role])), `${colour} ${role} ${pal[role]}`).toBe(true);
      }
      expect(spawnSync("qpdf", ["--check", path.join(dir, `stamped-${colour.slice(1)}.pdf`)]).status, "qpdf --check").toBe(0);
    }
  });

  it("draws each part into its slots: the company's name where the slot is, on both pages, embedded once", async () => {
    const stamped = await stampBrand(placeholder, SLOTS, await parts(palette), palette, info);
    const p = file("stamped.pdf", stamped);
    const html = run("pdftotext", ["-bbox", p, "-"]);
    const pages = html.split("<page ").slice(1);
    expect(pages).toHaveLength(2);
    for (const page of pages) {
      const word = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">Testfirma<\/word>/.exec(page);
      expect(word, "the part's text").not.toBeNull();
      const [x0, y0, x1, y1] = word!.slice(1).map(Number) as [number, number, number, number];
      expect(x0).toBeGreaterThanOrEqual(NAME.left);
      expect(x1).toBeLessThanOrEqual(NAME.left + NAME.width);
      expect(y0).toBeGreaterThanOrEqual(NAME.top);
      expect(y1).toBeLessThanOrEqual(NAME.top + NAME.height);
      expect(page).toContain(">ÆØÅ</word>");
    }
    // the part's font subset has a name of its own: no two different subsets of one name in the file
    const fonts = run("pdffonts", [p]).split("\n").slice(2).filter(Boolean).map((l) => l.split(/\s+/)[0]!);
    expect(fonts.filter((f) => f.endsWith("+Lato-Bold")).length, fonts.join(", ")).toBeGreaterThanOrEqual(1);
    expect(new Set(fonts).size, fonts.join(", ")).toBe(fonts.length);
    // one form XObject per part for the whole document, drawn three times
    const pdf = await PDFDocument.load(stamped);
    const forms = [...pdf.context.enumerateIndirectObjects()].filter(([, o]) => o instanceof PDFRawStream && o.dict.get(PDFName.of("Subtype")) === PDFName.of("Form") && o.dict.has(PDFName.of("Matrix")) && !o.dict.has(PDFName.of("Length1")));
    const text = qdf(p);
    expect((text.match(/\/BrandPart\d+ Do/g) ?? []).length).toBe(3);
    expect(forms.length).toBeGreaterThanOrEqual(2);
    // the logo part's pixels: the brand colour, in the logo slot of page 2 and nowhere on page 1
    expect(pixel(p, 2, LOGO.left + LOGO.width / 2, LOGO.top + LOGO.height / 2)).toEqual([0x1f, 0x6f, 0x8b]);
    expect(pixel(p, 1, LOGO.left + LOGO.width / 2, LOGO.top + LOGO.height / 2)).toEqual([255, 255, 255]);
  });

  it("paints the brand-coloured fill in the company's colour", async () => {
    for (const colour of ["#1F6F8B", "#FFE066"]) {
      const pal = paletteOf(colour);
      const p = file(`fill-${colour.slice(1)}.pdf`, await stampBrand(placeholder, SLOTS, await parts(pal), pal, info));
      const [r, g, b] = pixel(p, 1, FILL.left + FILL.width / 2, FILL.top + FILL.height / 2);
      const want = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
      [r, g, b].forEach((c, i) => expect(Math.abs(c - want[i]!), `${colour} channel ${i}`).toBeLessThanOrEqual(1));
      const placeholderPixel = pixel(file("placeholder.pdf", placeholder), 1, FILL.left + FILL.width / 2, FILL.top + FILL.height / 2);
      expect(placeholderPixel).toEqual([0xfe, 0x01, 0xfe]);
    }
  });

  it("sets the metadata, saves one cross-reference subsection, and gives the same bytes every time", async () => {
    const a = await stampBrand(placeholder, SLOTS, await parts(palette), palette, info);
    const b = await stampBrand(placeholder, SLOTS, { ...(await parts(palette)), pdf: new Uint8Array(await parts(palette).then((x) => x.pdf)) }, palette, info);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const p = file("meta.pdf", a);
    const meta = Object.fromEntries(
      run("pdfinfo", ["-isodates", p])
        .split("\n")
        .map((l) => /^([^:]+):\s*(.*)$/.exec(l))
        .filter((m) => m)
        .map((m) => [m![1], m![2]]),
    );
    expect(meta).toMatchObject({ Title: info.title, Author: info.author, Subject: info.subject, Keywords: "trivsel stress", Creator: "workshopkit", Producer: "workshopkit", CreationDate: "2026-03-01T00:00:00Z", ModDate: "2026-03-01T00:00:00Z", Pages: "2" });
    expect(Buffer.from(a).toString("latin1")).toMatch(/\nxref\n0 \d+\n/);
    expect((Buffer.from(a).toString("latin1").match(/\nxref\n/g) ?? []).length).toBe(1);
  });

  it("keeps the form: pypdf reads every field after stamping, and the widgets keep their own look", async () => {
    const stamped = await stampBrand(placeholder, SLOTS, await parts(palette), palette, info);
    const p = file("form.pdf", stamped);
    const read = `
import json, sys, pypdf
r = pypdf.PdfReader(sys.argv[1])
fields = {k: str(v.get("/FT")) for k, v in r.get_fields().items()}
widgets = []
for a in r.pages[0]["/Annots"]:
    a = a.get_object()
    if a.get("/Subtype") != "/Widget": continue
    name = a.get("/T") or a["/Parent"].get_object()["/T"]
    widgets.append([name, sorted(a["/AP"]["/N"].keys()) if "/AS" in a else []])
print(json.dumps({"fields": fields, "widgets": widgets}))`;
    const form = JSON.parse(run("/usr/bin/python3", ["-c", read, p])) as { fields: Record<string, string>; widgets: [string, string[]][] };
    expect(form.fields).toEqual({ "v04.svar": "/Tx", "v04.niveau": "/Btn" });
    expect(form.widgets).toEqual([
      ["v04.svar", []],
      ["v04.niveau", ["/Off", "/groen"]],
      ["v04.niveau", ["/Off", "/gul"]],
      ["v04.niveau", ["/Off", "/roed"]],
    ]);
    // a stream without a placeholder keeps its bytes: every appearance stream is as it was
    const looks = async (bytes: Uint8Array) => {
      const pdf = await PDFDocument.load(bytes);
      return [...pdf.context.enumerateIndirectObjects()]
        .map(([, o]) => o)
        .filter((o): o is PDFRawStream => o instanceof PDFRawStream && o.dict.get(PDFName.of("Subtype")) === PDFName.of("Form"))
        .map((o) => Buffer.from(o.contents).toString("base64"))
        .sort();
    };
    const before = await looks(placeholder);
    expect(before.length).toBe(3); // the empty text field, and a radio button on and off
    const after = await looks(stamped);
    expect(after).toEqual(expect.arrayContaining(before));
    expect(after).toHaveLength(before.length + 2); // and the two parts
  });

  it("is a workshopkit fault, never a silent leftover, when a placeholder colour is written some other way", async () => {
    const pdf = await PDFDocument.load(placeholder);
    const [r, g, b] = [0xfe, 0x01, 0xfe].map((c) => c / 255) as [number, number, number];
    pdf.getPage(0).pushOperators(PDFOperator.of(PDFOperatorNames.SetLineDashPattern, [pdf.context.obj([r, g, b]), pdf.context.obj(0)]));
    const odd = await pdf.save();
    const pal = paletteOf("#1F6F8B");
    await expect(stampBrand(odd, SLOTS, await parts(pal), pal, info)).rejects.toThrow(WorkshopkitError);
    await expect(stampBrand(odd, SLOTS, await parts(pal), pal, info)).rejects.toThrow(/placeholder brand colour .* fault in workshopkit/);
    // and a colour array under a key the stamp does not know
    const other = await PDFDocument.load(placeholder);
    other.catalog.set(PDFName.of("Odd"), other.context.obj([r, g, b]));
    await expect(stampBrand(await other.save(), SLOTS, await parts(pal), pal, info)).rejects.toThrow(/fault in workshopkit/);
  });

  it("recolours an SVG gradient, whose colours are arrays in its shading's function (/C0 /C1), not content", async () => {
    const doc = h(Document, null, h(Page, { size: [200, 100] }, h(Svg, { width: 200, height: 100 }, h(Defs, null, h(LinearGradient, { id: "g", x1: 0, y1: 0, x2: 1, y2: 0 }, h(Stop, { offset: 0, stopColor: P.brand }), h(Stop, { offset: 1, stopColor: P.ink }))), h(Rect, { x: 0, y: 0, width: 200, height: 100, fill: "url('#g')" }))));
    const gradient = new Uint8Array(await renderToBuffer(doc));
    const arrays = (text: string) => [...text.matchAll(/\/C[01] \[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => m.slice(1, 4).map((v) => Math.round(Number(v) * 255)).join(","));
    expect(arrays(qdf(file("gradient.pdf", gradient)))).toEqual([channels(P.brand), channels(P.ink)]);
    const pal = paletteOf("#FFE066");
    const p = file("gradient-stamped.pdf", await stampBrand(gradient, [], { pdf: new Uint8Array(), pages: {} }, pal, info));
    expect(arrays(qdf(p))).toEqual([channels(pal.brand), channels(pal.ink)]);
    const left = pixel(p, 1, 1, 50);
    [0xff, 0xe0, 0x66].forEach((c, i) => expect(Math.abs(left[i]! - c), `channel ${i}`).toBeLessThanOrEqual(6));
  });

  it("is a workshopkit fault when a template draws a tint of a placeholder colour, which no company's colour would replace", async () => {
    const tinted = (colour: string) => h(Document, null, h(Page, { size: [200, 100] }, h(View, { style: { width: 50, height: 50, backgroundColor: colour } })));
    const pal = paletteOf("#1F6F8B");
    const none = { pdf: new Uint8Array(), pages: {} };
    const loaded = await loadPdf(new Uint8Array(await renderToBuffer(tinted("#fe80fe"))));
    const okLoaded = await loadPdf(new Uint8Array(await renderToBuffer(tinted("#9a9a9a"))));
    // the brand placeholder (#fe01fe) mixed 50 % with white: #fe80fe
    await expect(stampBrand(new Uint8Array(await renderToBuffer(tinted("#fe80fe"))), [], none, pal, info)).rejects.toThrow(/a colour made from a placeholder colour \(0\.996\d* 0\.50\d* 0\.996\d* scn\).*fault in workshopkit/);
    // and mixed with black (a shade): #7f007f
    await expect(stampBrand(new Uint8Array(await renderToBuffer(tinted("#7f007f"))), [], none, pal, info)).rejects.toThrow(/a colour made from a placeholder colour/);
    // greys, other colours and the placeholders themselves are fine
    for (const ok of ["#9a9a9a", "#2a6f97", "#c0392b", P.brand]) await expect(stampBrand(new Uint8Array(await renderToBuffer(tinted(ok))), [], none, pal, info), ok).resolves.toBeInstanceOf(Uint8Array);
    // the build checks a shared render once, when it is made (renderForEveryCompany), not in every company's stamp
    expect(() => checkPlaceholderRender(loaded)).toThrow(/a colour made from a placeholder colour.*fault in workshopkit/);
    expect(() => checkPlaceholderRender(okLoaded)).not.toThrow();
  });

  it("is a workshopkit fault when the material prints the placeholder's name (a template printing the company itself)", async () => {
    const pal = paletteOf("#1F6F8B");
    const layout = (text: string) => ({ pages: [A4], runs: [{ page: 1, text, x: 0, y: 0, width: 10, height: 10 }] });
    await expect(stampBrandReport(placeholder, SLOTS, await parts(pal), pal, info, layout(`Velkommen til ${PLACEHOLDER_COMPANY.slice(0, 9)}-`))).resolves.toBeDefined();
    // split over two runs by hyphenation, it is still found
    const split = { pages: [A4], runs: [{ page: 1, text: `Om ${PLACEHOLDER_COMPANY.slice(0, 9)}-`, x: 0, y: 0, width: 10, height: 10 }, { page: 1, text: PLACEHOLDER_COMPANY.slice(9), x: 0, y: 12, width: 10, height: 10 }] };
    await expect(stampBrandReport(placeholder, SLOTS, await parts(pal), pal, info, split)).rejects.toThrow(/prints the company's name itself.*fault in workshopkit/);
    // the report counts what was done
    const { report } = await stampBrandReport(placeholder, SLOTS, await parts(pal), pal, info);
    expect(report.slots).toBe(SLOTS.length);
    expect(report.recoloured.changed).toBeGreaterThan(0);
  });

  it("looks for a placeholder name that no real text can hold: a profile giving it, in the name or any other text, is refused before a build", async () => {
    const toolkit = await loadContent(CONTENT_DIR);
    expect(() => validate(toolkit, { label: "profile.yaml", profile: Profile.parse({ company: "Nordlys ApS" }) })).not.toThrow();
    const profile = Profile.parse({ company: PLACEHOLDER_COMPANY, contacts: { hr: { name: `HR hos ${PLACEHOLDER_COMPANY} ApS` } } });
    let refused: unknown;
    try {
      validate(toolkit, { label: "profile.yaml", profile });
    } catch (err) {
      refused = err;
    }
    expect(refused).toBeInstanceOf(WorkshopkitError);
    expect((refused as WorkshopkitError).problems.map((p) => [p.code, p.path]).sort()).toEqual([["text.missingGlyphs", "company"], ["text.missingGlyphs", "contacts.hr.name"]]);
  });

  it("names a slot whose part is missing or of another size as a workshopkit fault", async () => {
    const pal = paletteOf("#1F6F8B");
    await expect(stampBrand(placeholder, [{ ...SLOTS[0]!, part: "mark 10x10" }], await parts(pal), pal, info)).rejects.toThrow(/no page for the part "mark 10x10".*fault in workshopkit/);
    await expect(stampBrand(placeholder, [{ ...SLOTS[0]!, width: 150 }], await parts(pal), pal, info)).rejects.toThrow(/200×30 pt, its slot on page 1 150×30 pt/);
  });
});

describe("Recolourer", () => {
  const r = new Recolourer(PLACEHOLDER_PALETTE, { brand: "#1f6f8b", ink: "#000000", onBrand: "#ffffff", line: "#1f6f8b", tint: "#e4eef1" });
  it("changes fill and stroke colours together in one pass, leaves other colours and streams without a placeholder alone", () => {
    const content = `/DeviceRGB cs\n${pdfkitOperands(P.brand)} scn\n/DeviceRGB CS\n${pdfkitOperands(P.ink)} SCN\n0.1 0.2 0.3 scn\n${pdfkitOperands(P.onBrand)} rg\n`;
    expect(r.recolourBytes(Buffer.from(content), "test")?.toString()).toBe("/DeviceRGB cs\n0.1216 0.4353 0.5451 scn\n/DeviceRGB CS\n0 0 0 SCN\n0.1 0.2 0.3 scn\n1 1 1 rg\n");
    expect(r.recolourBytes(Buffer.from("0.1 0.2 0.3 scn\n"), "test")).toBeUndefined();
    // the same digits inside longer numbers are not the placeholder
    expect(r.recolourBytes(Buffer.from(`1${pdfkitOperands(P.brand)} scn\n${pdfkitOperands(P.brand)}1 scn\n`), "test")).toBeUndefined();
  });
  it("a company whose colour is a placeholder's is branded too (one pass: no colour is changed twice)", () => {
    const same = new Recolourer(PLACEHOLDER_PALETTE, { brand: P.ink, ink: P.brand, onBrand: "#ffffff", line: "#000000", tint: "#eeeeee" });
    const out = same.recolourBytes(Buffer.from(`${pdfkitOperands(P.brand)} scn\n${pdfkitOperands(P.ink)} scn\n`), "test")!.toString();
    expect(out).toBe("0.9922 0.0078 0.9922 scn\n0.9961 0.0039 0.9961 scn\n");
  });
});
