// Renders the print list (templates/PrintList.tsx) into printliste.pdf: the build's last material, in the pack too.
import type { ReactElement } from "react";
import { renderStrict } from "../render/renderMaterial.js";
import { finishPdf } from "../finish/finishPdf.js";
import { checkLayout, type TextLayout } from "../render/checkLayout.js";
import { PrintListDocument } from "../../templates/PrintList.js";
import type { Brand } from "../model.js";
import type { ToolkitInfo } from "../schema/toolkit.js";
import type { PrintListLabels } from "./needs.js";
import type { WorkshopPlan } from "./plan.js";
import { paperTotals, printList, type PrintEntry } from "./printList.js";
import type { BuiltMaterial } from "../finish/pack.js";
import type { ManifestEntry } from "../finish/manifest.js";
import { sha256 } from "../finish/manifest.js";
import type { OutputFile } from "../write/writePack.js";
import type { ResolvedPack } from "../model.js";
import type { Toolkit } from "../schema/toolkit.js";
import type { CardOptions } from "../cards/options.js";
import type { WorkshopNeeds } from "./needs.js";
import { PRINT_LIST_ID, printFacts } from "./workshop.js";
import { danishWords } from "./words.js";

export interface RenderedPrintList {
  title: string;
  bytes: Uint8Array;
  pages: number;
  layout: TextLayout;
}

/** "24 deltagere i 5 grupper". */
export const peopleLine = (labels: PrintListLabels, plan: Pick<WorkshopPlan, "participants" | "groups">) =>
  labels.people.replace("{participants}", String(plan.participants)).replace("{groups}", String(plan.groups));

/** "A4: 38 ark", "A4, kraftigt papir: 6 ark", "A3: 1 ark"; none unless every file's pages are known (a total of some would mislead). */
export function totalLines(labels: PrintListLabels, entries: PrintEntry[]): string[] {
  if (entries.some((e) => e.sheets === undefined)) return [];
  return paperTotals(entries).map((t) => `${t.paper === "LETTER" ? "US Letter" : t.paper}${t.heavy ? `, ${labels.heavy}` : ""}: ${t.sheets} ${labels.sheets}`);
}

export async function renderPrintList(args: { plan: WorkshopPlan; entries: PrintEntry[]; toolTitles: string[]; brand: Brand; toolkit: ToolkitInfo; labels: PrintListLabels; date: Date }): Promise<RenderedPrintList> {
  const { labels, brand } = args;
  const title = `${labels.title} – ${brand.company}`;
  const element = PrintListDocument({
    company: brand.company,
    paper: brand.paper,
    palette: brand.palette,
    labels,
    tools: args.toolTitles,
    people: peopleLine(labels, args.plan),
    rows: args.entries.map((e) => ({ title: e.title, file: e.file, words: danishWords(e) })),
    totals: totalLines(labels, args.entries),
    meta: { title, subject: args.toolkit.title, creationDate: args.date },
  });
  const rendered = await renderStrict("the print list", element as ReactElement as Parameters<typeof renderStrict>[1]);
  const layout = await checkLayout("the print list", rendered);
  const finished = await finishPdf(rendered.bytes, { title, author: brand.company, subject: args.toolkit.title, date: args.date });
  return { title: labels.title, bytes: finished.bytes, pages: finished.pages, layout };
}

/** The print list of a build: its entries (pages from the files built), its file, its manifest entry and its place in the pack. */
export async function workshopPrintList(args: { plan: WorkshopPlan; needs: WorkshopNeeds; toolkit: Toolkit; pack: ResolvedPack; cards: CardOptions; built: BuiltMaterial[]; date: Date }): Promise<{ entries: PrintEntry[]; file: OutputFile; entry: ManifestEntry; built: BuiltMaterial }> {
  const { plan, toolkit, pack } = args;
  const entries = printList(plan, printFacts(toolkit, pack.brand.paper, args.cards, Object.fromEntries(args.built.map((b) => [b.material.id, b.pages]))));
  const toolTitles = toolkit.tools.filter((t) => plan.tools.includes(t.id)).map((t) => `Værktøj ${t.number}: ${t.title}`);
  const list = await renderPrintList({ plan, entries, toolTitles, brand: pack.brand, toolkit: pack.toolkit, labels: args.needs.printList, date: args.date });
  const name = `${PRINT_LIST_ID}.pdf`;
  return {
    entries,
    file: { name, bytes: list.bytes },
    entry: { file: name, title: list.title, pages: list.pages, sha256: sha256(list.bytes) },
    built: { material: { id: PRINT_LIST_ID, title: list.title, parts: [] }, pdf: list.bytes, pages: list.pages, layout: list.layout },
  };
}
