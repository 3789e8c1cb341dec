// The step worksheets of Værktøj 1–11, read back as a participant and as a program would:
// text with poppler, fields with pdf-lib, pdf.js and qpdf, each filled and read back.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PDFCheckBox, PDFDocument, PDFRadioGroup, PDFTextField } from "pdf-lib";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import { addMarkedFields } from "../src/finish/markedFields.js";
import { fieldMapOf as documentFieldMap, type FieldMap } from "../src/finish/fieldMap.js";
import { loadPdf } from "../src/finish/savePdf.js";
import { loadContent } from "../src/load/loadContent.js";
import { loadProfile } from "../src/load/loadProfile.js";
import type { Material, ResolvedPack } from "../src/model.js";
import { CONTENT_DIR, type BuildResult } from "../src/pipeline.js";
import { renderMaterial } from "../src/render/renderMaterial.js";
import { resolve } from "../src/resolve/resolve.js";
import type { Block, InnerBlock, Tool } from "../src/schema/content.js";
import { withLeadIns } from "../templates/parts/leadIns.js";
import { MAX_LINES_PER_PAGE } from "../templates/parts/WriteBlock.js";
import { EXAMPLE_PROFILE, buildPack, readPdf, tempDir } from "./support/build.js";

type Worksheet = Extract<Material, { kind: "worksheet" }>;

const TOOLS = Array.from({ length: 11 }, (_, i) => `v${String(i + 1).padStart(2, "0")}`);
const MM = 72 / 25.4;

let result: BuildResult;
let pack: ResolvedPack;
let worksheets: Worksheet[];

beforeAll(async () => {
  result = await buildPack({ only: TOOLS });
  // The same content, resolved as the pipeline resolves it: what the worksheets must show.
  const toolkit = await loadContent(CONTENT_DIR);
  const profile = await loadProfile(EXAMPLE_PROFILE);
  pack = resolve({ toolkit, profile: profile.profile, logo: profile.logo, only: TOOLS });
  worksheets = pack.materials.filter((m): m is Worksheet => m.kind === "worksheet");
}, 120_000);

const file = (id: string) => path.join(result.dir, `${id}.pdf`);

