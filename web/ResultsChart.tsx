// The group's profile as the report draws it: the five levels across, 4–20 up, the bands as stripes,
// this round's medians in the brand colour and earlier rounds in grey; the table below says the same in words.
import type { Band, ResultsView } from "./ResultsApi.js";

const LOW = 4, HIGH = 20;
const BAND_FILLS = ["#f3f3f3", "#e6e6e6", "#d6d6d6"];
const GREYS = ["#767676", "#5a5a5a", "#8a8a8a"];

export const number = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1).replace(".", ","));

export function ProfileChart({ levels, bands, history, colour }: { levels: string[]; bands: Band[]; history: NonNullable<ResultsView["round"]>["history"]; colour: string }) {
  const width = 640, height = 260, left = 34, right = 150, top = 10, bottom = 34;
  const y = (v: number) => top + (1 - (v - LOW) / (HIGH - LOW)) * (height - top - bottom);
  const x = (i: number) => left + ((i + 0.5) / levels.length) * (width - left - right);
  let earlier = 0;
  const strokes = history.map((s) => (s.current ? colour : GREYS[earlier++ % GREYS.length]!));
  earlier = 0;
  return (
    <>
    <svg className="results-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="results-chart-title">
      <title id="results-chart-title">Gruppens profil: medianen for hvert niveau{history.length > 1 ? ", denne runde og de tidligere" : ""}</title>
      {bands.map((b, i) => (
        <g key={b.label}>
          <rect x={left} y={y(Math.min(HIGH, b.max + 0.5))} width={width - left - right} height={y(Math.max(LOW, b.min - 0.5)) - y(Math.min(HIGH, b.max + 0.5))} fill={BAND_FILLS[i % BAND_FILLS.length]} />
          <text x={width - right + 6} y={y(Math.min(HIGH, b.max + 0.5)) + 14} className="results-chart-band">{`${b.min}–${b.max} ${b.label}`}</text>
        </g>
      ))}
      <line x1={left} y1={top} x2={left} y2={height - bottom} stroke="#1a1a1a" />
      {[4, 8, 12, 16, 20].map((v) => (
        <text key={v} x={left - 6} y={y(v) + 4} textAnchor="end" className="results-chart-axis">{v}</text>
      ))}
      {levels.map((name, i) => (
        <text key={name} x={x(i)} y={height - 12} textAnchor="middle" className="results-chart-level">{name}</text>
      ))}
      {history.map((s) => {
        const stroke = s.current ? colour : GREYS[earlier++ % GREYS.length]!;
        const points = s.medians.flatMap((v, i) => (v === null ? [] : [[x(i), y(v)] as const]));
        return (
          <g key={s.name}>
            {points.length > 1 && <path d={points.map(([px, py], i) => `${i ? "L" : "M"}${px} ${py}`).join(" ")} stroke={stroke} strokeWidth={s.current ? 3 : 1.5} strokeDasharray={s.current ? undefined : "5 3"} fill="none" />}
            {points.map(([px, py], i) => (s.current ? <circle key={i} cx={px} cy={py} r={6} fill={colour} stroke="#1a1a1a" /> : <rect key={i} x={px - 4} y={py - 4} width={8} height={8} fill={stroke} />))}
          </g>
        );
      })}
    </svg>
    {history.length > 1 && (
      <ul className="chart-legend" aria-label="Runderne i grafen">
        {history.map((s, i) => (
          <li key={s.name} className={s.current ? "is-current" : undefined}>
            <span className={`chart-legend-mark${s.current ? " chart-legend-mark--current" : ""}`} style={{ background: strokes[i] }} aria-hidden="true" />
            {s.name}
            {s.current ? " (denne runde)" : ""}
          </li>
        ))}
      </ul>
    )}
    </>
  );
}
