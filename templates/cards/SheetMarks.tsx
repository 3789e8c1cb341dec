// Crop marks of a card sheet, and the coloured backgrounds of card backs (bleeding past the cut), as one page-size drawing.
import { Line, Rect as SvgRect, Svg } from "@react-pdf/renderer";
import type { Rect, Sheet } from "../../src/cards/impose.js";
import { ink } from "../theme.js";

/** Hairline marks in full black: they must show on any printer and in grey. */
const MARK_WIDTH = 0.3;

export function SheetMarks({ sheet, fills = [], colour }: { sheet: Sheet; fills?: Rect[]; colour?: string }) {
  const { width, height } = sheet.page;
  return (
    // `fixed`: react-pdf would otherwise refuse a drawing as tall as the page (its page height is rounded).
    <Svg fixed width={width} height={height} viewBox={`0 0 ${width} ${height}`} style={{ position: "absolute", top: 0, left: 0 }}>
      {fills.map((r, i) => (
        <SvgRect key={`f${i}`} x={r.x} y={r.y} width={r.width} height={r.height} fill={colour ?? ink} />
      ))}
      {sheet.marks.map((m, i) => (
        <Line key={`m${i}`} x1={m.x1} y1={m.y1} x2={m.x2} y2={m.y2} stroke={ink} strokeWidth={MARK_WIDTH} />
      ))}
    </Svg>
  );
}
