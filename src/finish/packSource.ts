// One PDF of the pack read only as far as its pages need: the pages, what they draw, and the page
// tree above them. A form material is two thirds form (its fields, the full field font, the widgets'
// appearances), none of which the pack keeps; reading only the rest takes a third of the time of
// pdf-lib's whole-file load. The objects are parsed by pdf-lib's own object parser, found through
// the file's cross-reference table. A file this cannot read so (a cross-reference stream, an
// update appended, encryption, an object it cannot parse) is read whole by the caller instead.
import {
  PDFArray,
  PDFCatalog,
  PDFContext,
  PDFDict,
  PDFName,
  PDFObjectParser,
  PDFPageLeaf,
  PDFPageTree,
  PDFRef,
  PDFStream,
  type PDFObject,
} from "pdf-lib";

export interface PagesRead {
  /** Holds every object the pages reach (the parent tree's inheritable entries too), and no other. */
  context: PDFContext;
  pages: PDFPageLeaf[];
}

const latin1 = (bytes: Uint8Array, from: number, to: number) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1", from, to);

/** Byte offset of each object the classic cross-reference table lists as in use, and the trailer's place; undefined for any other layout. */
function crossReference(bytes: Uint8Array): { offsets: Map<number, number>; trailer: number } | undefined {
  const tail = latin1(bytes, Math.max(0, bytes.length - 64), bytes.length);
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!start) return undefined;
  const at = Number(start[1]);
  const text = latin1(bytes, at, bytes.length);
  const table = /^xref\s+/.exec(text);
  if (!table) return undefined;
  const offsets = new Map<number, number>();
  const section = /(\d+) (\d+)\s+/y;
  const entry = /(\d{10}) (\d{5}) ([nf])\s*/y;
  let pos = table[0].length;
  for (;;) {
    section.lastIndex = pos;
    const s = section.exec(text);
    if (!s) break;
    pos = section.lastIndex;
    for (let n = Number(s[1]), end = n + Number(s[2]); n < end; n++) {
      entry.lastIndex = pos;
      const e = entry.exec(text);
      if (!e) return undefined;
      pos = entry.lastIndex;
      if (e[3] === "n" && e[2] !== "00000") return undefined; // an object saved again under a new generation
      if (e[3] === "n") offsets.set(n, Number(e[1]));
    }
  }
  if (!text.startsWith("trailer", pos)) return undefined;
  return { offsets, trailer: at + pos + "trailer".length };
}

/** Reads objects on demand into one context. */
class Reader {
  readonly context = PDFContext.create();
  private readonly done = new Set<PDFRef>();

  constructor(
    private readonly bytes: Uint8Array,
    private readonly offsets: Map<number, number>,
  ) {}

  /** The object `ref` names, parsed the first time it is asked for. */
  get(ref: PDFRef): PDFObject | undefined {
    const have = this.context.lookup(ref);
    if (have !== undefined || ref.generationNumber !== 0) return have; // every object in use is of generation 0 (crossReference)
    const at = this.offsets.get(ref.objectNumber);
    if (at === undefined) return undefined;
    const header = new RegExp(`^${ref.objectNumber}\\s+0\\s+obj`).exec(latin1(this.bytes, at, at + 32));
    if (!header) throw new Error(`object ${ref.objectNumber} is not where the cross-reference table says`);
    const object = PDFObjectParser.forBytes(this.bytes.subarray(at + header[0].length), this.context).parseObject();
    this.context.assign(ref, object);
    return object;
  }

  /** `value` if direct, else the object it names. */
  resolve(value: PDFObject | undefined): PDFObject | undefined {
    return value instanceof PDFRef ? this.get(value) : value;
  }

  /** Reads everything `value` refers to, directly or through other objects; a page's /Parent is not followed. */
  need(value: PDFObject | undefined): void {
    const stack: (PDFObject | undefined)[] = [value];
    while (stack.length > 0) {
      const v = stack.pop();
      if (v instanceof PDFRef) {
        if (this.done.has(v)) continue;
        this.done.add(v);
        stack.push(this.get(v));
      } else if (v instanceof PDFDict) {
        const page = v instanceof PDFPageLeaf;
        for (const [key, child] of v.entries()) if (!(page && key === PDFName.of("Parent"))) stack.push(child);
      } else if (v instanceof PDFArray) {
        for (let i = 0; i < v.size(); i++) stack.push(v.get(i));
      } else if (v instanceof PDFStream) {
        stack.push(v.dict);
      }
    }
  }
}

/**
 * The pages of `bytes`, each prepared by `prepare` (which may read more through `resolve`) before
 * what it reaches is read; undefined where the file is not laid out as workshopkit's and
 * react-pdf's PDFs are.
 */
export function readPages(bytes: Uint8Array, prepare: (page: PDFPageLeaf, resolve: (v: PDFObject | undefined) => PDFObject | undefined) => void): PagesRead | undefined {
  const xref = crossReference(bytes);
  if (!xref) return undefined;
  const reader = new Reader(bytes, xref.offsets);
  const trailer = PDFObjectParser.forBytes(bytes.subarray(xref.trailer), reader.context).parseObject();
  if (!(trailer instanceof PDFDict) || trailer.has(PDFName.of("Prev")) || trailer.has(PDFName.of("Encrypt")) || trailer.has(PDFName.of("XRefStm"))) return undefined;
  const root = trailer.get(PDFName.of("Root"));
  const catalog = root instanceof PDFRef ? reader.get(root) : undefined;
  if (!(catalog instanceof PDFCatalog)) return undefined;

  const pages: PDFPageLeaf[] = [];
  const walk = (ref: PDFObject | undefined): boolean => {
    const node = reader.resolve(ref);
    if (node instanceof PDFPageLeaf) {
      pages.push(node);
      return true;
    }
    if (!(node instanceof PDFPageTree)) return false;
    // The inheritable entries a page may take from here (copyPages moves them onto the page).
    for (const key of PDFPageLeaf.InheritableEntries) reader.need(node.get(PDFName.of(key)));
    const kids = reader.resolve(node.get(PDFName.of("Kids")));
    if (!(kids instanceof PDFArray)) return false;
    for (let i = 0; i < kids.size(); i++) if (!walk(kids.get(i))) return false;
    return true;
  };
  if (!walk(catalog.get(PDFName.of("Pages")))) return undefined;
  for (const page of pages) {
    prepare(page, (v) => reader.resolve(v));
    reader.need(page);
  }
  return { context: reader.context, pages };
}
