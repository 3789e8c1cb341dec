// The maturity scoring of Værktøj 1 inside its worksheet: per level, four statements each scored
// 1–5 (a ring per score, a radio group per statement) and a box for the level's total.
import { Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import type { Block } from "../../src/schema/content.js";
import { grey, mm, rule } from "../theme.js";
import { fieldName, type BlockContext } from "./blockContext.js";
import { FieldMark } from "./FieldMark.js";
import { ringStyle, tickBoxStyle } from "./WriteLines.js";

type Scoring = Extract<Block, { type: "scoring" }>;

const SCORES = ["1", "2", "3", "4", "5"];
const SCORE_WIDTH = mm(7.5);
const SCORE_COLUMN = SCORES.length * SCORE_WIDTH + mm(3);
const line = { borderBottomWidth: 0.6, borderBottomColor: rule } as const;

function Scores({ name, label }: { name: string; label: string }) {
  return (
    <View style={{ width: SCORE_COLUMN, flexDirection: "row", justifyContent: "center" }}>
      {SCORES.map((score) => (
        <View key={score} style={{ width: SCORE_WIDTH, alignItems: "center" }}>
          <FieldMark field={{ type: "radio", name, option: score, label }} style={ringStyle} />
          <Text style={{ fontSize: 7.5, lineHeight: 1.2, marginTop: mm(0.6) }}>{score}</Text>
        </View>
      ))}
    </View>
  );
}

function Level({ block, level, ctx, lead }: { block: Scoring; level: Scoring["levels"][number]; ctx: BlockContext; lead?: ReactNode }) {
  return (
    <View wrap={false} style={{ marginBottom: mm(4) }}>
      {lead}
      <View style={{ flexDirection: "row", alignItems: "flex-end", borderTopWidth: 2, borderTopColor: ctx.palette.line, paddingTop: mm(1.2), paddingBottom: mm(1), ...line }}>
        <View style={{ flex: 1 }}>
          <Text style={{ fontWeight: 700 }}>{`${level.name} – ${block.statementHeader}`}</Text>
          <Text style={{ fontSize: 8.5, color: grey }}>{level.description}</Text>
        </View>
        <Text style={{ width: SCORE_COLUMN, fontSize: 8.5, fontWeight: 700, textAlign: "center" }}>{block.scoreHeader}</Text>
      </View>
      {level.statements.map((statement, i) => (
        <View key={i} style={{ flexDirection: "row", alignItems: "center", paddingVertical: mm(1.5), ...line }}>
          <Text style={{ width: mm(6), color: grey }}>{`${i + 1}.`}</Text>
          <Text style={{ flex: 1, fontSize: 9.5, paddingRight: mm(2) }}>{statement}</Text>
          <Scores name={fieldName(ctx, block.id, level.id, i + 1)} label={statement} />
        </View>
      ))}
      <View style={{ flexDirection: "row", alignItems: "center", paddingVertical: mm(1.5) }}>
        <Text style={{ flex: 1, fontWeight: 700, textAlign: "right", paddingRight: mm(3) }}>{block.totalLabel}</Text>
        <View style={{ width: SCORE_COLUMN, alignItems: "center" }}>
          <FieldMark
            field={{ type: "text", name: fieldName(ctx, block.id, level.id, "total"), align: "center", fontSize: 12, maxLength: 2, label: `${level.name}: ${block.totalLabel}` }}
            style={{ ...tickBoxStyle, width: mm(16), height: mm(9) }}
          />
        </View>
      </View>
    </View>
  );
}

export function ScoringBlock({ block, ctx, lead }: { block: Scoring; ctx: BlockContext; lead?: ReactNode }) {
  return (
    <View style={{ marginVertical: mm(2) }}>
      {block.levels.map((level, i) => (
        <Level key={level.id} block={block} level={level} ctx={ctx} lead={i === 0 ? lead : undefined} />
      ))}
      <View wrap={false} style={{ marginTop: mm(1) }}>
        {block.bands.map((b, i) => (
          <Text key={i}>{`Score ${b.min}–${b.max}: ${b.label}`}</Text>
        ))}
      </View>
    </View>
  );
}
