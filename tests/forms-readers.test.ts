// The forms as the readers people use see them: filled in with one reader, read back with the others
// (pdf-lib, pypdf, poppler-glib: the engine of Evince, MuPDF, pdfium: the engine of Chromium's viewer, pdf.js),
// the file as print shops and viewers check it
// (pdffonts, qpdf, the cross-reference table), and filled pages drawn by poppler and by MuPDF.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PDFArray, PDFCheckBox, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRadioGroup, PDFRef, PDFString, PDFTextField } from "pdf-lib";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import { readFieldMap, type FieldEntry, type FieldMap } from "../src/finish/fieldMap.js";
import type { BuildResult } from "../src/pipeline.js";
import { buildPack, readPdf, tempDir } from "./support/build.js";
import { pdfiumDraw, pdfiumFill, pdfiumRead, type PdfiumAction, type PdfiumWidget } from "./support/pdfium.js";

const PYTHON = "/usr/bin/python3"; // Debian's, with python3-pypdf and gir1.2-poppler-0.18 (.ci/run)
/** The readers run as on a user's machine: with its fonts (the build points fontconfig at Lato alone). poppler ticks a box in ZapfDingbats, which the machine supplies. */
const READER_ENV = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("FONTCONFIG")));
/** Every kind of field: checklists and scales (v06), narrow table cells (v04, v07 landscape), the balkort, the scoring sheet (radio groups and totals). */
const FORMS = ["v04", "v06", "v07", "v11-balkort", "v01-scoring"];

type Values = Map<string, string>;
interface PopplerWidget {
  name: string;
  page: number;
  rect: [number, number, number, number];
  kind: "text" | "checkbox" | "radio" | "push" | "other";
  value: string | boolean;
}

let result: BuildResult;
let dir: string;
const maps = new Map<string, FieldMap>();
const file = (id: string) => path.join(result.dir, `${id}.pdf`);

beforeAll(async () => {
  result = await buildPack({ only: FORMS });
  dir = tempDir("wk-forms-");
  for (const id of FORMS) maps.set(id, JSON.parse(readFileSync(path.join(result.dir, `${id}.fields.json`), "utf8")) as FieldMap);
}, 120_000);

