// One running-text document (the policy, say) as a Word file HR can edit: the resolved material the
// PDF is drawn from, in Word's own styles, on the profile's paper, with the company's logo and colour.
import { Document, Packer, Paragraph } from "docx";
import type { Brand, Material } from "../model.js";
import { wordBlocks, runs, type WordContext } from "./blocks.js";
import { footer, header, page, textWidth } from "./frame.js";
import { coreProperties, withZipDates } from "./fixedDates.js";
import { FONT_TABLE, LANGUAGE, numbering, styles, TABLE_STYLES } from "./styles.js";

export type DocumentMaterial = Extract<Material, { kind: "document" }>;

export interface WordInput {
  /** The material as resolved, its write-ins marked (writeIns.ts). */
  material: DocumentMaterial;
  brand: Brand;
  /** The toolkit's title, the file's subject. */
  toolkit: string;
  /** The build's date: the file's created and modified dates, and its zip's. */
  date: Date;
}

export async function wordDocument({ material, brand, toolkit, date }: WordInput): Promise<Uint8Array> {
  const { document } = material;
  let lists = 0;
  const ctx: WordContext = { palette: brand.palette, width: textWidth(brand.paper), nextList: () => ++lists };
  const body = [
    new Paragraph({ style: "Title", children: runs(document.title) }),
    ...(document.subtitle ? [new Paragraph({ style: "Subtitle", children: runs(document.subtitle) })] : []),
    ...document.sections.flatMap((section) => [new Paragraph({ style: "Heading1", children: runs(section.heading) }), ...wordBlocks(section.blocks, ctx)]),
  ];
  const file = new Document({
    externalStyles: TABLE_STYLES,
    styles: styles(brand.palette),
    numbering: numbering(),
    sections: [{ properties: { page: page(brand.paper) }, headers: { default: header(brand, document.title) }, footers: { default: footer(brand) }, children: body }],
  });
  const properties = coreProperties({ title: document.title, subject: toolkit, creator: brand.company, language: LANGUAGE }, date);
  const zip = await Packer.toBuffer(file, false, [properties, { path: "word/fontTable.xml", data: FONT_TABLE }]);
  return withZipDates(new Uint8Array(zip), date);
}
