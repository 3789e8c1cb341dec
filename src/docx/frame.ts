// The page around the text, as the PDFs': the profile's paper and margins, the logo (or the company's
// name) and the title in the header, the company's name and "Side n af m" in the footer.
import { AlignmentType, BorderStyle, convertMillimetersToTwip, Footer, Header, ImageRun, LineRuleType, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType, type ISectionPropertiesOptions, type ParagraphChild } from "docx";
import { PAPER_SIZES } from "../cards/impose.js";
import type { Brand } from "../model.js";
import { styles as theme } from "../../templates/theme.js";
import { borders, hex, INK, NO_BORDER } from "./styles.js";

const twip = (mm: number) => convertMillimetersToTwip(mm);
const pt = (points: number) => Math.round(points * 20);
/** The PDFs' margins (templates/theme.ts), and where their header and footer stand. */
const MARGIN = { top: pt(theme.page.paddingTop), bottom: pt(theme.page.paddingBottom), side: pt(theme.page.paddingHorizontal) };
const HEADER_AT = twip(8);
const FOOTER_AT = twip(9);
/** The logo's height in the header (templates/parts/PageFrame.tsx: 9 mm); Word counts images in pixels at 96 to the inch. */
const LOGO_PX = (9 / 25.4) * 96;
/** The share of the header's width the logo or name may take: the rest is the title's. */
const MARK_SHARE = 0.58;

/** The text column's width on `paper`, in twips. */
export function textWidth(paper: Brand["paper"]): number {
  return pt(PAPER_SIZES[paper].width) - 2 * MARGIN.side;
}

export function page(paper: Brand["paper"]): ISectionPropertiesOptions["page"] {
  const { width, height } = PAPER_SIZES[paper];
  return {
    size: { width: pt(width), height: pt(height) },
    margin: { top: MARGIN.top, bottom: MARGIN.bottom, left: MARGIN.side, right: MARGIN.side, header: HEADER_AT, footer: FOOTER_AT },
  };
}

/** Word ends a header or footer with a paragraph, also after a table: one a point high. */
const end = (style: Furniture) => new Paragraph({ style, spacing: { line: 20, lineRule: LineRuleType.EXACT, after: 0 }, children: [] });

/** Word's styles of the header and the footer (styles.ts). */
type Furniture = "Header" | "Footer";

/** Two cells side by side without borders: the mark and the title, the name and the page number. */
function row(style: Furniture, left: ParagraphChild[], right: ParagraphChild[], width: number, share: number, top?: string): Table {
  const widths = [Math.round(width * share), width - Math.round(width * share)];
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    borders: { ...borders(NO_BORDER), ...(top ? { top: { style: BorderStyle.SINGLE, size: 4, color: top } } : {}) },
    rows: [
      new TableRow({
        children: [
          new TableCell({ width: { size: widths[0]!, type: WidthType.DXA }, verticalAlign: VerticalAlign.CENTER, margins: { left: 0, right: twip(3), top: twip(top ? 1.5 : 0) }, children: [new Paragraph({ style, children: left })] }),
          new TableCell({ width: { size: widths[1]!, type: WidthType.DXA }, verticalAlign: VerticalAlign.CENTER, margins: { left: twip(3), right: 0, top: twip(top ? 1.5 : 0) }, children: [new Paragraph({ style, alignment: AlignmentType.RIGHT, children: right })] }),
        ],
      }),
    ],
  });
}

/** The logo at the PDFs' height, narrower where it would take more than its share; else the name in bold. */
function mark(brand: Brand, width: number): ParagraphChild {
  const logo = brand.logo;
  if (!logo) return new TextRun({ text: brand.company, bold: true, size: brand.company.length > 60 ? 16 : 22, color: INK });
  const maxWidth = (width * MARK_SHARE * 96) / 1440;
  const scale = Math.min(LOGO_PX / logo.height, maxWidth / logo.width);
  return new ImageRun({
    type: "png",
    data: logo.png,
    transformation: { width: Math.round(logo.width * scale), height: Math.round(logo.height * scale) },
    // One picture in the file: its id is fixed (docx counts drawings across the whole process).
    altText: { id: "1", name: "Logo", title: brand.company, description: `Logo: ${brand.company}` },
  });
}

export function header(brand: Brand, title: string): Header {
  const width = textWidth(brand.paper);
  return new Header({ children: [row("Header", [mark(brand, width)], [new TextRun(title)], width, MARK_SHARE), end("Header")] });
}

export function footer(brand: Brand): Footer {
  const width = textWidth(brand.paper);
  return new Footer({ children: [row("Footer", [new TextRun(brand.company)], [new TextRun({ children: ["Side ", PageNumber.CURRENT, " af ", PageNumber.TOTAL_PAGES] })], width, 0.8, hex(brand.palette.brand)), end("Footer")] });
}
