// Renders one material with react-pdf to bytes. A warning from react-pdf fails the render.
import { renderToBuffer } from "@react-pdf/renderer";
import { WorkshopkitError } from "../errors.js";
import { prepareFonts } from "../fonts.js";
import type { Material, ResolvedPack } from "../model.js";
import { materialDocument } from "../../templates/index.js";

export async function renderMaterial(material: Material, pack: ResolvedPack, creationDate: Date): Promise<Uint8Array> {
  await prepareFonts();
  const element = materialDocument(material, pack, {
    title: `${material.title} – ${pack.brand.company}`,
    author: pack.brand.company,
    subject: pack.toolkit.title,
    creationDate,
  });
  // react-pdf reports a dropped image or an unknown style only through console.warn: treat it as a failure.
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(" "));
  let bytes: Buffer;
  try {
    bytes = await renderToBuffer(element);
  } catch (err) {
    throw new WorkshopkitError(`Rendering "${material.id}" failed: ${(err as Error).message}`, "This is a fault in workshopkit; please report it with the profile you used.");
  } finally {
    console.warn = warn;
  }
  if (warnings.length > 0) {
    throw new WorkshopkitError(`Rendering "${material.id}" gave warnings:\n  ${warnings.join("\n  ")}`, "Nothing was written. This is a fault in workshopkit or its content; please report it.");
  }
  return new Uint8Array(bytes);
}
