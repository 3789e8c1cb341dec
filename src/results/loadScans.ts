// load: the files handed to `workshopkit results` as pages to read. A scoring sheet filled on screen
// gives its form's answers; a scan (image-only PDF, JPEG, PNG, TIFF) gives grey page images, one at a
// time so a stack of scans never sits in memory at once. A file that cannot be read is a value too.
import path from "node:path";
import sharp, { type Metadata } from "sharp";
import { PDFDict, PDFDocument, PDFName, PDFRadioGroup, PDFRawStream, type PDFForm, type PDFPage } from "pdf-lib";
import { openPdfForRaster, rasterisePage } from "../raster/rasterisePdf.js";
import { WorkshopkitError } from "../errors.js";
import { sha256 } from "../finish/manifest.js";
import { readBounded, UnreadableFile } from "../load/readBounded.js";
import { checkPdfStreams } from "./pdfLimits.js";

/** A page image in grey levels, one byte a pixel, rows top to bottom. */
export interface GreyImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** The most pages one file may bring: a workshop's stack, not an archive. */
export const MAX_PAGES = 150;
/** The largest image read: an A4 page at 600 dpi is 35 megapixels. */
export const MAX_PIXELS = 60_000_000;
export const MAX_SIDE = 12_000;
/** The largest file read: a stack of 150 pages scanned at 300 dpi is well below it. */
export const MAX_SCAN_BYTES = 256 * 2 ** 20;
/** Scanned PDFs are drawn at this resolution; larger images are scaled down to it (enough for 0.5 mm QR modules). */
export const READ_DPI = 200;
const MAX_READ_SIDE = Math.round((297 / 25.4) * READ_DPI * 1.06);
/** A phone's photo (not shaped like a page: 4:3, 3:2, 16:9) keeps up to 12 megapixels: the page is only part of it. */
const MAX_PHOTO_SIDE = 4100;
const pageShaped = (w: number, h: number) => [297 / 210, 11 / 8.5].some((r) => Math.abs(Math.max(w, h) / Math.min(w, h) - r) < 0.025);

export interface SourceFile {
  /** As named on the command line. */
  file: string;
  sha256: string;
}

export type LoadedPage =
  | { kind: "scan"; source: SourceFile; page: number; image: GreyImage }
  /** Answers given on screen: field name → "1"…"5", or undefined where nothing was chosen. */
  | { kind: "form"; source: SourceFile; page: number; answers: Map<string, string | undefined> }
  /** A whole file (page undefined) or one page that could not be read, and why. */
  | { kind: "error"; source: SourceFile; page?: number; reason: string; hint?: string };

type Format = "pdf" | "jpeg" | "png" | "tiff";

function sniff(bytes: Uint8Array): Format | undefined {
  const head = Buffer.from(bytes.subarray(0, 8));
  if (head.subarray(0, 5).toString("latin1") === "%PDF-") return "pdf";
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return "jpeg";
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "png";
  const tiff = head.subarray(0, 4).toString("latin1");
  if (tiff === "II*\0" || tiff === "MM\0*") return "tiff";
  // A PDF may start after a little junk (some scanners); the spec allows the header in the first 1024 bytes.
  if (Buffer.from(bytes.subarray(0, 1024)).includes("%PDF-")) return "pdf";
  return undefined;
}

/**
 * `statementOf` maps a form field's name to the statement it answers (`v01.passiv.1`), or undefined
 * for other fields; the scoring sheet and the Værktøj 1 worksheet both qualify.
 */
export async function* loadScans(files: string[], statementOf: (field: string) => string | undefined): AsyncGenerator<LoadedPage> {
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = await readBounded(file, MAX_SCAN_BYTES);
    } catch (err) {
      if (!(err instanceof UnreadableFile)) throw err;
      const reason = err.kind === "missing" ? "the file does not exist" : `it ${err.reason}`;
      yield { kind: "error", source: { file, sha256: "" }, reason, hint: err.kind === "missing" ? "Check the file name." : err.hint };
      continue;
    }
    yield* loadScanBytes(file, bytes, statementOf);
  }
}

