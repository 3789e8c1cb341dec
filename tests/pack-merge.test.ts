// The pack's merge on small PDFs made here: what it keeps and drops, that reading only what the
// pages need (src/finish/packSource.ts) gives the same file as reading the whole PDF, and that pages
// taken from a live document (pagesForPack) give the same file as its saved bytes, leaving it whole.
import { PDFDict, PDFDocument, PDFName, PDFString, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { mergePdfs, pagesForPack } from "../src/finish/packMerge.js";
import { readPages } from "../src/finish/packSource.js";
import { loadPdf, savePdf } from "../src/finish/savePdf.js";

/** Two pages: text, a form field (a widget), a link to a web address and one to a destination of this file. */
async function material(title: string, objectStreams: boolean): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const n of [1, 2]) pdf.addPage([300, 400]).drawText(`${title} ${n}`, { x: 20, y: 350, size: 12, font });
  const [first, second] = pdf.getPages();
  pdf.getForm().createTextField(`${title}.answer`).addToPage(first!, { x: 20, y: 200, width: 200, height: 20, font });
  const link = (action: PDFDict) => pdf.context.register(pdf.context.obj({ Type: "Annot", Subtype: "Link", Rect: [20, 100, 120, 120], A: action }));
  const annots = first!.node.Annots()!;
  annots.push(link(pdf.context.obj({ S: "URI", URI: PDFString.of("https://example.org/film") })));
  annots.push(link(pdf.context.obj({ S: "GoTo", D: [second!.ref, PDFName.of("Fit")] })));
  return pdf.save({ useObjectStreams: objectStreams, updateFieldAppearances: true });
}

const subtypes = (pdf: PDFDocument) =>
  pdf.getPages().map((page) => {
    const annots = page.node.Annots();
    return annots ? annots.asArray().map((a) => (pdf.context.lookup(a) as PDFDict).get(PDFName.of("Subtype"))!.toString()) : [];
  });

describe("merging the pack", () => {
  it("keeps every page in order and web links; drops widgets and links into the source file", async () => {
    const parts = [await material("A", false), await material("B", false)];
    expect(parts.every((bytes) => readPages(bytes, () => {}) !== undefined)).toBe(true); // read only as far as the pages need
    const merged = await PDFDocument.load(await savePdf(await mergePdfs(parts)));
    expect(merged.getPageCount()).toBe(4);
    expect(subtypes(merged)).toEqual([["/Link"], [], ["/Link"], []]);
    const action = (merged.context.lookup(merged.getPage(0).node.Annots()!.get(0)) as PDFDict).lookup(PDFName.of("A"), PDFDict);
    expect(action.lookup(PDFName.of("URI"), PDFString).decodeText()).toBe("https://example.org/film");
    expect(merged.catalog.get(PDFName.of("AcroForm"))).toBeUndefined();
    // No object of a form is carried over: no field font, no widget appearance.
    const objects = merged.context.enumerateIndirectObjects().map(([, o]) => o);
    expect(objects.some((o) => o instanceof PDFDict && o.get(PDFName.of("FT")) !== undefined)).toBe(false);
    expect(merged.getPages().every((p) => p.node.Resources() !== undefined && p.node.lookup(PDFName.of("Contents")) !== undefined)).toBe(true);
  });

  it("gives the same file from PDFs it must read whole (object streams) as from PDFs it reads in part", async () => {
    const classic = [await material("A", false), await material("B", false)];
    const streams = [await material("A", true), await material("B", true)];
    expect(streams.every((bytes) => readPages(bytes, () => {}) === undefined)).toBe(true); // read whole
    const a = await savePdf(await mergePdfs(classic));
    const b = await savePdf(await mergePdfs(streams));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect((await PDFDocument.load(a)).getPages().map((p) => p.node.Annots()?.size() ?? 0)).toEqual([1, 0, 1, 0]);
  });

  it("reads a PDF whole where its cross-reference table points wrong, and gives the same file", async () => {
    const good = await material("A", false);
    const text = Buffer.from(good).toString("latin1");
    // Every object's offset in the table made 1 (pdf-lib's whole-file parser does not use the table).
    const start = text.lastIndexOf("\nxref\n");
    const broken = new Uint8Array(Buffer.from(text.slice(0, start) + text.slice(start).replace(/\d{10} 00000 n/g, "0000000001 00000 n"), "latin1"));
    expect(() => readPages(broken, () => {})).toThrow();
    const a = await savePdf(await mergePdfs([good]));
    const b = await savePdf(await mergePdfs([broken]));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it("gives the same file from pages taken from the live documents as from their saved files, and leaves each document its widgets", async () => {
    const files = [await material("A", false), await material("B", false)];
    const live = await Promise.all(files.map(loadPdf));
    const taken = live.map(pagesForPack);
    const fromLive = await savePdf(await mergePdfs(taken));
    expect(Buffer.from(fromLive).equals(Buffer.from(await savePdf(await mergePdfs(files))))).toBe(true);
    expect(subtypes(await PDFDocument.load(fromLive))).toEqual([["/Link"], [], ["/Link"], []]);
    // Each document, saved afterwards as its own file, still has its field and both links.
    for (const pdf of live) expect(subtypes(pdf)).toEqual([["/Widget", "/Link", "/Link"], []]);
    const own = await PDFDocument.load(await savePdf(live[0]!));
    expect(own.getForm().getFields().map((f) => f.getName())).toEqual(["A.answer"]);
  });
});
