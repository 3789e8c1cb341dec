// The dictionaries of the form fields, written out rather than made with pdf-lib's form API, which
// gives every field a widget of its own, draws and declares an unembedded Helvetica and rewrites /DA
// to the size it picked. Each field holds what a reader needs to fill it in and to redraw it:
// - text: /DA in the form's Lato (declared in the AcroForm's /DR); multiline fields at size 0 (auto),
//   so an answer of any length fits its space; a white background (/MK /BG) that a viewer draws under
//   a typed value, so the value covers the printed rules instead of running through them. The
//   appearance shipped is empty: the empty page shows its rules, on screen and on paper.
// - radio and checkbox: an on and an Off appearance shared by every button of one size, and a border
//   colour (/MK /BC) without a border (/BS /W 0): a viewer that redraws a button (poppler with
//   /NeedAppearances) draws its dot or cross in that colour, with no font.
// - one dictionary for field and widget where a field has one widget: poppler writes /V on the
//   widget it fills, and a reader looking at the field must find it there.
// Radio buttons are named by their export values (/AS /groen): every reader reports the value itself.
import { PDFDict, PDFHexString, PDFName, PDFString, beginMarkedContent, drawCheckMark, drawEllipse, endMarkedContent, rgb, type PDFContext, type PDFObject, type PDFOperator, type PDFRef } from "pdf-lib";
import type { FieldSpec } from "../fieldMark.js";

/** The name of the typed-text font in /DR and in every /DA. */
export const FIELD_FONT = "Lato";
const INK = [0.1, 0.1, 0.1];
const PAPER = [1];
/** The PDF's field flags (ISO 32000-1, 12.7.3.1, 12.7.4.2.1, 12.7.4.3). */
const MULTILINE = 1 << 12;
const RADIO = 1 << 15;
/** Annotation flag: printed. */
const PRINT = 4;
/** A name every reader decodes alike: printable ASCII (pdf.js reads other bytes as Latin-1). */
const PLAIN_NAME = /^[\x21-\x7e]+$/;

export interface PlacedWidget {
  page: PDFRef;
  rect: { x: number; y: number; width: number; height: number };
}

type TextSpec = Extract<FieldSpec, { type: "text" }>;

/** Text from a template (names, tooltips): a plain string where it is printable ASCII, else UTF-16. */
const text = (s: string) => (/^[\x20-\x7e]*$/.test(s) && !/[()\\]/.test(s) ? PDFString.of(s) : PDFHexString.fromText(s));

export class FieldWriter {
  /** Every field made, for the AcroForm's /Fields, in the order made. */
  readonly fields: PDFRef[] = [];
  /** Every widget made, for its page's /Annots. */
  readonly widgets: { page: PDFRef; ref: PDFRef }[] = [];
  private readonly shared = new Map<string, PDFRef>();

  constructor(
    private readonly context: PDFContext,
    private readonly font: PDFRef,
  ) {}

  /** The AcroForm: the fields, the font they are typed in (/DR) and its default appearance. */
  acroForm(): PDFDict {
    return this.context.obj({
      Fields: this.fields,
      DR: { Font: { [FIELD_FONT]: this.font } },
      DA: PDFString.of(`/${FIELD_FONT} 0 Tf ${INK.join(" ")} rg`),
    });
  }

  textField(spec: TextSpec, placed: PlacedWidget[]): void {
    const size = spec.multiline ? 0 : (spec.fontSize ?? 10);
    const field: Record<string, PDFObject | number | undefined> = {
      FT: PDFName.of("Tx"),
      Ff: spec.multiline ? MULTILINE : undefined,
      DA: PDFString.of(`/${FIELD_FONT} ${size} Tf ${INK.join(" ")} rg`),
      Q: spec.align === "center" ? 1 : undefined,
      MaxLen: spec.maxLength,
    };
    this.add(spec, field, placed, (w) => ({
      MK: this.context.obj({ BG: PAPER }),
      AP: this.context.obj({ N: this.emptyText(w) }),
    }));
  }

  checkBox(spec: FieldSpec, placed: PlacedWidget): void {
    this.add(spec, { FT: PDFName.of("Btn"), V: PDFName.of("Off") }, [placed], (w) => this.button(w, "Yes", this.appearance("tick", w, tick)));
  }

