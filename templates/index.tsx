// One registry from material kind to template. An unknown kind is an error, never skipped.
import { Document, type DocumentProps } from "@react-pdf/renderer";
import type { ReactElement } from "react";
import type { Material, MaterialKind, ResolvedPack } from "../src/model.js";
import { DocumentTemplate } from "./DocumentTemplate.js";
import { WorksheetTemplate } from "./WorksheetTemplate.js";
import { ScoringTemplate } from "./ScoringTemplate.js";
import { BalkortTemplate } from "./BalkortTemplate.js";
import { CardsTemplate } from "./cards/CardsTemplate.js";
import { HelpCardTemplate } from "./cards/HelpCardTemplate.js";

type PagesOf<K extends MaterialKind> = (props: { material: Extract<Material, { kind: K }>; brand: ResolvedPack["brand"]; pack: ResolvedPack }) => ReactElement;

const TEMPLATES: { [K in MaterialKind]: PagesOf<K> } = {
  document: DocumentTemplate,
  worksheet: WorksheetTemplate,
  scoring: ScoringTemplate,
  balkort: BalkortTemplate,
  cards: CardsTemplate,
  "help-card": HelpCardTemplate,
};

export interface DocumentMeta {
  title: string;
  author: string;
  subject: string;
  creationDate: Date;
}

/** The whole react-pdf document of one material. */
export function materialDocument(material: Material, pack: ResolvedPack, meta: DocumentMeta): ReactElement<DocumentProps> {
  const Pages = TEMPLATES[material.kind] as PagesOf<MaterialKind> | undefined;
  if (!Pages) throw new Error(`No template for material kind "${material.kind}" (${material.id}).`);
  return (
    <Document title={meta.title} author={meta.author} subject={meta.subject} creator="workshopkit" producer="workshopkit" language="da-DK" creationDate={meta.creationDate} modificationDate={meta.creationDate}>
      <Pages material={material} brand={pack.brand} pack={pack} />
    </Document>
  );
}
