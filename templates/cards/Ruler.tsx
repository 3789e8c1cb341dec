// A 100 mm calibration ruler: measured on paper, it shows whether the printer scaled the page.
import { Line, Svg, Text, View } from "@react-pdf/renderer";
import { ink, mm, TYPE } from "../theme.js";

const LENGTH = mm(100);
const PAD = 2;
/** A label's box, centred on its tick. */
const LABEL = mm(8);

export function Ruler({ caption }: { caption: string }) {
  const ticks = Array.from({ length: 101 }, (_, i) => i);
  const tick = (i: number) => (i % 10 === 0 ? mm(3) : i % 5 === 0 ? mm(2) : mm(1));
  return (
    <View wrap={false} style={{ marginTop: mm(3) }}>
      <Svg width={LENGTH + 2 * PAD} height={mm(4)} viewBox={`0 0 ${LENGTH + 2 * PAD} ${mm(4)}`}>
        <Line x1={PAD} y1={mm(3.5)} x2={PAD + LENGTH} y2={mm(3.5)} stroke={ink} strokeWidth={0.6} />
        {ticks.map((i) => (
          <Line key={i} x1={PAD + mm(i)} y1={mm(3.5)} x2={PAD + mm(i)} y2={mm(3.5) - tick(i)} stroke={ink} strokeWidth={i % 10 === 0 ? 0.6 : 0.3} />
        ))}
      </Svg>
      {/* Each number centred on its tick; the unit after the last, outside the centring. */}
      <View style={{ width: LENGTH + 2 * PAD + LABEL, height: TYPE.caption.fontSize * 1.2, marginTop: 1 }}>
        {[0, 50, 100].map((at) => (
          <Text key={at} style={{ position: "absolute", left: PAD + mm(at) - LABEL / 2, width: LABEL, textAlign: "center", fontSize: 7, lineHeight: 1.2 }}>{String(at)}</Text>
        ))}
        <Text style={{ position: "absolute", left: PAD + LENGTH + LABEL / 2 - mm(0.5), fontSize: 7, lineHeight: 1.2 }}>mm</Text>
      </View>
      <Text style={{ ...TYPE.caption, marginTop: mm(1), maxWidth: mm(130) }}>{caption}</Text>
    </View>
  );
}
