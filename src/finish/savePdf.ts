// The one way a PDF is read into pdf-lib (loadPdf), and the one way an output PDF is saved: only the
// objects the document reaches, numbered 1…n in the order they are reached, so the file has one
// cross-reference subsection starting at object 0.
// pdf-lib keeps the numbers of objects it deleted as gaps, and writes a subsection per run of
// numbers; poppler then saves an edited file as it was (a ticked box comes back unticked).
// No object streams: the file stays readable by older print-shop tools.
import { ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFNull, PDFRef, PDFStream, type PDFContext, type PDFObject } from "pdf-lib";

/**
 * A PDF read with pdf-lib, without metadata of pdf-lib's own (it would stamp the clock: every file's
 * is set from the build's date) and in one go: by default pdf-lib waits a timer tick (at least
 * 1 ms) after every 100 objects it reads.
 */
export const loadPdf = (bytes: Uint8Array) => PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });

/**
 * Saves `pdf` compacted. Its objects are renumbered in place: use the bytes afterwards, not the
 * document (a page's `ref` is stale).
 */
export async function savePdf(pdf: PDFDocument): Promise<Uint8Array> {
  await pdf.flush(); // fonts, images and embedded pages become objects now, so that they are numbered too
  renumber(pdf.context);
  // objectsPerTick: pdf-lib otherwise waits a timer tick (at least 1 ms) after every 50 objects written.
  return pdf.save({ useObjectStreams: false, updateFieldAppearances: false, addDefaultPage: false, objectsPerTick: Infinity });
}

/** Appends to `out` the objects a value refers to, directly or inside its dictionaries and arrays, in order. */
function refsIn(value: PDFObject | undefined, out: PDFRef[]): PDFRef[] {
  if (value instanceof PDFRef) out.push(value);
  else if (value instanceof PDFDict) for (const [, v] of value.entries()) refsIn(v, out);
  else if (value instanceof PDFArray) for (let i = 0; i < value.size(); i++) refsIn(value.get(i), out);
  else if (value instanceof PDFStream) refsIn(value.dict, out);
  return out;
}

/** Rewrites every reference inside `value` through `to` (one to no object becomes null); each dictionary and array once. */
function rewrite(value: PDFObject, to: Map<PDFRef, PDFRef>, done: Set<PDFObject>): void {
  if (done.has(value)) return;
  done.add(value);
  if (value instanceof PDFDict) {
    for (const [key, v] of value.entries()) {
      if (v instanceof PDFRef) value.set(key, to.get(v) ?? PDFNull);
      else rewrite(v, to, done);
    }
  } else if (value instanceof PDFArray) {
    for (let i = 0; i < value.size(); i++) {
      const v = value.get(i);
      if (v instanceof PDFRef) value.set(i, to.get(v) ?? PDFNull);
      else rewrite(v, to, done);
    }
  } else if (value instanceof PDFStream) {
    rewrite(value.dict, to, done);
  }
}

/** Numbers the objects reachable from the trailer 1…n, depth first from the catalogue; drops the rest. */
function renumber(context: PDFContext): void {
  const { trailerInfo } = context;
  const order: PDFRef[] = [];
  const seen = new Set<PDFRef>();
  // Depth first with an explicit stack (an outline's /Next chain can be long), children in order.
  const stack: PDFRef[] = [trailerInfo.Info, trailerInfo.Root].filter((r): r is PDFRef => r instanceof PDFRef);
  while (stack.length > 0) {
    const ref = stack.pop()!;
    if (seen.has(ref)) continue;
    const object = context.lookup(ref);
    if (object === undefined) continue; // refers to nothing: becomes null
    seen.add(ref);
    order.push(ref);
    const children = refsIn(object, []);
    for (let i = children.length - 1; i >= 0; i--) if (!seen.has(children[i]!)) stack.push(children[i]!);
  }
  const to = new Map(order.map((ref, i) => [ref, PDFRef.of(i + 1)]));
  const objects = order.map((ref) => context.lookup(ref)!);
  const done = new Set<PDFObject>();
  for (const object of objects) rewrite(object, to, done);
  for (const [ref] of context.enumerateIndirectObjects()) context.delete(ref);
  objects.forEach((object, i) => context.assign(PDFRef.of(i + 1), object));
  context.largestObjectNumber = objects.length;
  if (trailerInfo.Root instanceof PDFRef) trailerInfo.Root = to.get(trailerInfo.Root)!;
  if (trailerInfo.Info instanceof PDFRef) trailerInfo.Info = to.get(trailerInfo.Info)!;
}
