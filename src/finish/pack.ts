// The complete pack, one PDF for the print shop: cover, contents, then every material as built,
// with page numbers for the whole pack and a bookmark for every material and every part of it.
import { PDFName, type PDFDocument } from "pdf-lib";
import type { Warning } from "../errors.js";
import type { Material, ResolvedPack } from "../model.js";
import type { PackLabels } from "../schema/pack.js";
import { slug } from "../slug.js";
import { checkLayout, type TextLayout } from "../render/checkLayout.js";
import { setDocumentInfo } from "./finishPdf.js";
import { renderPackCover, renderPageNumbers, renderSharedContents } from "./packFront.js";
import type { BrandParts } from "../brand/brandParts.js";
import { renderBrandParts } from "../brand/parts.js";
import { stampDocument } from "../brand/stamp.js";
import { drawParts } from "../brand/stampParts.js";
import { mergePdfs, pagesForPack, shareIdenticalStreams, tagSubsetsByContent } from "./packMerge.js";
import type { PagesRead } from "./packSource.js";
import { savePdf } from "./savePdf.js";
import { setOutline, type Bookmark } from "./packOutline.js";
import { findPartStarts, type PartStart } from "./packParts.js";
import { onPaper, planPack, type PackPlan } from "./packPlan.js";
import { PAPER_SIZES } from "../cards/impose.js";

export interface BuiltMaterial {
  /** What the pack needs of it: a material, or a page of the build's own (the workshop's print list). */
  material: Pick<Material, "id" | "title" | "parts">;
  /** Its pages: taken from its live document before it was numbered (pagesForPack), or a finished file's bytes (the print list). */
  pdf: Uint8Array | PagesRead;
  pages: number;
  /** Its text as laid out (read once, by the layout check), where the parts' headings are found. */
  layout: TextLayout;
}

export const packFileName = (company: string) => `${slug(company)}-pakke.pdf`;