/** Text of each page, via poppler, in drawing order (side-by-side columns are not interleaved). */
function pageTexts(pdfFile: string): string[] {
  const r = spawnSync("pdftotext", ["-raw", "-enc", "UTF-8", pdfFile, "-"], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
  return r.stdout.split("\f").slice(0, -1);
}

/** For comparing printed text with content: line breaks, hyphenation, spacing and ligatures (ﬁ) left out. */
const squash = (s: string) => s.normalize("NFKC").replace(/[\s\u00AD\u2010-]+/g, "");

/** The field map beside a worksheet; none is written for one without fields (checked below). */
function fieldMapOf(id: string): FieldMap {
  const json = path.join(result.dir, `${id}.fields.json`);
  return existsSync(json) ? (JSON.parse(readFileSync(json, "utf8")) as FieldMap) : { material: id, fields: [] };
}

/** Every field name a tool's content asks for, worked out from the content alone. */
function expectedFieldNames(tool: Tool): string[] {
  const names: string[] = [];
  const walk = (prefix: string, blocks: (Block | InnerBlock)[]) => {
    for (const b of blocks) {
      const at = `${prefix}.${"id" in b ? b.id : ""}`;
      if (b.type === "write") {
        const pieces = Math.ceil(b.lines / MAX_LINES_PER_PAGE);
        for (let i = 1; i <= pieces; i++) names.push(i === 1 ? at : `${at}-${i}`);
      } else if (b.type === "table") {
        b.rows.forEach((row, r) => row.forEach((v, c) => v === null && names.push(`${at}.r${r + 1}.c${c + 1}`)));
      } else if (b.type === "checklist" || b.type === "scale") {
        b.items.forEach((_, i) => names.push(`${at}.${i + 1}`));
      } else if (b.type === "scoring") {
        for (const level of b.levels) {
          level.statements.forEach((_, i) => names.push(`${at}.${level.id}.${i + 1}`));
          names.push(`${at}.${level.id}.total`);
        }
      } else if (b.type === "box") {
        walk(prefix, b.blocks);
      }
    }
  };
  walk(`${tool.id}.intro`, tool.intro);
  for (const step of tool.steps) walk(`${tool.id}.${step.id}`, step.blocks);
  return names;
}

describe("every worksheet, as printed", () => {
  it("has the tool's header, FORSLAG TIL PROCES and every step heading of the source", () => {
    expect(worksheets.map((w) => w.id)).toEqual(TOOLS);
    for (const { id, tool } of worksheets) {
      const pages = pageTexts(file(id));
      const text = squash(pages.join("\n"));
      const expected = [`VÆRKTØJ ${tool.number}`, tool.title, "MÅLGRUPPE", tool.audience, "FORMÅL", tool.purpose, "TID", tool.time];
      if (tool.process.length > 0) expected.push("FORSLAG TIL PROCES", ...tool.process);
      expected.push(...tool.steps.map((s) => (s.number ? `STEP ${s.number}: ${s.title}` : s.title)));
      for (const t of expected) expect(text, `${id}: "${t}"`).toContain(squash(t));
    }
  });

  it("has the company and \"Side n af m\" on every page", () => {
    for (const id of TOOLS) {
      const pages = pageTexts(file(id));
      expect(pages.length, id).toBeGreaterThan(0);
      pages.forEach((page, i) => {
        expect(page, `${id} page ${i + 1}`).toContain("Nordlys Maskinfabrik A/S");
        expect(page, `${id} page ${i + 1}`).toMatch(new RegExp(`Side ${i + 1} af ${pages.length}`));
      });
    }
  });

  it("gives every wide table a landscape page of its own, and keeps every other page portrait", async () => {
    let checked = 0;
    for (const { id, tool } of worksheets) {
      const pdf = await PDFDocument.load(readPdf(result, id));
      const landscape = pdf.getPages().flatMap((p, i) => (p.getWidth() > p.getHeight() ? [i + 1] : []));
      const tables = tool.steps.flatMap((s) => s.blocks.flatMap((b) => (b.type === "table" && b.landscape ? [{ step: s, table: b }] : [])));
      expect(landscape.length, id).toBe(tables.length);
      const texts = pageTexts(file(id));
      const map = fieldMapOf(id);
      for (const { step, table } of tables) {
        const cells = map.fields.filter((f) => f.name.startsWith(`${id}.${step.id}.${table.id}.`));
        expect(cells.length).toBeGreaterThan(0);
        for (const cell of cells) expect(landscape, cell.name).toContain(cell.widgets[0]!.page);
        const page = cells[0]!.widgets[0]!.page;
        for (const heading of [table.title ?? "", ...table.columns]) expect(squash(texts[page - 1]!)).toContain(squash(heading));
        checked++;
      }
    }
    expect(checked).toBe(2); // the two conversation schemas of Værktøj 7
  });

  it("prints every write label on the page of its lines, and every table's headings on each page it runs on", () => {
    for (const { id, tool } of worksheets) {
      const texts = pageTexts(file(id)).map(squash);
      const byName = new Map(fieldMapOf(id).fields.map((f) => [f.name, f]));
      const walk = (prefix: string, blocks: (Block | InnerBlock)[]) => {
        for (const b of blocks) {
          if (b.type === "box") walk(prefix, b.blocks);
          if (b.type === "write") {
            const page = byName.get(`${prefix}.${b.id}`)!.widgets[0]!.page;
            expect(texts[page - 1], `${prefix}.${b.id}`).toContain(squash(b.label));
          }
          if (b.type === "table") {
            for (const f of byName.values()) {
              if (!f.name.startsWith(`${prefix}.${b.id}.`)) continue;
              const column = b.columns[Number(/\.c(\d+)$/.exec(f.name)![1]) - 1]!;
              expect(texts[f.widgets[0]!.page - 1], f.name).toContain(squash(column.split("\n")[0]!));
            }
          }
        }
      };
      walk(`${tool.id}.intro`, tool.intro);
      for (const step of tool.steps) walk(`${tool.id}.${step.id}`, step.blocks);
    }
  });

  it("leaves room for a pen: ruled lines 9 mm apart, boxes and rings of 4.5 mm, all inside the page", async () => {
    for (const { id, tool } of worksheets) {
      const pdf = await PDFDocument.load(readPdf(result, id));
      const writes = new Map<string, number>();
      const walk = (prefix: string, blocks: (Block | InnerBlock)[]) => {
        for (const b of blocks) {
          if (b.type === "box") walk(prefix, b.blocks);
          if (b.type === "write") writes.set(`${prefix}.${b.id}`, Math.min(b.lines, MAX_LINES_PER_PAGE));
        }
      };
      for (const step of tool.steps) walk(`${tool.id}.${step.id}`, step.blocks);
      for (const field of fieldMapOf(id).fields) {
        for (const { page, rect } of field.widgets) {
          const [x, y, w, h] = rect;
          const size = pdf.getPage(page - 1).getSize();
          expect(x >= 10 * MM && y >= 15 * MM && x + w <= size.width - 10 * MM && y + h <= size.height - 15 * MM, `${field.name} inside the page`).toBe(true);
          if (field.type === "checkbox" || field.type === "radio") expect(Math.min(w, h), field.name).toBeGreaterThanOrEqual(4.4 * MM);
          else expect(h, field.name).toBeGreaterThanOrEqual(8 * MM);
        }
        const lines = writes.get(field.name);
        if (lines) expect(field.widgets[0]!.rect[3], field.name).toBeGreaterThanOrEqual(lines * 8 * MM);
      }
    }
  });
});

describe("every worksheet, as a form", () => {
  it("has a field for every writing space of the source, named after it, as its field map says", async () => {
    for (const { id, tool } of worksheets) {
      const names = (await PDFDocument.load(readPdf(result, id))).getForm().getFields().map((f) => f.getName());
      const expected = expectedFieldNames(tool);
      const map = fieldMapOf(id);
      expect(map.fields.map((f) => f.name).sort(), id).toEqual([...expected].sort());
      expect(names.length, id).toBe(map.fields.length);
      expect(new Set(names).size, `${id}: no two fields share a name`).toBe(names.length);
      for (const name of names) expect(name).toMatch(new RegExp(`^${id}\\.[a-z0-9-]+(\\.[a-z0-9-]+)+$`));
      for (const f of map.fields) expect(f.label, `${f.name} says what it asks`).toBeTruthy();
      if (expected.length === 0) expect(readdirSync(result.dir)).not.toContain(`${id}.fields.json`);
    }
  });

  it("names the checklists and scales the issue asks for", () => {
    const names = (id: string) => fieldMapOf(id).fields.map((f) => `${f.type} ${f.name}`);
    expect(names("v06")).toContain("checkbox v06.step1.warning-signs-psychological.1");
    expect(names("v06")).toContain("radio v06.step3.statements.2");
    expect(names("v06")).toContain("radio v06.step2.load-level.1");
    expect(names("v04")).toContain("radio v04.step3.load-level.1");
    expect(names("v10")).toContain("checkbox v10.step4.prevention.10");
    expect(names("v07")).toContain("text v07.step4.care-conversation.r2.c5");
    const statement = fieldMapOf("v06").fields.find((f) => f.name === "v06.step3.statements.2")!;
    expect(statement.options).toEqual(["meget-uenig", "uenig", "hverken-eller", "enig", "meget-enig"]);
    expect(fieldMapOf("v06").fields.find((f) => f.name === "v06.step2.load-level.1")!.options).toEqual(["groen", "gul", "roed"]);
  });

  it("leaves no field mark behind", () => {
    for (const id of TOOLS) expect(Buffer.from(readPdf(result, id)).includes("wkfield:"), id).toBe(false);
  });

  it("reads back what was filled in, alike in pdf-lib, pdf.js, qpdf and poppler", async () => {
    const dir = tempDir("wk-filled-");
    for (const id of TOOLS) {
      const pdf = await PDFDocument.load(readPdf(result, id));
      const filled = new Map<string, string>();
      pdf.getForm().getFields().forEach((field, i) => {
        const name = field.getName();
        if (field instanceof PDFTextField) {
          const max = field.getMaxLength();
          const text = max === undefined ? `Rødgrød på Ærø ${i} æøå` : String(10 + i).slice(0, max);
          // Multiline fields fit their text to the field (size 0) in viewers; pdf-lib's own fitting
          // lays a line out wider than its field, so a program filling with pdf-lib gives a size.
          if (field.isMultiline()) field.setFontSize(10);
          field.setText(text);
          filled.set(name, text);
        } else if (field instanceof PDFCheckBox) {
          if (i % 2 === 0) field.check();
          filled.set(name, i % 2 === 0 ? "Yes" : "Off");
        } else if (field instanceof PDFRadioGroup) {
          const options = field.getOptions();
          const choice = options[i % options.length]!;
          field.select(choice);
          filled.set(name, choice);
        } else {
          throw new Error(`${name}: a field of a kind the worksheets do not make`);
        }
      });
      if (filled.size === 0) continue;
      const bytes = await pdf.save();
      const out = path.join(dir, `${id}.pdf`);
      writeFileSync(out, bytes);

      // pdf-lib, reloaded
      const again = (await PDFDocument.load(bytes)).getForm();
      for (const [name, value] of filled) {
        const f = again.getField(name);
        const got = f instanceof PDFTextField ? f.getText() : f instanceof PDFCheckBox ? (f.isChecked() ? "Yes" : "Off") : (f as PDFRadioGroup).getSelected();
        expect(got, `pdf-lib ${name}`).toBe(value);
      }

      // pdf.js
      const doc = await getDocument({ data: bytes.slice(), verbosity: 0 }).promise;
      const objects = ((await doc.getFieldObjects()) ?? {}) as Record<string, { type?: string; value?: unknown }[]>;
      await doc.destroy();
      const terminal = Object.entries(objects).filter(([, widgets]) => widgets.some((w) => w.type));
      expect(terminal.map(([name]) => name).sort(), `pdf.js ${id}`).toEqual([...filled.keys()].sort());
      for (const [name, widgets] of terminal) expect(widgets.map((w) => w.value), `pdf.js ${name}`).toContain(filled.get(name));

      // qpdf
      const q = spawnSync("qpdf", ["--json", "--json-key=acroform", out], { encoding: "utf8", maxBuffer: 64 << 20 });
      const acroform = (JSON.parse(q.stdout) as { acroform: { fields: { fullname: string; value: string | null }[] } }).acroform;
      const qValues = new Map(acroform.fields.map((f) => [f.fullname, f.value]));
      expect([...qValues.keys()].sort(), `qpdf ${id}`).toEqual([...filled.keys()].sort());
      for (const [name, value] of filled) {
        const f = again.getField(name);
        expect(qValues.get(name), `qpdf ${name}`).toBe(f instanceof PDFTextField ? `u:${value}` : `/${value}`);
      }

      // poppler: the filled-in text, drawn from the fields' appearances
      const printed = squash(pageTexts(out).join("\n"));
      for (const [name, value] of filled) if (again.getField(name) instanceof PDFTextField) expect(printed, `poppler ${name}`).toContain(squash(value));
    }
  }, 120_000);

  it("is made only through field marks, never with react-pdf's own form elements", () => {
    // react-pdf's <Checkbox checked> stores its state as a string (pdf-lib reads it unchecked), its
    // defaultValue is not the value, and it has no radio groups: fields are made in finish instead.
    const sources = readdirSync("templates", { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".tsx"));
    for (const f of sources) {
      const source = readFileSync(path.join("templates", f), "utf8");
      const imports = /import\s*{([^}]*)}\s*from\s*"@react-pdf\/renderer"/.exec(source)?.[1] ?? "";
      expect(imports, f).not.toMatch(/\b(TextInput|Checkbox|Select|FieldSet)\b/);
    }
  });
});

