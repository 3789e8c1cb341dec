// A tool's step worksheet: header, målgruppe/formål/tid, FORSLAG TIL PROCES, then every step with
// its writing spaces. A table marked `landscape` gets a landscape page of its own, between the
// portrait pages before and after it.
import { Text, View } from "@react-pdf/renderer";
import { Fragment, type ReactNode } from "react";
import type { Brand, Material, ResolvedPack } from "../src/model.js";
import type { Palette } from "../src/brand/brandParts.js";
import type { Block, Step, Tool } from "../src/schema/content.js";
import { BlockUnit, BlockView, Blocks } from "./parts/Blocks.js";
import type { BlockContext } from "./parts/blockContext.js";
import type { Fitted, Tail } from "./parts/fitting.js";
import { withLeadIns } from "./parts/leadIns.js";
import { PageFrame } from "./parts/PageFrame.js";
import { balanced, wholeWords } from "./parts/fitWords.js";
import { grey, mm, SPACE, styles, TYPE } from "./theme.js";

type WorksheetMaterial = Extract<Material, { kind: "worksheet" }>;
type Orientation = "portrait" | "landscape";

function Fact({ label, text, palette }: { label: string; text: string; palette: Palette }) {
  return (
    <View style={{ flex: 1, paddingRight: SPACE.md }}>
      <Text style={{ ...styles.kicker, color: palette.ink }} hyphenationCallback={wholeWords}>{label}</Text>
      <Text style={TYPE.note}>{text}</Text>
    </View>
  );
}

/** The tool's number, large, on a tile of the brand colour (it reads on any brand colour, light or dark). */
const TILE = mm(19);

/**
 * A tool's opening: its number large, the title beside it, and MÅLGRUPPE, FORMÅL and TID as a calm
 * panel (a pale tint of the brand colour under a bar of it).
 */
function Header({ tool, palette }: { tool: Tool; palette: Palette }) {
  return (
    <View wrap={false}>
      <View style={{ flexDirection: "row", alignItems: "center", marginBottom: SPACE.lg }}>
        <View style={{ width: TILE, height: TILE, backgroundColor: palette.brand, borderRadius: 3, justifyContent: "center", alignItems: "center", marginRight: SPACE.lg }}>
          <Text style={{ ...TYPE.number, fontWeight: 700, color: palette.onBrand }}>{String(tool.number)}</Text>
        </View>
        <View style={{ flex: 1 }}>
          <Text style={{ ...styles.kicker, color: palette.ink }}>{`VÆRKTØJ ${tool.number}`}</Text>
          <Text style={{ ...styles.h1, marginBottom: 0 }} hyphenationCallback={wholeWords}>{balanced(tool.title)}</Text>
        </View>
      </View>
      <View style={{ flexDirection: "row", backgroundColor: palette.tint, borderTopWidth: 2, borderTopColor: palette.brand, paddingVertical: SPACE.md, paddingLeft: SPACE.md, marginBottom: SPACE.lg }}>
        <Fact label="MÅLGRUPPE" text={tool.audience} palette={palette} />
        <Fact label="FORMÅL" text={tool.purpose} palette={palette} />
        <Fact label="TID" text={tool.time} palette={palette} />
      </View>
    </View>
  );
}

/** The steps at a glance: each step's number in a disc of the brand colour, its text beside it. */
function Process({ steps, palette }: { steps: string[]; palette: Palette }) {
  const disc = mm(5);
  return (
    <View wrap={false} style={{ marginVertical: SPACE.md, paddingVertical: SPACE.md, borderTopWidth: 0.8, borderBottomWidth: 0.8, borderColor: palette.line }}>
      <Text style={{ ...styles.kicker, color: palette.ink, marginBottom: SPACE.sm }}>FORSLAG TIL PROCES</Text>
      {steps.map((p, i) => (
        <View key={i} style={{ ...styles.listItem, alignItems: "flex-start", marginBottom: SPACE.sm }}>
          <View style={{ width: disc, height: disc, borderRadius: disc / 2, backgroundColor: palette.brand, justifyContent: "center", alignItems: "center", marginRight: SPACE.md }}>
            <Text style={{ ...TYPE.caption, fontWeight: 700, color: palette.onBrand }}>{`${i + 1}`}</Text>
          </View>
          <Text style={{ ...styles.listText, paddingTop: 0.5 }}>{p}</Text>
        </View>
      ))}
    </View>
  );
}

