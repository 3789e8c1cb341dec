// The web page's fonts: Lato's TTFs (assets/fonts) as WOFF2, by the name the stylesheet asks for. Each
// face twice: its Latin letters (what Danish text needs: some 70 KB, loaded first) made with subset-font
// (HarfBuzz's hb-subset), and the whole font made with wawoff2 (Google's woff2 encoder), loaded by the
// browser only for a character outside the first (the stylesheet's unicode-range).
// Used by scripts/compile.mjs (into dist/fonts) and, where dist/ has none, by src/serve/page.ts.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");

/** The Latin subset's ranges, as the stylesheet's unicode-range names them (web/style.css). */
export const LATIN = [[0x0000, 0x024f], [0x2000, 0x206f], [0x20ac, 0x20ac], [0x2122, 0x2122], [0x2190, 0x2193], [0x2212, 0x2212]];

const FACES = { regular: "Lato-Regular.ttf", bold: "Lato-Bold.ttf", italic: "Lato-Italic.ttf" };

/** The only font files served: the name in the stylesheet → the TTF it is made from, and whether it is the Latin subset. */
export const WEB_FONTS = Object.fromEntries(
  Object.entries(FACES).flatMap(([face, ttf]) => [
    [`lato-${face}-latin.woff2`, { ttf, latin: true }],
    [`lato-${face}.woff2`, { ttf, latin: false }],
  ]),
);

const latinText = () => LATIN.map(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i).filter((c) => c >= 0x20).map((c) => String.fromCodePoint(c)).join("")).join("");

/** One font as WOFF2 bytes. */
export async function woff2Of({ ttf, latin }) {
  const bytes = await readFile(path.join(ROOT, "assets/fonts", ttf));
  if (latin) {
    const { default: subsetFont } = await import("subset-font");
    return Buffer.from(await subsetFont(bytes, latinText(), { targetFormat: "woff2" }));
  }
  const { compress } = await import("wawoff2");
  return Buffer.from(await compress(bytes));
}

/** Writes every web font into `dir`; without the tools (an install without dev dependencies), writes none. */
export async function webFonts(dir) {
  try {
    await Promise.all([import("wawoff2"), import("subset-font")]);
  } catch {
    console.warn("workshopkit: wawoff2 or subset-font is not installed; the web page's fonts are made when the server starts.");
    return;
  }
  await mkdir(dir, { recursive: true });
  for (const [name, spec] of Object.entries(WEB_FONTS)) await writeFile(path.join(dir, name), await woff2Of(spec));
}
