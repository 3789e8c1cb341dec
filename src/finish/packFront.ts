// Renders the pack's own pages with react-pdf: the cover (the company's), the contents (every
// company's, its brand stamped on), and the page-number overlays.
import type { ReactElement } from "react";
import { renderStrict, type Rendered } from "../render/renderMaterial.js";
import { ContentsDocument, CoverDocument, type ContentsProps, type CoverProps } from "../../templates/pack/PackFront.js";
import { PageNumbers, type NumberedPage } from "../../templates/pack/PageNumbers.js";
import { placeholderBrand } from "../brand/placeholder.js";
import { Memo } from "../memo.js";

/** How many contents and page-number overlays a process keeps (packs of other papers and choices of materials). */
const KEEP = 4;

// CoverDocument, ContentsDocument and PageNumbers render a <Document>; the cast is react-pdf's typing, not ours.
type DocumentElement = Parameters<typeof renderStrict>[1];

/** The pack's cover, in the company's brand. */
export function renderPackCover(props: CoverProps): Promise<Rendered> {
  return renderStrict("the pack's cover", CoverDocument(props) as ReactElement as DocumentElement);
}

/** The contents pages made last in this process, by everything on them. */
const contentsMade = new Memo<Promise<Rendered>>(KEEP);

/**
 * The pack's contents as every company shares it (the placeholder brand: its colours, an empty slot
 * for the logo or name, stamped on by completePack): the same for every pack with the same pages and
 * materials, so the next company of a batch takes it as it is. Read the bytes, never change them.
 */
export function renderSharedContents(props: ContentsProps): Promise<Rendered> {
  const brand = placeholderBrand(props.brand);
  const key = JSON.stringify({ paper: brand.paper, labels: props.labels, entries: props.entries, separate: props.separate });
  return contentsMade.remember(key, () => renderStrict("the pack's contents", ContentsDocument({ ...props, brand }) as ReactElement as DocumentElement));
}

/**
 * The overlays made last in this process, by their pages. They depend on the page sizes and
 * numbers alone, which packs of one paper and one choice of materials share whatever the company:
 * a rebuild, or the next company of a batch, takes the bytes (some 40 ms of rendering less).
 */
const numbersMade = new Memo<Promise<Uint8Array>>(KEEP);

/** The same bytes for the same pages; read them, never change them (they are shared). */
export function renderPageNumbers(pages: NumberedPage[]): Promise<Uint8Array> {
  const key = JSON.stringify(pages.map((p) => [p.text, p.width, p.height, p.bold]));
  return numbersMade.remember(key, async () => (await renderStrict("the pack's page numbers", PageNumbers({ pages }) as ReactElement as DocumentElement)).bytes);
}
