// Line breaking by font metrics, before rendering: the fewest lines that fit, balanced, words kept whole.
/** Width in points of `text` at `size` (src/fonts.ts textWidth: fontkit's metrics of the very font react-pdf embeds). */
export type Measure = (text: string, size: number, bold: boolean) => number;

export interface Fitted {
  size: number;
  lines: string[];
}

export interface BreakOptions {
  maxLines: number;
  /** Splits a word at its hyphenation points; used only for a word wider than the line. */
  hyphenate?: (word: string) => string[];
}

/** react-pdf and fontkit agree to a fraction of a point; this keeps a line from wrapping again on rendering. */
const SAFETY = 1.5;
/** A line that ends in a one- or two-letter word ("PÅ", "og") reads badly: count it this much wider. */
const SHORT_END_PENALTY = 0.12;

interface Token {
  text: string;
  /** False for the rest of a hyphenated word: no space before it, and a hyphen where a line breaks at it. */
  space: boolean;
}

function tokens(text: string, width: number, measure: (s: string) => number, hyphenate?: (w: string) => string[]): Token[] | undefined {
  const out: Token[] = [];
  // Only ordinary spaces break: a no-break space (typography: "15 min.") keeps its words together.
  for (const word of text.split(" ").filter(Boolean)) {
    if (measure(word) <= width) {
      out.push({ text: word, space: true });
      continue;
    }
    const parts = hyphenate?.(word) ?? [word];
    if (parts.some((p, i) => measure(i < parts.length - 1 ? `${p}-` : p) > width)) return undefined;
    parts.forEach((p, i) => out.push({ text: p, space: i === 0 }));
  }
  return out;
}

function lineText(ts: Token[], from: number, to: number, next: Token | undefined): string {
  let s = "";
  for (let i = from; i < to; i++) s += (i > from && ts[i]!.space ? " " : "") + ts[i]!.text;
  return next && !next.space ? `${s}-` : s;
}

/**
 * Breaks `text` into the fewest lines no wider than `width` (at most `maxLines`), and among those
 * the most even, so a topic reads "ARBEJDSLIV / OG PRIVATLIV?" rather than a long line and a stub.
 * Undefined when it does not fit.
 */
export function breakLines(text: string, width: number, size: number, bold: boolean, measure: Measure, o: BreakOptions): string[] | undefined {
  const limit = width - SAFETY;
  const m = (s: string) => measure(s, size, bold);
  const ts = tokens(text, limit, m, o.hyphenate);
  if (!ts || ts.length === 0) return ts && [];
  const n = ts.length;
  // The penalised width of a line of tokens i..j-1; Infinity when it does not fit.
  const cost = (i: number, j: number): number => {
    const s = lineText(ts, i, j, ts[j]);
    const w = m(s);
    if (w > limit) return Infinity;
    const last = ts[j - 1]!.text.replace(/[^\p{L}]/gu, "");
    const shortEnd = j < n && ts[j]!.space && last.length > 0 && last.length <= 2;
    const hyphen = j < n && !ts[j]!.space;
    return w + (shortEnd ? SHORT_END_PENALTY * width : 0) + (hyphen ? 0.25 * width : 0);
  };
  for (let lines = 1; lines <= o.maxLines; lines++) {
    // best[k][j]: the least worst-line cost of setting tokens 0..j-1 on k lines, and where its last line starts.
    const best: { cost: number; from: number }[][] = [[{ cost: 0, from: 0 }, ...Array.from({ length: n }, () => ({ cost: Infinity, from: -1 }))]];
    for (let k = 1; k <= lines; k++) {
      const row = Array.from({ length: n + 1 }, () => ({ cost: Infinity, from: -1 }));
      for (let j = 1; j <= n; j++)
        for (let i = 0; i < j; i++) {
          const prev = best[k - 1]![i]!.cost;
          if (prev === Infinity) continue;
          const c = Math.max(prev, cost(i, j));
          if (c < row[j]!.cost) row[j] = { cost: c, from: i };
        }
      best.push(row);
    }
    if (best[lines]![n]!.cost === Infinity) continue;
    const out: string[] = [];
    let j = n;
    for (let k = lines; k > 0; k--) {
      const i = best[k]![j]!.from;
      out.unshift(lineText(ts, i, j, ts[j]));
      j = i;
    }
    return out;
  }
  return undefined;
}

/** Sizes from `max` down to `min` in steps of `step`, largest first. */
export function sizesDown(max: number, min: number, step = 0.5): number[] {
  const out: number[] = [];
  for (let s = max; s >= min - 1e-9; s -= step) out.push(Math.round(s * 100) / 100);
  return out;
}
