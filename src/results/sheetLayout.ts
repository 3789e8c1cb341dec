// Where the scoring sheet's boxes are, taken from the build itself: the sheet is resolved, rendered and
// finished for the paper a page code names, exactly as `build` makes it, and its field map read back.
// The reader copies no coordinates: what was printed is what is read.
import { loadContent } from "../load/loadContent.js";
import type { LoadedProfile } from "../load/loadProfile.js";
import { resolve } from "../resolve/resolve.js";
import { renderMaterial } from "../render/renderMaterial.js";
import { finishMaterial } from "../finish/finishMaterial.js";
import { readFieldMap } from "../finish/fieldMap.js";
import { Memo } from "../memo.js";
import type { Material, ResolvedPack } from "../model.js";
import { WorkshopkitError } from "../errors.js";
import { PAPER_POINTS, sheetLayoutKey, type Paper } from "./pageCode.js";

export type ScoringMaterial = Extract<Material, { kind: "scoring" }>;

/** One statement's row: its radio field and the box of each score, in points from the page's top left. */
export interface Row {
  field: string;
  level: string;
  statement: number;
  boxes: { option: string; x: number; y: number; width: number; height: number }[];
}

export interface SheetLayout {
  material: ScoringMaterial;
  /** What the sheet's page codes carry (pageCode.ts, sheetLayoutKey): a page with another key was printed from another profile. */
  key: string;
  version: string;
  paper: Paper;
  page: { width: number; height: number };
  /** Rows by page (1-based). */
  pages: Map<number, Row[]>;
  pageCount: number;
  /** The finished sheet, as `build` writes it. */
  pdf: Uint8Array;
}

/** The content and profile as the reader knows them: what the sheets were printed from. */
export interface ReaderContext {
  pack: ResolvedPack;
  material: ScoringMaterial;
  /** The content's date (toolkit.yaml): the creation date of every PDF workshopkit makes. */
  date: string;
  /** Field name of each statement, in sheet order: `v01.passiv.1` … `v01.skabende.4`. */
  fields: string[];
  /** A form field's name to the statement it answers (`v01.passiv.1`), or undefined for any other field. */
  statementOf(name: string): string | undefined;
  /** The scoring sheet as built for a paper size (cached: one render per paper). */
  layout(paper: Paper): Promise<SheetLayout>;
}

export const SCORING_SHEET = "v01-scoring";

/**
 * Sheets already built, by content, profile and paper: a process reading several stacks renders each
 * once. A few are kept (a server sees a new profile with every change of a draft); a render that
 * failed is forgotten.
 */
const layouts = new Memo<Promise<SheetLayout>>(8);

export async function readerContext(contentDir: string, profile: LoadedProfile): Promise<ReaderContext> {
  const toolkit = await loadContent(contentDir);
  const packFor = (paper: Paper) =>
    resolve({ toolkit, profile: { ...profile.profile, paper }, logo: profile.logo, only: [SCORING_SHEET] });
  const pack = packFor(profile.profile.paper);
  const material = scoringMaterial(pack);
  const fields = material.scoring.levels.flatMap((level) => level.statements.map((_, i) => `${material.tool.id}.${level.id}.${i + 1}`));
  const layout = (paper: Paper) => {
    const key = JSON.stringify([contentDir, toolkit.info.version, profile.profile, profile.logo?.png.length, paper]);
    return layouts.remember(key, () => buildLayout(packFor(paper), paper, new Date(`${toolkit.info.date}T00:00:00Z`)));
  };
  const byTail = new Map(fields.map((f) => [f.split(".").slice(-2).join("."), f]));
  const statementOf = (name: string) => (name.startsWith(`${material.tool.id}.`) ? byTail.get(name.split(".").slice(-2).join(".")) : undefined);
  return { pack, material, fields, layout, statementOf, date: toolkit.info.date };
}

function scoringMaterial(pack: ResolvedPack): ScoringMaterial {
  const material = pack.materials.find((m): m is ScoringMaterial => m.kind === "scoring" && m.id === SCORING_SHEET);
  if (!material) throw WorkshopkitError.of("results.noScoringSheet", { id: SCORING_SHEET });
  return material;
}

async function buildLayout(pack: ResolvedPack, paper: Paper, date: Date): Promise<SheetLayout> {
  const material = scoringMaterial(pack);
  const rendered = await renderMaterial(material, pack, date);
  const finished = await finishMaterial(material, rendered, pack.toolkit.title, date);
  const map = await readFieldMap(material.id, finished.pdf);
  const page = PAPER_POINTS[paper];
  const pages = new Map<number, Row[]>();
  for (const level of material.scoring.levels) {
    level.statements.forEach((_, i) => {
      const name = `${material.tool.id}.${level.id}.${i + 1}`;
      const field = map.fields.find((f) => f.name === name && f.type === "radio");
      if (!field || field.widgets.length === 0) throw WorkshopkitError.of("results.noBoxes", { name });
      const onPage = field.widgets[0]!.page;
      const boxes = field.widgets
        .filter((w) => w.option !== undefined)
        .map((w) => ({ option: w.option!, x: w.rect[0], y: page.height - w.rect[1] - w.rect[3], width: w.rect[2], height: w.rect[3] }))
        .sort((a, b) => a.x - b.x);
      if (!pages.has(onPage)) pages.set(onPage, []);
      pages.get(onPage)!.push({ field: name, level: level.id, statement: i + 1, boxes });
    });
  }
  return { material, key: sheetLayoutKey(material, pack.brand), version: pack.toolkit.version, paper, page, pages, pageCount: finished.pages, pdf: finished.pdf };
}
