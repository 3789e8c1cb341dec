// Swaps every field mark (a `wkfield:` link a template laid out, see src/fieldMark.ts) for a form
// widget at exactly its box: a radio button per printed score box, a text field per writing area.
// Widgets draw no border or background when empty: the printed box is page content and prints as it is.
// Typed text is set in the page's Lato, embedded in full (a person may type any character), once per file.
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRef, PDFString, type PDFContext, type PDFDocument, type PDFObject, type PDFPage } from "pdf-lib";
import { parseFieldMark, type FieldSpec } from "../fieldMark.js";
import { FieldWriter, type PlacedWidget } from "./fieldDetails.js";
import { embedFieldFont } from "./fieldFont.js";

interface Mark {
  page: PDFPage;
  spec: FieldSpec;
  rect: PlacedWidget["rect"];
}

/** The field mark an annotation is (a link to `wkfield:…`, src/fieldMark.ts), with the link's dictionary; undefined for any other. */
export function fieldMarkOf(context: PDFContext, ref: PDFObject): { spec: FieldSpec; link: PDFDict } | undefined {
  const link = context.lookup(ref);
  if (!(link instanceof PDFDict)) return undefined;
  const uri = link.lookupMaybe(PDFName.of("A"), PDFDict)?.lookupMaybe(PDFName.of("URI"), PDFString, PDFHexString)?.decodeText();
  const spec = uri === undefined ? undefined : parseFieldMark(uri);
  return spec && { spec, link };
}

const hasMarks = (pdf: PDFDocument) => pdf.getPages().some((page) => page.node.Annots()?.asArray().some((ref) => fieldMarkOf(pdf.context, ref)) ?? false);

/** Takes the marks off every page (the link and its action), in page and drawing order. */
function takeMarks(pdf: PDFDocument): Mark[] {
  const marks: Mark[] = [];
  for (const page of pdf.getPages()) {
    const annots = page.node.Annots();
    if (!annots) continue;
    const keep = PDFArray.withContext(pdf.context);
    for (let i = 0; i < annots.size(); i++) {
      const ref = annots.get(i);
      const mark = fieldMarkOf(pdf.context, ref);
      if (!mark) {
        keep.push(ref);
        continue;
      }
      marks.push({ page, spec: mark.spec, rect: mark.link.lookup(PDFName.of("Rect"), PDFArray).asRectangle() });
      const actionRef = mark.link.get(PDFName.of("A"));
      if (actionRef instanceof PDFRef) pdf.context.delete(actionRef);
      if (ref instanceof PDFRef) pdf.context.delete(ref);
    }
    page.node.set(PDFName.of("Annots"), keep);
  }
  return marks;
}

/** The marks of each field, by name, in the order the fields first appear. */
function byField(marks: Mark[]): Mark[][] {
  const fields = new Map<string, Mark[]>();
  for (const mark of marks) {
    const same = fields.get(mark.spec.name);
    if (!same) fields.set(mark.spec.name, [mark]);
    else if (mark.spec.type !== same[0]!.spec.type || mark.spec.type === "checkbox") throw new Error(`Two field marks named ${mark.spec.name} that cannot be one field (${same[0]!.spec.type} and ${mark.spec.type}).`);
    else same.push(mark);
  }
  return [...fields.values()];
}

/** Gives the document (in place) a form field for every field mark, and the form that lists them; a document without marks is left as it is. */
export async function addMarkedFields(pdf: PDFDocument): Promise<void> {
  if (!hasMarks(pdf)) return;
  const marks = takeMarks(pdf);
  const writer = new FieldWriter(pdf.context, await embedFieldFont(pdf));
  const placed = (m: Mark): PlacedWidget => ({ page: m.page.ref, rect: m.rect });

  for (const group of byField(marks)) {
    const spec = group[0]!.spec;
    if (spec.type === "text") writer.textField(spec, group.map(placed));
    else if (spec.type === "checkbox") writer.checkBox(spec, placed(group[0]!));
    else writer.radioGroup(spec, group.map((m) => ({ option: (m.spec as Extract<FieldSpec, { type: "radio" }>).option, placed: placed(m) })));
  }
  for (const { page, ref } of writer.widgets) pdf.context.lookup(page, PDFDict).lookup(PDFName.of("Annots"), PDFArray).push(ref);
  pdf.catalog.set(PDFName.of("AcroForm"), pdf.context.register(writer.acroForm()));
}