/** One file's pages from its bytes (the web page's uploads, read in memory); `file` names it in messages. */
export async function* loadScanBytes(file: string, bytes: Uint8Array, statementOf: (field: string) => string | undefined): AsyncGenerator<LoadedPage> {
  const source = { file, sha256: sha256(bytes) };
  const format = sniff(bytes);
  if (!format) {
    yield { kind: "error", source, reason: `it is not a PDF or an image (${path.extname(file) || "no extension"})`, hint: "Give scoring sheets as PDF (filled on screen or scanned), JPEG, PNG or TIFF." };
    return;
  }
  try {
    if (format === "pdf") yield* loadPdf(bytes, source, statementOf);
    else yield* loadImage(bytes, source);
  } catch (err) {
    const e = err as Error;
    yield { kind: "error", source, reason: lowerFirst(e.message.replace(/\.$/, "")), hint: err instanceof WorkshopkitError ? err.hint : undefined };
  }
}


const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

async function* loadPdf(bytes: Uint8Array, source: SourceFile, statementOf: (field: string) => string | undefined): AsyncGenerator<LoadedPage> {
  // Before any library unpacks it: what its streams inflate to, how large its images say they are.
  checkPdfStreams(bytes, MAX_PIXELS);
  let doc: PDFDocument;
  let form: PDFForm;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false });
    form = doc.getForm();
  } catch (err) {
    // pdf-lib's EncryptedPDFError, by name: its class may come from another copy of pdf-lib.
    if ((err as Error).name === "EncryptedPDFError" || /is encrypted/.test((err as Error).message)) throw WorkshopkitError.of("scan.encrypted", {});
    throw WorkshopkitError.of("scan.damaged", {});
  }
  if (doc.getPageCount() === 0) throw WorkshopkitError.of("scan.noPages", {});
  // Filled on screen: the scoring sheet's radio groups hold the answers.
  const answers = new Map<string, string | undefined>();
  for (const field of form.getFields()) {
    const statement = statementOf(field.getName());
    if (statement && field instanceof PDFRadioGroup) answers.set(statement, field.getSelected() ?? undefined);
  }
  if (answers.size > 0) {
    yield { kind: "form", source, page: 1, answers };
    return;
  }
  const count = doc.getPageCount();
  if (count > MAX_PAGES) throw WorkshopkitError.of("scan.tooManyPages", { kind: "PDF", count, max: MAX_PAGES });
  const pdf = await openPdfForRaster(bytes);
  try {
    for (let page = 1; page <= count; page++) {
      try {
        // A scanner's page is one JPEG: decoded as it is (faster, and at the scan's own resolution).
        const jpeg = scannedJpeg(doc.getPage(page - 1));
        if (jpeg) {
          yield* imagePages(jpeg.bytes, source, page, jpeg.rotate);
          continue;
        }
        const image = await rasterisePage(pdf, page, READ_DPI);
        const { data, info } = await sharp(image.rgba, { raw: { width: image.width, height: image.height, channels: 4 } })
          .flatten({ background: "#ffffff" }).greyscale().raw().toBuffer({ resolveWithObject: true });
        yield { kind: "scan", source, page, image: { width: info.width, height: info.height, data: firstChannel(data, info.channels) } };
      } catch (err) {
        yield { kind: "error", source, page, reason: lowerFirst((err as Error).message.replace(/\.$/, "")) };
      }
    }
  } finally {
    await pdf.destroy();
  }
}

