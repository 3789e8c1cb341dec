// Swaps every field mark (a `wkfield:` link a template laid out, see src/fieldMark.ts) for a form
// widget at exactly its box: a radio button per printed score box, a text field per writing area.
// Widgets draw no border or background: the printed box is page content and prints as it is.
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString, TextAlignment, drawEllipse, rgb, type AppearanceProviderFor, type PDFPage, type PDFRadioGroup } from "pdf-lib";
import { hasFieldMarks, parseFieldMark, type FieldSpec } from "../fieldMark.js";
import { normaliseRadioGroup, setTooltip, startUnticked } from "./fieldDetails.js";

interface Mark {
  page: PDFPage;
  spec: FieldSpec;
  rect: { x: number; y: number; width: number; height: number };
}

const INK = rgb(0.1, 0.1, 0.1);

/** Takes the marks off every page (the link and its action), in page and drawing order. */
function takeMarks(pdf: PDFDocument): Mark[] {
  const marks: Mark[] = [];
  for (const page of pdf.getPages()) {
    const annots = page.node.Annots();
    if (!annots) continue;
    const keep = PDFArray.withContext(pdf.context);
    for (let i = 0; i < annots.size(); i++) {
      const ref = annots.get(i);
      const dict = pdf.context.lookup(ref);
      const action = dict instanceof PDFDict ? dict.lookupMaybe(PDFName.of("A"), PDFDict) : undefined;
      const uri = action?.lookupMaybe(PDFName.of("URI"), PDFString, PDFHexString)?.decodeText();
      const spec = uri === undefined ? undefined : parseFieldMark(uri);
      if (!spec || !(dict instanceof PDFDict)) {
        keep.push(ref);
        continue;
      }
      marks.push({ page, spec, rect: dict.lookup(PDFName.of("Rect"), PDFArray).asRectangle() });
      const actionRef = dict.get(PDFName.of("A"));
      if (actionRef instanceof PDFRef) pdf.context.delete(actionRef);
      if (ref instanceof PDFRef) pdf.context.delete(ref);
    }
    page.node.set(PDFName.of("Annots"), keep);
  }
  return marks;
}

const dotWhenChosen: AppearanceProviderFor<PDFRadioGroup> = (_group, widget) => {
  const { width, height } = widget.getRectangle();
  const r = Math.min(width, height) * 0.3;
  return { on: drawEllipse({ x: width / 2, y: height / 2, xScale: r, yScale: r, color: INK, borderColor: undefined, borderWidth: 0 }), off: [] };
};

export async function addMarkedFields(bytes: Uint8Array): Promise<Uint8Array> {
  if (!hasFieldMarks(bytes)) return bytes;
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const form = pdf.getForm();
  const radios = new Map<string, ReturnType<typeof form.createRadioGroup>>();
  const texts = new Map<string, ReturnType<typeof form.createTextField>>();

  for (const { page, spec, rect } of takeMarks(pdf)) {
    if (spec.type === "radio") {
      let group = radios.get(spec.name);
      if (!group) radios.set(spec.name, (group = form.createRadioGroup(spec.name)));
      group.addOptionToPage(spec.option, page, { ...rect, borderWidth: 0, textColor: INK });
      setTooltip(group, spec.label);
    } else if (spec.type === "checkbox") {
      const box = form.createCheckBox(spec.name);
      box.addToPage(page, { ...rect, borderWidth: 0, backgroundColor: undefined, borderColor: undefined, textColor: INK });
      setTooltip(box, spec.label);
      startUnticked(box);
    } else {
      let field = texts.get(spec.name);
      if (!field) {
        texts.set(spec.name, (field = form.createTextField(spec.name)));
        if (spec.multiline) field.enableMultiline();
        if (spec.maxLength) field.setMaxLength(spec.maxLength);
        field.setAlignment(spec.align === "center" ? TextAlignment.Center : TextAlignment.Left);
        setTooltip(field, spec.label);
      }
      field.addToPage(page, { ...rect, borderWidth: 0, backgroundColor: undefined, borderColor: undefined, textColor: INK });
      if (spec.fontSize) field.setFontSize(spec.fontSize);
    }
  }
  // pdf-lib gives every radio button a white background and a black border, and its default look
  // strokes a hairline circle even at border width 0: take the colours off (a viewer that redraws
  // the button uses them) and draw our own look: nothing when off, a dot when chosen.
  for (const group of radios.values()) {
    for (const widget of group.acroField.getWidgets()) {
      const mk = widget.getOrCreateAppearanceCharacteristics();
      mk.dict.delete(PDFName.of("BG"));
      mk.dict.delete(PDFName.of("BC"));
    }
    normaliseRadioGroup(group);
    group.updateAppearances(dotWhenChosen);
  }
  return pdf.save({ useObjectStreams: false });
}