/** The date as the cover prints it: "23. november 2026". */
export const printedDate = (date: Date) => new Intl.DateTimeFormat("da-DK", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(date);

/**
 * Cover and contents: the cover's PDF, drawn for the company, and the contents' pages, shared by every
 * company's pack with the same pages and its brand stamped on. The contents' page numbers depend on
 * how many pages the front itself takes.
 */
async function front(pack: ResolvedPack, labels: PackLabels, built: BuiltMaterial[], separate: BuiltMaterial[], date: Date, parts: BrandParts): Promise<{ pdfs: (Uint8Array | PagesRead)[]; plan: PackPlan }> {
  const cover = await renderPackCover({ brand: pack.brand, toolkit: pack.toolkit, labels, date: printedDate(date) });
  const coverPages = (await checkLayout("the pack's cover", cover)).pages.length;
  const prints = separate.map((b) => ({ title: b.material.title, file: `${b.material.id}.pdf` }));
  let frontPages = 2;
  for (;;) {
    const plan = planPack(frontPages, built.map((b) => b.pages));
    const entries = built.map((b, i) => ({ title: b.material.title, page: plan.firstPages[i]! + 1 }));
    const contents = await renderSharedContents({ brand: pack.brand, labels, entries, separate: prints });
    const pages = coverPages + (await checkLayout("the pack's contents", contents)).pages.length;
    if (pages === frontPages) {
      // A build of card sheets alone has drawn no page header: the contents' mark is then drawn for it.
      const keys = contents.slots.map((slot) => slot.part);
      const own = keys.every((key) => key in parts.pages) ? parts : await renderBrandParts(pack.brand, keys);
      const info = { title: labels.contents.title, author: pack.brand.company, subject: pack.toolkit.title, date };
      const { pdf: stamped } = await stampDocument(contents.bytes, contents.slots, own, pack.brand.palette, info);
      return { pdfs: [cover.bytes, pagesForPack(stamped)], plan }; // the contents are no file of their own: never saved
    }
    frontPages = pages;
  }
}

/** A material printed on another paper than the profile's (the A3 poster) is a print job of its own. */
function onPackPaper(b: BuiltMaterial, paper: ResolvedPack["brand"]["paper"]): boolean {
  return b.layout.pages.every((page) => onPaper(page, PAPER_SIZES[paper]));
}

/** Inserts the blank pages of the plan (each the size of the page it is the back of). */
function insertBlanks(pdf: PDFDocument, blanks: number[]): void {
  for (const index of blanks) {
    const { width, height } = pdf.getPage(index - 1).getMediaBox();
    pdf.insertPage(index, [width, height]);
  }
}

/** A page printed to its edge (a card sheet) has a trim box inside its media box: no number goes there. */
function hasBleed(pdf: PDFDocument, index: number): boolean {
  const page = pdf.getPage(index);
  if (!page.node.get(PDFName.of("TrimBox"))) return false;
  const trim = page.getTrimBox();
  const media = page.getMediaBox();
  return trim.width < media.width || trim.height < media.height;
}

/** Lays each number page of the overlay over its page of the pack (the cover and blank pages are not numbered). */
async function numberPages(pdf: PDFDocument, blanks: number[]): Promise<void> {
  const blank = new Set(blanks);
  const numbered = pdf
    .getPages()
    .map((page, index) => ({ index, text: String(index + 1), bold: true, ...page.getSize() }))
    .filter((p) => p.index > 0 && !blank.has(p.index) && !hasBleed(pdf, p.index));
  if (numbered.length === 0) return;
  // Each number page is drawn over its page as the brand's parts are: its content reused as it is.
  const overlay: BrandParts = { pdf: await renderPageNumbers(numbered), pages: Object.fromEntries(numbered.map((_, i) => [`number ${i + 1}`, i])) };
  await drawParts(pdf, numbered.map((p, i) => ({ page: p.index + 1, part: `number ${i + 1}`, x: 0, y: 0, width: p.width, height: p.height })), overlay);
}

export async function completePack(
  pack: ResolvedPack,
  labels: PackLabels,
  built: BuiltMaterial[],
  date: Date,
  /** The company's brand parts, for the contents' mark. */
  brandParts: BrandParts,
): Promise<{ name: string; bytes: Uint8Array; pages: number; materialPages: number; warnings: Warning[] }> {
  const warnings: Warning[] = [];
  const inPack = built.filter((b) => onPackPaper(b, pack.brand.paper));
  const separate = built.filter((b) => !inPack.includes(b));
  const parts: PartStart[][] = [];
  for (const b of inPack) {
    const found = findPartStarts(b.material.id, b.layout, b.material.parts);
    parts.push(found.starts);
    warnings.push(...found.warnings);
  }
  const { pdfs: frontPdfs, plan } = await front(pack, labels, inPack, separate, date, brandParts);

  const pdf = await mergePdfs([...frontPdfs, ...inPack.map((b) => b.pdf)]);
  insertBlanks(pdf, plan.blanks);
  await numberPages(pdf, plan.blanks);
  const { firstPages } = plan;
  const bookmarks: Bookmark[] = [
    { title: labels.contents.title, page: 1 },
    ...inPack.map((b, i) => ({
      title: b.material.title,
      page: firstPages[i]!,
      children: parts[i]!.map((part) => ({ title: part.title, page: firstPages[i]! + part.page, top: part.top })),
    })),
  ];
  setOutline(pdf, bookmarks);
  await pdf.flush(); // embeds the number pages now, so that their streams are shared too
  tagSubsetsByContent(pdf); // first: equal subsets then have equal fonts, folded into one next
  shareIdenticalStreams(pdf); // the logo and a shared font subset once, not once per material

  // Saved as it is (savePdf keeps only what the pages and outline reach), not saved and read back.
  setDocumentInfo(pdf, { title: `${pack.toolkit.title} – ${pack.brand.company}`, author: pack.brand.company, subject: pack.toolkit.subtitle, date });
  const pages = pdf.getPageCount();
  const bytes = await savePdf(pdf);
  const materialPages = inPack.reduce((n, b) => n + b.pages, 0);
  return { name: packFileName(pack.brand.company), bytes, pages, materialPages, warnings };
}
