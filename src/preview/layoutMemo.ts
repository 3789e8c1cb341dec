// Shaping remembered: react-pdf lays every run of text out with fontkit (GSUB/GPOS lookups), about
// a third of a render, and the preview renders the same text again and again (the worksheet's text is
// the same for every company; the help card prints one card eight times a sheet). fontkit's layout is
// a pure function of its arguments whose glyph objects are fontkit's own, one per glyph id, shared by
// every document (see prepareFonts in src/fonts.ts): a remembered run, copied where react-pdf writes to
// it, is the run fontkit would make again, so the PDFs are byte for byte the same.
import { prepareFonts } from "../fonts.js";
import { registeredFaces, wrapLayout, type FontkitFace } from "../render/reactPdf.js";

interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth?: number;
}
interface GlyphRun {
  glyphs: unknown[];
  positions: Position[];
}
type Face = FontkitFace;

/** Glyphs remembered per face (some 100 bytes each); past this many a face's memo starts again (a long-running server). */
const GLYPHS = 100_000;
const memoised = new WeakSet<Face>();

/** A copy of the run that react-pdf may change (it justifies lines by moving positions, and swaps attachment glyphs). */
function copy(run: GlyphRun): GlyphRun {
  const out = Object.create(Object.getPrototypeOf(run) as object) as GlyphRun;
  Object.assign(out, run);
  out.glyphs = run.glyphs.slice();
  out.positions = run.positions.map((p) => Object.assign(Object.create(Object.getPrototypeOf(p) as object) as Position, p));
  return out;
}

function memoise(face: Face): void {
  if (memoised.has(face)) return;
  memoised.add(face);
  const runs = new Map<string, GlyphRun>();
  let glyphs = 0;
  wrapLayout(face, (layout) => (text, features, script, language, direction) => {
    const key = `${text}\u0000${JSON.stringify(features ?? null)}\u0000${script ?? ""}\u0000${language ?? ""}\u0000${direction ?? ""}`;
    let run = runs.get(key);
    if (!run) {
      run = copy(layout(text, features, script, language, direction) as GlyphRun);
      if (glyphs + run.glyphs.length > GLYPHS) {
        runs.clear();
        glyphs = 0;
      }
      runs.set(key, run);
      glyphs += run.glyphs.length;
    }
    return copy(run);
  });
}

/** Every registered face, loaded (prepareFonts), lays its text out through the memo from now on. */
export async function rememberShaping(): Promise<void> {
  await prepareFonts();
  for (const face of registeredFaces()) memoise(face);
}
