// What every cached rendering depends on besides its own material: the code that renders it
// (workshopkit's version and source, or compiled dist/), the fonts, and the rendering libraries'
// versions. Computed once per process.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
// Every package that shapes a rendered page (react-pdf's own are pinned in package.json's overrides; pdfkit
// writes the PDF under them). A name not installed reads "?", so a wrong name here goes unnoticed: tests/cache.test.ts checks.
export const LIBRARIES = [
  "@react-pdf/renderer", "@react-pdf/layout", "@react-pdf/textkit", "@react-pdf/render", "@react-pdf/font", "@react-pdf/image",
  "@react-pdf/stylesheet", "@react-pdf/primitives", "@react-pdf/fns", "pdfkit", "pdf-lib", "fontkit", "pdfjs-dist", "hyphen",
];

function files(dir: string, pattern: RegExp): string[] {
  let entries: import("node:fs").Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name), pattern) : pattern.test(e.name) ? [path.join(dir, e.name)] : []))
    .sort();
}

const require = createRequire(path.join(ROOT, "package.json"));

/** An installed package's version, "?" when it is not installed. Found from its entry point, as not every package exports its package.json. */
export function libraryVersion(name: string): string {
  try {
    for (let dir = path.dirname(require.resolve(name)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      try {
        const pkg = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { name?: string; version: string };
        if (pkg.name === name) return pkg.version;
      } catch {
        // no package.json at this level: look further up
      }
    }
  } catch {
    // not installed
  }
  return "?";
}

let computed: string | undefined;

export function codeFingerprint(): string {
  if (computed) return computed;
  const hash = createHash("sha256");
  const own = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
  hash.update(`workshopkit ${own.version}\n`);
  for (const lib of LIBRARIES) hash.update(`${lib} ${libraryVersion(lib)}\n`);
  const sources = [...files(path.join(ROOT, "src"), /\.tsx?$/), ...files(path.join(ROOT, "templates"), /\.tsx?$/), ...files(path.join(ROOT, "dist"), /\.js$/), ...files(path.join(ROOT, "assets/fonts"), /\.ttf$/)];
  for (const file of sources) hash.update(path.relative(ROOT, file)).update("\0").update(readFileSync(file)).update("\0");
  computed = hash.digest("hex");
  return computed;
}
