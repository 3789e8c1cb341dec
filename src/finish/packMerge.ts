// Puts the pack's PDFs one after another in one document, copied as pdf-lib's copyPages does: a
// material's pages taken from its live document before it was numbered and saved (pagesForPack), a
// file of the pack's own (cover, contents) read only as far as its pages need (packSource).
//
// Form fields are dropped from the pack: it is the file for the print shop, and every single
// material keeps its fields for filling in on screen. copyPages would carry the widgets over but
// not the AcroForm that lists their fields, leaving widgets no viewer can fill in (or that Acrobat
// "repairs"); and two materials' fields of one name would collide. The widgets draw nothing when
// empty (the printed boxes are page content), so the pages look the same without them. Links to
// named destinations are dropped too: the names stay behind in the material's own file.
import { createHash } from "node:crypto";
import { PDFArray, PDFContext, PDFDict, PDFDocument, PDFName, PDFObjectCopier, PDFPage, PDFRawStream, PDFRef, type PDFObject, type PDFPageLeaf } from "pdf-lib";
import { readPages, type PagesRead } from "./packSource.js";
import { loadPdf } from "./savePdf.js";

type Resolve = (value: PDFObject | undefined) => PDFObject | undefined;

/** Annotations that would dangle in the merged file: widgets, and links to destinations of the source. */
function dangles(annot: PDFDict, resolve: Resolve): boolean {
  const subtype = resolve(annot.get(PDFName.of("Subtype")));
  if (subtype === PDFName.of("Widget")) return true;
  if (subtype !== PDFName.of("Link")) return false;
  if (annot.has(PDFName.of("Dest"))) return true;
  const action = resolve(annot.get(PDFName.of("A")));
  return action instanceof PDFDict && resolve(action.get(PDFName.of("S"))) === PDFName.of("GoTo");
}

function dropDangling(page: PDFPageLeaf, resolve: Resolve): void {
  const annots = resolve(page.get(PDFName.of("Annots")));
  if (!(annots instanceof PDFArray)) return;
  const keep = PDFArray.withContext(page.context);
  for (let i = 0; i < annots.size(); i++) {
    const annot = resolve(annots.get(i));
    if (!(annot instanceof PDFDict) || !dangles(annot, resolve)) keep.push(annots.get(i));
  }
  if (keep.size() > 0) page.set(PDFName.of("Annots"), keep);
  else page.delete(PDFName.of("Annots"));
}

/** The pages of one part without their dangling annotations: only what they need read (packSource), else the whole file. */
async function partPages(bytes: Uint8Array): Promise<PagesRead> {
  let read: PagesRead | undefined;
  try {
    read = readPages(bytes, dropDangling);
  } catch {
    read = undefined; // pdf-lib's whole-file parser is more forgiving
  }
  if (read) return read;
  const source = await loadPdf(bytes);
  const pages = source.getPages().map((page) => page.node);
  for (const page of pages) dropDangling(page, (v) => source.context.lookup(v));
  return { context: source.context, pages };
}

/**
 * The pages of a live document as the pack takes them, without their dangling annotations, copied
 * into a context of their own: the document itself goes on to be numbered and saved as its own file.
 */
export function pagesForPack(pdf: PDFDocument): PagesRead {
  const context = PDFContext.create();
  const copier = PDFObjectCopier.for(pdf.context, context);
  const resolve = (v: PDFObject | undefined) => (v instanceof PDFRef ? pdf.context.lookup(v) : v);
  const pages = pdf.getPages().map((page) => {
    const leaf = page.node.clone(); // the document's own page keeps its form's widgets
    dropDangling(leaf, resolve);
    const copied = copier.copy(leaf);
    context.register(copied);
    return copied;
  });
  return { context, pages };
}

/** A new document of all pages of `parts` (a file's bytes, or pages taken by pagesForPack), in order (as pdf-lib's copyPages copies them). */
export async function mergePdfs(parts: (Uint8Array | PagesRead)[]): Promise<PDFDocument> {
  const merged = await PDFDocument.create({ updateMetadata: false });
  for (const part of parts) {
    const { context, pages } = part instanceof Uint8Array ? await partPages(part) : part;
    const copier = PDFObjectCopier.for(context, merged.context);
    for (const page of pages) {
      const copied = copier.copy(page);
      merged.addPage(PDFPage.of(copied, merged.context.register(copied), merged));
    }
  }
  return merged;
}

const digests = new WeakMap<Uint8Array, Buffer>();

/** The sha256 of a stream's bytes, computed once: tagging, then each round of sharing, ask again. */
function sha(bytes: Uint8Array): Buffer {
  let digest = digests.get(bytes);
  if (!digest) digests.set(bytes, (digest = createHash("sha256").update(bytes).digest()));
  return digest;
}