/** Runs readers.py's operations in one Python process. */
function python<T extends unknown[]>(ops: { op: string; args: unknown[] }[]): T {
  const r = spawnSync(PYTHON, ["-c", READERS_PY], { input: JSON.stringify(ops), encoding: "utf8", maxBuffer: 64 << 20, env: READER_ENV });
  if (r.status !== 0) throw new Error(`python failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

/** A long Danish answer, different for each field: more than a person writes in a table cell. */
function answer(i: number, length: number): string {
  const text = `Svar ${i}: Vi taler om trivsel, arbejdsglæde og fællesskab i hverdagen; det kræver at ledere og medarbejdere lytter, spørger ind og følger op. Rødgrød med fløde på Ærø – ÆØÅ æøå „citat“ … `;
  return text.repeat(Math.ceil(length / text.length)).slice(0, length).trim();
}

/** What each field is filled with: long answers in multiline fields, a score in a total, ticks and choices by turns. */
function valuesFor(map: FieldMap): Values {
  const values: Values = new Map();
  map.fields.forEach((f, i) => {
    if (f.type === "text") values.set(f.name, f.multiline ? answer(i, 300) : f.name.endsWith(".total") ? String(10 + i).slice(0, 2) : `Mellem ${i} æøå`);
    else if (f.type === "checkbox") values.set(f.name, i % 2 === 0 ? "Yes" : "Off");
    else if (f.type === "radio") values.set(f.name, f.options![i % f.options!.length]!);
    else throw new Error(`${f.name}: a field of a kind the materials do not make`);
  });
  return values;
}

const near = (a: number[], b: number[]) => a.every((v, i) => Math.abs(v - b[i]!) < 1);

/** The field map's widget (and its option) at a reader's widget's place (and of its name, where the reader gives one). */
function widgetOf(map: FieldMap, w: { name?: string; page: number; rect: number[] }): { field: FieldEntry; option?: string } {
  for (const field of map.fields) for (const fw of field.widgets) if ((w.name ?? field.name) === field.name && fw.page === w.page && near(fw.rect, w.rect)) return { field, option: fw.option };
  throw new Error(`a reader finds ${w.name ?? "a widget"} on page ${w.page} at [${w.rect.map(Math.round).join(", ")}], which the field map does not list`);
}

/** Runs MUPDF_JS in MuPDF's own interpreter: each job lists the widgets of a file, sets some and saves. */
function mutool<T>(jobs: { file: string; out?: string; actions?: Record<number, string | true> }[]): T {
  const script = path.join(dir, "fill.js");
  writeFileSync(script, MUPDF_JS);
  const r = spawnSync("mutool", ["run", script, JSON.stringify(jobs)], { encoding: "utf8", maxBuffer: 64 << 20, env: READER_ENV });
  if (r.status !== 0) throw new Error(`mutool run failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

/** Each field's value as poppler-glib reads it: a radio group's value is the option of its chosen widget. */
function popplerValues(map: FieldMap, widgets: PopplerWidget[]): Values {
  const values: Values = new Map();
  for (const w of widgets) {
    const { field, option } = widgetOf(map, w);
    if (w.kind === "text") values.set(field.name, String(w.value));
    else if (w.kind === "checkbox") values.set(field.name, w.value ? "Yes" : "Off");
    else if (w.kind === "radio") {
      if (w.value) values.set(field.name, option!);
      else if (!values.has(field.name)) values.set(field.name, "Off");
    }
  }
  return values;
}

/** Each field's value as pdfium (Chromium) reads it: a text's value; the on-state of the box or radio button that is on. */
function pdfiumValues(map: FieldMap, widgets: PdfiumWidget[]): Values {
  const values: Values = new Map();
  for (const w of widgets) {
    const { field, option } = widgetOf(map, w);
    expect(w.kind, w.name).toBe(field.type);
    if (w.kind === "text") values.set(field.name, w.value);
    else {
      if (w.kind === "radio") expect(w.exportValue, w.name).toBe(option);
      // the field's value (/V) agrees with what the widgets show
      if (w.checked) expect(w.value, w.name).toBe(w.exportValue);
      if (w.checked) values.set(field.name, w.exportValue);
      else if (!values.has(field.name)) values.set(field.name, "Off");
    }
  }
  return values;
}

function pypdfValues(read: Record<string, { type: string; value: string | null }>): Values {
  return new Map(Object.entries(read).map(([name, f]) => [name, f.value ?? (f.type === "/Tx" ? "" : "Off")]));
}

async function pdfLibValues(bytes: Uint8Array): Promise<Values> {
  const form = (await PDFDocument.load(bytes)).getForm();
  return new Map(
    form.getFields().map((f) => [f.getName(), f instanceof PDFTextField ? (f.getText() ?? "") : f instanceof PDFCheckBox ? (f.isChecked() ? "Yes" : "Off") : ((f as PDFRadioGroup).getSelected() ?? "Off")]),
  );
}

/** Each field's value as pdf.js (Firefox's viewer) reads it: what its widgets report. */
async function pdfjsValues(bytes: Uint8Array): Promise<Values> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const objects = ((await doc.getFieldObjects()) ?? {}) as Record<string, { type?: string; value?: unknown }[]>;
  await doc.destroy();
  const values: Values = new Map();
  for (const [name, widgets] of Object.entries(objects)) {
    const widget = widgets.find((w) => w.type);
    if (widget) values.set(name, String(widget.value ?? (widget.type === "text" ? "" : "Off")));
  }
  return values;
}

const sorted = (values: Values) => [...values.entries()].sort(([a], [b]) => (a < b ? -1 : 1));

/** The cross-reference subsections of a file written in one go: [first object, count]. */
function xrefSubsections(bytes: Uint8Array): [number, number][] {
  const text = Buffer.from(bytes).toString("latin1");
  const start = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)![1]);
  const lines = text.slice(start).split(/\r?\n/).filter((line) => line.trim() !== "");
  expect(lines[0]).toBe("xref");
  const sections: [number, number][] = [];
  for (let i = 1; !lines[i]!.startsWith("trailer"); ) {
    const [first, count] = lines[i]!.split(" ").map(Number) as [number, number];
    sections.push([first, count]);
    i += count + 1;
  }
  return sections;
}

