// The core every front door shares: compile takes values (the toolkit, the profile with its logo decoded,
// the options, a cache) and returns the files; the CLI's build only loads, compiles and writes them.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { MaterialStore } from "../src/cache/materialCache.js";
import { CONTENT_DIR, compile, loadInput, prepare, type BuildResult, type Compiled } from "../src/pipeline.js";
import { loadContent } from "../src/load/loadContent.js";
import { Profile } from "../src/schema/profile.js";
import { WorkshopkitError } from "../src/errors.js";
import { buildPack, EXAMPLE_PROFILE } from "./support/build.js";

/** A cache in memory, counting what it is asked. */
function memoryStore(): MaterialStore & { blobs: Map<string, Uint8Array>; hits: number } {
  const blobs = new Map<string, Uint8Array>();
  const store = {
    blobs,
    hits: 0,
    async get(key: string) {
      const blob = blobs.get(key);
      if (blob) store.hits++;
      return blob;
    },
    async put(key: string, blob: Uint8Array) {
      blobs.set(key, blob);
    },
  };
  return store;
}

const ONLY = ["v04", "policy"];
let built: BuildResult;
let compiled: Compiled;
let again: Compiled;
let store: ReturnType<typeof memoryStore>;

beforeAll(async () => {
  built = await buildPack({ only: ONLY, cacheDir: false });
  store = memoryStore();
  const input = await loadInput(EXAMPLE_PROFILE, { only: ONLY });
  compiled = await compile(prepare(input), { cache: store });
  again = await compile(prepare(input), { cache: store });
}, 240_000);

describe("compile", () => {
  it("returns every file the CLI writes, byte for byte, the manifest last", () => {
    const written = readdirSync(built.dir).sort();
    expect(compiled.files.map((f) => f.name).sort()).toEqual(written);
    expect(compiled.files.at(-1)!.name).toBe("manifest.json");
    for (const file of compiled.files) expect(Buffer.compare(Buffer.from(file.bytes), readFileSync(path.join(built.dir, file.name))), file.name).toBe(0);
    expect(compiled.pdfs.map((f) => f.file)).toEqual(built.files.map((f) => f.file));
    expect(compiled.word.map((f) => f.file)).toEqual(["policy.docx"]);
  });

  it("keeps shared materials in the cache it is given, and a second compile takes them from there, to the same bytes", () => {
    expect(store.blobs.size).toBe(ONLY.length);
    expect(store.hits).toBe(ONLY.length);
    expect(again.files.map((f) => f.name)).toEqual(compiled.files.map((f) => f.name));
    for (const [i, file] of again.files.entries()) expect(Buffer.compare(Buffer.from(file.bytes), Buffer.from(compiled.files[i]!.bytes)), file.name).toBe(0);
  });

  it("compiles a profile given as a value, as the server has it from the page's form", async () => {
    const toolkit = await loadContent(CONTENT_DIR);
    const profile = { label: "profile", profile: Profile.parse({ company: "Værdi & Søn ApS", colour: "#FFE066", paper: "LETTER" }) };
    const result = await compile(prepare({ toolkit, profile, only: ["help-card"] }));
    expect(result.files.map((f) => f.name)).toEqual(["help-card.pdf", "vaerdi-soen-aps-pakke.pdf", "manifest.json"]);
    const manifest = JSON.parse(Buffer.from(result.files.at(-1)!.bytes).toString("utf8")) as { company: string };
    expect(manifest.company).toBe("Værdi & Søn ApS");
    expect(result.warnings.map((w) => w.code), JSON.stringify(result.warnings.map((w) => w.code))).toContain("contact.open");
  }, 120_000);

  it("refuses what the CLI refuses, as a coded problem on its field, before anything is rendered", async () => {
    const toolkit = await loadContent(CONTENT_DIR);
    const profile = { label: "profile", profile: Profile.parse({ company: "Smiley \u{1F600} ApS" }) };
    let thrown: unknown;
    try {
      prepare({ toolkit, profile, only: ["help-card"] });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(WorkshopkitError);
    expect((thrown as WorkshopkitError).problems.map((p) => p.path)).toContain("company");
  });
});
