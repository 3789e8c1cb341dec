// Værktøj 1's maturity scoring sheet: five levels of four statements, a 1–5 box per statement
// (a radio group on screen), a total per level, the band legend and the five-level profile row.
import { Fragment } from "react";
import { Text, View } from "@react-pdf/renderer";
import type { Brand, Material, ResolvedPack } from "../src/model.js";
import { encodePageCode, MARK, markCentres, QR, qrSize, sheetLayoutKey } from "../src/results/pageCode.js";
import type { Palette } from "../src/brand/brandParts.js";
import { BandLegend } from "./parts/BandLegend.js";
import { FieldMark } from "./parts/FieldMark.js";
import { FRAME_SIDE, PageFrame } from "./parts/PageFrame.js";
import { QrCode } from "./parts/QrCode.js";
import { grey, mm, rule, styles } from "./theme.js";

type ScoringMaterial = Extract<Material, { kind: "scoring" }>;
type Level = ScoringMaterial["scoring"]["levels"][number];

const SCORES = ["1", "2", "3", "4", "5"];
/** A score box: big enough to tick with a pen, and a radio button on screen. */
const BOX = 15;
const BOX_GAP = 6;
const SCORE_COLUMN = SCORES.length * (BOX + BOX_GAP) + BOX_GAP;
const TOTAL_BOX = { width: 34, height: 20 };
const line = { borderBottomWidth: 0.6, borderBottomColor: rule } as const;
/** A changed answer as the reader of paper sheets reads it: the old box filled, the new one marked. */
const CHANGE_ANSWER = "Vil du ændre et svar? Udfyld det forkerte felt helt, og sæt kryds i det rigtige.";

/** Field names: `v01.passiv.1` … `v01.passiv.4`, `v01.passiv.total`, `v01.passiv.band`. */
const fieldName = (material: ScoringMaterial, level: Level, leaf: string) => `${material.tool.id}.${level.id}.${leaf}`;

function ScoreBoxes({ name, label }: { name: string; label: string }) {
  return (
    <View style={{ width: SCORE_COLUMN, flexDirection: "row", justifyContent: "center" }}>
      {SCORES.map((score) => (
        <FieldMark key={score} field={{ type: "radio", name, option: score, label }} style={{ width: BOX, height: BOX, marginHorizontal: BOX_GAP / 2, borderWidth: 0.9, borderColor: "#333333", justifyContent: "center" }}>
          <Text style={{ fontSize: 7, lineHeight: 1, color: grey, textAlign: "center" }}>{score}</Text>
        </FieldMark>
      ))}
    </View>
  );
}

const totalBoxStyle = { ...TOTAL_BOX, borderWidth: 1.2, borderColor: "#333333" } as const;

function TotalBox({ name, label }: { name: string; label: string }) {
  return <FieldMark field={{ type: "text", name, label, align: "center", fontSize: 11, maxLength: 2 }} style={totalBoxStyle} />;
}

function LevelTable({ material, level, palette }: { material: ScoringMaterial; level: Level; palette: Palette }) {
  const { scoring, labels } = material;
  const caution = labels.cautionLevels.includes(level.id);
  return (
    <View wrap={false} style={{ marginBottom: mm(4) }}>
      <View style={{ flexDirection: "row", alignItems: "flex-end", borderTopWidth: 2.5, borderTopColor: palette.brand, paddingTop: mm(1.2), paddingBottom: mm(1), ...line }}>
        <View style={{ flex: 1 }}>
          <Text style={{ fontSize: 12, fontWeight: 700 }}>{level.name}</Text>
          <Text style={{ fontSize: 8.5, color: grey }}>
            {level.description}
            {caution ? ` · ${labels.cautionNote}` : ""}
          </Text>
        </View>
        <Text style={{ width: SCORE_COLUMN, fontSize: 8, fontWeight: 700, textAlign: "center" }}>{scoring.scoreHeader}</Text>
      </View>
      {level.statements.map((statement, i) => (
        <View key={i} style={{ flexDirection: "row", alignItems: "center", minHeight: BOX + mm(2.4), paddingVertical: mm(0.8), ...line }}>
          {/* The number sits on the statement's first line, however many lines it takes. */}
          <View style={{ flex: 1, flexDirection: "row", paddingRight: mm(2) }}>
            <Text style={{ width: mm(5), fontSize: 9.5, lineHeight: 1.3, color: grey }}>{`${i + 1}.`}</Text>
            <Text style={{ flex: 1, fontSize: 9.5, lineHeight: 1.3 }}>{statement}</Text>
          </View>
          <ScoreBoxes name={fieldName(material, level, `${i + 1}`)} label={`${level.name}: ${statement}`} />
        </View>
      ))}
      <View style={{ flexDirection: "row", alignItems: "center", justifyContent: "flex-end", paddingTop: mm(1.2) }}>
        <Text style={{ fontSize: 10, fontWeight: 700, marginRight: mm(3) }}>{`${scoring.totalLabel} (${level.name})`}</Text>
        <View style={{ width: SCORE_COLUMN, alignItems: "center" }}>
          <TotalBox name={fieldName(material, level, "total")} label={`${scoring.totalLabel} (${level.name})`} />
        </View>
      </View>
    </View>
  );
}