function pdffonts(pdf: string): { name: string; emb: string; sub: string }[] {
  const r = spawnSync("pdffonts", [pdf], { encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout
    .split("\n")
    .slice(2)
    .filter(Boolean)
    .map((line) => {
      const cols = line.trim().split(/\s+/);
      return { name: cols[0]!, emb: cols.at(-5)!, sub: cols.at(-4)! };
    });
}

function qpdfCheck(pdf: string): void {
  const r = spawnSync("qpdf", ["--check", pdf], { encoding: "utf8" });
  expect(r.status, `qpdf --check ${pdf}: ${r.stdout}${r.stderr}`).toBe(0);
  expect(r.stdout + r.stderr).not.toMatch(/WARNING|error:/i);
}

describe("every PDF, as a print shop and a viewer check it", () => {
  it("has every font embedded, passes qpdf --check and has one xref subsection from object 0", () => {
    for (const id of [...FORMS, path.basename(result.pack.file, ".pdf")]) {
      const fonts = pdffonts(file(id));
      for (const f of fonts) expect(f.emb, `${id}: ${f.name} embedded`).toBe("yes");
      if (maps.has(id)) expect(fonts, `${id}: the form's Lato, in full`).toContainEqual({ name: "Lato-Regular", emb: "yes", sub: "no" });
      qpdfCheck(file(id));
      const bytes = readPdf(result, id);
      const size = (/\/Size (\d+)/.exec(Buffer.from(bytes).toString("latin1").slice(-400)) ?? [])[1];
      expect(xrefSubsections(bytes), id).toEqual([[0, Number(size)]]);
    }
  });

  it("embeds the field font once, declared in /DR and used by every /DA", async () => {
    for (const id of FORMS) {
      const pdf = await PDFDocument.load(readPdf(result, id));
      const acroForm = pdf.catalog.lookup(PDFName.of("AcroForm"), PDFDict);
      const font = acroForm.lookup(PDFName.of("DR"), PDFDict).lookup(PDFName.of("Font"), PDFDict).get(PDFName.of("Lato"));
      expect(font, id).toBeInstanceOf(PDFRef);
      const descendant = pdf.context.lookup(font, PDFDict).lookup(PDFName.of("DescendantFonts"), PDFArray).lookup(0, PDFDict);
      expect(descendant.lookup(PDFName.of("FontDescriptor"), PDFDict).has(PDFName.of("FontFile2")), id).toBe(true);
      // The page's fonts are subsets (ABCDEF+Lato-Bold); the fields' font, in full, is there once.
      const full = [...pdf.context.enumerateIndirectObjects()].filter(([, o]) => o instanceof PDFDict && o.has(PDFName.of("FontFile2")) && !o.lookup(PDFName.of("FontName"), PDFName).decodeText().includes("+"));
      expect(full.length, id).toBe(1);
      expect(acroForm.lookup(PDFName.of("DA"), PDFString).decodeText()).toMatch(/^\/Lato 0 Tf /);
      for (const field of pdf.getForm().getFields()) {
        if (!(field instanceof PDFTextField)) continue;
        const da = field.acroField.getDefaultAppearance() ?? "";
        // Multiline: size 0, the viewer fits the answer to its space.
        expect(da, field.getName()).toMatch(field.isMultiline() ? /^\/Lato 0 Tf / : /^\/Lato [1-9]\d* Tf /);
      }
    }
  });

  it("is one dictionary for field and widget where a field has one widget; each widget has what a viewer needs to redraw it", async () => {
    for (const id of FORMS) {
      const pdf = await PDFDocument.load(readPdf(result, id));
      let merged = 0;
      const onLooks = new Set<PDFRef>();
      let buttons = 0;
      for (const field of pdf.getForm().getFields()) {
        const widgets = field.acroField.getWidgets();
        const dict = field.acroField.dict;
        if (widgets.length === 1) {
          expect(dict.has(PDFName.of("Kids")), field.getName()).toBe(false);
          expect(dict.get(PDFName.of("Subtype")), field.getName()).toBe(PDFName.of("Widget"));
          merged++;
        }
        for (const widget of widgets) {
          const mk = widget.dict.lookup(PDFName.of("MK"), PDFDict);
          expect(widget.getBorderStyle()?.getWidth(), `${field.getName()}: no border`).toBe(0);
          if (field instanceof PDFTextField) {
            expect(mk.lookup(PDFName.of("BG"), PDFArray).asArray(), `${field.getName()}: a paper background under typed text`).toEqual([PDFNumber.of(1)]);
          } else {
            expect(mk.lookup(PDFName.of("BC"), PDFArray).size(), `${field.getName()}: a colour for the dot or tick`).toBe(3);
            const states = widget.dict.lookup(PDFName.of("AP"), PDFDict).lookup(PDFName.of("N"), PDFDict);
            for (const [state, look] of states.entries()) if (state !== PDFName.of("Off")) onLooks.add(look as PDFRef);
            buttons++;
          }
        }
      }
      expect(merged, id).toBeGreaterThan(0);
      if (buttons > 0) expect(onLooks.size, `${id}: buttons of one size share their look`).toBeLessThan(buttons / 2);
    }
  });
});

describe("fields.json", () => {
  it("lists what is in the PDF, as pdf-lib, pypdf and poppler read it", async () => {
    const [...reads] = python<unknown[]>(FORMS.flatMap((id) => [{ op: "read-pypdf", args: [file(id)] }, { op: "read-poppler", args: [file(id)] }]));
    for (const [i, id] of FORMS.entries()) {
      const map = maps.get(id)!;
      expect(await readFieldMap(id, readPdf(result, id)), id).toEqual(map);
      const pypdf = reads[2 * i] as Record<string, { type: string }>;
      expect(Object.keys(pypdf).sort(), `pypdf ${id}`).toEqual(map.fields.map((f) => f.name).sort());
      for (const f of map.fields) expect(pypdf[f.name]!.type, f.name).toBe(f.type === "text" ? "/Tx" : "/Btn");
      const poppler = reads[2 * i + 1] as PopplerWidget[];
      expect(poppler.length, `poppler ${id}: every widget`).toBe(map.fields.reduce((n, f) => n + f.widgets.length, 0));
      for (const w of poppler) expect(widgetOf(map, w).field.type, w.name).toBe(w.kind);
      const pdfium = await pdfiumRead(readPdf(result, id));
      expect(pdfium.length, `pdfium ${id}: every widget`).toBe(map.fields.reduce((n, f) => n + f.widgets.length, 0));
      expect(sorted(pdfiumValues(map, pdfium)), `pdfium ${id}: every field, empty`).toEqual(sorted(new Map(map.fields.map((f) => [f.name, f.type === "text" ? "" : "Off"]))));
    }
  });
});

describe("filled in with one reader, read back with the others", () => {
  it("poppler-glib (Evince) fills and saves; pypdf, pdf-lib, pdf.js and poppler read the same values, and the saved file is clean", async () => {
    const listed = python<PopplerWidget[][]>(FORMS.map((id) => ({ op: "read-poppler", args: [file(id)] })));
    const fills = FORMS.map((id, i) => {
      const map = maps.get(id)!;
      const values = valuesFor(map);
      const widgets = listed[i]!.flatMap((w, index): { index: number; text?: string; state?: boolean }[] => {
        const { field, option } = widgetOf(map, w);
        const value = values.get(field.name)!;
        if (w.kind === "text") return [{ index, text: value }];
        if (w.kind === "checkbox") return value === "Yes" ? [{ index, state: true }] : [];
        return option === value ? [{ index, state: true }] : [];
      });
      return { id, values, out: path.join(dir, `${id}-poppler.pdf`), widgets };
    });
    const saved = python<boolean[]>(fills.map((f) => ({ op: "fill-poppler", args: [file(f.id), f.out, f.widgets] })));
    expect(saved.every(Boolean)).toBe(true);
    const reads = python<unknown[]>(fills.flatMap((f) => [{ op: "read-pypdf", args: [f.out] }, { op: "read-poppler", args: [f.out] }]));
    for (const [i, f] of fills.entries()) {
      const want = sorted(f.values);
      expect(sorted(popplerValues(maps.get(f.id)!, reads[2 * i + 1] as PopplerWidget[])), `poppler reads poppler's ${f.id}`).toEqual(want);
      // Every field of one widget is one dictionary, so poppler writes where every reader looks.
      expect(sorted(pypdfValues(reads[2 * i] as Record<string, { type: string; value: string | null }>)), `pypdf reads poppler's ${f.id}`).toEqual(want);
      expect(sorted(await pdfLibValues(readFileSync(f.out))), `pdf-lib reads poppler's ${f.id}`).toEqual(want);
      expect(sorted(await pdfjsValues(readFileSync(f.out))), `pdf.js reads poppler's ${f.id}`).toEqual(want);
      for (const font of pdffonts(f.out)) expect(font.emb, `${f.id} filled by poppler: ${font.name}`).toBe("yes");
      qpdfCheck(f.out);
    }
  }, 60_000);

  it("MuPDF fills and saves; pypdf, pdf-lib, pdf.js and poppler read the same values", async () => {
    type MuWidget = { page: number; rect: number[]; kind: string };
    const listed = mutool<MuWidget[][]>(FORMS.map((id) => ({ file: file(id) })));
    const fills = FORMS.map((id, i) => {
      const map = maps.get(id)!;
      const values = valuesFor(map);
      const actions: Record<number, string | true> = {};
      listed[i]!.forEach((w, index) => {
        const { field, option } = widgetOf(map, w);
        const value = values.get(field.name)!;
        if (field.type === "text") actions[index] = value;
        else if (field.type === "checkbox" ? value === "Yes" : option === value) actions[index] = true; // toggled on
      });
      return { id, values, out: path.join(dir, `${id}-mupdf.pdf`), actions };
    });
    mutool(fills.map((f) => ({ file: file(f.id), out: f.out, actions: f.actions })));
    const reads = python<unknown[]>(fills.flatMap((f) => [{ op: "read-pypdf", args: [f.out] }, { op: "read-poppler", args: [f.out] }]));
    for (const [i, f] of fills.entries()) {
      const want = sorted(f.values);
      expect(sorted(pypdfValues(reads[2 * i] as Record<string, { type: string; value: string | null }>)), `pypdf reads MuPDF's ${f.id}`).toEqual(want);
      expect(sorted(popplerValues(maps.get(f.id)!, reads[2 * i + 1] as PopplerWidget[])), `poppler reads MuPDF's ${f.id}`).toEqual(want);
      expect(sorted(await pdfLibValues(readFileSync(f.out))), `pdf-lib reads MuPDF's ${f.id}`).toEqual(want);
      expect(sorted(await pdfjsValues(readFileSync(f.out))), `pdf.js reads MuPDF's ${f.id}`).toEqual(want);
    }
  });

  it("pypdf fills; poppler, pdf-lib and pdf.js read the same values", async () => {
    const fills = FORMS.map((id) => ({ id, values: valuesFor(maps.get(id)!), out: path.join(dir, `${id}-pypdf.pdf`) }));
    python(fills.map((f) => ({ op: "fill-pypdf", args: [file(f.id), f.out, Object.fromEntries(f.values)] })));
    const reads = python<PopplerWidget[][]>(fills.map((f) => ({ op: "read-poppler", args: [f.out] })));
    for (const [i, f] of fills.entries()) {
      expect(sorted(popplerValues(maps.get(f.id)!, reads[i]!)), `poppler reads pypdf's ${f.id}`).toEqual(sorted(f.values));
      expect(sorted(await pdfLibValues(readFileSync(f.out))), `pdf-lib reads pypdf's ${f.id}`).toEqual(sorted(f.values));
      expect(sorted(await pdfjsValues(readFileSync(f.out))), `pdf.js reads pypdf's ${f.id}`).toEqual(sorted(f.values));
    }
  });

  it("pdfium (Chromium) fills by clicking and typing, and saves; pypdf, poppler, pdf-lib, pdf.js and pdfium read the same values", async () => {
    const fills = [];
    for (const id of FORMS) {
      const map = maps.get(id)!;
      const values = valuesFor(map);
      const bytes = readPdf(result, id);
      const actions = new Map<number, PdfiumAction>();
      (await pdfiumRead(bytes)).forEach((w, index) => {
        const { field, option } = widgetOf(map, w);
        const value = values.get(field.name)!;
        if (field.type === "text") actions.set(index, { text: value });
        else if (field.type === "checkbox" ? value === "Yes" : option === value) actions.set(index, { click: true });
      });
      const out = path.join(dir, `${id}-pdfium.pdf`);
      writeFileSync(out, await pdfiumFill(bytes, actions));
      fills.push({ id, values, out });
    }
    const reads = python<unknown[]>(fills.flatMap((f) => [{ op: "read-pypdf", args: [f.out] }, { op: "read-poppler", args: [f.out] }]));
    for (const [i, f] of fills.entries()) {
      const want = sorted(f.values);
      const bytes = readFileSync(f.out);
      expect(sorted(pdfiumValues(maps.get(f.id)!, await pdfiumRead(bytes))), `pdfium reads pdfium's ${f.id}`).toEqual(want);
      expect(sorted(pypdfValues(reads[2 * i] as Record<string, { type: string; value: string | null }>)), `pypdf reads pdfium's ${f.id}`).toEqual(want);
      expect(sorted(popplerValues(maps.get(f.id)!, reads[2 * i + 1] as PopplerWidget[])), `poppler reads pdfium's ${f.id}`).toEqual(want);
      expect(sorted(await pdfLibValues(bytes)), `pdf-lib reads pdfium's ${f.id}`).toEqual(want);
      expect(sorted(await pdfjsValues(bytes)), `pdf.js reads pdfium's ${f.id}`).toEqual(want);
      qpdfCheck(f.out);
      // Typed in the form's Lato (pdfium draws U+2000–206F, e.g. – „ " …, in a font of its own: see the README)
      const fonts = pdffonts(f.out);
      expect(fonts, `${f.id} filled by pdfium`).toContainEqual({ name: "Lato-Regular", emb: "yes", sub: "no" });
      for (const font of fonts) if (font.name.includes("Lato")) expect(font.emb, `${f.id} filled by pdfium: ${font.name}`).toBe("yes");
    }
  }, 60_000);

  it("pdf-lib fills; pypdf and poppler read the same values", async () => {
    const fills = [];
    for (const id of FORMS) {
      const values = valuesFor(maps.get(id)!);
      const pdf = await PDFDocument.load(readPdf(result, id));
      for (const field of pdf.getForm().getFields()) {
        const value = values.get(field.getName())!;
        if (field instanceof PDFTextField) field.setText(value);
        else if (field instanceof PDFCheckBox) value === "Yes" ? field.check() : field.uncheck();
        else (field as PDFRadioGroup).select(value);
      }
      const out = path.join(dir, `${id}-pdf-lib.pdf`);
      writeFileSync(out, await pdf.save());
      fills.push({ id, values, out });
    }
    const reads = python<unknown[]>(fills.flatMap((f) => [{ op: "read-pypdf", args: [f.out] }, { op: "read-poppler", args: [f.out] }]));
    for (const [i, f] of fills.entries()) {
      expect(sorted(pypdfValues(reads[2 * i] as Record<string, { type: string; value: string | null }>)), `pypdf reads pdf-lib's ${f.id}`).toEqual(sorted(f.values));
      expect(sorted(popplerValues(maps.get(f.id)!, reads[2 * i + 1] as PopplerWidget[])), `poppler reads pdf-lib's ${f.id}`).toEqual(sorted(f.values));
    }
  });

  it("pdfium (Chromium) types letters, æøå and € in the embedded Lato: its saved file adds no font", async () => {
    const bytes = readPdf(result, "v11-balkort");
    const text = "Rødgrød med fløde på Ærø, ÆØÅ æøå é ü « » 5 € 20 %";
    const widgets = await pdfiumRead(bytes);
    const out = path.join(dir, "v11-balkort-pdfium-letters.pdf");
    writeFileSync(out, await pdfiumFill(bytes, new Map(widgets.map((_, i) => [i, { text }]))));
    expect((await pdfiumRead(readFileSync(out))).map((w) => w.value)).toEqual(widgets.map(() => text));
    for (const font of pdffonts(out)) expect(font, font.name).toMatchObject({ name: expect.stringMatching(/Lato/), emb: "yes" });
  });

  it("pdfium (Chromium) reads what poppler, MuPDF, pypdf and pdf-lib saved: the same values", async () => {
    for (const id of FORMS) {
      for (const filler of ["poppler", "mupdf", "pypdf", "pdf-lib"]) {
        const widgets = await pdfiumRead(readFileSync(path.join(dir, `${id}-${filler}.pdf`)));
        expect(sorted(pdfiumValues(maps.get(id)!, widgets)), `pdfium reads ${filler}'s ${id}`).toEqual(sorted(valuesFor(maps.get(id)!)));
      }
    }
  });
});

describe("a filled page, drawn by poppler, MuPDF and pdfium", () => {
  const SCALE = 2; // pixels a point: a 0.6 pt rule is a row of its own

  /** Greyscale pixels of one page, drawn by `tool`. */
  function draw(tool: "poppler" | "mupdf", pdf: string, page: number): { width: number; height: number; pixels: Uint8Array } {
    const out = path.join(dir, `${path.basename(pdf, ".pdf")}-${tool}-${page}.pgm`);
    const r =
      tool === "poppler"
        ? spawnSync("pdftoppm", ["-r", String(72 * SCALE), "-f", String(page), "-l", String(page), "-gray", "-singlefile", pdf, out.slice(0, -4)], { env: READER_ENV })
        : spawnSync("mutool", ["draw", "-q", "-r", String(72 * SCALE), "-c", "gray", "-o", out, pdf, String(page)], { env: READER_ENV });
    expect(r.status, `${tool}: ${r.stderr}`).toBe(0);
    const bytes = readFileSync(out);
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 40).toString("latin1"))!;
    return { width: Number(header[1]), height: Number(header[2]), pixels: bytes.subarray(header[0].length) };
  }

  /** Inside a field: how many pixel rows are a rule (dark across 90 % of the width), and how many pixels are ink. */
  function inside(image: ReturnType<typeof draw>, pageHeight: number, rect: number[]): { rules: number; ink: number } {
    const [x, y, w, h] = rect.map((v) => Math.round(v * SCALE)) as [number, number, number, number];
    const top = Math.round(pageHeight * SCALE) - (y + h);
    let rules = 0;
    let ink = 0;
    for (let row = top + 3; row < top + h - 3; row++) {
      let dark = 0;
      for (let col = x + 3; col < x + w - 3; col++) if (image.pixels[row * image.width + col]! < 230) dark++;
      if (dark > 0.9 * (w - 6)) rules++;
      ink += dark;
    }
    return { rules, ink };
  }

  /** poppler's own text of a file, word by word with its place (points from the page's bottom left). */
  function wordsOf(pdf: string): { x: number; y: number; text: string }[][] {
    const html = spawnSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8", env: READER_ENV }).stdout;
    const pages: { x: number; y: number; text: string }[][] = [];
    let height = 0;
    for (const m of html.matchAll(/<page width="[\d.]+" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      if (m[1]) {
        pages.push([]);
        height = Number(m[1]);
      } else pages.at(-1)!.push({ x: (Number(m[2]) + Number(m[4])) / 2, y: height - (Number(m[3]) + Number(m[5])) / 2, text: m[6]! });
    }
    return pages;
  }

  const squash = (s: string) => s.replace(/\s+/g, "").replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">");

  it("shows every answer whole inside its field, in the form's Lato (poppler's fill of the test above)", () => {
    for (const id of FORMS) {
      const filled = path.join(dir, `${id}-poppler.pdf`);
      const values = valuesFor(maps.get(id)!);
      const pages = wordsOf(filled);
      let checked = 0;
      for (const f of maps.get(id)!.fields.filter((field) => field.type === "text")) {
        for (const { page, rect } of f.widgets) {
          const [x, y, w, h] = rect;
          const within = pages[page - 1]!
            // poppler 22 lets a line run up to ~2 % past the width it wraps at (a thin "i" at the edge)
            .filter((word) => word.x > x && word.x < x + w + 4 && word.y > y && word.y < y + h)
            .sort((a, b) => Math.round(b.y) - Math.round(a.y) || a.x - b.x); // line by line
          expect(squash(within.map((word) => word.text).join("")), `${f.name}: the whole answer, inside its field`).toBe(squash(values.get(f.name)!));
          checked++;
        }
      }
      expect(checked, id).toBeGreaterThan(4);
      expect(pdffonts(filled).filter((f) => f.name.startsWith("Lato-Regular")), `${id}: typed in the embedded Lato`).toEqual([{ name: "Lato-Regular", emb: "yes", sub: "no" }]);
    }
  });

  it("draws the chosen radio button and the ticked box when a filler asks the viewer to redraw every field (pypdf: /NeedAppearances)", async () => {
    const filled = path.join(dir, "v06-pypdf.pdf"); // made by the pypdf test above
    const redraw = (await PDFDocument.load(readFileSync(filled))).catalog.lookup(PDFName.of("AcroForm"), PDFDict).get(PDFName.of("NeedAppearances"));
    expect(String(redraw)).toBe("true");
    const map = maps.get("v06")!;
    const values = valuesFor(map);
    const pdf = await PDFDocument.load(readPdf(result, "v06"));
    let radios = 0;
    let boxes = 0;
    for (const page of [...new Set(map.fields.filter((f) => f.type !== "text").map((f) => f.widgets[0]!.page))]) {
      const height = pdf.getPage(page - 1).getHeight();
      for (const tool of ["poppler", "mupdf"] as const) {
        const image = draw(tool, filled, page);
        for (const f of map.fields.filter((field) => field.type !== "text" && field.widgets[0]!.page === page)) {
          const ink = f.widgets.map((w) => inside(image, height, w.rect).ink);
          if (f.type === "radio") {
            const chosen = f.widgets.findIndex((w) => w.option === values.get(f.name));
            const others = Math.max(...ink.filter((_, i) => i !== chosen));
            expect(ink[chosen], `${tool} ${f.name}: a dot in ${values.get(f.name)}`).toBeGreaterThan(others + 20);
            radios++;
          } else {
            boxes++;
            if (values.get(f.name) === "Yes") expect(ink[0], `${tool} ${f.name}: ticked`).toBeGreaterThan(20);
            else expect(ink[0], `${tool} ${f.name}: not ticked`).toBeLessThan(10);
          }
        }
      }
    }
    expect(radios).toBeGreaterThan(4);
    expect(boxes).toBeGreaterThan(10);
  });

  it("pdfium (Chromium) draws its own fill: the ticked boxes, the chosen radio buttons and every typed answer", async () => {
    let radios = 0;
    let boxes = 0;
    let texts = 0;
    for (const id of ["v06", "v01-scoring", "v04"]) {
      const map = maps.get(id)!;
      const values = valuesFor(map);
      const filled = readFileSync(path.join(dir, `${id}-pdfium.pdf`)); // made by the pdfium test above
      const pdf = await PDFDocument.load(readPdf(result, id));
      for (const page of [...new Set(map.fields.map((f) => f.widgets[0]!.page))]) {
        const height = pdf.getPage(page - 1).getHeight();
        const empty = await pdfiumDraw(readPdf(result, id), page, SCALE);
        const image = await pdfiumDraw(filled, page, SCALE);
        for (const f of map.fields.filter((field) => field.widgets[0]!.page === page)) {
          const ink = f.widgets.map((w) => inside(image, height, w.rect).ink);
          if (f.type === "radio") {
            const chosen = f.widgets.findIndex((w) => w.option === values.get(f.name));
            expect(ink[chosen], `pdfium ${f.name}: a dot in ${values.get(f.name)}`).toBeGreaterThan(Math.max(...ink.filter((_, i) => i !== chosen)) + 20);
            radios++;
          } else if (f.type === "checkbox") {
            if (values.get(f.name) === "Yes") expect(ink[0], `pdfium ${f.name}: ticked`).toBeGreaterThan(20);
            else expect(ink[0], `pdfium ${f.name}: not ticked`).toBeLessThan(10);
            boxes++;
          } else {
            expect(ink[0], `pdfium ${f.name}: the answer is drawn`).toBeGreaterThan(inside(empty, height, f.widgets[0]!.rect).ink + 50);
            texts++;
          }
        }
      }
    }
    expect(radios).toBeGreaterThan(4);
    expect(boxes).toBeGreaterThan(10);
    expect(texts).toBeGreaterThan(10);
  });

  it("draws no printed rule through a typed answer, in poppler and in MuPDF; the empty page keeps its rules", async () => {
    for (const id of ["v04", "v07"]) {
      const filled = path.join(dir, `${id}-poppler.pdf`);
      const pdf = await PDFDocument.load(readPdf(result, id));
      const multiline = maps.get(id)!.fields.filter((f) => f.type === "text" && f.multiline);
      for (const page of [...new Set(multiline.map((f) => f.widgets[0]!.page))]) {
        const height = pdf.getPage(page - 1).getHeight();
        const empty = draw("poppler", file(id), page);
        for (const tool of ["poppler", "mupdf"] as const) {
          const image = draw(tool, filled, page);
          for (const f of multiline.filter((m) => m.widgets[0]!.page === page)) {
            const rect = f.widgets[0]!.rect;
            const before = inside(empty, height, rect);
            const after = inside(image, height, rect);
            expect(before.rules, `${f.name}: ruled when empty`).toBeGreaterThan(0);
            expect(after.rules, `${tool} ${f.name}: no rule through the typed answer`).toBe(0);
            expect(after.ink, `${tool} ${f.name}: the answer is drawn`).toBeGreaterThan(before.ink);
          }
        }
      }
    }
  });
});

