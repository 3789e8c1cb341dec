// Pen marks as people make them on the scoring sheet: several pens (a thin or firm ballpoint, a light
// grainy pencil, a felt tip, a marker) and kinds of mark (cross, tick, stroke, filled box, a ring around
// the number or the box, a tick that spills into the next box, a cross larger than its box, and the
// scribble or fill that cancels an answer; a cross with one arm run on into the next box, a ring
// around the box drawn high, into the surround of the row above, a ring around the number that
// runs over into the next box). Drawn in page points as SVG; the pencil's grain is added
// per pixel when the layer is laid onto the paper (paper/page.ts).
import type { Row } from "../../../src/results/sheetLayout.js";

export type PenKind = "ballpoint" | "thin ballpoint" | "pencil" | "felt tip" | "marker";
export type MarkKind = "cross" | "big cross" | "tick" | "spilling tick" | "stroke" | "fill" | "ring number" | "ring box" | "scribble" | "dot"
  | "spilling cross" | "ring up" | "spilling ring";

export interface Pen {
  kind: PenKind;
  colour: [number, number, number];
  /** Line width in points. */
  width: number;
  /** How much of the colour reaches the paper (pressure). */
  opacity: number;
  /** 0: even ink; up to 1: graphite that leaves the paper's tooth showing. */
  grain: number;
}

export interface DrawnMark {
  field: string;
  option: string;
  kind: MarkKind;
  pen: Pen;
}

const INKS: Record<string, [number, number, number]> = {
  blue: [27, 42, 107], black: [30, 30, 34], red: [190, 30, 40], green: [20, 110, 60], graphite: [70, 70, 72], violet: [70, 40, 120],
};

/** A pen of the kind with its natural spread of colour, width and pressure. */
export function pen(kind: PenKind, rnd: () => number): Pen {
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  switch (kind) {
    case "ballpoint": return { kind, colour: INKS[pick(["blue", "blue", "black"])]!, width: 0.7 + rnd() * 0.35, opacity: 0.85 + rnd() * 0.15, grain: 0.15 };
    case "thin ballpoint": return { kind, colour: INKS[pick(["blue", "black", "violet"])]!, width: 0.4 + rnd() * 0.2, opacity: 0.55 + rnd() * 0.3, grain: 0.35 };
    case "pencil": return { kind, colour: INKS.graphite!, width: 0.6 + rnd() * 0.5, opacity: 0.3 + rnd() * 0.4, grain: 0.5 + rnd() * 0.4 };
    case "felt tip": return { kind, colour: INKS[pick(["black", "blue", "red", "green"])]!, width: 1.6 + rnd() * 0.9, opacity: 0.9 + rnd() * 0.1, grain: 0.05 };
    case "marker": return { kind, colour: INKS[pick(["black", "blue"])]!, width: 3 + rnd() * 1.6, opacity: 0.95, grain: 0.03 };
  }
}

export const hex = (c: [number, number, number]) => `#${c.map((v) => v.toString(16).padStart(2, "0")).join("")}`;

