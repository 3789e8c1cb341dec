// Between render and finish: a material whose last page holds only a little is rendered again laid
// out tighter (ruled lines 8.6 or 8.2 mm apart instead of 9; a worksheet's last page below or before
// the landscape table in front of it: templates/parts/fitting.ts); a variant is kept only when it
// saves that page (table cells a line fewer as the last resort). Pure apart from the render it is handed.
import type { Material } from "../model.js";
import { checkLayout, type TextLayout } from "../render/checkLayout.js";
import { TIGHTER_GAPS, fewerCellLines, hasLandscapeBeforeTail, hasRuledLines, type Fitted } from "../../templates/parts/fitting.js";

const MM = 72 / 25.4;
/** The page's body: below the running header (22 mm), above the footer (20 mm); see theme.ts. */
const TOP = 22 * MM;
const BOTTOM = 20 * MM;
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

/** The material's PDF, laid out tighter only where that takes a nearly empty last page away. */
export async function fitPages(material: Material, render: (material: Material) => Promise<Uint8Array>): Promise<Uint8Array> {
  const first = await render(material);
  const layout = await checkLayout(material.id, first);
  if (layout.pages.length < 2 || lastPageFill(layout) >= SPARSE || !(hasRuledLines(material) || hasLandscapeBeforeTail(material))) return first;
  // A last portrait page after a landscape one is saved only by moving it, not by tighter lines.
  const n = layout.pages.length;
  const tailAlone = hasLandscapeBeforeTail(material) && isLandscape(layout.pages[n - 2]!) && !isLandscape(layout.pages[n - 1]!);
  const tightest = TIGHTER_GAPS.at(-1)!;
  const tighter: Fitted[] = [...TIGHTER_GAPS.map((lineGap) => ({ ...material, lineGap })), { ...fewerCellLines(material), lineGap: tightest }];
  const tries: Fitted[] = tailAlone ? [{ ...material, tail: "landscape" }, { ...material, tail: "before-landscape" }, ...tighter.map((m) => ({ ...m, tail: "before-landscape" as const }))] : tighter;
  for (const variant of tries) {
    const bytes = await render(variant);
    if ((await checkLayout(material.id, bytes)).pages.length < layout.pages.length) return bytes;
  }
  return first;
}
