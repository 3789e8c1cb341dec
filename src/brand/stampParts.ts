// Draws the company's parts (logo, name: one page of the parts PDF each) into a material's slots.
// Each part becomes one form XObject per material, drawn into every slot that names it. The form's
// content is the part page's own compressed content stream, taken once per company (no inflating and
// deflating per material); only its resources (fonts, images) are copied into each material.
import { deflateSync } from "node:zlib";
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFObjectCopier,
  ParseSpeeds,
  PDFRawStream,
  PDFStream,
  type PDFPageLeaf,
  type PDFRef,
} from "pdf-lib";
import { tagSubsetsByContent } from "../finish/packMerge.js";
import type { BrandParts, SlotPlacement } from "./brandParts.js";
import { stampFault } from "./stampFault.js";

/** How far a slot may differ from its part's page, in points, before it is a fault (a part is made at its slot's size). */
const SIZE_TOLERANCE = 0.5;

interface Part {
  width: number;
  height: number;
  /** The form's box and matrix: the page's media box, moved to the origin. */
  box: [number, number, number, number];
  /** The page's content, Flate-compressed, as the form's stream. */
  content: Uint8Array;
  resources: PDFDict;
}

interface PreparedParts {
  source: PDFDocument;
  byKey: Map<string, Part>;
}

/** The parts PDF parsed, and its pages' content taken, once per company (the same parts bytes for every material). */
const prepared = new WeakMap<Uint8Array, Promise<PreparedParts>>();

