// Numbered copies of the scoring sheet for paper (`build --numbered-sheets N`): the sheet as the company gets
// it, N times, each copy's page codes carrying its own number, so that the reader joins a copy's pages
// in any order and names a copy with a page missing. The copies are stamped, not rendered: the sheet is
// rendered once for every company and branded as any material (src/brand); here each page's QR code
// is covered and drawn again with the copy in it, at the same place and size, so the boxes are where
// the build's field map puts them. The copies are for printing: they carry no form fields.
import { PDFDocument, PDFName, rgb } from "pdf-lib";
import QRCode from "qrcode";
import { encodePageCode, QR, qrLevel, qrSize, type PageCode } from "./pageCode.js";
import { PAPER_POINTS, sheetLayoutKey } from "./pageCode.js";
import type { Material, ResolvedPack } from "../model.js";
import type { OutputFile } from "../write/writePack.js";
import { WorkshopkitError } from "../errors.js";

/** The most copies one build makes: a workshop's stack. */
export const MAX_COPIES = 500;

export async function numberCopies(sheet: Uint8Array, copies: number, code: Omit<PageCode, "page" | "copy">): Promise<Uint8Array> {
  const source = await PDFDocument.load(sheet, { updateMetadata: false });
  const out = await PDFDocument.create({ updateMetadata: false });
  out.setTitle(source.getTitle() ?? "", { showInWindowTitleBar: true });
  out.setAuthor(source.getAuthor() ?? "");
  out.setSubject(source.getSubject() ?? "");
  out.setProducer(source.getProducer() ?? "workshopkit");
  out.setCreator(source.getCreator() ?? "workshopkit");
  const created = source.getCreationDate();
  if (created) { out.setCreationDate(created); out.setModificationDate(created); }
  const height = PAPER_POINTS[code.paper].height;
  const indices = source.getPageIndices();
  for (let copy = 1; copy <= copies; copy++) {
    const pages = await out.copyPages(source, indices);
    pages.forEach((page, i) => {
      page.node.delete(PDFName.of("Annots")); // paper: no form fields
      out.addPage(page);
      const old = encodePageCode({ ...code, page: i + 1 });
      const text = encodePageCode({ ...code, page: i + 1, copy });
      const cover = Math.max(qrSize(old), qrSize(text));
      page.drawRectangle({ x: QR.left, y: height - QR.top - cover, width: cover, height: cover, color: rgb(1, 1, 1) });
      const { modules } = QRCode.create(text, { errorCorrectionLevel: qrLevel(text) });
      const size = qrSize(text);
      const k = size / (modules.size + 2 * QR.quiet);
      let d = "";
      for (let y = 0; y < modules.size; y++) for (let x = 0; x < modules.size; x++) if (modules.get(y, x)) d += `M${x + QR.quiet} ${y + QR.quiet}h1v1h-1z`;
      // drawSvgPath: y grows downwards from (x, y), the top left of the symbol.
      page.drawSvgPath(d, { x: QR.left, y: height - QR.top, scale: k, color: rgb(0, 0, 0), borderWidth: 0 });
    });
  }
  return out.save({ useObjectStreams: true });
}

/** The build's file of numbered copies of a company's scoring sheet (`bytes`, as branded). */
export async function scoringCopies(material: Extract<Material, { kind: "scoring" }>, bytes: Uint8Array, pack: ResolvedPack, copies: number): Promise<OutputFile> {
  if (!Number.isInteger(copies) || copies < 1 || copies > MAX_COPIES) throw WorkshopkitError.of("options.numberedSheets", { given: String(copies), max: MAX_COPIES }, { file: "options", path: "numbered-sheets" });
  const code = { material: material.id, version: pack.toolkit.version, paper: pack.brand.paper, layout: sheetLayoutKey(material, pack.brand) };
  return { name: `${material.id}-copies.pdf`, bytes: await numberCopies(bytes, copies, code) };
}
