// Running-text documents: the policy, the stress guidelines, the manager's guide, the introduction.
import { Text, View } from "@react-pdf/renderer";
import { Fragment } from "react";
import type { Brand, Material, ResolvedPack } from "../src/model.js";
import { Blocks } from "./parts/Blocks.js";
import type { Fitted } from "./parts/fitting.js";
import { PageFrame } from "./parts/PageFrame.js";
import { balanced, wholeWords } from "./parts/fitWords.js";
import { MEASURE, mm, SPACE, styles, TYPE } from "./theme.js";

type DocumentMaterial = Extract<Material, { kind: "document" }>;

export function DocumentTemplate({ material, brand, pack }: { material: Fitted<DocumentMaterial>; brand: Brand; pack: ResolvedPack }) {
  const { document } = material;
  const base = { palette: brand.palette, decks: [], films: pack.films, lineGap: material.lineGap };
  return (
    <PageFrame brand={brand} title={document.title}>
      <View style={{ borderLeftWidth: 4, borderLeftColor: brand.palette.brand, paddingLeft: SPACE.md, marginBottom: SPACE.xl }}>
        <Text style={styles.h1} hyphenationCallback={wholeWords}>{balanced(document.title)}</Text>
        {document.subtitle && <Text style={{ ...TYPE.subheading, fontWeight: 400, maxWidth: MEASURE }} hyphenationCallback={wholeWords}>{balanced(document.subtitle)}</Text>}
      </View>
      {/* Fragments, not Views: react-pdf keeps a heading off the foot of a page (minPresenceAhead)
          only for children of the page itself. */}
      {document.sections.map((section) => (
        <Fragment key={section.id}>
          <Blocks
            blocks={section.blocks}
            ctx={{ ...base, fields: `${material.id}.${section.id}` }}
            lead={<Text style={{ ...styles.h2, color: brand.palette.ink }} minPresenceAhead={mm(25)} hyphenationCallback={wholeWords}>{balanced(section.heading)}</Text>}
          />
        </Fragment>
      ))}
    </PageFrame>
  );
}
