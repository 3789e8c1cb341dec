// Compiles the TypeScript into dist/ with esbuild (run by `prepare`, so `npm ci` does it): the CLI
// and the library entry points, code-split so that a command loads only the modules it needs.
// The pure-JavaScript packages are bundled in: Node 20 has no compile cache, and loading some 600
// files of node_modules one by one (resolving each, and parsing the CommonJS ones twice to find their
// exports for `import`) cost a fresh build ~0.17 s of CPU before its first page. Packages with native
// code, WebAssembly or files of their own found at run time stay in node_modules (EXTERNAL).
// content/ and assets/ are found from the source folders:
// each file's `import.meta.dirname` and `import.meta.url` are rewritten to name its own source file,
// as under tsx.
import { existsSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

let build;
try {
  ({ build } = await import("esbuild"));
} catch {
  // An install without dev dependencies: bin/workshopkit.js runs the TypeScript through tsx instead.
  console.warn("workshopkit: esbuild is not installed; not compiling dist/ (the CLI runs the TypeScript instead).");
  process.exit(0);
}

const ROOT = path.resolve(import.meta.dirname, "..");
const OUT = path.join(ROOT, "dist");
/** The CLI, the build for other front doors (the web server), the batch builds' worker; the content's parser, run below. */
const ENTRIES = {
  cli: "src/cli/index.ts",
  pipeline: "src/pipeline.ts",
  "batch-worker": "src/batch/worker.ts",
  "preview-raster-worker": "src/preview/rasterWorker.ts",
  "logo-process": "src/load/logoProcess.ts",
  "parsed-content": "src/load/parsedContent.ts",
};

/**
 * Loaded from node_modules at run time: native addons (sharp, @napi-rs/canvas, better-sqlite3),
 * WebAssembly and workers (pdfjs-dist, @hyzyla/pdfium, zxing-wasm, piscina), pdfkit (its standard
 * fonts are package `imports`, #standard-fonts/…) and fontkit, which pdfkit imports too (one copy of
 * it, not a bundled one beside pdfkit's), the web server's plugins, and the dev tools.
 */
const EXTERNAL = ["sharp", "@napi-rs/canvas", "better-sqlite3", "pdfjs-dist", "@hyzyla/pdfium", "zxing-wasm", "piscina", "pdfkit", "fontkit", "fastify", "@fastify/*", "playwright-core", "esbuild", "tsx"];

/** `import.meta.dirname` of src/fonts.ts is dist/ once bundled: point it back at src/. */
const sourceLocation = {
  name: "source-location",
  setup(b) {
    b.onLoad({ filter: /\.(ts|tsx)$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const code = await readFile(args.path, "utf8");
      if (!code.includes("import.meta.")) return undefined;
      const rel = path.relative(ROOT, args.path).split(path.sep).join("/");
      const dir = path.posix.dirname(rel);
      const contents = code
        .replaceAll("import.meta.dirname", `(import.meta.dirname + ${JSON.stringify(`/../${dir}`)})`)
        .replaceAll("import.meta.url", `new URL(${JSON.stringify(`../${rel}`)}, import.meta.url).href`);
      return { contents, loader: args.path.endsWith("x") ? "tsx" : "ts" };
    });
  },
};

await rm(OUT, { recursive: true, force: true });
await build({
  absWorkingDir: ROOT,
  entryPoints: Object.fromEntries(Object.entries(ENTRIES).filter(([, file]) => existsSync(path.join(ROOT, file)))),
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external: EXTERNAL,
  // Bundled CommonJS packages call require() for Node's own modules: give the ES module chunks one.
  banner: { js: 'import { createRequire as __wkRequire } from "node:module"; const require = __wkRequire(import.meta.url);' },
  jsx: "automatic",
  // React's production build: the development one checks and keeps more on every render (same PDFs, less memory).
  define: { "process.env.NODE_ENV": '"production"' },
  chunkNames: "chunk-[hash]", // beside the entries: the rewritten import.meta.dirname counts from dist/
  legalComments: "none",
  logLevel: "warning",
  plugins: [sourceLocation],
});
// The content's YAML, parsed now so that a fresh process need not (src/load/parsedContent.ts).
const { parseContent, PARSED_CONTENT } = await import(pathToFileURL(path.join(OUT, "parsed-content.js")).href);
await writeFile(PARSED_CONTENT, JSON.stringify(await parseContent(path.join(ROOT, "content"))));
// The web page's fonts as WOFF2 (a third of the TTF's bytes), made with wawoff2 (Google's woff2 encoder
// built to WebAssembly): src/serve/page.ts serves these, and makes them itself only where dist/ lacks them.
const { webFonts } = await import(pathToFileURL(path.join(ROOT, "scripts/webFonts.mjs")).href);
await webFonts(path.join(OUT, "fonts"));
// A stamp bin/workshopkit.js compares with the sources: a dist/ older than them is not used.
await writeFile(path.join(OUT, "BUILT"), `${new Date().toISOString()}\n`);
