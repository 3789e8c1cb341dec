// How the items of a list, checklist or scale are kept together over a page break: never one item
// alone at the foot or the head of a page. A short list stays whole; a longer one keeps its first
// two items together (with its title) and its last two, and may break between any others.

/** The items' indices in the groups that must not be split: [0,1,2] for 3 items; [0,1],[2],[3,4] for 5. */
export function keepTogether(count: number, whole = 3): number[][] {
  const all = Array.from({ length: count }, (_, i) => i);
  if (count <= Math.max(whole, 3)) return count > 0 ? [all] : [];
  return [all.slice(0, 2), ...all.slice(2, -2).map((i) => [i]), all.slice(-2)];
}