describe("writing space that will not fit a page", () => {
  it("breaks a huge write block into pieces a page each, every piece a field with its lines", async () => {
    const [material] = pack.materials.filter((m): m is Worksheet => m.id === "v06");
    const tool: Tool = {
      ...material!.tool,
      intro: [],
      process: [],
      steps: [
        {
          id: "big",
          number: 1,
          title: "STOR",
          blocks: [
            { type: "paragraph", text: "Fyld en side." },
            { type: "write", id: "notes", label: "Noter:", lines: 30 },
            { type: "table", id: "long", columns: ["Emne", "Noter"], rows: Array.from({ length: 12 }, (_, i) => [`Emne ${i + 1}`, null]), lines: 3, landscape: false },
          ],
        },
      ],
    };
    const rendered = await renderMaterial({ ...material!, tool }, pack, new Date(0));
    const pdf = await loadPdf(rendered.bytes);
    await addMarkedFields(pdf);
    const map = documentFieldMap("v06", pdf);
    const notes = map.fields.filter((f) => f.name.startsWith("v06.big.notes"));
    expect(notes.map((f) => f.name)).toEqual(["v06.big.notes", "v06.big.notes-2"]);
    expect(notes[0]!.widgets[0]!.page).toBeLessThan(notes[1]!.widgets[0]!.page);
    expect(notes[0]!.widgets[0]!.rect[3]).toBeGreaterThanOrEqual(20 * 9 * MM - 1);
    expect(map.fields.filter((f) => f.name.startsWith("v06.big.long.")).length).toBe(12);
    const pages = new Set(map.fields.map((f) => f.widgets[0]!.page));
    expect(pages.size).toBeGreaterThanOrEqual(3);
  });
});

describe("withLeadIns", () => {
  const heading = { type: "heading", text: "EMPATISK" } as const;
  const question = { type: "paragraph", text: "Hvordan kan jeg i denne situation være:" } as const;
  const running = { type: "paragraph", text: "Løbende tekst." } as const;
  const write = { type: "write", id: "a", label: "Lyttende?", lines: 2 } as const;

  it("keeps a heading and a question with the writing space after them", () => {
    expect(withLeadIns<Block>([heading, question, write])).toEqual([{ block: write, lead: [heading, question] }]);
    expect(withLeadIns<Block>([question, write])).toEqual([{ block: write, lead: [question] }]);
  });

  it("leaves running text and a heading before it alone", () => {
    expect(withLeadIns<Block>([heading, running])).toEqual([
      { block: heading, lead: [] },
      { block: running, lead: [] },
    ]);
    expect(withLeadIns<Block>([running, write])).toEqual([
      { block: running, lead: [] },
      { block: write, lead: [] },
    ]);
  });
});
