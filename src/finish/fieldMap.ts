// The field map written beside each PDF with form fields (`v06.fields.json`): every field read back
// from the finished PDF itself, so it lists exactly what a program filling or reading the PDF finds.
import { PDFCheckBox, type PDFDocument, PDFDropdown, PDFName, PDFOptionList, PDFRadioGroup, PDFRef, PDFString, PDFHexString, PDFTextField, type PDFField } from "pdf-lib";
import type { OutputFile } from "../write/writePack.js";
import { loadPdf } from "./savePdf.js";

/** Where a field's widget is: page (from 1) and [x, y, width, height] in points from the page's bottom left. */
export interface FieldWidget {
  page: number;
  rect: [number, number, number, number];
  /** For a radio button: the export value it stands for. */
  option?: string;
}

export interface FieldEntry {
  /** Fully qualified, e.g. `v06.step3.statements.2`. */
  name: string;
  type: "text" | "checkbox" | "radio" | "dropdown" | "list" | "other";
  /** What the field asks, as printed (its tooltip, /TU). */
  label?: string;
  multiline?: boolean;
  /** A radio group's export values, in order; a list's choices. */
  options?: string[];
  widgets: FieldWidget[];
}

export interface FieldMap {
  material: string;
  fields: FieldEntry[];
}

const round = (v: number) => Math.round(v * 10) / 10;

function typeOf(field: PDFField): FieldEntry["type"] {
  if (field instanceof PDFTextField) return "text";
  if (field instanceof PDFCheckBox) return "checkbox";
  if (field instanceof PDFRadioGroup) return "radio";
  if (field instanceof PDFDropdown) return "dropdown";
  if (field instanceof PDFOptionList) return "list";
  return "other";
}

/** The field map of a finished PDF's bytes. */
export async function readFieldMap(material: string, bytes: Uint8Array): Promise<FieldMap> {
  return fieldMapOf(material, await loadPdf(bytes));
}

/** The field map of a document as it stands: its form's fields and where their widgets are. */
export function fieldMapOf(material: string, pdf: PDFDocument): FieldMap {
  if (!pdf.catalog.getAcroForm()) return { material, fields: [] }; // getForm() would add an empty form to the document
  const pageOf = new Map<string, number>();
  pdf.getPages().forEach((page, i) => {
    for (const ref of page.node.Annots()?.asArray() ?? []) if (ref instanceof PDFRef) pageOf.set(ref.toString(), i + 1);
  });
  const fields = pdf.getForm().getFields().map((field): FieldEntry => {
    const type = typeOf(field);
    const widgets = field.acroField.getWidgets().map((widget): FieldWidget => {
      const ref = pdf.context.getObjectRef(widget.dict);
      const { x, y, width, height } = widget.getRectangle();
      const onValue = type === "radio" ? widget.getOnValue()?.decodeText() : undefined;
      return { page: (ref && pageOf.get(ref.toString())) ?? 0, rect: [round(x), round(y), round(width), round(height)], ...(onValue ? { option: onValue } : {}) };
    });
    const tooltip = field.acroField.dict.lookupMaybe(PDFName.of("TU"), PDFString, PDFHexString)?.decodeText();
    return {
      name: field.getName(),
      type,
      ...(tooltip ? { label: tooltip } : {}),
      ...(field instanceof PDFTextField ? { multiline: field.isMultiline() } : {}),
      ...(field instanceof PDFRadioGroup || field instanceof PDFDropdown || field instanceof PDFOptionList ? { options: field.getOptions() } : {}),
      widgets,
    };
  });
  // Reading order: page, then top to bottom, then left to right.
  const key = (f: FieldEntry) => f.widgets[0] ?? { page: 0, rect: [0, 0, 0, 0] };
  fields.sort((a, b) => key(a).page - key(b).page || key(b).rect[1] + key(b).rect[3] - (key(a).rect[1] + key(a).rect[3]) || key(a).rect[0] - key(b).rect[0] || (a.name < b.name ? -1 : 1));
  return { material, fields };
}

export function fieldMapFile(map: FieldMap): OutputFile {
  // A rectangle on one line: the map stays readable.
  const json = JSON.stringify(map, null, 2).replace(/\[\s+([-\d.,\s]+?)\s+\]/g, (_, nums: string) => `[${nums.split(/,\s*/).join(", ")}]`);
  return { name: `${map.material}.fields.json`, bytes: new TextEncoder().encode(json + "\n") };
}
