// The render stage refuses to hand on a PDF that react-pdf only warned about.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../src/load/loadContent.js";
import { renderMaterial } from "../src/render/renderMaterial.js";
import { resolve } from "../src/resolve/resolve.js";
import { Profile } from "../src/schema/profile.js";
import { ROOT } from "./support/build.js";

describe("renderMaterial", () => {
  it("fails when react-pdf warns (here: it would drop a corrupt logo and print none)", async () => {
    const toolkit = await loadContent(path.join(ROOT, "content"));
    const profile = Profile.parse({ company: "Testfirma ApS" });
    const pack = resolve({ toolkit, profile, logo: { png: Buffer.from("not a png"), width: 10, height: 10 }, only: ["about"] });
    await expect(renderMaterial(pack.materials[0]!, pack, new Date(0))).rejects.toThrow(/Rendering "about" gave warnings:\s+Incomplete or corrupt PNG file/);
  });

  it("renders the same material without the logo", async () => {
    const toolkit = await loadContent(path.join(ROOT, "content"));
    const pack = resolve({ toolkit, profile: Profile.parse({ company: "Testfirma ApS" }), only: ["about"] });
    const bytes = await renderMaterial(pack.materials[0]!, pack, new Date(0));
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");
  });
});
