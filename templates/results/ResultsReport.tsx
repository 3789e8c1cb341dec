// results.pdf: what a stack of Værktøj 1 scoring sheets says, branded like the pack and in Danish.
// How many sheets; per level each sheet's total as a dot, the median and its band; the group's profile
// across the five levels beside earlier rounds; the bands as the sheet explains them (no overall score);
// the rows to check by hand, each with its picture; the pages not read.
import { Document, Image, Text, View } from "@react-pdf/renderer";
import type { Brand, Material } from "../../src/model.js";
import type { LevelSummary, NoteCode, PageNote, Results, Sheet } from "../../src/results/schema.js";
import { brandInk } from "../../src/cards/colour.js";
import { BandLegend } from "../parts/BandLegend.js";
import { PageFrame } from "../parts/PageFrame.js";
import { grey, mm, rule, styles } from "../theme.js";
import { DotPlot, LegendMark, ProfileChart, seriesGrey, type ProfileSeries } from "./charts.js";

type ScoringMaterial = Extract<Material, { kind: "scoring" }>;

export interface ReportRound {
  name: string;
  sheets: number;
  levels: LevelSummary[];
  current: boolean;
}

export interface ResultsReportProps {
  brand: Brand;
  material: ScoringMaterial;
  results: Results;
  /** The crops of uncertain rows, by sheet number and field. */
  crops: Map<number, Map<string, Buffer>>;
  /** Every stored round, oldest first (this one marked), when the run stores rounds. */
  rounds: ReportRound[];
  meta: { title: string; author: string; subject: string; creationDate: Date };
}

const DOUBT: Record<string, string> = {
  "no mark": "Intet kryds",
  "more than one mark": "Mere end ét kryds",
  "a faint mark": "Svagt kryds – usikkert",
  "boxes not found": "Rækkens felter blev ikke fundet",
  "not answered": "Ikke udfyldt",
};

/** Why a page was not read, in Danish; a file's own problem keeps workshopkit's English reason beside it. */
const NOTE: Record<NoteCode, string> = {
  "not-a-sheet": "ikke en side fra scoreskemaet (ingen sidekode)",
  "other-material": "en side fra et andet materiale",
  "no-statements": "en side af scoreskemaet uden udsagn",
  "empty-form": "et skema uden svar udfyldt på skærmen",
  "other-version": "trykt fra en anden version af indholdet; læs det med den version, der trykte det",
  "other-profile": "trykt fra en anden profil; læs det med den profil, der trykte det",
  "no-code": "sidekoden kunne ikke læses (en utydelig scanning?); scan siden igen ved 200 dpi",
  registration: "hjørnemærkerne kunne ikke findes (beskåret eller dækket?); scan siden igen",
  boxes: "felterne sidder ikke, hvor skemaet trykker dem (trykt fra en anden profil eller ikke i 100 %?)",
  duplicate: "den samme scanning som et skema, der allerede er talt med",
  file: "filen kunne ikke læses",
};

const WIDTH = mm(210 - 36);
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const number = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1).replace(".", ","));

function Heading({ children, colour }: { children: string; colour: string }) {
  return <Text style={{ ...styles.h2, color: brandInk(colour) }}>{children}</Text>;
}

function Summary({ results, material }: { results: Results; material: ScoringMaterial }) {
  const uncertain = results.sheets.reduce((n, s) => n + s.uncertain.length, 0);
  const levelsCounted = results.levels.map((l) => l.totals.length);
  const lines = [
    `${count(results.sheets.length, "skema", "skemaer")} læst${results.round ? ` i runden »${results.round}«` : ""}.`,
    uncertain > 0 ? `${count(uncertain, "udsagn", "udsagn")} kunne ikke læses sikkert og er ikke talt med: se »Tjek i hånden« sidst i rapporten.` : "Alle udsagn blev læst sikkert.",
    results.skipped.length + results.unreadable.length > 0 ? `${count(results.skipped.length + results.unreadable.length, "side eller fil", "sider eller filer")} blev ikke læst (listet sidst).` : undefined,
    Math.min(...levelsCounted) < results.sheets.length ? "Et niveau tæller kun med for et skema, når alle fire udsagn er læst sikkert." : undefined,
  ].filter((l): l is string => Boolean(l));
  return (
    <View>
      {lines.map((l, i) => (
        <Text key={i} style={{ ...styles.paragraph, fontSize: 10 }}>{l}</Text>
      ))}
    </View>
  );
}

