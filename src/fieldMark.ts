// Where a form field goes: templates wrap its box in a link to `wkfield:…`; finish swaps each such
// link for a widget at exactly that box. react-pdf lays the box out, so no position is computed twice.

export type FieldSpec = (
  /** One option of a radio group; every mark with the same name joins the one group. `option` is its export value. */
  | { type: "radio"; name: string; option: string }
  /** A text field; several marks with one name are widgets of one field (they show the same value). `fontSize` is for a single-line field: a multiline one fits its text to its space. */
  | { type: "text"; name: string; multiline?: boolean; fontSize?: number; align?: "left" | "center"; maxLength?: number }
  /** A box to tick (on value `Yes`). */
  | { type: "checkbox"; name: string }
) & {
  /** What the field asks, as printed (Danish): its tooltip (/TU), read by screen readers and the field map. */
  label?: string;
};

const SCHEME = "wkfield:";

export function fieldMarkUri(spec: FieldSpec): string {
  return SCHEME + encodeURIComponent(JSON.stringify(spec));
}

/** The field a link stands for, or undefined for an ordinary link. */
export function parseFieldMark(uri: string): FieldSpec | undefined {
  return uri.startsWith(SCHEME) ? (JSON.parse(decodeURIComponent(uri.slice(SCHEME.length))) as FieldSpec) : undefined;
}

/** A cheap test before parsing a PDF: pdfkit writes link URIs as plain ASCII strings. */
export function hasFieldMarks(pdf: Uint8Array): boolean {
  return Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).includes(SCHEME);
}