/** pypdf and poppler-glib, driven from one script: read every field, or fill and save. */
const READERS_PY = String.raw`
import json, sys
import gi
gi.require_version("Poppler", "0.18")
from gi.repository import Gio, Poppler
import pypdf
from pypdf.generic import NameObject

def value(v):
    if v is None: return None
    return str(v)[1:] if isinstance(v, NameObject) else str(v)

def read_pypdf(file):
    fields = pypdf.PdfReader(file).get_fields() or {}
    return {name: {"type": str(f.get("/FT")), "value": value(f.get("/V"))} for name, f in fields.items() if "/FT" in f}

def open_poppler(file):
    return Poppler.Document.new_from_file(Gio.File.new_for_path(file).get_uri(), None)

def widgets_poppler(doc):
    for i in range(doc.get_n_pages()):
        page = doc.get_page(i)
        for m in page.get_form_field_mapping():
            a = m.area
            yield i + 1, [a.x1, a.y1, a.x2 - a.x1, a.y2 - a.y1], m.field

BUTTONS = {Poppler.FormButtonType.CHECK: "checkbox", Poppler.FormButtonType.RADIO: "radio", Poppler.FormButtonType.PUSH: "push"}

def read_poppler(file):
    out = []
    for page, rect, f in widgets_poppler(open_poppler(file)):
        w = {"name": f.get_name(), "page": page, "rect": rect, "kind": "other", "value": None}
        if f.get_field_type() == Poppler.FormFieldType.TEXT:
            w.update(kind="text", value=f.text_get_text() or "")
        elif f.get_field_type() == Poppler.FormFieldType.BUTTON:
            w.update(kind=BUTTONS[f.button_get_button_type()], value=f.button_get_state())
        out.append(w)
    return out

def fill_poppler(file, out, widgets):
    doc = open_poppler(file)
    fields = [f for _, _, f in widgets_poppler(doc)]
    for w in widgets:
        if "text" in w: fields[w["index"]].text_set_text(w["text"])
        else: fields[w["index"]].button_set_state(w["state"])
    return doc.save(Gio.File.new_for_path(out).get_uri())

def fill_pypdf(file, out, values):
    writer = pypdf.PdfWriter()
    writer.clone_reader_document_root(pypdf.PdfReader(file))
    for page in writer.pages:
        texts = {}
        for a in page.get("/Annots", []):
            a = a.get_object()
            if a.get("/Subtype") != "/Widget": continue
            field = a if "/T" in a else a["/Parent"].get_object()
            if field["/T"] not in values: continue
            want = values[field["/T"]]
            if field.get("/FT") == "/Tx":
                texts[field["/T"]] = want
                continue
            # pypdf 3 writes a button's value as a string: set the names by hand, as its docs show
            on = next(k for k in a["/AP"]["/N"].keys() if k != "/Off")
            if want == on[1:] or not int(field.get("/Ff", 0)) & (1 << 15):
                field[NameObject("/V")] = NameObject("/" + want)
            a[NameObject("/AS")] = NameObject(on if want == on[1:] else "/Off")
        if texts: writer.update_page_form_field_values(page, texts)
    with open(out, "wb") as f: writer.write(f)
    return True

OPS = {"read-pypdf": read_pypdf, "read-poppler": read_poppler, "fill-poppler": fill_poppler, "fill-pypdf": fill_pypdf}
print(json.dumps([OPS[op["op"]](*op["args"]) for op in json.load(sys.stdin)]))
`;

/** MuPDF's JavaScript (mutool run): widgets in page order with their place; set a text, or toggle a box or button on. */
const MUPDF_JS = String.raw`
var jobs = JSON.parse(scriptArgs[0]);
var out = [];
for (var j = 0; j < jobs.length; j++) {
  var job = jobs[j];
  var doc = new PDFDocument(job.file);
  var listed = [];
  for (var p = 0; p < doc.countPages(); p++) {
    var page = doc.loadPage(p);
    var height = page.bound()[3];
    var widgets = page.getWidgets();
    for (var i = 0; i < widgets.length; i++) {
      var w = widgets[i], r = w.getRect(), index = listed.length;
      listed.push({ page: p + 1, rect: [r[0], height - r[3], r[2] - r[0], r[3] - r[1]], kind: w.getFieldType() });
      var act = job.actions ? job.actions[index] : undefined;
      if (act === undefined) continue;
      if (typeof act === "string") w.setTextValue(act); else w.toggle();
      w.update();
    }
  }
  if (job.out) doc.save(job.out, "");
  out.push(listed);
}
print(JSON.stringify(out));
`;