  radioGroup(spec: FieldSpec, options: { option: string; placed: PlacedWidget }[]): void {
    const values = options.map((o) => o.option);
    if (!values.every((v) => PLAIN_NAME.test(v)) || new Set(values).size !== values.length) throw new Error(`Radio group ${spec.name}: its options must be distinct and plain ASCII (${values.join(", ")}).`);
    const field = { FT: PDFName.of("Btn"), Ff: RADIO, V: PDFName.of("Off") };
    this.add(spec, field, options.map((o) => o.placed), (w, i) => this.button(w, values[i]!, this.appearance("dot", w, dot)));
  }

  /** A field of one widget is one dictionary; of several, a field with its widgets as /Kids. */
  private add(spec: FieldSpec, field: Record<string, PDFObject | number | undefined>, placed: PlacedWidget[], look: (w: PlacedWidget, index: number) => Record<string, PDFObject>): void {
    const own = { ...field, T: text(spec.name), TU: spec.label ? text(spec.label) : undefined };
    const widget = (w: PlacedWidget, index: number, extra: Record<string, PDFObject | number | undefined>) => {
      const r = w.rect;
      return this.context.obj(defined({ Type: PDFName.of("Annot"), Subtype: PDFName.of("Widget"), ...extra, Rect: this.context.obj([r.x, r.y, r.x + r.width, r.y + r.height]), P: w.page, F: PRINT, BS: this.context.obj({ W: 0 }), ...look(w, index) }));
    };
    if (placed.length === 1) {
      const ref = this.context.register(widget(placed[0]!, 0, own));
      this.fields.push(ref);
      this.widgets.push({ page: placed[0]!.page, ref });
      return;
    }
    const parent = this.context.nextRef();
    const kids = placed.map((w, i) => {
      const ref = this.context.register(widget(w, i, { Parent: parent }));
      this.widgets.push({ page: w.page, ref });
      return ref;
    });
    this.context.assign(parent, this.context.obj(defined({ ...own, Kids: this.context.obj(kids) })));
    this.fields.push(parent);
  }

  private button(w: PlacedWidget, onValue: string, on: PDFRef): Record<string, PDFObject> {
    return {
      MK: this.context.obj({ BC: INK }),
      AS: PDFName.of("Off"),
      AP: this.context.obj({ N: this.context.obj({ [onValue]: on, Off: this.appearance("off", w, () => []) }) }),
    };
  }

  /** A button's look, one stream for every button of its size. */
  private appearance(kind: string, w: PlacedWidget, draw: (width: number, height: number) => PDFOperator[]): PDFRef {
    const { width, height } = w.rect;
    const key = `${kind} ${width.toFixed(2)} ${height.toFixed(2)}`;
    let ref = this.shared.get(key);
    if (!ref) this.shared.set(key, (ref = this.context.register(this.context.formXObject(draw(width, height), { BBox: [0, 0, width, height] }))));
    return ref;
  }

  /** An empty text field's look: nothing. Not shared: a viewer that fills a field replaces its streams. */
  private emptyText(w: PlacedWidget): PDFRef {
    const stream = this.context.formXObject([beginMarkedContent("Tx"), endMarkedContent()], {
      BBox: [0, 0, w.rect.width, w.rect.height],
      Resources: { Font: { [FIELD_FONT]: this.font } },
    });
    return this.context.register(stream);
  }
}

const ink = rgb(INK[0]!, INK[1]!, INK[2]!);

/** A chosen radio button: a dot in the middle of its printed ring or box. */
function dot(width: number, height: number): PDFOperator[] {
  const r = Math.min(width, height) * 0.3;
  return drawEllipse({ x: width / 2, y: height / 2, xScale: r, yScale: r, color: ink, borderColor: undefined, borderWidth: 0 }).filter((op): op is PDFOperator => Boolean(op));
}

/** A ticked box: a check mark inside the printed box. */
function tick(width: number, height: number): PDFOperator[] {
  return drawCheckMark({ x: width / 2, y: height / 2, size: Math.min(width, height) / 2, thickness: 1.5, color: ink });
}

function defined(entries: Record<string, PDFObject | number | undefined>): Record<string, PDFObject | number> {
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined)) as Record<string, PDFObject | number>;
}

