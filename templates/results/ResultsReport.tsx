// results.pdf: what a stack of Værktøj 1 scoring sheets says, branded like the pack and in Danish.
// How many sheets; per level each sheet's total as a dot, the median and its band; the group's profile
// across the five levels beside earlier rounds; the bands as the sheet explains them (no overall score);
// the rows to check by hand, each with its picture; the pages not read.
import { Document, Image, Text, View } from "@react-pdf/renderer";
import type { Brand, Material } from "../../src/model.js";
import type { LevelSummary, PageNote, Results, Sheet } from "../../src/results/schema.js";
import { brandInk } from "../../src/cards/colour.js";
import { BandLegend } from "../parts/BandLegend.js";
import { PageFrame } from "../parts/PageFrame.js";
import { grey, mm, rule, styles } from "../theme.js";
import { escapeControl } from "../../src/errors.js";
import { DotPlot, LegendMark, ProfileChart, seriesGrey, type ProfileSeries } from "./charts.js";
import { DOUBT, NOTE, noteInDanish, warningInDanish } from "./words.js";
import { sheetCount } from "../../src/results/anonymise.js";

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

const WIDTH = mm(210 - 36);
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const number = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1).replace(".", ","));

function Heading({ children, colour }: { children: string; colour: string }) {
  return <Text style={{ ...styles.h2, color: brandInk(colour) }}>{children}</Text>;
}

/** A name the user gave (a round's), one line and without control characters, as it is drawn. */
const named = (name: string) => escapeControl(name);

/** What an anonymous report leaves out, and why: said where the report begins. */
export function anonymityNote(minGroup: number): string {
  return `Runden har færre end ${minGroup} skemaer. For at ingen kan genkendes, viser rapporten kun gruppens medianer – ikke det enkelte skemas prikker, billeder af rækker eller fil- og sidenavne. Med mindst ${minGroup} skemaer vises det hele.`;
}

function Summary({ results }: { results: Results }) {
  const sheets = sheetCount(results);
  const uncertain = results.anonymous?.uncertain ?? results.sheets.reduce((n, s) => n + s.uncertain.length, 0);
  const resolved = results.sheets.reduce((n, s) => n + s.resolved.filter((r) => r.value !== null).length, 0);
  const notRead = results.anonymous?.notRead ?? results.skipped.length + results.unreadable.length;
  const levelsCounted = results.levels.map((l) => l.counted);
  const lines = [
    `${count(sheets, "skema", "skemaer")} læst${results.round ? ` i runden »${named(results.round)}«` : ""}.`,
    uncertain > 0
      ? `${count(uncertain, "udsagn", "udsagn")} kunne ikke læses sikkert og er ikke talt med${results.anonymous ? "." : ": se »Tjek i hånden« sidst i rapporten."}`
      : "Alle udsagn blev læst sikkert.",
    resolved > 0 ? `${count(resolved, "udsagn", "udsagn")} er tjekket i hånden og talt med, som de blev rettet${results.anonymous ? "." : " (se »Rettet i hånden«)."}` : undefined,
    results.warnings.length > 0 ? `Tjek, hvordan siderne er samlet til skemaer (${count(results.warnings.length, "advarsel", "advarsler")} sidst i rapporten): et skema kan mangle en side eller have en andens.` : undefined,
    notRead > 0 ? `${count(notRead, "side eller fil", "sider eller filer")} blev ikke læst${results.anonymous ? "." : " (listet sidst)."}` : undefined,
    Math.min(...levelsCounted) < sheets ? "Et niveau tæller kun med for et skema, når alle fire udsagn er læst sikkert." : undefined,
  ].filter((l): l is string => Boolean(l));
  return (
    <View>
      {lines.map((l, i) => (
        <Text key={i} style={{ ...styles.paragraph, fontSize: 10 }}>{l}</Text>
      ))}
      {results.anonymous ? (
        <View style={{ borderLeftWidth: 3, borderLeftColor: grey, paddingLeft: mm(3), paddingVertical: mm(1), marginVertical: mm(2) }}>
          <Text style={{ fontSize: 10, fontWeight: 700 }}>Anonym rapport</Text>
          <Text style={{ fontSize: 10 }}>{anonymityNote(results.anonymous.minGroup)}</Text>
        </View>
      ) : null}
    </View>
  );
}