function LevelBlock({ summary, material, sheets, colour }: { summary: LevelSummary; material: ScoringMaterial; sheets: number; colour: string }) {
  const level = material.scoring.levels.find((l) => l.id === summary.level)!;
  const caution = material.labels.cautionLevels.includes(level.id);
  return (
    <View wrap={false} style={{ marginBottom: mm(4), borderTopWidth: 2, borderTopColor: colour, paddingTop: mm(1.2) }}>
      <View style={{ flexDirection: "row", justifyContent: "space-between", alignItems: "flex-end" }}>
        <Text style={{ fontSize: 12, fontWeight: 700 }}>{level.name}</Text>
        <Text style={{ fontSize: 10, fontWeight: 700 }}>
          {summary.median === null ? "Ingen totaler" : `Median ${number(summary.median)} · ${summary.band ?? ""}`}
        </Text>
      </View>
      <Text style={{ fontSize: 8.5, color: grey, marginBottom: mm(1.5) }}>
        {level.description}
        {caution ? ` · ${material.labels.cautionNote}` : ""}
      </Text>
      <DotPlot totals={summary.totals} median={summary.median} bands={material.scoring.bands} colour={colour} width={WIDTH} />
      <Text style={{ fontSize: 8, color: grey }}>
        {`${summary.totals.length} af ${count(sheets, "skema", "skemaer")} talt med. Hver prik er ét skemas total; den farvede streg er medianen.`}
      </Text>
    </View>
  );
}

function RoundsTable({ rounds, material }: { rounds: ReportRound[]; material: ScoringMaterial }) {
  const cell = { flex: 1, fontSize: 9, paddingVertical: mm(1), textAlign: "center" as const };
  return (
    <View wrap={false}>
      <View style={{ flexDirection: "row", borderBottomWidth: 0.8, borderBottomColor: rule }}>
        <Text style={{ ...cell, textAlign: "left", fontWeight: 700 }}>Niveau</Text>
        {rounds.map((r) => (
          <Text key={r.name} style={{ ...cell, fontWeight: 700 }}>{`${r.name}${r.current ? " (denne)" : ""}`}</Text>
        ))}
      </View>
      {material.scoring.levels.map((level) => (
        <View key={level.id} style={{ flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: rule }}>
          <Text style={{ ...cell, textAlign: "left" }}>{level.name}</Text>
          {rounds.map((r) => {
            const s = r.levels.find((l) => l.level === level.id);
            return <Text key={r.name} style={{ ...cell, fontWeight: r.current ? 700 : 400 }}>{s?.median == null ? "–" : `${number(s.median)} · ${s.band ?? ""}`}</Text>;
          })}
        </View>
      ))}
      <View style={{ flexDirection: "row" }}>
        <Text style={{ ...cell, textAlign: "left", color: grey }}>Skemaer</Text>
        {rounds.map((r) => (
          <Text key={r.name} style={{ ...cell, color: grey }}>{String(r.sheets)}</Text>
        ))}
      </View>
      <Text style={{ fontSize: 8, color: grey, marginTop: mm(1) }}>Medianen af skemaernes totaler for hvert niveau, og dens bånd.</Text>
    </View>
  );
}

function statementOf(material: ScoringMaterial, field: string): string {
  const [, levelId, n] = field.split(".");
  const level = material.scoring.levels.find((l) => l.id === levelId);
  return level ? `${level.name} ${n}. ${level.statements[Number(n) - 1] ?? ""}` : field;
}

function UncertainRows({ sheets, crops, material }: { sheets: Sheet[]; crops: ResultsReportProps["crops"]; material: ScoringMaterial }) {
  return (
    <View>
      {sheets.flatMap((sheet) =>
        sheet.uncertain.map((u) => {
          const crop = crops.get(sheet.number)?.get(u.field);
          return (
            <View key={`${sheet.number}-${u.field}`} wrap={false} style={{ borderBottomWidth: 0.5, borderBottomColor: rule, paddingVertical: mm(1.5) }}>
              <Text style={{ fontSize: 9, fontWeight: 700 }}>{`Skema ${sheet.number} · ${u.source}, side ${u.page} · ${DOUBT[u.reason] ?? u.reason}`}</Text>
              <Text style={{ fontSize: 9 }}>{statementOf(material, u.field)}</Text>
              {crop ? <Image src={{ data: crop, format: "png" }} style={{ width: WIDTH * 0.8, marginTop: mm(1) }} /> : null}
            </View>
          );
        }),
      )}
    </View>
  );
}

