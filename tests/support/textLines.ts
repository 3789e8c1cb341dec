// Every printed line of a PDF as MuPDF reads it (`mutool draw -F stext`): its text, size, weight and
// place on the page. Lines are what a reader sees, so hyphenation and page breaks are judged on them.
import { spawnSync } from "node:child_process";

export interface TextLine {
  /** 1-based page. */
  page: number;
  text: string;
  /** The largest font size on the line. */
  size: number;
  /** Every character of the line is in a bold face. */
  bold: boolean;
  /** Box in points, from the page's top-left corner. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PageLines {
  page: number;
  width: number;
  height: number;
  lines: TextLine[];
}

const unescape = (s: string) =>
  s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** The lines of every page of `file`, top to bottom as MuPDF orders its blocks. */
export function textLines(file: string): PageLines[] {
  const r = spawnSync("mutool", ["draw", "-F", "stext", "-o", "-", file], { encoding: "utf8", maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`mutool draw failed on ${file}: ${r.stderr}`);
  const pages: PageLines[] = [];
  for (const page of r.stdout.split("<page ").slice(1)) {
    const width = Number(/width="([\d.]+)"/.exec(page)?.[1]);
    const height = Number(/height="([\d.]+)"/.exec(page)?.[1]);
    const lines: TextLine[] = [];
    for (const m of page.matchAll(/<line bbox="([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+)"[^>]*>([\s\S]*?)<\/line>/g)) {
      const [x0, y0, x1, y1] = [1, 2, 3, 4].map((i) => Number(m[i]));
      const body = m[5]!;
      const fonts = [...body.matchAll(/<font name="([^"]*)" size="([\d.]+)">([\s\S]*?)<\/font>/g)];
      const text = [...body.matchAll(/ c="([^"]*)"/g)].map((c) => unescape(c[1]!)).join("");
      if (!text.trim()) continue;
      const weighted = fonts.filter((f) => / c="[^ "]/.test(f[3]!));
      lines.push({
        page: pages.length + 1,
        text,
        size: Math.max(0, ...fonts.map((f) => Number(f[2]))),
        bold: weighted.length > 0 && weighted.every((f) => /Bold|Black|Heavy/i.test(f[1]!)),
        x0: x0!,
        y0: y0!,
        x1: x1!,
        y1: y1!,
      });
    }
    pages.push({ page: pages.length + 1, width, height, lines });
  }
  return pages;
}
