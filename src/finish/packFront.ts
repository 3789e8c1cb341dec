// Renders the pack's own pages with react-pdf: the cover and contents, and the page-number overlays.
import { renderToBuffer } from "@react-pdf/renderer";
import type { ReactElement } from "react";
import { WorkshopkitError } from "../errors.js";
import { prepareFonts } from "../fonts.js";
import { PackFront, type PackFrontProps } from "../../templates/pack/PackFront.js";
import { PageNumbers, type NumberedPage } from "../../templates/pack/PageNumbers.js";

/** As renderMaterial: a react-pdf warning (a dropped image, an unknown style) fails the build. */
async function render(what: string, element: ReactElement): Promise<Uint8Array> {
  await prepareFonts();
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(" "));
  try {
    // PackFront and PageNumbers render a <Document>; the cast is react-pdf's typing, not ours.
    const bytes = await renderToBuffer(element as Parameters<typeof renderToBuffer>[0]);
    if (warnings.length > 0) throw new Error(warnings.join("; "));
    return new Uint8Array(bytes);
  } catch (err) {
    throw new WorkshopkitError(`Rendering the pack's ${what} failed: ${(err as Error).message}`, "This is a fault in workshopkit; please report it with the profile you used.");
  } finally {
    console.warn = warn;
  }
}

export function renderPackFront(props: PackFrontProps): Promise<Uint8Array> {
  return render("cover and contents", PackFront(props));
}

export function renderPageNumbers(pages: NumberedPage[]): Promise<Uint8Array> {
  return render("page numbers", PageNumbers({ pages }));
}