function Notes({ title, notes }: { title: string; notes: PageNote[] }) {
  if (notes.length === 0) return null;
  return (
    <View>
      <Text style={styles.h3}>{title}</Text>
      {notes.map((n, i) => (
        <Text key={i} style={{ fontSize: 9, marginBottom: mm(0.8) }}>{`${n.source}${n.page ? `, side ${n.page}` : ""}: ${NOTE[n.code]}${n.code === "file" ? ` (${n.reason})` : ""}`}</Text>
      ))}
    </View>
  );
}

export function ResultsReport({ brand, material, results, crops, rounds, meta }: ResultsReportProps) {
  const colour = brand.colour;
  const title = `Værktøj ${material.tool.number}: Resultater`;
  const current: ProfileSeries = { name: results.round ?? "Denne gang", values: results.levels.map((l) => l.median), current: true };
  const series: ProfileSeries[] = rounds.length > 0
    ? rounds.map((r) => ({ name: r.name, values: material.scoring.levels.map((lv) => r.levels.find((l) => l.level === lv.id)?.median ?? null), current: r.current }))
    : [current];
  const uncertain = results.sheets.some((s) => s.uncertain.length > 0);
  return (
    <Document title={meta.title} author={meta.author} subject={meta.subject} creator="workshopkit" producer="workshopkit" language="da-DK" creationDate={meta.creationDate} modificationDate={meta.creationDate}>
      <PageFrame brand={brand} title={title}>
        <Text style={{ ...styles.kicker, color: brandInk(colour) }}>{title.toUpperCase()}</Text>
        <Text style={styles.h1}>Jeres modenhedsprofil</Text>
        <Summary results={results} material={material} />

        <Heading colour={colour}>Gruppens profil</Heading>
        <Text style={{ fontSize: 9.5, marginBottom: mm(2) }}>Medianen for hvert niveau. Hvert niveau læses for sig mod båndene; profilen viser, hvor I står – niveau for niveau.</Text>
        <ProfileChart levels={material.scoring.levels.map((l) => l.name)} series={series} bands={material.scoring.bands} colour={colour} width={WIDTH} />
        {series.length > 1 ? (
          <View style={{ flexDirection: "row", flexWrap: "wrap", marginTop: mm(1) }}>
            {series.map((s, i) => (
              <View key={s.name} style={{ flexDirection: "row", alignItems: "center", marginRight: mm(4) }}>
                <LegendMark current={s.current} colour={s.current ? colour : seriesGrey(series, i)} />
                <Text style={{ fontSize: 8, color: s.current ? brandInk(colour) : grey, fontWeight: s.current ? 700 : 400 }}>{s.name}</Text>
              </View>
            ))}
          </View>
        ) : null}
        <BandLegend material={material} colour={colour}>
          <Text style={{ fontSize: 9, marginTop: mm(1) }}>
            {`${material.scoring.levels.filter((l) => material.labels.cautionLevels.includes(l.id)).map((l) => l.name).join(" og ")}: ${material.labels.cautionNote}`}
          </Text>
        </BandLegend>

        <Heading colour={colour}>Niveau for niveau</Heading>
        {results.levels.map((summary) => (
          <LevelBlock key={summary.level} summary={summary} material={material} sheets={results.sheets.length} colour={colour} />
        ))}

        {rounds.length > 1 ? (
          <View>
            <Heading colour={colour}>Runder over tid</Heading>
            <RoundsTable rounds={rounds} material={material} />
          </View>
        ) : null}

        {uncertain ? (
          <View break>
            <Heading colour={colour}>Tjek i hånden</Heading>
            <Text style={{ fontSize: 9.5, marginBottom: mm(2) }}>Disse udsagn er ikke talt med: der var intet kryds, mere end ét kryds eller et kryds for svagt til at være sikker. Se skemaet, og ret tallet i hånden, hvis I vil have det med.</Text>
            <UncertainRows sheets={results.sheets} crops={crops} material={material} />
          </View>
        ) : null}

        {results.skipped.length + results.unreadable.length > 0 ? (
          <View>
            <Heading colour={colour}>Sider der ikke blev læst</Heading>
            <Notes title="Kunne ikke læses" notes={results.unreadable} />
            <Notes title="Sprunget over" notes={results.skipped} />
          </View>
        ) : null}
      </PageFrame>
    </Document>
  );
}
