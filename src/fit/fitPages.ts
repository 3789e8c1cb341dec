// Between render and finish: a material whose last page holds only a little is rendered again with
// its writing spaces a line or two shorter, or with a worksheet's last pages on the landscape page
// before them (templates/parts/giveLines.ts); a variant is kept only when it saves that page.
// Pure apart from the render it is handed.
import type { Material } from "../model.js";
import { checkLayout, type TextLayout } from "../render/checkLayout.js";
import { MAX_GIVE, canGive, giveLines, hasLandscapeBeforeTail, type Fitted } from "../../templates/parts/giveLines.js";

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

/** The material's PDF, with less writing room only where that takes a nearly empty last page away. */
export async function fitPages(material: Material, render: (material: Material) => Promise<Uint8Array>): Promise<Uint8Array> {
  const first = await render(material);
  const layout = await checkLayout(material.id, first);
  if (layout.pages.length < 2 || lastPageFill(layout) >= SPARSE || !(canGive(material) || hasLandscapeBeforeTail(material))) return first;
  // A last portrait page after a landscape one cannot be saved by shorter writing spaces alone.
  const n = layout.pages.length;
  const tailAlone = hasLandscapeBeforeTail(material) && isLandscape(layout.pages[n - 2]!) && !isLandscape(layout.pages[n - 1]!);
  // Least change first: a line less, two lines less; then the tail below the landscape table, or before it.
  const tries: Fitted[] = tailAlone
    ? [{ ...material, tail: "landscape" }, { ...material, tail: "before-landscape" }, { ...giveLines(material, MAX_GIVE), tail: "before-landscape" }]
    : Array.from({ length: MAX_GIVE }, (_, i) => giveLines(material, i + 1));
  for (const variant of tries) {
    const bytes = await render(variant);
    if ((await checkLayout(material.id, bytes)).pages.length < layout.pages.length) return bytes;
  }
  return first;
}
