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

export function renderPageNumbers(pages: NumberedPage[]): Promise<Uint8Array> {
  return renderStrict("the pack's page numbers", PageNumbers({ pages }) as ReactElement as DocumentElement);
}
