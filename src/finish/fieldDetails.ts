// What pdf-lib leaves out of the fields it makes, so that every reader sees the same form:
// radio buttons named by their export values, an explicit "Off" when nothing is chosen, and a
// tooltip saying what each field asks.
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFString, type PDFCheckBox, type PDFField, type PDFRadioGroup } from "pdf-lib";

/** A name every reader decodes alike: printable ASCII (pdf.js reads other bytes as Latin-1). */
const PLAIN_NAME = /^[\x20-\x7e]+$/;

/**
 * pdf-lib names each radio button's on state by its index ("/0", "/1", …) and keeps the export values
 * in /Opt. pdf-lib reads /Opt back, but pdf.js and others report the index: "2" for the score "3".
 * Renaming the on states to the export values themselves and dropping /Opt makes every reader agree.
 */
export function normaliseRadioGroup(group: PDFRadioGroup): void {
  const dict = group.acroField.dict;
  if (!dict.has(PDFName.of("V"))) dict.set(PDFName.of("V"), PDFName.of("Off"));
  const opt = dict.lookupMaybe(PDFName.of("Opt"), PDFArray);
  if (!opt) return;
  const values = opt.asArray().map((_, i) => opt.lookup(i, PDFString, PDFHexString).decodeText());
  if (!values.every((v) => PLAIN_NAME.test(v)) || new Set(values).size !== values.length) return;
  const rename = (name: PDFName): PDFName => {
    const index = Number(name.decodeText());
    return Number.isInteger(index) && values[index] !== undefined ? PDFName.of(values[index]) : name;
  };
  for (const widget of group.acroField.getWidgets()) {
    const ap = widget.dict.lookupMaybe(PDFName.of("AP"), PDFDict);
    for (const kind of ["N", "D"]) {
      const states = ap?.lookupMaybe(PDFName.of(kind), PDFDict);
      if (!states) continue;
      for (const [key, value] of states.entries()) {
        if (key.decodeText() === "Off") continue;
        states.delete(key);
        states.set(rename(key), value);
      }
    }
    const state = widget.getAppearanceState();
    if (state && state.decodeText() !== "Off") widget.setAppearanceState(rename(state));
  }
  const value = dict.lookupMaybe(PDFName.of("V"), PDFName);
  if (value) dict.set(PDFName.of("V"), rename(value));
  dict.delete(PDFName.of("Opt"));
}

/** Unticked, said outright (/V /Off): without a value some readers report nothing (qpdf: null). */
export function startUnticked(box: PDFCheckBox): void {
  box.uncheck();
}

/** The field's tooltip (/TU): what it asks, as printed. */
export function setTooltip(field: PDFField, label: string | undefined): void {
  if (label) field.acroField.dict.set(PDFName.of("TU"), PDFHexString.fromText(label));
}