function LevelBlock({ summary, material, sheets, colour, anonymous }: { summary: LevelSummary; material: ScoringMaterial; sheets: number; colour: string; anonymous: boolean }) {
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
        {`${summary.counted} af ${count(sheets, "skema", "skemaer")} talt med. ${anonymous ? "Den farvede streg er medianen (skemaernes prikker vises ikke i en lille runde)." : "Hver prik er ét skemas total; den farvede streg er medianen."}`}
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
          <Text key={r.name} style={{ ...cell, fontWeight: 700 }}>{`${named(r.name)}${r.current ? " (denne)" : ""}`}</Text>
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

function ResolvedRows({ sheets, material }: { sheets: Sheet[]; material: ScoringMaterial }) {
  return (
    <View>
      {sheets.flatMap((sheet) =>
        sheet.resolved.map((r) => (
          <View key={`${sheet.number}-${r.field}`} wrap={false} style={{ borderBottomWidth: 0.5, borderBottomColor: rule, paddingVertical: mm(1.2) }}>
            <Text style={{ fontSize: 9, fontWeight: 700 }}>{`Skema ${sheet.number} · ${DOUBT[r.reason] ?? r.reason} → ${r.value === null ? "ingen gyldig markering (tæller ikke med)" : `rettet til ${r.value}`}`}</Text>
            <Text style={{ fontSize: 9 }}>{statementOf(material, r.field)}</Text>
          </View>
        )),
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
        <Text key={i} style={{ fontSize: 9, marginBottom: mm(0.8) }}>{`${n.source}${n.page ? `, side ${n.page}` : ""}: ${n.problem ? noteInDanish(n) : `${NOTE[n.code]}${n.code === "file" ? ` (${n.reason})` : ""}`}`}</Text>
      ))}
    </View>
  );
}

export function ResultsReport({ brand, material, results, crops, rounds, meta }: ResultsReportProps) {
  const colour = brand.colour;
  const title = `Værktøj ${material.tool.number}: Resultater`;
  const current: ProfileSeries = { name: results.round ? named(results.round) : "Denne gang", values: results.levels.map((l) => l.median), current: true };
  const series: ProfileSeries[] = rounds.length > 0
    ? rounds.map((r) => ({ name: named(r.name), values: material.scoring.levels.map((lv) => r.levels.find((l) => l.level === lv.id)?.median ?? null), current: r.current }))
    : [current];
  const uncertain = results.sheets.some((s) => s.uncertain.length > 0);
  const resolved = results.sheets.some((s) => s.resolved.length > 0);
  const anonymous = results.anonymous !== undefined;
  return (
    <Document title={meta.title} author={meta.author} subject={meta.subject} creator="workshopkit" producer="workshopkit" language="da-DK" creationDate={meta.creationDate} modificationDate={meta.creationDate}>
      <PageFrame brand={brand} title={title}>
        <Text style={{ ...styles.kicker, color: brandInk(colour) }}>{title.toUpperCase()}</Text>
        <Text style={styles.h1}>Jeres modenhedsprofil</Text>
        <Summary results={results} />

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
          <LevelBlock key={summary.level} summary={summary} material={material} sheets={sheetCount(results)} colour={colour} anonymous={anonymous} />
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
            <Text style={{ fontSize: 9.5, marginBottom: mm(2) }}>Disse udsagn er ikke talt med: der var intet kryds, mere end ét kryds eller et kryds for svagt til at være sikker. Se skemaet, og ret tallet i hånden – eller på websiden under »Resultater«, hvor et klik på det felt, der er ment, tæller det med.</Text>
            <UncertainRows sheets={results.sheets} crops={crops} material={material} />
          </View>
        ) : null}

        {resolved ? (
          <View>
            <Heading colour={colour}>Rettet i hånden</Heading>
            <Text style={{ fontSize: 9.5, marginBottom: mm(2) }}>Disse udsagn blev tjekket i hånden på websiden. Et tal tæller med, som det blev rettet; »ingen gyldig markering« tæller ikke med.</Text>
            <ResolvedRows sheets={results.sheets} material={material} />
          </View>
        ) : null}

        {results.warnings.length > 0 ? (
          <View>
            <Heading colour={colour}>Tjek, hvordan siderne er samlet</Heading>
            {results.warnings.map((w, i) => (
              <Text key={i} style={{ fontSize: 9, marginBottom: mm(0.8) }}>{warningInDanish(w)}</Text>
            ))}
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
