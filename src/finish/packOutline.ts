// The pack's bookmarks (the PDF outline): one per material, and under it one per part (step, section).
// pdf-lib has no outline API, so the dictionaries are written as PDF 1.7 § 12.3.3 describes them.
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFNull, PDFNumber, type PDFRef } from "pdf-lib";

export interface Bookmark {
  title: string;
  /** 0-based page of the pack. */
  page: number;
  /** Top of the view in points from the page's bottom; the page's top when left out. */
  top?: number;
  children?: Bookmark[];
}

/** Writes the items of one level under `parent`; returns their refs and how many items they open to. */
function writeLevel(pdf: PDFDocument, parent: PDFRef, items: Bookmark[]): { first: PDFRef; last: PDFRef; count: number } | undefined {
  if (items.length === 0) return undefined;
  const { context } = pdf;
  const pages = pdf.getPages();
  const refs = items.map(() => context.nextRef());
  items.forEach((item, i) => {
    const page = pages[item.page]!;
    const top = item.top ?? page.getHeight();
    const dict = context.obj({}) as PDFDict;
    dict.set(PDFName.of("Title"), PDFHexString.fromText(item.title));
    dict.set(PDFName.of("Parent"), parent);
    dict.set(PDFName.of("Dest"), context.obj([page.ref, PDFName.of("XYZ"), PDFNull, PDFNumber.of(Math.round(top)), PDFNull]));
    if (i > 0) dict.set(PDFName.of("Prev"), refs[i - 1]!);
    if (i < items.length - 1) dict.set(PDFName.of("Next"), refs[i + 1]!);
    const children = writeLevel(pdf, refs[i]!, item.children ?? []);
    if (children) {
      dict.set(PDFName.of("First"), children.first);
      dict.set(PDFName.of("Last"), children.last);
      // Negative: the item starts closed, so the panel first shows the list of materials.
      dict.set(PDFName.of("Count"), PDFNumber.of(-children.count));
    }
    context.assign(refs[i]!, dict);
  });
  return { first: refs[0]!, last: refs.at(-1)!, count: items.length };
}

/** Sets the outline and opens the file with the bookmarks panel showing. */
export function setOutline(pdf: PDFDocument, bookmarks: Bookmark[]): void {
  const { context } = pdf;
  const root = context.nextRef();
  const level = writeLevel(pdf, root, bookmarks);
  if (!level) return;
  context.assign(root, context.obj({ Type: "Outlines", First: level.first, Last: level.last, Count: level.count }));
  pdf.catalog.set(PDFName.of("Outlines"), root);
  pdf.catalog.set(PDFName.of("PageMode"), PDFName.of("UseOutlines"));
}
