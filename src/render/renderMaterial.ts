// Renders with react-pdf to bytes. A warning from react-pdf fails the render.
import { cloneElement } from "react";
import { renderToBuffer } from "@react-pdf/renderer";
import { WorkshopkitError } from "../errors.js";
import { prepareFonts } from "../fonts.js";
import type { Material, ResolvedPack } from "../model.js";
import { materialDocument } from "../../templates/index.js";
import type { TextLayout } from "./checkLayout.js";
import type { SlotPlacement } from "../brand/brandParts.js";
import { layoutSlots, layoutTextRuns, rememberSlots, rememberTextLayout, type LayoutNode } from "./layoutText.js";

/**
 * Renders a react-pdf <Document>; `what` names it in messages. react-pdf reports a dropped image or
 * an unknown style only through console.warn: that is a failure, not a PDF to hand on.
 */
export async function renderStrict(what: string, element: Parameters<typeof renderToBuffer>[0]): Promise<Uint8Array> {
  await prepareFonts();
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(" "));
  let bytes: Buffer;
  let layout: TextLayout | undefined;
  let slots: SlotPlacement[] = [];
  // react-pdf hands its finished layout to the document's onRender (as _INTERNAL__LAYOUT__DATA_).
  const onRender = ({ _INTERNAL__LAYOUT__DATA_: tree }: { _INTERNAL__LAYOUT__DATA_?: LayoutNode }) => {
    layout = tree && layoutTextRuns(tree);
    slots = tree ? layoutSlots(tree) : [];
  };
  try {
    bytes = await renderToBuffer(cloneElement(element, { onRender } as Record<string, unknown>));
  } catch (err) {
    if (err instanceof WorkshopkitError) throw err; // from the layout: a company name too long for its slot (layoutSlots)
    throw WorkshopkitError.of("render.failed", { what, detail: (err as Error).message });
  } finally {
    console.warn = warn;
  }
  if (warnings.length > 0) {
    throw WorkshopkitError.of("render.warnings", { what, list: warnings.join("\n  ") });
  }
  const result = new Uint8Array(bytes);
  if (layout) rememberTextLayout(result, layout);
  rememberSlots(result, slots);
  return result;
}

export function renderMaterial(material: Material, pack: ResolvedPack, creationDate: Date): Promise<Uint8Array> {
  const element = materialDocument(material, pack, {
    title: `${material.title} – ${pack.brand.company}`,
    author: pack.brand.company,
    subject: pack.toolkit.title,
    creationDate,
  });
  return renderStrict(`"${material.id}"`, element);
}
