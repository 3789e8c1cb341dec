// Between render and finish: a material whose last page holds only a little is rendered again laid
// out tighter (ruled lines 8.6 or 8.2 mm apart instead of 9; a worksheet's last page below or before
// the landscape table in front of it: templates/parts/fitting.ts); a variant is kept only when it
// saves that page (table cells a line fewer as the last resort). A variant the first layout shows
// cannot save a page is not rendered (src/fit/cannotSave.ts). Pure apart from the render it is handed.
import type { Material } from "../model.js";
import { checkLayout, type TextLayout } from "../render/checkLayout.js";
import type { Checked, Rendered } from "../render/renderMaterial.js";
import { TIGHTER_GAPS, fewerCellLines, hasLandscapeBeforeTail, hasRuledLines, type Fitted } from "../../templates/parts/fitting.js";
import { cannotSave } from "./cannotSave.js";
import { BODY_BOTTOM as BOTTOM, BODY_TOP as TOP, pageFacts } from "./pageFacts.js";
/** A last page whose text ends above this share of its body is worth trying to save. */
const SPARSE = 0.45;

/** How far down its body the last page's text reaches (0 to 1). Writing lines under the last label are not text: a low estimate. */
export function lastPageFill(layout: TextLayout): number {
  const n = layout.pages.length;
  const { height } = layout.pages[n - 1]!;
  const ys = layout.runs.filter((r) => r.page === n && r.y > BOTTOM && r.y < height - TOP).map((r) => r.y);
  if (ys.length === 0) return 0;
  return (height - TOP - Math.min(...ys)) / (height - TOP - BOTTOM);
}

const isLandscape = (page: { width: number; height: number }) => page.width > page.height;

/** The variants to try, in order, once the first layout's last page is found nearly empty. */
export function variants(material: Material, layout: TextLayout): Fitted[] {
  // A last portrait page after a landscape one is saved only by moving it, not by tighter lines.
  const n = layout.pages.length;
  const tailAlone = hasLandscapeBeforeTail(material) && isLandscape(layout.pages[n - 2]!) && !isLandscape(layout.pages[n - 1]!);
  const tightest = TIGHTER_GAPS.at(-1)!;
  const tighter: Fitted[] = [...TIGHTER_GAPS.map((lineGap) => ({ ...material, lineGap })), { ...fewerCellLines(material), lineGap: tightest }];
  return tailAlone ? [{ ...material, tail: "landscape" }, { ...material, tail: "before-landscape" }, ...tighter.map((m) => ({ ...m, tail: "before-landscape" as const }))] : tighter;
}

/** Whether a first layout is worth laying out again: more than one page, a nearly empty last page, and something to tighten. */
export const worthFitting = (material: Material, layout: TextLayout) =>
  layout.pages.length >= 2 && lastPageFill(layout) < SPARSE && (hasRuledLines(material) || hasLandscapeBeforeTail(material));

/** The material rendered, laid out tighter only where that takes a nearly empty last page away; its layout checked (checkLayout). */
export async function fitPages(material: Material, render: (material: Material) => Promise<Rendered>): Promise<Checked> {
  const checked = async (m: Material): Promise<Checked> => {
    const rendered = await render(m);
    return { ...rendered, layout: await checkLayout(material.id, rendered) };
  };
  const first = await checked(material);
  const { layout } = first;
  if (!worthFitting(material, layout)) return first;
  const pages = await pageFacts(first);
  for (const variant of variants(material, layout)) {
    if (cannotSave(material, variant, pages)) continue;
    const tighter = await checked(variant);
    if (tighter.layout.pages.length < layout.pages.length) return tighter;
  }
  return first;
}
