// The Word files' styles: Word's own built-in ones (Title, Heading 1–3, List Bullet/Number, Quote,
// Table Grid), set like the PDFs (Lato, sizes, spacing, the brand colour's readable shade on headings),
// so Word's navigation pane shows the structure and its table of contents and "Save as PDF" work.
import { AlignmentType, BorderStyle, convertMillimetersToTwip, LevelFormat, LineRuleType, type INumberingOptions, type IStylesOptions } from "docx";
import type { Palette } from "../brand/brandParts.js";
import { grey, ink, rule } from "../../templates/theme.js";

/** The document's language: Danish spell checking and hyphenation in Word and LibreOffice. */
export const LANGUAGE = "da-DK";
export const FONT = "Lato";

const twip = (mm: number) => convertMillimetersToTwip(mm);
/** Font sizes in points, as in templates/theme.ts; Word counts half points. */
const size = (pt: number) => Math.round(pt * 2);
/** A colour as Word writes it: "1F6F8B", no "#". */
export const hex = (colour: string) => colour.replace("#", "").toUpperCase();
/** Line heights as the PDFs set them (1.35 for running text); Word counts 240ths of a line. */
const lines = (factor: number) => ({ line: Math.round(240 * factor), lineRule: LineRuleType.AUTO });

export const GREY = hex(grey);
export const INK = hex(ink);
/** The PDFs' colour of ruled lines and table rules. */
export const RULE = hex(rule);

type Border = { style: (typeof BorderStyle)[keyof typeof BorderStyle]; size: number; color: string };
export const NO_BORDER: Border = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
/** The same border on every side of a table and between its cells. */
export const borders = (b: Border) => ({ top: b, bottom: b, left: b, right: b, insideHorizontal: b, insideVertical: b });

/** Each list kind's numbering: the bullet "•", "1." and the toolkit's "…". */
export const LISTS = { bullet: "bullets", number: "numbers", ellipsis: "ellipses", checklist: "checkboxes" } as const;

export function numbering(): INumberingOptions {
  const level = (reference: string, format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) => ({
    reference,
    levels: [{ level: 0, format, text, alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: twip(5), hanging: twip(5) } } } }],
  });
  return {
    config: [
      level(LISTS.bullet, LevelFormat.BULLET, "•"),
      level(LISTS.number, LevelFormat.DECIMAL, "%1."),
      level(LISTS.ellipsis, LevelFormat.BULLET, "…"),
      level(LISTS.checklist, LevelFormat.BULLET, "☐"),
    ],
  };
}

/**
 * Word's "Table Grid", which a table block, a box and a space to write on are drawn with: given as the
 * docx package's "external styles", the one way to add a table style beside its default styles.
 */
export const TABLE_STYLES = `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/><w:tblPr><w:tblBorders>${["top", "left", "bottom", "right", "insideH", "insideV"]
  .map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="${RULE}"/>`)
  .join("")}</w:tblBorders><w:tblCellMar><w:top w:w="68" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="68" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>`;

export function styles(palette: Palette): IStylesOptions {
  // Named as Word names its built-in headings inside the file ("heading 1"), which it shows as "Heading 1".
  const heading = (pt: number, colour: string, before: number, after: number, outlineLevel: number) => ({
    name: `heading ${outlineLevel + 1}`,
    run: { font: FONT, size: size(pt), bold: true, color: colour },
    paragraph: { spacing: { before: twip(before), after: twip(after), ...lines(1.2) }, keepNext: true, keepLines: true, outlineLevel },
  });
  const list = (reference: string) => ({
    basedOn: "Normal",
    quickFormat: true,
    paragraph: { numbering: { reference, level: 0 }, spacing: { after: twip(1) }, contextualSpacing: false },
  });
  return {
    default: {
      document: {
        run: { font: FONT, size: size(10.5), color: INK, language: { value: LANGUAGE, eastAsia: LANGUAGE, bidirectional: LANGUAGE } },
        paragraph: { spacing: { after: twip(2), ...lines(1.35) } },
      },
      // The title as the PDF's: large, bold, ink, beside a bar in the brand colour.
      title: {
        run: { font: FONT, size: size(22), bold: true, color: INK },
        paragraph: {
          spacing: { after: twip(1), ...lines(1.15) },
          border: { left: { style: BorderStyle.SINGLE, size: 32, color: hex(palette.brand), space: 8 } },
          indent: { left: twip(4) },
          keepNext: true,
        },
      },
      // Sections in the brand colour's readable shade (src/cards/colour.ts), sub-headings in ink, as the PDFs.
      heading1: heading(14, hex(palette.ink), 5, 2, 0),
      heading2: heading(11.5, INK, 3, 1, 1),
      heading3: heading(10.5, hex(palette.ink), 1, 1, 2),
    },
    paragraphStyles: [
      {
        id: "Subtitle",
        name: "Subtitle",
        basedOn: "Normal",
        next: "Normal",
        quickFormat: true,
        run: { size: size(12) },
        paragraph: {
          spacing: { after: twip(6) },
          border: { left: { style: BorderStyle.SINGLE, size: 32, color: hex(palette.brand), space: 8 } },
          indent: { left: twip(4) },
        },
      },
      { id: "ListBullet", name: "List Bullet", ...list(LISTS.bullet) },
      { id: "ListNumber", name: "List Number", ...list(LISTS.number) },
      { id: "Quote", name: "Quote", basedOn: "Normal", next: "Normal", quickFormat: true, run: { italics: true }, paragraph: { indent: { left: twip(4) }, spacing: { after: twip(1) } } },
      // A list's or a writing space's label, kept with what it labels.
      { id: "Label", name: "Label", basedOn: "Normal", next: "Normal", quickFormat: true, run: { bold: true }, paragraph: { spacing: { after: twip(1) }, keepNext: true, keepLines: true } },
      // Word's own styles of the running header and footer.
      ...["Header", "Footer"].map((id) => ({ id, name: id.toLowerCase(), basedOn: "Normal", run: { size: size(8), color: GREY }, paragraph: { spacing: { after: 0, ...lines(1.2) } } })),
    ],
  };
}

/** The fonts Word is told of: Lato, and Arial where Lato is not installed (the same family and build). */
export const FONT_TABLE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:font w:name="${FONT}"><w:altName w:val="Arial"/><w:panose1 w:val="020F0502020204030203"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font><w:font w:name="Arial"><w:panose1 w:val="020B0604020202020204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font></w:fonts>`;
