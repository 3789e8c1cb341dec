// One document per material (issue #18, item 3): between its render and the complete pack, a material
// is read by pdf-lib and saved exactly once for every company (its form fields, metadata and field map:
// what the cache keeps), and once for the company (its stamp, its pages taken for the pack, its folios).
// Counted by spying on pdf-lib's PDFDocument.load and save, each call put down to the material it
// was for by the document's title.
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { MaterialStore } from "../src/cache/materialCache.js";
import { compile, loadInput, prepare, type Compiled, type Prepared } from "../src/pipeline.js";
import { EXAMPLE_PROFILE } from "./support/build.js";

/** Worksheets with form fields (v09's last page tried for fitting: src/fit), the help card (parts of its own), a document, a card deck. */
const ONLY = ["v06", "v09", "help-card", "policy", "v09-tryghedskort"];

const load = PDFDocument.load.bind(PDFDocument);
const save = PDFDocument.prototype.save; // eslint-disable-line @typescript-eslint/unbound-method

/** The calls of one compile: the title of each document loaded, and of each saved. */
interface Calls {
  loads: string[];
  saves: string[];
}

let calls: Calls = { loads: [], saves: [] };
vi.spyOn(PDFDocument, "load").mockImplementation(async (...args: Parameters<typeof PDFDocument.load>) => {
  const pdf = await load(...args);
  calls.loads.push(pdf.getTitle() ?? "");
  return pdf;
});
vi.spyOn(PDFDocument.prototype, "save").mockImplementation(function (this: PDFDocument, ...args: Parameters<PDFDocument["save"]>) {
  calls.saves.push(this.getTitle() ?? "");
  return save.apply(this, args);
});
afterAll(() => vi.restoreAllMocks());

/** A cache in memory: the first compile fills it, the second takes every material from it. */
const blobs = new Map<string, Uint8Array>();
const store: MaterialStore = { get: async (key) => blobs.get(key), put: async (key, blob) => void blobs.set(key, blob) };

let prepared: Prepared;
let titles: string[];
const runs: { calls: Calls; compiled: Compiled }[] = [];

/** Which material a title is of: its own ("Værktøj 6: …"), for every company ("… – "), or the company's ("… – Nordlys …"). */
function materialOf(title: string): string | undefined {
  const i = titles.findIndex((t) => title === t || title.startsWith(`${t} – `));
  return i === -1 ? undefined : prepared.pack.materials[i]!.id;
}

const perMaterial = (of: string[]) => Object.fromEntries(prepared.pack.materials.map((m) => [m.id, of.filter((t) => materialOf(t) === m.id).length]));
const each = (n: number) => Object.fromEntries(ONLY.map((id) => [id, n]));

beforeAll(async () => {
  prepared = prepare(await loadInput(EXAMPLE_PROFILE, { only: ONLY }));
  titles = prepared.pack.materials.map((m) => m.title);
  for (let i = 0; i < 2; i++) {
    calls = { loads: [], saves: [] };
    const compiled = await compile(prepared, { cache: store });
    runs.push({ calls, compiled });
  }
}, 120_000);

describe("a material between its render and the complete pack", () => {
  it("covers the materials asked for, each titled apart", () => {
    expect(prepared.pack.materials.map((m) => m.id).sort()).toEqual([...ONLY].sort());
    for (const title of titles) expect(titles.filter((t) => t.startsWith(title)), title).toEqual([title]);
  });

  it("rendered afresh, is read once and saved once for every company, and read once and saved once for the company", () => {
    const { calls } = runs[0]!;
    expect(blobs.size).toBe(ONLY.length);
    expect(perMaterial(calls.loads)).toEqual(each(2));
    expect(perMaterial(calls.saves)).toEqual(each(2));
  });

  it("taken from the cache, is read once and saved once: its own file", () => {
    const calls = runs[1]!.calls;
    expect(perMaterial(calls.loads)).toEqual(each(1));
    expect(perMaterial(calls.saves)).toEqual(each(1));
  });

  it("gives the same files either way", () => {
    const [a, b] = runs.map((r) => r.compiled.files.map((f) => [f.name, Buffer.from(f.bytes).toString("base64")]));
    expect(b).toEqual(a);
  });
});
