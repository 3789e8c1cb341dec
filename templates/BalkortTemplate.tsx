// Værktøj 11's balkort on one landscape page: the partner and why on the left, ideas 1–4 on the
// right, each a big writing area (a text field on screen). The poster is the same page on A3,
// every size scaled by √2 so it reads from across a room.
import { Page, Text, View } from "@react-pdf/renderer";
import type { Brand, Material } from "../src/model.js";
import type { Step } from "../src/schema/content.js";
import type { Palette } from "../src/brand/brandParts.js";
import { linesHeight, partSpec } from "../src/brand/partKey.js";
import { FieldMark } from "./parts/FieldMark.js";
import { wholeWords } from "./parts/fitWords.js";
import { BrandSlot } from "./parts/BrandSlot.js";
import { markPart, pageWidth } from "./parts/PageFrame.js";
import { grey, mm, styles } from "./theme.js";

type BalkortMaterial = Extract<Material, { kind: "balkort" }>;
type Write = Extract<Step["blocks"][number], { type: "write" }>;

/** A numbered card (an idea, "1.") has its number large beside the area; the others a label above it. `about`: what the number is about, for the field's tooltip. */
function Card({ material, block, scale, palette, numbered, about }: { material: BalkortMaterial; block: Write; scale: number; palette: Palette; numbered?: boolean; about?: string }) {
  return (
    <View style={{ flex: numbered ? 1 : block.lines, flexDirection: numbered ? "row" : "column", borderWidth: 1.4 * scale, borderColor: palette.line, borderRadius: 4 * scale, padding: mm(3) * scale, margin: mm(1.5) * scale }}>
      <Text style={numbered ? { fontSize: 22 * scale, fontWeight: 700, color: palette.ink, width: mm(10) * scale, flexShrink: 0 } : { fontSize: 12.5 * scale, fontWeight: 700, lineHeight: 1.25, marginBottom: mm(1) * scale }} hyphenationCallback={wholeWords}>{block.label}</Text>
      <FieldMark field={{ type: "text", name: `${material.id}.${block.id}`, label: about ? `${block.label} ${about}` : block.label, multiline: true, fontSize: Math.round(12 * scale) }} style={{ flex: 1 }} />
    </View>
  );
}

export function BalkortTemplate({ material, brand }: { material: BalkortMaterial; brand: Brand }) {
  const { tool, step, poster } = material;
  const scale = poster ? Math.SQRT2 : 1;
  // Writes before the step's heading describe the partner; the heading and the writes after it are the ideas.
  const split = step.blocks.findIndex((b) => b.type === "heading");
  const writes = (blocks: Step["blocks"]) => blocks.filter((b): b is Write => b.type === "write");
  const left = writes(split < 0 ? step.blocks : step.blocks.slice(0, split));
  const ideas = split < 0 ? [] : writes(step.blocks.slice(split + 1));
  const heading = split < 0 ? undefined : step.blocks[split];
  const pad = mm(12) * scale;
  const inner = (poster ? mm(420) : pageWidth(brand.paper, "landscape")) - 2 * pad;
  // The mark's slot and the company name's line have fixed sizes: the page's layout never depends on the company.
  const mark = markPart(0.58 * inner, { height: mm(11) * scale, logo: mm(8) * scale, size: 11 * scale });
  const footer = partSpec("name", inner, linesHeight(1, 8 * scale, 1.2), { size: 8 * scale, min: 5, lineHeight: 1.2, colour: "ink", valign: "top" });
  return (
    <Page size={poster ? "A3" : brand.paper} orientation="landscape" style={{ ...styles.page, paddingLeft: pad, paddingRight: pad, paddingTop: mm(18) * scale, paddingBottom: mm(13) * scale, fontSize: 10.5 * scale }}>
      <View style={{ position: "absolute", top: mm(6) * scale - (mark.height - mark.logo) / 2, left: pad, right: pad, flexDirection: "row", alignItems: "center" }}>
        <BrandSlot brand={brand} part={mark} />
        <Text style={{ flex: 1, marginLeft: mm(6) * scale, fontSize: 8 * scale, color: grey, textAlign: "right" }}>{material.title}</Text>
      </View>
      <Text style={{ ...styles.kicker, fontSize: 9 * scale, color: brand.palette.ink }}>{`VÆRKTØJ ${tool.number} · STEP ${step.number ?? ""}`.trim()}</Text>
      <Text style={{ fontSize: 19 * scale, fontWeight: 700, lineHeight: 1.15, marginBottom: mm(3) * scale }}>{step.title}</Text>
      <View style={{ flex: 1, flexDirection: "row", marginHorizontal: -mm(1.5) * scale }}>
        <View style={{ flex: 2 }}>
          {left.map((block) => (
            <Card key={block.id} material={material} block={block} scale={scale} palette={brand.palette} />
          ))}
        </View>
        {ideas.length > 0 && (
          <View style={{ flex: 3, marginLeft: mm(3) * scale }}>
            {heading && "text" in heading && <Text style={{ fontSize: 12.5 * scale, fontWeight: 700, lineHeight: 1.25, marginHorizontal: mm(1.5) * scale, marginTop: mm(1.5) * scale }}>{heading.text}</Text>}
            <View style={{ flex: 1, flexDirection: "row", flexWrap: "wrap" }}>
              {ideas.map((block) => (
                <View key={block.id} style={{ width: "50%", height: `${100 / Math.ceil(ideas.length / 2)}%` }}>
                  <Card material={material} block={block} scale={scale} palette={brand.palette} numbered about={heading && "text" in heading ? heading.text : undefined} />
                </View>
              ))}
            </View>
          </View>
        )}
      </View>
      <BrandSlot brand={brand} part={footer} style={{ position: "absolute", bottom: mm(6) * scale, left: pad }} />
    </Page>
  );
}