const stepTitle = (step: Step) => (step.number ? `STEP ${step.number}: ${step.title}` : step.title);

function StepHeading({ step, palette }: { step: Step; palette: Palette }) {
  return (
    <Text style={{ ...styles.h2, color: palette.ink }} minPresenceAhead={mm(30)} hyphenationCallback={wholeWords}>
      {balanced(stepTitle(step))}
    </Text>
  );
}

const isLandscape = (block: Block) => block.type === "table" && block.landscape;

/** The tool's content as a run of pages of one orientation each, in reading order. */
function sheets(tool: Tool, base: Omit<BlockContext, "fields">, tail?: Tail): { orientation: Orientation; content: ReactNode[] }[] {
  const { palette } = base;
  const out: { orientation: Orientation; content: ReactNode[] }[] = [];
  const add = (orientation: Orientation, node: ReactNode) => {
    const last = out.at(-1);
    if (last && last.orientation === orientation && orientation === "portrait") last.content.push(node);
    else out.push({ orientation, content: [node] });
  };
  add("portrait", <Header key="header" tool={tool} palette={palette} />);
  add("portrait", <Blocks key="intro" blocks={tool.intro} ctx={{ ...base, fields: `${tool.id}.intro` }} />);
  if (tool.process.length > 0) add("portrait", <Process key="process" steps={tool.process} palette={palette} />);

  for (const step of tool.steps) {
    const ctx = { ...base, fields: `${tool.id}.${step.id}` };
    const heading = <StepHeading key="heading" step={step} palette={palette} />;
    const units = withLeadIns(step.blocks);
    if (units.length === 0) add("portrait", <View key={step.id}>{heading}</View>);
    // The step heading, and a heading block of the step, lead the unit after them (see BlockUnit).
    let pending: ReactNode[] = [heading];
    units.forEach((unit, i) => {
      const key = `${step.id}-${i}`;
      const lead = () => {
        const l = pending.length > 0 ? <>{pending}</> : undefined;
        pending = [];
        return l;
      };
      const next = units[i + 1];
      if (unit.block.type === "heading" && unit.lead.length === 0 && next && !isLandscape(next.block)) {
        pending.push(<BlockView key={key} block={unit.block} ctx={ctx} />);
        return;
      }
      if (isLandscape(unit.block)) {
        // On its own page the table still says which step it belongs to.
        add("landscape", <BlockUnit key={key} unit={unit} ctx={ctx} lead={i === 0 ? lead() : <Text style={{ ...styles.kicker, color: grey }} hyphenationCallback={wholeWords}>{stepTitle(step)}</Text>} />);
      } else {
        add("portrait", <BlockUnit key={key} unit={unit} ctx={ctx} lead={lead()} next={next?.block} />);
      }
    });
  }
  // A short tail after the last landscape table may go below that table, or (as a float) before it:
  // tried by src/fit/fitPages.ts when the tail would otherwise hold a page nearly alone.
  const [earlier, landscape, last] = [out.at(-3), out.at(-2), out.at(-1)];
  if (tail && landscape?.orientation === "landscape" && last?.orientation === "portrait") {
    const into = tail === "landscape" ? landscape : earlier?.orientation === "portrait" ? earlier : undefined;
    if (into) {
      into.content.push(<Fragment key="tail">{last.content}</Fragment>);
      out.pop();
    }
  }
  return out;
}

export function WorksheetTemplate({ material, brand, pack }: { material: Fitted<WorksheetMaterial>; brand: Brand; pack: ResolvedPack }) {
  const { tool, decks } = material;
  const title = `Værktøj ${tool.number}: ${tool.title}`;
  return (
    <>
      {sheets(tool, { palette: brand.palette, decks, films: pack.films, lineGap: material.lineGap }, material.tail).map((sheet, i) => (
        <PageFrame key={i} brand={brand} title={title} orientation={sheet.orientation}>
          {sheet.content}
        </PageFrame>
      ))}
    </>
  );
}
