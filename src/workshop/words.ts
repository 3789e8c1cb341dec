// The print list in words: Danish for the page and printliste.pdf, English for the CLI. One entry's
// columns (how many, paper, sides, what to print, cutting) from its values; nothing is decided here.
import type { PrintEntry, PrintPaper, PrintRun } from "./printList.js";

export interface EntryWords {
  count: string;
  paper: string;
  sides: string;
  print: string;
  cut?: string;
}

/** A number and its unit kept on one line, as Danish typography has it (src/resolve/typography.ts does the same for the content). */
const nb = (n: number | string, unit: string) => `${n}\u00a0${unit}`;
const paperName = (p: PrintPaper) => (p === "LETTER" ? "US\u00a0Letter" : p);

function danishRun(run: PrintRun): string {
  const times = run.times === 1 ? nb(1, "gang") : nb(run.times, "gange");
  return run.pages ? `${times} side\u00a0${run.pages.from}–${run.pages.to}` : `hele filen ${times}`;
}

export function danishWords(e: PrintEntry): EntryWords {
  const runs = e.runs.map(danishRun);
  return {
    count: e.unit === "cards" ? nb(e.count, "kort") : nb(e.count, "stk."),
    paper: `${paperName(e.paper)}${e.heavy ? ", kraftigt papir (160–200\u00a0g/m²)" : ""}${e.paper === "A3" ? ", plakat" : ""}`,
    sides: e.duplex === "long" ? "Begge sider, vend på lang kant" : e.duplex === "short" ? "Begge sider, vend på kort kant" : "Én side",
    print: (runs.length > 1 ? `${runs[0]}, derefter ${runs.slice(1).join(", ")}` : runs[0]!).replace(/^./, (c) => c.toUpperCase()) + (e.sheets === undefined ? "" : ` (${nb(e.sheets, "ark")})`),
    cut: e.cut ? `Klip ${nb(e.cut.cards, "kort")} ud, ${nb(e.cut.perSheet, "pr.\u00a0ark")}, langs skærestregerne` : undefined,
  };
}

function englishRun(run: PrintRun): string {
  const times = run.times === 1 ? "once" : `${run.times} times`;
  return run.pages ? `pages ${run.pages.from}-${run.pages.to}, ${times}` : `the whole file ${times}`;
}

export function englishWords(e: PrintEntry): EntryWords {
  const runs = e.runs.map(englishRun);
  return {
    count: e.unit === "cards" ? `${e.count} cards` : `${e.count} ${e.count === 1 ? "copy" : "copies"}`,
    paper: `${paperName(e.paper)}${e.heavy ? ", heavy paper (160-200 g/m²)" : ""}${e.paper === "A3" ? ", poster" : ""}`,
    sides: e.duplex === "long" ? "both sides, flip on long edge" : e.duplex === "short" ? "both sides, flip on short edge" : "one side",
    print: (runs.length > 1 ? `${runs[0]}, then ${runs.slice(1).join(", ")}` : runs[0]!) + (e.sheets === undefined ? "" : ` (${e.sheets} sheet${e.sheets === 1 ? "" : "s"})`),
    cut: e.cut ? `cut out ${e.cut.cards} cards, ${e.cut.perSheet} a sheet, along the crop marks` : undefined,
  };
}
