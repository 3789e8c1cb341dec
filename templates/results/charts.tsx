// The report's charts, drawn as vector graphics: a level's totals as dots over the three bands, and the
// group's profile across the five levels (this round and the earlier ones).
import { Circle, G, Line, Path, Rect, Svg, Text, View } from "@react-pdf/renderer";
import { grey, ink, mm } from "../theme.js";
import { brandInk } from "../../src/cards/colour.js";

export interface Band {
  min: number;
  max: number;
  label: string;
}

/** Band backgrounds, lightest for the lowest band: a grey ramp that prints in black and white. */
const BAND_FILLS = ["#f3f3f3", "#e6e6e6", "#d6d6d6"];
const LOW = 4, HIGH = 20;

/** Each sheet's total as a dot (equal totals stacked), the median as a line in the brand colour (its readable shade). */
export function DotPlot({ totals, median, bands, colour, width }: { totals: number[]; median: number | null; bands: Band[]; colour: string; width: number }) {
  const r = 3.2;
  const counts = new Map<number, number>();
  for (const t of totals) counts.set(t, (counts.get(t) ?? 0) + 1);
  const tallest = Math.max(1, ...counts.values());
  const plotHeight = Math.max(mm(12), tallest * (2 * r + 1) + 8);
  const pad = 8;
  const x = (v: number) => pad + ((v - LOW + 0.5) / (HIGH - LOW + 1)) * (width - 2 * pad);
  const dots: { cx: number; cy: number }[] = [];
  for (const [value, n] of counts) for (let k = 0; k < n; k++) dots.push({ cx: x(value), cy: plotHeight - 4 - r - k * (2 * r + 1) });
  return (
    <View>
      <Svg width={width} height={plotHeight}>
        {bands.map((b, i) => (
          <Rect key={i} x={x(b.min - 0.5)} y={0} width={x(b.max + 0.5) - x(b.min - 0.5)} height={plotHeight} fill={BAND_FILLS[i % BAND_FILLS.length]!} />
        ))}
        <Line x1={x(LOW - 0.5)} y1={plotHeight} x2={x(HIGH + 0.5)} y2={plotHeight} stroke={ink} strokeWidth={0.8} />
        {Array.from({ length: HIGH - LOW + 1 }, (_, i) => (
          <Line key={i} x1={x(LOW + i)} y1={plotHeight} x2={x(LOW + i)} y2={plotHeight - 3} stroke={ink} strokeWidth={0.6} />
        ))}
        {median !== null ? <Line x1={x(median)} y1={0} x2={x(median)} y2={plotHeight} stroke={brandInk(colour)} strokeWidth={2} /> : null}
        {dots.map((d, i) => (
          <Circle key={i} cx={d.cx} cy={d.cy} r={r} fill={ink} stroke="#ffffff" strokeWidth={0.6} />
        ))}
      </Svg>
      <View style={{ position: "relative", height: 11, width }}>
        {Array.from({ length: HIGH - LOW + 1 }, (_, i) => (
          <Text key={i} style={{ position: "absolute", left: x(LOW + i) - 8, width: 16, top: 1, fontSize: 7, color: grey, textAlign: "center" }}>{String(LOW + i)}</Text>
        ))}
      </View>
    </View>
  );
}

export interface ProfileSeries {
  name: string;
  /** A median per level, in level order (null: none). */
  values: (number | null)[];
  current: boolean;
}

const SERIES_GREYS = ["#9a9a9a", "#6f6f6f", "#bdbdbd", "#555555"];

/** The grey of an earlier round: the n-th earlier series, in the order drawn. */
export function seriesGrey(series: ProfileSeries[], index: number): string {
  const earlier = series.slice(0, index).filter((s) => !s.current).length;
  return SERIES_GREYS[earlier % SERIES_GREYS.length]!;
}

