// Renders the pack's own pages with react-pdf: the cover and contents, and the page-number overlays.
import type { ReactElement } from "react";
import { renderStrict } from "../render/renderMaterial.js";
import { PackFront, type PackFrontProps } from "../../templates/pack/PackFront.js";
import { PageNumbers, type NumberedPage } from "../../templates/pack/PageNumbers.js";

// PackFront and PageNumbers render a <Document>; the cast is react-pdf's typing, not ours.
type DocumentElement = Parameters<typeof renderStrict>[1];

export function renderPackFront(props: PackFrontProps): Promise<Uint8Array> {
  return renderStrict("the pack's cover and contents", PackFront(props) as ReactElement as DocumentElement);
}

/**
 * The overlays made last in this process, by their pages. They depend on the page sizes and
 * numbers alone, which packs of one paper and one choice of materials share whatever the company:
 * a rebuild, or the next company of a batch, takes the bytes (some 40 ms of rendering less).
 */
const numbersMade = new Map<string, Promise<Uint8Array>>();
const KEEP = 4;

/** The same bytes for the same pages; read them, never change them (they are shared). */
export function renderPageNumbers(pages: NumberedPage[]): Promise<Uint8Array> {
  const key = JSON.stringify(pages.map((p) => [p.number, p.width, p.height]));
  let made = numbersMade.get(key);
  if (made) {
    numbersMade.delete(key); // the most recently used last
  } else {
    made = renderStrict("the pack's page numbers", PageNumbers({ pages }) as ReactElement as DocumentElement);
    made.catch(() => numbersMade.delete(key));
    if (numbersMade.size >= KEEP) numbersMade.delete(numbersMade.keys().next().value!);
  }
  numbersMade.set(key, made);
  return made;
}
