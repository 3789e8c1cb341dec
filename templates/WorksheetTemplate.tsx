// A tool's step worksheet: header, målgruppe/formål/tid, FORSLAG TIL PROCES, then every step.
import { Text, View } from "@react-pdf/renderer";
import type { Brand, Material, ResolvedPack } from "../src/model.js";
import { Blocks } from "./parts/Blocks.js";
import { PageFrame } from "./parts/PageFrame.js";
import { mm, styles } from "./theme.js";

type WorksheetMaterial = Extract<Material, { kind: "worksheet" }>;

function Fact({ label, text, colour }: { label: string; text: string; colour: string }) {
  return (
    <View style={{ flex: 1, paddingRight: mm(3) }}>
      <Text style={{ ...styles.kicker, color: colour }}>{label}</Text>
      <Text style={{ fontSize: 9.5 }}>{text}</Text>
    </View>
  );
}

export function WorksheetTemplate({ material, brand, pack }: { material: WorksheetMaterial; brand: Brand; pack: ResolvedPack }) {
  const { tool, decks } = material;
  const ctx = { colour: brand.colour, decks, films: pack.films };
  return (
    <PageFrame brand={brand} title={`Værktøj ${tool.number}: ${tool.title}`}>
      <Text style={{ ...styles.kicker, color: brand.colour }}>{`VÆRKTØJ ${tool.number}`}</Text>
      <Text style={styles.h1}>{tool.title}</Text>
      <View style={{ flexDirection: "row", borderTopWidth: 0.8, borderBottomWidth: 0.8, borderColor: brand.colour, paddingVertical: mm(2.5), marginVertical: mm(3) }}>
        <Fact label="MÅLGRUPPE" text={tool.audience} colour={brand.colour} />
        <Fact label="FORMÅL" text={tool.purpose} colour={brand.colour} />
        <Fact label="TID" text={tool.time} colour={brand.colour} />
      </View>
      <Blocks blocks={tool.intro} ctx={ctx} />
      {tool.process.length > 0 && (
        <View wrap={false} style={{ ...styles.box, borderColor: brand.colour }}>
          <Text style={{ ...styles.kicker, color: brand.colour }}>FORSLAG TIL PROCES</Text>
          {tool.process.map((p, i) => (
            <View key={i} style={styles.listItem}>
              <Text style={{ ...styles.bullet, fontWeight: 700 }}>{`${i + 1}`}</Text>
              <Text style={styles.listText}>{p}</Text>
            </View>
          ))}
        </View>
      )}
      {tool.steps.map((step) => (
        <View key={step.id}>
          <Text style={{ ...styles.h2, color: brand.colour }} minPresenceAhead={mm(30)}>
            {step.number ? `STEP ${step.number}: ${step.title}` : step.title}
          </Text>
          <Blocks blocks={step.blocks} ctx={ctx} />
        </View>
      ))}
    </PageFrame>
  );
}
