// The pocket card "Hvor får jeg hjælp?": a sheet of copies, the company's contacts in front, other help on the back.
import { Page, Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import type { Palette } from "../../src/brand/brandParts.js";
import { linesHeight, partSpec } from "../../src/brand/partKey.js";
import { TYPE, type Face } from "../../src/cards/face.js";
import { FOOTER_LINE, PANEL_GAP, type FittedPanel } from "../../src/cards/helpCard.js";
import type { Rect } from "../../src/cards/impose.js";
import type { Brand, Material, ResolvedPack } from "../../src/model.js";
import { grey, ink, styles } from "../theme.js";
import { BrandSlot } from "../parts/BrandSlot.js";
import { companyKicker, CoverBack, CoverPage } from "./CoverPage.js";
import { SheetMarks } from "./SheetMarks.js";

type HelpCardMaterial = Extract<Material, { kind: "help-card" }>;

const abs = (r: Rect) => ({ position: "absolute" as const, left: r.x, top: r.y, width: r.width, height: r.height });
/** A text box gets no height: react-pdf drops a line whose box is a hair shorter than the line. */
const at = (r: Rect) => ({ position: "absolute" as const, left: r.x, top: r.y, width: r.width });

/** The front's footer: the company's name in up to two lines, the last where a one-line footer sits. */
const FOOTER_LINES = 2;

/**
 * Text on the card is ink; only the title takes the brand colour (made dark enough to read on white).
 * The front's footer is the company's name, a brand slot; the back's is the toolkit's title.
 */
function Panel({ panel, face, rect, palette, company }: { panel: FittedPanel; face: Face; rect: Rect; palette: Palette; company?: ReactNode }) {
  const line = { fontSize: panel.size, lineHeight: TYPE.help.lineHeight, color: ink };
  return (
    <View style={abs(rect)}>
      <View style={{ ...abs(face.accent), backgroundColor: palette.brand }} />
      <View style={abs(face.text)}>
        {panel.title.map((l, i) => (
          <Text key={i} style={{ fontSize: panel.titleSize, lineHeight: TYPE.helpTitle.lineHeight, fontWeight: 700, color: palette.ink }}>{l}</Text>
        ))}
        {panel.entries.map((e, i) => (
          <View key={i} style={{ marginTop: PANEL_GAP }}>
            {e.lines.map((l, k) => (
              <Text key={k} style={line}>
                {l.bold && <Text style={{ fontWeight: 700 }}>{l.bold}</Text>}
                {l.rest}
              </Text>
            ))}
          </View>
        ))}
      </View>
      {/* The footer's last line sits where a one-line footer does; a second line goes above it. */}
      {company ?? (
        <View style={at({ ...face.footer, y: face.footer.y - (panel.footer.length - 1) * FOOTER_LINE })}>
          {panel.footer.map((l, i) => (
            <Text key={i} style={{ fontSize: TYPE.helpLabel, lineHeight: 1.2, color: grey }}>{l}</Text>
          ))}
        </View>
      )}
    </View>
  );
}

export function HelpCardTemplate({ material, brand, pack }: { material: HelpCardMaterial; brand: Brand; pack: ResolvedPack }) {
  const { layout, printing, helpCard } = material;
  const { sheet, options, face } = layout;
  const size = [sheet.page.width, sheet.page.height] as [number, number];
  const footer = partSpec("name", face.footer.width, linesHeight(FOOTER_LINES, TYPE.helpLabel, 1.2), { size: TYPE.helpLabel, min: 5, lineHeight: 1.2, colour: "grey", valign: "bottom" });
  const company = <BrandSlot brand={brand} part={footer} style={{ position: "absolute", left: face.footer.x, top: face.footer.y + FOOTER_LINE - footer.height }} />;
  const facts = [`${layout.sheet.slots.length} × ${helpCard.title}`, `${printing.labels.cardSize} ${options.size.width} × ${options.size.height} mm`];
  return (
    <>
      {layout.pages.map((p, i) => {
        switch (p.kind) {
          case "cover":
            return <CoverPage key={i} brand={brand} page={sheet.page} kicker={<BrandSlot brand={brand} part={companyKicker(sheet.page)} style={{ marginBottom: styles.kicker.marginBottom }} />} title={helpCard.title} printing={printing} cover={{ facts, duplex: options.duplex }} />;
          case "cover-back":
            return <CoverBack key={i} page={sheet.page} text={printing.coverBack} />;
          case "fronts":
          case "backs": {
            const panel = p.kind === "fronts" ? layout.front : layout.back;
            return (
              <Page key={i} size={size} style={{ fontFamily: styles.page.fontFamily }}>
                <SheetMarks sheet={sheet} />
                {p.cards.map((c) => (
                  <Panel key={c.card} panel={panel} face={face} rect={c.rect} palette={brand.palette} company={p.kind === "fronts" ? company : undefined} />
                ))}
              </Page>
            );
          }
        }
      })}
    </>
  );
}
