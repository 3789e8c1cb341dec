// The contract of src/render/reactPdf.ts, the one module that reaches into react-pdf's, pdfkit's and
// fontkit's insides: an upgrade that changes any of what it relies on fails here, by name.
import { readFileSync } from "node:fs";
import { inflateSync } from "node:zlib";
import path from "node:path";
import { createElement as h } from "react";
import { Document, Font, Page, Text, View } from "@react-pdf/renderer";
import * as fontkit from "fontkit";
import { describe, expect, it } from "vitest";
import { prepareFonts, FONT_FAMILY } from "../src/fonts.js";
import { keepNativeJson, PINNED, pdfkitColourOperands, provideFace, registeredFaces, renderDocument, withRenderWarnings, type DocumentElement } from "../src/render/reactPdf.js";
import { openPdf } from "../src/render/checkLayout.js";
import type { LayoutNode } from "../src/render/layoutText.js";
import { ROOT } from "./support/build.js";

const installed = (name: string) => (JSON.parse(readFileSync(path.join(ROOT, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
const doc = (...children: Parameters<typeof h>[2][]) => h(Document, null, h(Page, { size: [200, 200] }, ...children)) as unknown as DocumentElement;

/** Every content stream of a small PDF, inflated. */
function contentStreams(pdf: Uint8Array): string {
  const text = Buffer.from(pdf).toString("latin1");
  const out: string[] = [];
  for (const m of text.matchAll(/stream\r?\n/g)) {
    const start = m.index! + m[0].length;
    const end = text.indexOf("endstream", start);
    try {
      out.push(inflateSync(Buffer.from(text.slice(start, end), "latin1")).toString("latin1"));
    } catch {
      // not deflated (a font, say)
    }
  }
  return out.join("\n");
}

describe("the versions the adapter was written against", () => {
  it("are the ones installed, and package.json pins them exactly", () => {
    for (const [name, version] of Object.entries(PINNED)) expect(installed(name), name).toBe(version);
    const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string>; overrides?: Record<string, string> };
    for (const [name, version] of Object.entries(PINNED)) expect(pkg.dependencies[name] ?? pkg.overrides?.[name], name).toBe(version);
  });
});

describe("react-pdf's insides", () => {
  it("hands the finished layout to onRender as _INTERNAL__LAYOUT__DATA_: pages, boxes, props and lines of text", async () => {
    await prepareFonts();
    let tree: LayoutNode | undefined;
    await renderDocument(doc(h(View, { "data-mark": "here", style: { margin: 10, width: 50, height: 20 } } as object), h(Text, { style: { fontFamily: FONT_FAMILY, fontSize: 10 } }, "Hej verden")), (t) => (tree = t));
    const page = tree!.children![0]!;
    expect(page.type).toBe("PAGE");
    expect(page.box).toMatchObject({ width: 200, height: 200 });
    const [view, text] = page.children!;
    expect(view!.props).toMatchObject({ "data-mark": "here" });
    expect(view!.box).toMatchObject({ left: 10, top: 10, width: 50, height: 20 });
    expect(text!.type).toBe("TEXT");
    const line = text!.lines![0]!;
    expect(line.string).toBe("Hej verden");
    expect(line.box).toMatchObject({ x: expect.any(Number), y: expect.any(Number) });
    expect(line.runs[0]).toMatchObject({ start: 0, end: 10, attributes: { fontSize: 10, font: [expect.anything()] } });
  });

  it("keeps a registered face's fontkit font in Font.getFont(…).data, loaded through loadResultPromise", async () => {
    await prepareFonts();
    const source = Font.getFont({ fontFamily: FONT_FAMILY, fontWeight: 400, fontStyle: "normal" }) as unknown as Record<string, unknown>;
    expect(Object.keys(source)).toEqual(expect.arrayContaining(["data", "loadResultPromise"]));
    // Ours, given by provideFace: react-pdf did not load it, and a second provideFace changes nothing.
    expect(provideFace({ fontFamily: FONT_FAMILY, fontWeight: 400, fontStyle: "normal" }, () => null)).toBe(false);
    const faces = registeredFaces();
    expect(faces.length).toBeGreaterThan(0);
    expect(faces).toContain(source.data);
    const run = faces[0]!.layout("fi.");
    expect(run).toMatchObject({ glyphs: expect.any(Array), positions: expect.any(Array) });
  });
});

describe("fontkit's insides", () => {
  it("keeps one glyph object per glyph id, shared by every layout (src/fonts.ts makes common glyphs first for this)", () => {
    const font = fontkit.openSync(path.join(ROOT, "assets/fonts/Lato-Regular.ttf")) as unknown as {
      layout(s: string): { glyphs: { id: number }[] };
      getGlyph(id: number): unknown;
    };
    const a = font.layout("Ab").glyphs[0]!;
    expect(font.layout("Ab").glyphs[0]).toBe(a);
    expect(font.getGlyph(a.id)).toBe(a);
  });
});

describe("pdfkit's content streams", () => {
  it("write a DeviceRGB colour as pdfkitColourOperands says (what the brand stamp finds and replaces)", async () => {
    const { bytes } = await renderDocument(doc(h(View, { style: { width: 50, height: 50, backgroundColor: "#1F6F8B" } })), () => undefined);
    expect(contentStreams(bytes)).toContain(`/DeviceRGB cs\n${pdfkitColourOperands([0x1f, 0x6f, 0x8b])} scn`);
  });
});

describe("warnings, kept per render", () => {
  it("two overlapping renders each keep their own; a warning from elsewhere and console.warn itself are untouched", async () => {
    const heard: string[] = [];
    const mine = (...args: unknown[]) => void heard.push(args.join(" "));
    const original = console.warn;
    console.warn = mine;
    try {
      // A string outside <Text> is one of react-pdf's warnings (its reconciler says so and drops it).
      const first = renderDocument(doc(h(View, null, "first stray text")), () => undefined);
      const second = renderDocument(doc(h(View, null, "second stray text")), () => undefined);
      console.warn("not a render's");
      const [a, b] = await Promise.all([first, second]);
      expect(a.warnings).toEqual([expect.stringContaining("first stray text")]);
      expect(b.warnings).toEqual([expect.stringContaining("second stray text")]);
      expect(heard).toEqual(["not a render's"]);
      expect(console.warn).toBe(mine);
      // Nested and overlapping in any order: each value gets what its own work warned.
      const outer = withRenderWarnings(async () => {
        await new Promise((r) => setTimeout(r, 5));
        console.warn("outer");
      });
      const inner = withRenderWarnings(async () => console.warn("inner"));
      expect((await inner).warnings).toEqual(["inner"]);
      expect((await outer).warnings).toEqual(["outer"]);
      expect(console.warn).toBe(mine);
    } finally {
      console.warn = original;
    }
  });
});

describe("pdf.js's JSON.stringify", () => {
  it("is Node's own again once pdf.js (the layout check's read-back) has opened a document", async () => {
    const before = JSON.stringify;
    const { bytes } = await renderDocument(doc(h(Text, null, "read back")), () => undefined);
    const pdf = await openPdf(bytes); // loads pdf.js and its worker part, which install core-js's copy
    await pdf.getPage(1);
    expect(JSON.stringify).toBe(before);
    keepNativeJson();
    expect(JSON.stringify).toBe(before);
    await pdf.destroy();
  });
});
