// The pocket card "Hvor får jeg hjælp?": a sheet of copies, the company's contacts in front (its brand
// part, the same for every company here), other help on the back.
import { Page, Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import type { Palette } from "../../src/brand/brandParts.js";
import { linesHeight, partSpec } from "../../src/brand/partKey.js";
import { TYPE, type Face } from "../../src/cards/face.js";
import { FOOTER_LINE } from "../../src/cards/helpCard.js";
import type { Rect } from "../../src/cards/impose.js";
import type { Brand, Material, ResolvedPack } from "../../src/model.js";
import { grey, MARGIN, mm, rule, styles } from "../theme.js";
import { BrandSlot } from "../parts/BrandSlot.js";
import { companyKicker, CoverBack, CoverPage } from "./CoverPage.js";
import { HelpPanelText } from "./HelpPanelText.js";
import { SheetMarks } from "./SheetMarks.js";

type HelpCardMaterial = Extract<Material, { kind: "help-card" }>;

const abs = (r: Rect) => ({ position: "absolute" as const, left: r.x, top: r.y, width: r.width, height: r.height });
/** A text box gets no height: react-pdf drops a line whose box is a hair shorter than the line. */
const at = (r: Rect) => ({ position: "absolute" as const, left: r.x, top: r.y, width: r.width });

/** What the cover holds above the card's preview: its title and the printing help, generously. */
const COVER_TOP = mm(115);

/** The front's footer: the company's name in up to two lines, the last where a one-line footer sits. */
const FOOTER_LINES = 2;

/**
 * One copy of the card. The back's text and footer (the toolkit's title) are drawn here; the front's
 * text (title, 112, the company's contacts) and its footer (the company's name) are brand slots.
 */
function Panel({ face, rect, palette, children }: { face: Face; rect: Rect; palette: Palette; children: ReactNode }) {
  return (
    <View style={abs(rect)}>
      <View style={{ ...abs(face.accent), backgroundColor: palette.brand }} />
      {children}
    </View>
  );
}

export function HelpCardTemplate({ material, brand, pack }: { material: HelpCardMaterial; brand: Brand; pack: ResolvedPack }) {
  const { layout, printing, helpCard } = material;
  const { sheet, options, face } = layout;
  const size = [sheet.page.width, sheet.page.height] as [number, number];
  const footer = partSpec("name", face.footer.width, linesHeight(FOOTER_LINES, TYPE.helpLabel, 1.2), { size: TYPE.helpLabel, min: 5, lineHeight: 1.2, colour: "grey", valign: "bottom" });
  const company = <BrandSlot brand={brand} part={footer} style={{ position: "absolute", left: face.footer.x, top: face.footer.y + FOOTER_LINE - footer.height }} />;
  const text = partSpec("help-front", face.text.width, face.text.height, { size: TYPE.help.max, min: TYPE.help.min, lineHeight: TYPE.help.lineHeight, colour: "brand-ink", valign: "top" });
  const front = (
    <>
      <BrandSlot brand={brand} part={text} style={{ position: "absolute", left: face.text.x, top: face.text.y }} />
      {company}
    </>
  );
  const { back } = layout;
  // The back's footer is the toolkit's title: its last line sits where a one-line footer does, a second line above it.
  const backText = (
    <>
      <View style={abs(face.text)}>
        <HelpPanelText panel={back} titleColour={brand.palette.ink} />
      </View>
      <View style={at({ ...face.footer, y: face.footer.y - (back.footer.length - 1) * FOOTER_LINE })}>
        {back.footer.map((l, i) => (
          <Text key={i} style={{ fontSize: TYPE.helpLabel, lineHeight: 1.2, color: grey }}>{l}</Text>
        ))}
      </View>
    </>
  );
  // The cover shows one card, front and back, at its printed size (side by side, or one above the
  // other; the front alone where both do not fit): what the sheet makes.
  const card = { x: 0, y: 0, width: face.card.width, height: face.card.height };
  const gap = mm(6);
  const room = { width: sheet.page.width - 2 * MARGIN.side, height: sheet.page.height - MARGIN.top - MARGIN.bottom - COVER_TOP };
  const row = 2 * card.width + gap <= room.width && card.height <= room.height;
  const column = !row && card.width <= room.width && 2 * card.height + gap <= room.height;
  const sides = row || column ? [front, backText] : card.width <= room.width && card.height <= room.height ? [front] : [];
  const preview = sides.length > 0 && (
    <View wrap={false} style={{ flexDirection: row ? "row" : "column", marginTop: mm(6) }}>
      {sides.map((side, i) => (
        <View key={i} style={{ width: card.width, height: card.height, [row ? "marginRight" : "marginBottom"]: gap }}>
          {/* The cut as a dashed frame, beside the card rather than around it: the card's parts keep whole-point places. */}
          <View style={{ ...abs(card), borderWidth: 0.5, borderStyle: "dashed", borderColor: rule }} />
          <Panel face={face} rect={card} palette={brand.palette}>
            {side}
          </Panel>
        </View>
      ))}
    </View>
  );
  const facts = [`${layout.sheet.slots.length} × ${helpCard.title}`, `${printing.labels.cardSize} ${options.size.width} × ${options.size.height} mm`];
  return (
    <>
      {layout.pages.map((p, i) => {
        switch (p.kind) {
          case "cover":
            return <CoverPage key={i} brand={brand} page={sheet.page} kicker={<BrandSlot brand={brand} part={companyKicker(sheet.page)} style={{ marginBottom: styles.kicker.marginBottom }} />} title={helpCard.title} printing={printing} cover={{ facts, duplex: options.duplex }} after={preview} />;
          case "cover-back":
            return <CoverBack key={i} page={sheet.page} text={printing.coverBack} />;
          case "fronts":
          case "backs":
            return (
              <Page key={i} size={size} style={{ fontFamily: styles.page.fontFamily }}>
                <SheetMarks sheet={sheet} />
                {p.cards.map((c) => (
                  <Panel key={c.card} face={face} rect={c.rect} palette={brand.palette}>
                    {p.kind === "fronts" ? front : backText}
                  </Panel>
                ))}
              </Page>
            );
        }
      })}
    </>
  );
}