/** The SVG of one mark in page points (the caller scales to pixels). */
export function markSvg(row: Row, mark: DrawnMark, rnd: () => number): string {
  const index = row.boxes.findIndex((b) => b.option === mark.option);
  const box = row.boxes[index];
  if (!box) return "";
  const { x, y, width: w, height: h } = box;
  const cx = x + w / 2, cy = y + h / 2;
  const p = mark.pen;
  const j = (k = 1) => (rnd() - 0.5) * 2.4 * k; // a hand is never exact
  const stroke = `stroke="${hex(p.colour)}" stroke-opacity="${p.opacity.toFixed(3)}" stroke-width="${p.width.toFixed(2)}" stroke-linecap="round" stroke-linejoin="round" fill="none"`;
  const path = (d: string) => `<path ${stroke} d="${d}"/>`;
  // A hand's line bends a little: each segment is a quadratic curve through a displaced middle.
  const line = (x0: number, y0: number, x1: number, y1: number) => {
    const mx = (x0 + x1) / 2 + j(0.6), my = (y0 + y1) / 2 + j(0.6);
    return `M${x0.toFixed(2)} ${y0.toFixed(2)} Q${mx.toFixed(2)} ${my.toFixed(2)} ${x1.toFixed(2)} ${y1.toFixed(2)}`;
  };
  const size = 0.75 + rnd() * 0.25;
  switch (mark.kind) {
    case "cross": {
      const r = (w / 2) * size;
      return path(`${line(cx - r + j(), cy - r + j(), cx + r + j(), cy + r + j())} ${line(cx + r + j(), cy - r + j(), cx - r + j(), cy + r + j())}`);
    }
    case "big cross": {
      const r = (w / 2) * (1.2 + rnd() * 0.3);
      return path(`${line(cx - r + j(), cy - r + j(), cx + r + j(), cy + r + j())} ${line(cx + r + j(), cy - r + j(), cx - r + j(), cy + r + j())}`);
    }
    case "tick":
      return path(`M${x + w * 0.15 + j()} ${cy + j()} L${x + w * 0.42 + j(0.5)} ${y + h * 0.85 + j(0.5)} L${x + w * (0.9 + rnd() * 0.15)} ${y + h * (0.05 - rnd() * 0.2)}`);
    case "spilling tick": {
      // The long arm runs on over the right border, into the gap or the next box.
      const reach = 1.05 + rnd() * 0.5;
      return path(`M${x + w * 0.15 + j()} ${cy + j()} L${x + w * 0.42 + j(0.5)} ${y + h * 0.85 + j(0.5)} L${x + w * reach} ${y - h * (0.1 + rnd() * 0.3)}`);
    }
    case "stroke":
      return rnd() < 0.7
        ? path(line(x + w * 0.85 + j(), y + h * 0.1 + j(), x + w * 0.15 + j(), y + h * 0.9 + j()))
        : path(line(x + w * 0.1 + j(), cy + j(0.5), x + w * 0.9 + j(), cy + j(0.5)));
    case "dot":
      return `<circle cx="${cx + j()}" cy="${cy + j()}" r="${Math.max(1.6, p.width)}" fill="${hex(p.colour)}" fill-opacity="${p.opacity}"/>`;
    case "fill":
    case "scribble": {
      // A marker or felt tip fills with a few broad strokes; a ballpoint or pencil with a dense zigzag.
      const over = mark.kind === "scribble" ? 0.5 + rnd() * 2 : 0;
      const step = Math.max(p.width * (mark.kind === "fill" ? 0.8 : 1.4), 0.8);
      const parts: string[] = [];
      let down = true;
      for (let yy = y + 1 - over; yy <= y + h - 1 + over; yy += step) {
        const x0 = x + 1 - over + j(0.3), x1 = x + w - 1 + over + j(0.3);
        parts.push(down ? `M${x0} ${yy} L${x1} ${yy + step * 0.5}` : `M${x1} ${yy} L${x0} ${yy + step * 0.5}`);
        down = !down;
      }
      if (mark.kind === "scribble") parts.push(line(x - over, y - over, x + w + over, y + h + over), line(x + w + over, y - over, x - over, y + h + over));
      return path(parts.join(" "));
    }
    case "ring number":
      return `<ellipse ${stroke} cx="${cx + j(0.4)}" cy="${cy + j(0.4)}" rx="${w * (0.3 + rnd() * 0.08)}" ry="${h * (0.34 + rnd() * 0.08)}" transform="rotate(${(rnd() - 0.5) * 30} ${cx} ${cy})"/>`;
    case "ring box":
      return `<ellipse ${stroke} cx="${cx + j(0.5)}" cy="${cy + j(0.5)}" rx="${w * (0.6 + rnd() * 0.1)}" ry="${h * (0.58 + rnd() * 0.1)}"/>`;
    case "spilling cross": {
      // One arm runs on over a side border, towards the next box (either side).
      const r = (w / 2) * size, side = rnd() < 0.5 ? -1 : 1, run = w * (0.6 + rnd() * 0.35);
      return path(`${line(cx - r + j(), cy - r + j(), cx + r + j(), cy + r + j())} ${line(cx - side * r + j(), cy + r + j(), cx + side * run + j(0.5), cy - r - rnd() * 2)}`);
    }
    case "ring up": {
      // A ring around the box drawn high: its top in the 3 pt surround below the row above (rows are 6.8 pt apart).
      const top = y - 4 - rnd() * 2.5, bottom = y + h + 0.5 + rnd() * 2.5;
      return `<ellipse ${stroke} cx="${cx + j(0.5)}" cy="${((top + bottom) / 2).toFixed(2)}" rx="${w * (0.58 + rnd() * 0.12)}" ry="${((bottom - top) / 2).toFixed(2)}"/>`;
    }
    case "spilling ring": {
      // A ring around the number, too wide: one side over the border, into the gap or the next box.
      const side = rnd() < 0.5 ? -1 : 1, rx = w * (0.55 + rnd() * 0.25);
      return `<ellipse ${stroke} cx="${cx + side * w * 0.15 + j(0.3)}" cy="${cy + j(0.4)}" rx="${rx.toFixed(2)}" ry="${h * (0.36 + rnd() * 0.1)}"/>`;
    }
  }
}