/** Every reference in the document to a key of `moved` is made to point at its value instead. */
function redirect(pdf: PDFDocument, moved: Map<PDFRef, PDFRef>): void {
  const fix = (container: PDFDict | PDFArray) => {
    if (container instanceof PDFDict) {
      for (const [key, value] of container.entries()) {
        if (value instanceof PDFRef && moved.has(value)) container.set(key, moved.get(value)!);
        else if (value instanceof PDFDict || value instanceof PDFArray) fix(value);
      }
    } else {
      for (let i = 0; i < container.size(); i++) {
        const value = container.get(i);
        if (value instanceof PDFRef && moved.has(value)) container.set(i, moved.get(value)!);
        else if (value instanceof PDFDict || value instanceof PDFArray) fix(value);
      }
    }
  };
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (object instanceof PDFDict || object instanceof PDFArray) fix(object);
    else if (object instanceof PDFRawStream) fix(object.dict);
  }
}

const FONT_TYPES = new Set([PDFName.of("Font"), PDFName.of("FontDescriptor")]);

/**
 * Objects worth sharing: images (and their soft masks); embedded font programs and the fonts' other
 * streams (ToUnicode, CIDSet); and the fonts and font descriptors themselves, so that a subset two
 * materials share (the company's name, stamped on every material) is one font in the pack.
 */
function shareable(object: PDFObject, fontStreams: Set<PDFRef>, ref: PDFRef): object is PDFRawStream | PDFDict {
  if (object instanceof PDFRawStream) return object.dict.lookupMaybe(PDFName.of("Subtype"), PDFName) === PDFName.of("Image") || fontStreams.has(ref);
  return object instanceof PDFDict && FONT_TYPES.has(object.lookupMaybe(PDFName.of("Type"), PDFName)!);
}

/** The streams fonts refer to: font programs, ToUnicode maps, CIDSets. */
function fontStreamRefs(pdf: PDFDocument): Set<PDFRef> {
  const refs = new Set<PDFRef>();
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || !FONT_TYPES.has(object.lookupMaybe(PDFName.of("Type"), PDFName)!)) continue;
    for (const key of ["FontFile", "FontFile2", "FontFile3", "ToUnicode", "CIDSet"]) {
      const ref = object.get(PDFName.of(key));
      if (ref instanceof PDFRef) refs.add(ref);
    }
  }
  return refs;
}

/**
 * Stores each image and each font program once: every material brings its own copy of the logo
 * (and a font subset two materials share), and the merged pack kept them all. Identical streams
 * (same dictionary, same bytes) become one; repeated until no more fold (an image's soft mask
 * folds first, then the images that use it).
 */
export function shareIdenticalStreams(pdf: PDFDocument): void {
  const fontStreams = fontStreamRefs(pdf);
  for (;;) {
    const first = new Map<string, PDFRef>();
    const moved = new Map<PDFRef, PDFRef>();
    for (const [ref, object] of pdf.context.enumerateIndirectObjects()) {
      if (!shareable(object, fontStreams, ref)) continue;
      const key = object instanceof PDFRawStream ? `${object.dict.toString()}\n${sha(object.contents).toString("hex")}` : object.toString();
      const kept = first.get(key);
      if (kept) moved.set(ref, kept);
      else first.set(key, ref);
    }
    if (moved.size === 0) return;
    redirect(pdf, moved);
    for (const ref of moved.keys()) pdf.context.delete(ref);
  }
}

/**
 * Gives each distinct font subset a tag of its own, made from its bytes. react-pdf tags the subsets
 * of every file alike (`CZZZZZ+Lato-Regular`), so the pack held many different fonts of one name,
 * which a print shop's RIP that caches fonts by name can mix up. The same subset keeps the same
 * tag (the output stays deterministic).
 */
export function tagSubsetsByContent(pdf: PDFDocument): void {
  const { context } = pdf;
  const retag = (name: PDFName | undefined, tag: string) => (name && /^[A-Z]{6}\+/.test(name.decodeText()) ? PDFName.of(`${tag}+${name.decodeText().slice(7)}`) : name);
  for (const [, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.lookupMaybe(PDFName.of("Type"), PDFName) !== PDFName.of("Font")) continue;
    // A composite font (Type0) keeps its descriptor in its descendant font.
    const descendants = object.lookupMaybe(PDFName.of("DescendantFonts"), PDFArray);
    const fonts = [object, ...(descendants ? [descendants.lookupMaybe(0, PDFDict)].filter((d): d is PDFDict => d !== undefined) : [])];
    const descriptor = fonts.map((f) => f.lookupMaybe(PDFName.of("FontDescriptor"), PDFDict)).find((d) => d !== undefined);
    const file = descriptor && ["FontFile2", "FontFile3", "FontFile"].map((k) => descriptor.lookup(PDFName.of(k))).find((s) => s instanceof PDFRawStream);
    if (!descriptor || !file) continue;
    const digest = sha(file.contents);
    const tag = Array.from(digest.subarray(0, 6), (b) => String.fromCharCode(65 + (b % 26))).join("");
    for (const font of fonts) {
      const base = retag(font.lookupMaybe(PDFName.of("BaseFont"), PDFName), tag);
      if (base) font.set(PDFName.of("BaseFont"), base);
    }
    const fontName = retag(descriptor.lookupMaybe(PDFName.of("FontName"), PDFName), tag);
    if (fontName) descriptor.set(PDFName.of("FontName"), fontName);
  }
}
