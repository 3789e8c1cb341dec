// Content and templates fail loudly: a document no pack places is an error naming its file; an error
// thrown inside a template names the material and keeps its own message.
import path from "node:path";
import { createElement as h } from "react";
import { Document, Page, View } from "@react-pdf/renderer";
import { describe, expect, it } from "vitest";
import { WorkshopkitError } from "../src/errors.js";
import { loadContent } from "../src/load/loadContent.js";
import { listMaterials } from "../src/resolve/listMaterials.js";
import { renderStrict } from "../src/render/renderMaterial.js";
import type { DocumentElement } from "../src/render/reactPdf.js";
import { ROOT } from "./support/build.js";

const failure = (run: () => unknown): WorkshopkitError => {
  try {
    run();
  } catch (err) {
    if (err instanceof WorkshopkitError) return err;
    throw err;
  }
  throw new Error("it did not fail");
};

describe("a document under content/ that no pack places", () => {
  it("is an error naming its file, not a document dropped without a word", async () => {
    const toolkit = await loadContent(path.join(ROOT, "content"));
    expect(() => listMaterials(toolkit)).not.toThrow();
    const extra = { ...toolkit.documents[0]!, id: "handbook" };
    const err = failure(() => listMaterials({ ...toolkit, documents: [...toolkit.documents, extra] }));
    expect(err.code).toBe("content.unplacedDocument");
    expect(err.message).toBe("content/documents/handbook.yaml is a document no part of the pack places: it would be left out of every pack without a word.");
    expect(err.problems).toEqual([expect.objectContaining({ file: "content/documents/handbook.yaml" })]);
    const two = failure(() => listMaterials({ ...toolkit, documents: [...toolkit.documents, extra, { ...extra, id: "notes" }] }));
    expect(two.message).toMatch(/content\/documents\/handbook\.yaml[\s\S]*content\/documents\/notes\.yaml/);
  });
});

describe("an error thrown inside a template", () => {
  const page = (child: ReturnType<typeof h>) => h(Document, null, h(Page, { size: [200, 200] }, child)) as unknown as DocumentElement;

  it("names the material and keeps its own message", async () => {
    const Broken = (): never => {
      throw new Error("the step has no title");
    };
    await expect(renderStrict('"v04"', page(h(View, null, h(Broken))))).rejects.toMatchObject({ code: "render.template", message: 'The template of "v04" failed: the step has no title' });
    const Careless = (p: { step: { title: string } | null }) => h(View, null, p.step!.title);
    await expect(renderStrict('"v05"', page(h(Careless, { step: null })))).rejects.toThrow(/^The template of "v05" failed: Cannot read properties of null \(reading 'title'\)$/);
    // A problem a template raises on purpose stays the problem it is.
    const Refusing = (): never => {
      throw WorkshopkitError.of("brand.nameTooLong", { name: "X", where: "the card backs", width: 10, height: 5, min: 6 }, { path: "company" });
    };
    await expect(renderStrict('"v06"', page(h(Refusing)))).rejects.toMatchObject({ code: "brand.nameTooLong", path: "company" });
    // And a template that works still renders.
    expect((await renderStrict('"ok"', page(h(View, null)))).bytes.length).toBeGreaterThan(500);
  });
});
