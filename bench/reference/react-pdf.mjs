// Reference: plain react-pdf, cold (a fresh process), on the worksheet text in Lato. Prints JSON.
import { createElement as h } from "react";
import { Document, Font, Page, Text, renderToBuffer } from "@react-pdf/renderer";
import { FONT, FONT_BOLD, worksheetContent } from "./content.mjs";

const started = performance.now();
Font.register({ family: "Lato", fonts: [{ src: FONT, fontWeight: 400 }, { src: FONT_BOLD, fontWeight: 700 }] });
const style = {
  h1: { fontSize: 16, fontWeight: 700, marginTop: 14, marginBottom: 6 },
  h2: { fontSize: 12, fontWeight: 700, marginTop: 8, marginBottom: 4 },
  p: { fontSize: 10, lineHeight: 1.4, marginBottom: 4 },
  li: { fontSize: 10, lineHeight: 1.4, marginLeft: 12 },
};
const rounds = Number(process.argv[2] ?? 2.35);
const doc = h(Document, null, h(Page, { size: "A4", style: { padding: 50, fontFamily: "Lato" }, wrap: true }, ...worksheetContent(rounds).map((item, i) => h(Text, { key: i, style: style[item.kind] }, item.kind === "li" ? `• ${item.text}` : item.text))));
const bytes = await renderToBuffer(doc);
const pages = (bytes.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length;
console.log(JSON.stringify({ pages, ms: performance.now() - started, bytes: bytes.length, rss: process.resourceUsage().maxRSS / 1024 }));
