// Limits on what a PDF given as a scan may unpack to, checked from its raw bytes before any library
// parses it: pdf-lib inflates object streams as it loads, pdfium content streams and images as it
// draws, and a 400 KB stream can inflate to 400 MB (a "zip bomb"), an image header ask for 3.6
// gigapixels. Each Flate stream is inflated here with only its length counted, nothing kept.
import { Inflate, Unzlib } from "fflate";
import { WorkshopkitError } from "../errors.js";

/** A page's drawing instructions, an object stream, a font: far below this. */
export const MAX_STREAM_BYTES = 32 * 2 ** 20;
/** An image stream: a 60-megapixel page in colour with alpha. */
export const MAX_IMAGE_STREAM_BYTES = 240 * 2 ** 20;
/** Everything a file's streams inflate to, together. */
export const MAX_INFLATED_BYTES = 1024 * 2 ** 20;

const CHUNK = 1 << 16;
const mb = (n: number) => `${Math.round(n / 2 ** 20)} MB`;

/** How many bytes `data` inflates to, stopping (undefined) past `limit`; a damaged stream counts what came out. */
function inflatedSize(data: Uint8Array, limit: number): number | undefined {
  let size = 0;
  let over = false;
  const zlib = (data[0]! & 0x0f) === 8 && ((data[0]! << 8) | data[1]!) % 31 === 0;
  const stream = zlib ? new Unzlib() : new Inflate();
  stream.ondata = (chunk) => {
    size += chunk.length;
    if (size > limit) over = true;
  };
  try {
    for (let at = 0; at < data.length && !over; at += CHUNK) stream.push(data.subarray(at, at + CHUNK), at + CHUNK >= data.length);
  } catch {
    // Damaged or cut short: what inflated so far is what a reader would get.
  }
  return over ? undefined : size;
}

/** The dictionary before a `stream` keyword: from the `obj` it belongs to (looked for at most 64 KB back). */
function dictBefore(buf: Buffer, at: number): string {
  const from = Math.max(0, at - 65_536);
  const obj = buf.lastIndexOf("obj", at);
  return buf.toString("latin1", obj >= from ? obj : from, at);
}

const sized = (n: number) => (n >= 2 ** 20 ? mb(n) : `${Math.ceil(n / 1024)} KB`);

/**
 * Throws a WorkshopkitError (with a hint) when a stream of the PDF inflates past its limit or an image
 * declares more than `maxPixels`.
 */
export function checkPdfStreams(bytes: Uint8Array, maxPixels: number): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (let at = buf.indexOf("stream"); at >= 0; at = buf.indexOf("stream", at + 6)) {
    if (at >= 3 && buf.toString("latin1", at - 3, at) === "end") continue; // "endstream"
    const eol = buf[at + 6];
    if (eol !== 0x0a && eol !== 0x0d) continue;
    const start = at + 6 + (eol === 0x0d && buf[at + 7] === 0x0a ? 2 : 1);
    const dict = dictBefore(buf, at);
    const image = /\/Subtype\s*\/Image\b/.test(dict);
    if (image) {
      const width = Number(/\/Width\s+(\d+)\b/.exec(dict)?.[1] ?? 0);
      const height = Number(/\/Height\s+(\d+)\b/.exec(dict)?.[1] ?? 0);
      if (width * height > maxPixels) {
        throw new WorkshopkitError(`It holds an image of ${width} × ${height} pixels, more than the ${maxPixels / 1e6} megapixels workshopkit reads: scan at 150–300 dpi`);
      }
    }
    if (!/\/(FlateDecode|Fl)\b/.test(dict)) continue;
    const end = buf.indexOf("endstream", start);
    const data = buf.subarray(start, end < 0 ? buf.length : end);
    const own = image ? MAX_IMAGE_STREAM_BYTES : MAX_STREAM_BYTES;
    const limit = Math.min(own, MAX_INFLATED_BYTES - total);
    const size = inflatedSize(data, limit);
    if (size === undefined) {
      const which = limit < own ? `its streams together inflate to more than ${mb(MAX_INFLATED_BYTES)}, the limit for one file` : `a ${sized(data.length)} stream in it inflates to more than ${mb(limit)}, the limit for ${image ? "an image" : "a page's contents"}`;
      throw new WorkshopkitError(`It is not a scan workshopkit reads: ${which}; scan the sheets again, or save them as a new PDF from your PDF viewer`);
    }
    total += size;
  }
}
