// Every piece of text as a PDF draws it: its colour, size, font and what lies behind it.
// Read with MuPDF's `mutool trace` (installed by .ci/run), so no code of ours decides what was drawn.
import { spawnSync } from "node:child_process";

export interface DrawnText {
  /** 1-based page. */
  page: number;
  text: string;
  /** sRGB, each 0–1. */
  colour: [number, number, number];
  /** The colour of the last filled shape under the text's first glyph; white paper where there is none. */
  background: [number, number, number];
  size: number;
  bold: boolean;
}

interface Fill {
  colour: [number, number, number];
  box: { x0: number; y0: number; x1: number; y1: number };
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const numbers = (s: string | undefined) => (s ?? "").trim().split(/\s+/).filter(Boolean).map(Number);

function colourOf(tag: string): [number, number, number] {
  const c = numbers(attr(tag, "color"));
  const space = attr(tag, "colorspace") ?? "";
  if (c.length === 1) return [c[0]!, c[0]!, c[0]!];
  if (c.length === 4 || /CMYK/.test(space)) return [0, 1, 2].map((i) => (1 - c[i]!) * (1 - c[3]!)) as [number, number, number];
  return [c[0]!, c[1]!, c[2]!];
}

const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** Every fill_text of every page of `file`, with the fill it is drawn on. */
export function drawnText(file: string): DrawnText[] {
  const r = spawnSync("mutool", ["trace", file], { encoding: "utf8", maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`mutool trace failed on ${file}: ${r.stderr}`);
  const out: DrawnText[] = [];
  let page = 0;
  let fills: Fill[] = [];
  const lines = r.stdout.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line.startsWith("<page ")) {
      page++;
      fills = [];
    } else if (line.startsWith("<fill_path ")) {
      const [a, b, c, d, e, f] = numbers(attr(line, "transform"));
      const xs: number[] = [];
      const ys: number[] = [];
      for (i++; i < lines.length && !lines[i]!.includes("</fill_path>"); i++) {
        for (const m of lines[i]!.matchAll(/x\d?="([-\d.e]+)" y\d?="([-\d.e]+)"/g)) {
          const [x, y] = [Number(m[1]), Number(m[2])];
          xs.push(a! * x + c! * y + e!);
          ys.push(b! * x + d! * y + f!);
        }
      }
      if (xs.length > 0) fills.push({ colour: colourOf(line), box: { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) } });
    } else if (line.startsWith("<fill_text ")) {
      const colour = colourOf(line);
      const [a, b, c, d, e, f] = numbers(attr(line, "transform"));
      let text = "";
      let size = 0;
      let bold = false;
      let at: { x: number; y: number } | undefined;
      for (i++; i < lines.length && !lines[i]!.includes("</fill_text>"); i++) {
        const l = lines[i]!;
        if (l.includes("<span ")) {
          const trm = numbers(attr(l, "trm"));
          size = Math.max(size, Math.hypot(trm[0]!, trm[1]!));
          bold ||= /Bold|Black|Heavy/i.test(attr(l, "font") ?? "");
        } else if (l.includes("<g ")) {
          text += unescape(attr(l, "unicode") ?? "");
          if (!at) {
            const [x, y] = [Number(attr(l, "x")), Number(attr(l, "y"))];
            at = { x: a! * x + c! * y + e!, y: b! * x + d! * y + f! };
          }
        }
      }
      if (!at || !text.trim()) continue;
      // A point inside the glyph (device space runs downwards from the top).
      const p = { x: at.x + size * 0.2, y: at.y - size * 0.3 };
      const under = fills.filter((fl) => p.x >= fl.box.x0 && p.x <= fl.box.x1 && p.y >= fl.box.y0 && p.y <= fl.box.y1).at(-1);
      out.push({ page, text, colour, background: under?.colour ?? [1, 1, 1], size, bold });
    }
  }
  return out;
}

const linear = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const luminance = ([r, g, b]: [number, number, number]) => 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);

/** WCAG 2 contrast ratio of two sRGB colours, worked out here rather than taken from src/. */
export function contrastRatio(a: [number, number, number], b: [number, number, number]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** WCAG's large text: 18 pt, or 14 pt bold. */
export const isLarge = (t: DrawnText) => t.size >= 18 || (t.bold && t.size >= 14);

export const hex = (c: [number, number, number]) => `#${c.map((v) => Math.round(v * 255).toString(16).padStart(2, "0")).join("")}`;

export interface DrawnShape {
  /** 1-based page. */
  page: number;
  /** Box in points from the page's top-left corner. */
  y0: number;
  y1: number;
  x0: number;
  x1: number;
}

/** Every filled or stroked path (rules, writing lines, boxes, tick boxes) of every page. */
export function drawnShapes(file: string): DrawnShape[] {
  const r = spawnSync("mutool", ["trace", file], { encoding: "utf8", maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`mutool trace failed on ${file}: ${r.stderr}`);
  const out: DrawnShape[] = [];
  let page = 0;
  const lines = r.stdout.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line.startsWith("<page ")) page++;
    else if (line.startsWith("<fill_path ") || line.startsWith("<stroke_path ")) {
      const [a, b, c, d, e, f] = numbers(attr(line, "transform"));
      const xs: number[] = [];
      const ys: number[] = [];
      for (i++; i < lines.length && !/<\/(fill|stroke)_path>/.test(lines[i]!); i++) {
        for (const m of lines[i]!.matchAll(/x\d?="([-\d.e]+)" y\d?="([-\d.e]+)"/g)) {
          const [x, y] = [Number(m[1]), Number(m[2])];
          xs.push(a! * x + c! * y + e!);
          ys.push(b! * x + d! * y + f!);
        }
      }
      if (xs.length > 0) out.push({ page, x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) });
    }
  }
  return out;
}
