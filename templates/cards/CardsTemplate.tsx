// A deck's cut-out card sheets: cover (run-sheet and print help), then each sheet of fronts and its mirrored backs.
import { Page } from "@react-pdf/renderer";
import { grow, BLEED } from "../../src/cards/impose.js";
import type { Brand, Material, ResolvedPack } from "../../src/model.js";
import { styles } from "../theme.js";
import { CardBack, CardFront } from "./DeckCard.js";
import { CoverBack, CoverPage } from "./CoverPage.js";
import { RunSheet } from "./RunSheet.js";
import { SheetMarks } from "./SheetMarks.js";

type CardsMaterial = Extract<Material, { kind: "cards" }>;

export function CardsTemplate({ material, brand }: { material: CardsMaterial; brand: Brand; pack: ResolvedPack }) {
  const { layout, cardDeck, printing, tool, runSheet } = material;
  const { sheet, options } = layout;
  const { labels } = printing;
  const duplex = options.duplex;
  const facts = [
    `${labels.cards} 1–${layout.fit.faces.length}`,
    `${labels.cardSize} ${options.size.width} × ${options.size.height} mm`,
    `${labels.sheets}: ${layout.sheets}`,
  ];
  const size = [sheet.page.width, sheet.page.height] as [number, number];
  return (
    <>
      {layout.pages.map((p, i) => {
        switch (p.kind) {
          case "cover":
            return (
              <CoverPage key={i} brand={brand} page={sheet.page} kicker={`VÆRKTØJ ${tool.number}`} title={cardDeck.title} subtitle={tool.title} printing={printing} cover={{ facts, duplex }}>
                {runSheet && <RunSheet runSheet={runSheet} palette={brand.palette} />}
              </CoverPage>
            );
          case "cover-back":
            return <CoverBack key={i} page={sheet.page} text={printing.coverBack} />;
          case "fronts":
            return (
              <Page key={i} size={size} style={{ fontFamily: styles.page.fontFamily }}>
                <SheetMarks sheet={sheet} />
                {p.cards.map((c) => (
                  <CardFront key={c.card} face={layout.fit.faces[c.card]!} layout={layout} rect={c.rect} deckTitle={cardDeck.title} colour={brand.palette.brand} />
                ))}
              </Page>
            );
          case "backs":
            if (duplex === "none") return null;
            return (
              <Page key={i} size={size} style={{ fontFamily: styles.page.fontFamily }}>
                <SheetMarks sheet={sheet} fills={p.cards.map((c) => grow(c.rect, BLEED))} colour={brand.palette.brand} />
                {p.cards.map((c) => (
                  <CardBack key={c.card} face={layout.fit.faces[c.card]!} layout={layout} rect={c.rect} duplex={duplex} brand={brand} />
                ))}
              </Page>
            );
        }
      })}
    </>
  );
}
