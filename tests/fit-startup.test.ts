// Start-up: what a command loads. A build loads the PDF makers and never the web server, the results
// reader, the rasterisers or the batch pool; --help loads none of the heavy modules. Observed in a real
// process (the CLI as users run it, compiled dist/ or the TypeScript) by a preload that lists every
// module file the process loads, ES modules and CommonJS alike. Under dist/ the pure-JavaScript
// packages are bundled into its chunks (scripts/compile.mjs): what is checked there is the packages
// kept in node_modules, which include every one a build must not load.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CONTENT_DIR } from "../src/load/contentDir.js";
import { parseContent } from "../src/load/parsedContent.js";
import { parseData } from "../src/load/readDataFile.js";
import { EXAMPLE_PROFILE, ROOT, tempDir } from "./support/build.js";

const dir = tempDir("wk-startup-");
const HOOKS = path.join(dir, "hooks.mjs");
const PRELOAD = path.join(dir, "preload.mjs");
writeFileSync(
  HOOKS,
  `import { appendFileSync } from "node:fs";
export async function load(url, context, next) {
  appendFileSync(process.env.WK_LOADED, url + "\\n");
  return next(url, context);
}
`,
);
writeFileSync(
  PRELOAD,
  `import Module, { register } from "node:module";
import { appendFileSync } from "node:fs";
register(${JSON.stringify(new URL(`file://${HOOKS}`).href)});
const load = Module._load;
Module._load = function (request, parent, isMain) {
  try { appendFileSync(process.env.WK_LOADED, Module._resolveFilename(request, parent, isMain) + "\\n"); } catch {}
  return load.apply(this, arguments);
};
`,
);

/** The packages (node_modules/<name>) a CLI run loaded, and its exit status. */
function packagesLoaded(args: string[]): { status: number | null; files: string; packages: Set<string>; stderr: string } {
  const list = path.join(dir, `loaded-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(list, "");
  const r = spawnSync(process.execPath, ["--import", PRELOAD, path.join(ROOT, "bin/workshopkit.js"), ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, WK_LOADED: list, WORKSHOPKIT_CACHE: path.join(dir, "cache") },
  });
  const files = readFileSync(list, "utf8");
  const packages = new Set([...files.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)\//g)].map((m) => m[1]!));
  return { status: r.status, files, packages, stderr: r.stderr };
}

/** Never needed to build a pack: the web server, the results reader's scanner, the rasterisers, the batch pool, the browser driver. */
const NOT_FOR_A_BUILD = ["fastify", "@fastify/multipart", "better-sqlite3", "zxing-wasm", "pdfjs-dist", "@napi-rs/canvas", "@hyzyla/pdfium", "piscina", "playwright-core"];
/** The PDF makers, fonts, images and parsers: not for --help. */
const HEAVY = ["@react-pdf/renderer", "pdf-lib", "fontkit", "pdfkit", "yoga-layout", "sharp", "yaml", "hyphen", ...NOT_FOR_A_BUILD];

describe("start-up", () => {
  it("a build loads the PDF makers and none of the web server, results reader, rasterisers or batch pool", () => {
    const run = packagesLoaded(["build", "--profile", EXAMPLE_PROFILE, "--only", "v09", "--no-cache", "--out", path.join(dir, "out")]);
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.status).toBe(0);
    expect(run.packages.has("pdfkit")).toBe(true); // the list is real: react-pdf writes with pdfkit
    expect(NOT_FOR_A_BUILD.filter((p) => run.packages.has(p))).toEqual([]);
  }, 120_000);

  it("validating a profile loads no PDF maker (fontkit and the hyphenation patterns suffice)", () => {
    const run = packagesLoaded(["validate", EXAMPLE_PROFILE]);
    expect(run.status).toBe(0);
    expect(run.packages.has("fontkit")).toBe(true); // the list is real: the glyph check reads the font
    expect(["@react-pdf/renderer", "pdfkit", "yoga-layout", "pdf-lib", ...NOT_FOR_A_BUILD].filter((p) => run.packages.has(p))).toEqual([]);
  }, 60_000);

  it("--help loads none of the heavy modules", () => {
    const run = packagesLoaded(["--help"]);
    expect(run.status).toBe(0);
    expect(run.files).toContain("bin/workshopkit.js"); // the list is real
    expect(HEAVY.filter((p) => run.packages.has(p))).toEqual([]);
  });

  it("the content parsed when dist/ is compiled is what parsing its text gives, kept under that text's hash; a file that does not parse is left out", async () => {
    const sha = (text: string) => createHash("sha256").update(text).digest("hex");
    const names = readdirSync(CONTENT_DIR, { recursive: true, encoding: "utf8" }).filter((n) => /\.ya?ml$/.test(n));
    const kept = await parseContent(CONTENT_DIR);
    expect(names.length).toBeGreaterThan(20);
    for (const name of names) {
      const text = readFileSync(path.join(CONTENT_DIR, name), "utf8");
      expect(kept[sha(text)], name).toEqual(parseData(name, text));
    }
    const broken = path.join(dir, "content");
    mkdirSync(broken, { recursive: true });
    writeFileSync(path.join(broken, "good.yaml"), "title: Værktøj\nlines: 4\n");
    writeFileSync(path.join(broken, "bad.yaml"), "title: [unclosed\n");
    writeFileSync(path.join(broken, "twice.yaml"), "title: a\ntitle: b\n");
    expect(Object.values(await parseContent(broken))).toEqual([{ title: "Værktøj", lines: 4 }]);
  });
});
