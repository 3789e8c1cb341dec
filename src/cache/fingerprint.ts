// What every cached rendering depends on besides its own material: the code that renders it
// (workshopkit's version and source, or compiled dist/), the fonts, and the rendering libraries'
// versions. Computed once per process.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
const LIBRARIES = ["@react-pdf/renderer", "@react-pdf/layout", "@react-pdf/textkit", "@react-pdf/pdfkit", "pdf-lib", "fontkit", "pdfjs-dist", "hyphen"];

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

let computed: string | undefined;

export function codeFingerprint(): string {
  if (computed) return computed;
  const hash = createHash("sha256");
  const require = createRequire(path.join(ROOT, "package.json"));
  const version = (name: string) => {
    try {
      return (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), "utf8")) as { version: string }).version;
    } catch {
      return "?";
    }
  };
  hash.update(`workshopkit ${version(ROOT)}\n`);
  for (const lib of LIBRARIES) hash.update(`${lib} ${version(lib)}\n`);
  const sources = [...files(path.join(ROOT, "src"), /\.tsx?$/), ...files(path.join(ROOT, "templates"), /\.tsx?$/), ...files(path.join(ROOT, "dist"), /\.js$/), ...files(path.join(ROOT, "assets/fonts"), /\.ttf$/)];
  for (const file of sources) hash.update(path.relative(ROOT, file)).update("\0").update(readFileSync(file)).update("\0");
  computed = hash.digest("hex");
  return computed;
}