async function* loadImage(bytes: Uint8Array, source: SourceFile): AsyncGenerator<LoadedPage> {
  let meta: Metadata;
  try {
    // Only the header is read here: a huge image is measured, never decoded.
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (err) {
    throw WorkshopkitError.of("scan.badImage", { detail: (err as Error).message });
  }
  const pages = meta.pages ?? 1;
  if (pages > MAX_PAGES) throw WorkshopkitError.of("scan.tooManyPages", { kind: "image", count: pages, max: MAX_PAGES });
  const width = meta.width ?? 0;
  const height = meta.pageHeight ?? meta.height ?? 0;
  if (width * height > MAX_PIXELS || width > MAX_SIDE || height > MAX_SIDE) {
    throw WorkshopkitError.of("scan.imageTooLarge", { width, height, maxSide: MAX_SIDE, megapixels: MAX_PIXELS / 1e6 });
  }
  for (let page = 1; page <= pages; page++) yield* imagePages(bytes, source, page, 0, page - 1, Math.max(width, height));
}

/** One page of an image file (or a scanned PDF's JPEG) as grey levels, scaled down to READ_DPI if larger. */
async function* imagePages(bytes: Uint8Array, source: SourceFile, page: number, rotate: number, index = 0, side?: number): AsyncGenerator<LoadedPage> {
  try {
    // rotate(): follow the camera's or scanner's EXIF orientation, then the PDF page's own turn.
    let longest = side;
    const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
    const [w, h] = [meta.width ?? 0, meta.pageHeight ?? meta.height ?? 0];
    const limit = pageShaped(w, h) ? MAX_READ_SIDE : MAX_PHOTO_SIDE;
    if (longest === undefined) {
      if (w * h > MAX_PIXELS || w > MAX_SIDE || h > MAX_SIDE) {
        yield { kind: "error", source, page, reason: `its image is ${w} × ${h} pixels, too large for a scanned page (at most ${MAX_SIDE} pixels a side and ${MAX_PIXELS / 1e6} megapixels)`, hint: "Scan at 150–300 dpi." };
        return;
      }
      longest = Math.max(w, h);
    }
    let img = sharp(bytes, { page: index, limitInputPixels: MAX_PIXELS }).rotate();
    if (rotate) img = sharp(await img.toBuffer()).rotate(rotate);
    img = img.flatten({ background: "#ffffff" }).greyscale();
    if (longest > limit) img = img.resize({ width: limit, height: limit, fit: "inside" });
    const { data, info } = await img.raw().toBuffer({ resolveWithObject: true });
    yield { kind: "scan", source, page, image: { width: info.width, height: info.height, data: firstChannel(data, info.channels) } };
  } catch (err) {
    yield { kind: "error", source, page, reason: `the image cannot be read: ${(err as Error).message}`, hint: "Check that the file is a JPEG, PNG or TIFF, and not damaged." };
  }
}

/**
 * The page's JPEG if the page is nothing but one (no text, one DCT-encoded image): how scanners write
 * PDFs. Anything else is drawn by the rasteriser.
 */
function scannedJpeg(page: PDFPage): { bytes: Uint8Array; rotate: number } | undefined {
  const resources = page.node.Resources();
  const fonts = resources?.lookupMaybe(PDFName.of("Font"), PDFDict);
  if (!resources || (fonts && fonts.entries().length > 0)) return undefined;
  const xobjects = resources.lookupMaybe(PDFName.of("XObject"), PDFDict);
  if (!xobjects) return undefined;
  const entries = xobjects.entries();
  if (entries.length !== 1) return undefined;
  const stream = page.doc.context.lookup(entries[0]![1]);
  if (!(stream instanceof PDFRawStream)) return undefined;
  const dict = stream.dict;
  if (dict.get(PDFName.of("Subtype")) !== PDFName.of("Image") || dict.get(PDFName.of("Filter")) !== PDFName.of("DCTDecode")) return undefined;
  if (dict.get(PDFName.of("SMask")) || dict.get(PDFName.of("Mask")) || dict.get(PDFName.of("Decode"))) return undefined;
  return { bytes: stream.contents, rotate: ((page.getRotation().angle % 360) + 360) % 360 };
}

function firstChannel(data: Buffer, channels: number): Uint8Array {
  if (channels === 1) return new Uint8Array(data.buffer, data.byteOffset, data.length);
  const out = new Uint8Array(data.length / channels);
  for (let i = 0; i < out.length; i++) out[i] = data[i * channels]!;
  return out;
}