/** The legend's mark of a series: a dot for this round, a small square for an earlier one (as in the chart). */
export function LegendMark({ current, colour }: { current: boolean; colour: string }) {
  return (
    <Svg width={9} height={9} style={{ marginRight: 3 }}>
      {current ? <Circle cx={4.5} cy={4.5} r={3.6} fill={colour} stroke={ink} strokeWidth={0.6} /> : <Rect x={2.1} y={2.1} width={4.8} height={4.8} fill={colour} />}
    </Svg>
  );
}

/** The five levels across, 4–20 up, the bands as stripes; one line of medians per round. */
export function ProfileChart({ levels, series, bands, colour, width }: { levels: string[]; series: ProfileSeries[]; bands: Band[]; colour: string; width: number }) {
  const height = mm(55);
  const left = 22, right = 8, top = 6, bottom = 6;
  const y = (v: number) => top + (1 - (v - LOW) / (HIGH - LOW)) * (height - top - bottom);
  const x = (i: number) => left + ((i + 0.5) / levels.length) * (width - left - right);
  return (
    <View>
      <View style={{ flexDirection: "row" }}>
        <Svg width={width} height={height}>
          {bands.map((b, i) => (
            <Rect key={i} x={left} y={y(Math.min(HIGH, b.max + 0.5))} width={width - left - right} height={y(Math.max(LOW, b.min - 0.5)) - y(Math.min(HIGH, b.max + 0.5))} fill={BAND_FILLS[i % BAND_FILLS.length]!} />
          ))}
          <Line x1={left} y1={top} x2={left} y2={height - bottom} stroke={ink} strokeWidth={0.8} />
          {[4, 8, 12, 16, 20].map((v) => (
            <Line key={v} x1={left - 3} y1={y(v)} x2={left} y2={y(v)} stroke={ink} strokeWidth={0.6} />
          ))}
          {series.map((s, index) => {
            const stroke = s.current ? brandInk(colour) : seriesGrey(series, index); // a line reads on the bands' grey: the readable shade
            const points = s.values.flatMap((v, i) => (v === null ? [] : [[x(i), y(v)] as const]));
            const d = points.map(([px, py], i) => `${i === 0 ? "M" : "L"}${px.toFixed(2)} ${py.toFixed(2)}`).join(" ");
            return (
              <G key={s.name}>
                {points.length > 1 ? <Path d={d} stroke={stroke} strokeWidth={s.current ? 2.2 : 1.2} strokeDasharray={s.current ? undefined : "3 2"} fill="none" /> : null}
                {points.map(([px, py], i) =>
                  s.current ? <Circle key={i} cx={px} cy={py} r={3.6} fill={colour} stroke={ink} strokeWidth={0.6} /> : <Rect key={i} x={px - 2.4} y={py - 2.4} width={4.8} height={4.8} fill={stroke} />,
                )}
              </G>
            );
          })}
        </Svg>
      </View>
      {/* Axis labels as text, in the report's typeface. */}
      <View style={{ position: "absolute", left: 0, top: 0, width: left - 4, height }}>
        {[4, 8, 12, 16, 20].map((v) => (
          <Text key={v} style={{ position: "absolute", top: y(v) - 4, right: 0, fontSize: 7, color: grey, textAlign: "right" }}>{String(v)}</Text>
        ))}
      </View>
      <View style={{ position: "absolute", left: left + 4, top: 0, width: width - left - right - 8, height }}>
        {bands.map((b, i) => (
          <Text key={i} style={{ position: "absolute", right: 0, top: y(Math.min(HIGH, b.max + 0.5)) + 2, fontSize: 7, color: grey }}>{`${b.min}–${b.max} ${b.label}`}</Text>
        ))}
      </View>
      <View style={{ flexDirection: "row", marginLeft: left, marginRight: right }}>
        {levels.map((name) => (
          <Text key={name} style={{ flex: 1, fontSize: 8, fontWeight: 700, textAlign: "center" }}>{name}</Text>
        ))}
      </View>
    </View>
  );
}
