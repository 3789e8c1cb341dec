// The core every front door shares: compile takes values (the toolkit, the profile with its logo decoded,
// the options, a cache) and returns the files; the CLI's build only loads, compiles and writes them.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire, syncBuiltinESMExports } from "node:module";
import { tmpdir } from "node:os";
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

/**
 * Every call of `names` on node's own `fs`, `fs/promises` and `child_process` while `work` runs, as
 * "module.name first-argument": the modules' exports are wrapped, and syncBuiltinESMExports makes
 * `import { writeFile } from "node:fs/promises"` see the wrapper too.
 */
async function builtinCalls(work: () => Promise<unknown>): Promise<string[]> {
  const require = createRequire(import.meta.url);
  const watched: [string, Record<string, unknown>, string[]][] = [
    ["fs", require("node:fs"), ["writeFile", "writeFileSync", "appendFile", "appendFileSync", "createWriteStream", "mkdir", "mkdirSync", "mkdtemp", "mkdtempSync", "rename", "renameSync", "rm", "rmSync", "unlink", "unlinkSync", "copyFile", "copyFileSync", "cp", "cpSync", "symlink", "symlinkSync", "truncate", "truncateSync"]],
    ["fs/promises", require("node:fs/promises"), ["writeFile", "appendFile", "mkdir", "mkdtemp", "rename", "rm", "unlink", "copyFile", "cp", "symlink", "truncate"]],
    ["child_process", require("node:child_process"), ["spawn", "spawnSync", "fork", "exec", "execSync", "execFile", "execFileSync"]],
  ];
  const calls: string[] = [];
  const originals: (() => void)[] = [];
  for (const [label, mod, names] of watched) {
    for (const name of names) {
      const original = mod[name] as (...args: unknown[]) => unknown;
      mod[name] = function (this: unknown, ...args: unknown[]) {
        calls.push(`${label}.${name} ${String(args[0])}`);
        return original.apply(this, args);
      };
      originals.push(() => (mod[name] = original));
    }
  }
  syncBuiltinESMExports();
  try {
    await work();
  } finally {
    for (const restore of originals) restore();
    syncBuiltinESMExports();
  }
  return calls;
}

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

  it("writes no file and starts no process, leaving console.warn and the environment as they were: only its caller writes", async () => {
    const input = await loadInput(EXAMPLE_PROFILE, { only: ["help-card", "policy"] });
    const [warn, env] = [console.warn, { ...process.env }];
    // The watch sees what a compile would do (so the check below can fail): a write, through an ESM import.
    const probe = path.join(tmpdir(), `wk-compile-probe-${process.pid}`);
    const seen = await builtinCalls(async () => (await import("node:fs/promises")).writeFile(probe, "x"));
    expect(seen).toEqual([`fs/promises.writeFile ${probe}`]);
    let result: Compiled | undefined;
    const calls = await builtinCalls(async () => (result = await compile(prepare(input))));
    expect(result!.files.map((f) => f.name).sort()).toEqual(["help-card.pdf", "manifest.json", "nordlys-maskinfabrik-a-s-pakke.pdf", "policy.docx", "policy.pdf"]);
    expect(calls).toEqual([]);
    expect(console.warn).toBe(warn);
    expect(process.env).toEqual(env);
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