function ProfileRow({ material, palette }: { material: ScoringMaterial; palette: Palette }) {
  const { scoring, labels } = material;
  return (
    <View wrap={false}>
      <Text style={{ ...styles.h2, color: palette.ink }}>{labels.profileTitle}</Text>
      <Text style={{ fontSize: 9.5, marginBottom: mm(2) }}>{labels.profileNote}</Text>
      <View style={{ flexDirection: "row" }}>
        {scoring.levels.map((level, i) => (
          <View key={level.id} style={{ flex: 1, borderWidth: 0.8, borderColor: "#333333", borderLeftWidth: i === 0 ? 0.8 : 0, borderTopWidth: 2.5, borderTopColor: palette.brand, padding: mm(2) }}>
            <Text style={{ fontSize: 9.5, fontWeight: 700, textAlign: "center", marginBottom: mm(2) }}>{level.name}</Text>
            <Text style={{ fontSize: 8, color: grey }}>{labels.score}</Text>
            <View style={{ alignItems: "center", marginBottom: mm(2) }}>
              {/* Printed for the pen, not a second widget of the total: a field with two widgets is saved where
                  other readers do not look by poppler 22 (Evince on Debian 12), and the total would be lost. */}
              <View style={totalBoxStyle} />
            </View>
            <Text style={{ fontSize: 8, color: grey }}>{labels.band}</Text>
            <FieldMark field={{ type: "text", name: fieldName(material, level, "band"), label: `${labels.band} (${level.name})`, fontSize: 9 }} style={{ height: mm(8), ...line }} />
          </View>
        ))}
      </View>
    </View>
  );
}

/**
 * What a reader of the paper sheet needs, and a person barely notices: a small square in each corner
 * (registration) and, in the left margin, a QR page code naming material, version, page and paper
 * (workshopkit results). Geometry in src/results/pageCode.ts, shared with the reader.
 */
function ReadingMarks({ material, brand, version }: { material: ScoringMaterial; brand: Brand; version: string }) {
  const half = MARK.size / 2;
  const layout = sheetLayoutKey(material, brand);
  return (
    <>
      {markCentres(brand.paper).map(([x, y], i) => (
        <View key={i} fixed style={{ position: "absolute", left: x - half, top: y - half, width: MARK.size, height: MARK.size, backgroundColor: "#000000" }} />
      ))}
      <View
        fixed
        style={{ position: "absolute", left: QR.left, top: QR.top }}
        render={({ pageNumber }) => {
          const code = encodePageCode({ material: material.id, version, page: pageNumber, paper: brand.paper, layout });
          return <QrCode value={code} size={qrSize(code)} />;
        }}
      />
    </>
  );
}

export function ScoringTemplate({ material, brand, pack }: { material: ScoringMaterial; brand: Brand; pack: ResolvedPack }) {
  const { tool, scoring } = material;
  const intro = tool.intro.flatMap((b) => (b.type === "paragraph" ? [b.text] : []));
  const announcing = intro.findIndex((text) => text.trimEnd().endsWith(":"));
  const changeAt = announcing < 0 ? intro.length : announcing;
  // The step's other paragraphs (the closing remark under the sheet in the source).
  const after = tool.steps.flatMap((s) => s.blocks).flatMap((b) => (b.type === "paragraph" ? [b.text] : []));
  return (
    <PageFrame brand={brand} title={material.title} markWidth={QR.left - FRAME_SIDE - mm(3)}>
      <ReadingMarks material={material} brand={brand} version={pack.toolkit.version} />
      {/* On every page, in the flow: the text starts a little lower, below the page code. */}
      <View fixed style={{ height: QR.clearance }} />
      <Text style={{ ...styles.kicker, color: brand.palette.ink }}>{material.title.toUpperCase()}</Text>
      <Text style={styles.h1}>{tool.title}</Text>
      {intro.map((text, i) => (
        <Fragment key={i}>
          {/* How to change an answer so that the reader of the paper sheet knows (src/results/readBoxes.ts): after the instructions, before the sentence that announces the levels. */}
          {i === changeAt && <Text style={{ fontSize: 9, fontWeight: 700, marginBottom: mm(1.5) }}>{CHANGE_ANSWER}</Text>}
          <Text style={{ ...styles.paragraph, fontSize: 9.5 }}>{text}</Text>
        </Fragment>
      ))}
      {changeAt === intro.length && <Text style={{ fontSize: 9, fontWeight: 700, marginTop: mm(0.5) }}>{CHANGE_ANSWER}</Text>}
      <View style={{ height: mm(2) }} />
      {scoring.levels.map((level) => (
        <LevelTable key={level.id} material={material} level={level} palette={brand.palette} />
      ))}
      <BandLegend material={material} palette={brand.palette} />
      <ProfileRow material={material} palette={brand.palette} />
      {after.map((text, i) => (
        <Text key={i} style={{ ...styles.paragraph, fontSize: 9, color: grey, marginTop: mm(3) }}>{text}</Text>
      ))}
    </PageFrame>
  );
}
