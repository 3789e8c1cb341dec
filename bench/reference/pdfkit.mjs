// Reference: pdfkit with its fonts parsed once (the floor for a JS PDF writer), the same worksheet
// text in Lato; renders the document `repeat` times in one process. Prints JSON.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { FONT, FONT_BOLD, worksheetContent } from "./content.mjs";

// pdfkit parses a font given as bytes again for every document: hand it the parsed font instead.
const require = createRequire(import.meta.url);
const fontkitPath = require.resolve("fontkit", { paths: [require.resolve("pdfkit")] });
const fontkit = require(fontkitPath);
const parsed = new Map();
const create = (src, family) => {
  if (!parsed.has(src)) parsed.set(src, fontkit.create(src, family));
  return parsed.get(src);
};
require.cache[fontkitPath].exports = { ...fontkit, create };
const PDFDocument = require("pdfkit");
const rounds = Number(process.argv[2] ?? 2.35);
const repeat = Number(process.argv[3] ?? 5);
const regular = readFileSync(FONT);
const bold = readFileSync(FONT_BOLD);
const content = worksheetContent(rounds);
const size = { h1: 16, h2: 12, p: 10, li: 10 };

function render() {
  const doc = new PDFDocument({ size: "A4", margin: 50, autoFirstPage: true });
  doc.registerFont("Lato", regular);
  doc.registerFont("Lato-Bold", bold);
  let pages = 1;
  doc.on("pageAdded", () => pages++);
  const chunks = [];
  doc.on("data", (c) => chunks.push(c));
  const done = new Promise((r) => doc.on("end", r));
  for (const item of content) {
    doc.font(item.kind.startsWith("h") ? "Lato-Bold" : "Lato").fontSize(size[item.kind]);
    if (item.kind.startsWith("h")) doc.moveDown(0.5);
    doc.text(item.kind === "li" ? `• ${item.text}` : item.text, { lineGap: 4, indent: item.kind === "li" ? 12 : 0 });
  }
  doc.end();
  return done.then(() => ({ pages, bytes: Buffer.concat(chunks).length }));
}

const ms = [];
let result;
for (let i = 0; i < repeat; i++) {
  const t = performance.now();
  result = await render();
  ms.push(performance.now() - t);
}
console.log(JSON.stringify({ ...result, ms, rss: process.resourceUsage().maxRSS / 1024 }));