function prepare(parts: BrandParts): Promise<PreparedParts> {
  let p = prepared.get(parts.pdf);
  if (!p) {
    p = (async () => {
      const source = await PDFDocument.load(parts.pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
      // react-pdf tags every file's subsets alike: the parts' CZZZZZ+Lato-Regular is not the
      // material's. Tagged by content, a material never holds two different subsets of one name.
      tagSubsetsByContent(source);
      return { source, byKey: new Map() };
    })();
    prepared.set(parts.pdf, p);
  }
  return p;
}

function partOf(prep: PreparedParts, parts: BrandParts, key: string): Part {
  const known = prep.byKey.get(key);
  if (known) return known;
  const index = parts.pages[key];
  const page = index === undefined ? undefined : prep.source.getPages()[index];
  if (!page) throw stampFault(`the parts PDF has no page for the part "${key}"`);
  const { x, y, width, height } = page.getMediaBox();
  const resources = prep.source.context.lookupMaybe(page.node.getInheritableAttribute(PDFName.of("Resources")), PDFDict) ?? prep.source.context.obj({});
  const part: Part = { width, height, box: [x, y, x + width, y + height], content: contentOf(page.node.Contents(), prep.source), resources };
  prep.byKey.set(key, part);
  return part;
}

/** A page's content as one Flate stream: its own bytes where it is one such stream, else decoded, joined and compressed. */
function contentOf(contents: PDFArray | PDFStream | undefined, source: PDFDocument): Uint8Array {
  const streams = contents instanceof PDFArray ? contents.asArray().map((r) => source.context.lookup(r)) : [contents];
  const only = streams.length === 1 ? streams[0] : undefined;
  if (only instanceof PDFRawStream && only.dict.get(PDFName.of("Filter")) === PDFName.of("FlateDecode") && !only.dict.has(PDFName.of("DecodeParms"))) return only.contents;
  const decoded = streams.map((s) => {
    if (!(s instanceof PDFRawStream)) throw stampFault("a part page's content is not a stream");
    return Buffer.from(decodePDFRawStream(s).decode());
  });
  return deflateSync(Buffer.concat(decoded.flatMap((d) => [d, Buffer.from("\n")])));
}

/** A number in a content stream: at most six decimals, no trailing zeros. */
const num = (n: number) => String(Number(n.toFixed(6)));

/** The page's own /XObject resources (its /Resources made its own first, where it was inherited or shared). */
function xObjectsOf(pdf: PDFDocument, node: PDFPageLeaf): PDFDict {
  const context = pdf.context;
  const inherited = context.lookupMaybe(node.getInheritableAttribute(PDFName.of("Resources")), PDFDict);
  const resources = node.get(PDFName.of("Resources")) instanceof PDFDict ? (node.get(PDFName.of("Resources")) as PDFDict) : (inherited?.clone(context) ?? context.obj({}));
  node.set(PDFName.of("Resources"), resources);
  const found = resources.lookupMaybe(PDFName.of("XObject"), PDFDict);
  const xObjects = found ? found.clone(context) : context.obj({});
  resources.set(PDFName.of("XObject"), xObjects);
  return xObjects;
}

/** Draws each slot's part; returns how many slots were drawn. */
export async function drawParts(pdf: PDFDocument, slots: SlotPlacement[], parts: BrandParts): Promise<number> {
  if (slots.length === 0) return 0;
  const prep = await prepare(parts);
  const copier = PDFObjectCopier.for(prep.source.context, pdf.context); // fonts shared by parts copied once
  const forms = new Map<string, { part: Part; ref: PDFRef }>();
  const formOf = (key: string) => {
    let form = forms.get(key);
    if (!form) {
      const part = partOf(prep, parts, key);
      const [x0, y0] = part.box;
      const dict = pdf.context.obj({ Type: "XObject", Subtype: "Form", FormType: 1, BBox: part.box, Matrix: [1, 0, 0, 1, -x0, -y0], Resources: copier.copy(part.resources), Filter: "FlateDecode" });
      forms.set(key, (form = { part, ref: pdf.context.register(PDFRawStream.of(dict, part.content)) }));
    }
    return form;
  };

  // Each page's drawing: its own content wrapped in q … Q (pdfkit leaves its flipped y axis in force),
  // then each part's form at its slot. Written as small uncompressed streams, not through pdf-lib's
  // page drawing, which compresses each with pako and adds empty resource dictionaries to every page.
  const pages = pdf.getPages();
  const byPage = new Map<number, SlotPlacement[]>();
  for (const slot of slots) {
    if (!pages[slot.page - 1]) throw stampFault(`a slot for "${slot.part}" is on page ${slot.page} of a ${pages.length}-page material`);
    byPage.set(slot.page, [...(byPage.get(slot.page) ?? []), slot]);
  }
  const save = pdf.context.register(pdf.context.stream("q\n"));
  for (const [number, onPage] of [...byPage].sort((a, b) => a[0] - b[0])) {
    const node = pages[number - 1]!.node;
    const xObjects = xObjectsOf(pdf, node);
    const names = new Map<string, PDFName>(); // one resource name per page and part
    const ops = ["Q"];
    for (const slot of onPage) {
      const { part, ref } = formOf(slot.part);
      if (Math.abs(part.width - slot.width) > SIZE_TOLERANCE || Math.abs(part.height - slot.height) > SIZE_TOLERANCE)
        throw stampFault(`the part "${slot.part}" is ${part.width}×${part.height} pt, its slot on page ${slot.page} ${slot.width}×${slot.height} pt`);
      let name = names.get(slot.part);
      if (!name) {
        for (let i = names.size + 1; !name || xObjects.has(name); i++) name = PDFName.of(`BrandPart${i}`);
        xObjects.set(name, ref);
        names.set(slot.part, name);
      }
      ops.push(`q ${[slot.width / part.width, 0, 0, slot.height / part.height, slot.x, slot.y].map(num).join(" ")} cm ${name.asString()} Do Q`);
    }
    const draw = pdf.context.register(pdf.context.stream(`${ops.join("\n")}\n`));
    const contents = node.get(PDFName.of("Contents"));
    const own = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
    node.set(PDFName.of("Contents"), pdf.context.obj([save, ...own, draw]));
  }
  return [...byPage.values()].reduce((n, onPage) => n + onPage.length, 0);
}
