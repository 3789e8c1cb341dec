// Progress while building: one rewritten line with a bar on a terminal, plain lines otherwise
// (CI, logs); and the summary printed at the end.
import path from "node:path";
import type { Writable } from "node:stream";
import { escapeControl } from "../errors.js";
import type { BuildResult } from "../pipeline.js";
import type { PrintEntry } from "../workshop/printList.js";
import { englishWords } from "../workshop/words.js";

const BAR = 20;

export function progressReporter(stream: Writable & { isTTY?: boolean; columns?: number }) {
  const tty = Boolean(stream.isTTY);
  let shown = false;
  return {
    update({ done, total, material }: { done: number; total: number; material: string }) {
      const counter = `${String(done).padStart(String(total).length)}/${total}`;
      if (tty) {
        const filled = Math.round((done / total) * BAR);
        const line = `[${"#".repeat(filled)}${"-".repeat(BAR - filled)}] Built ${counter}: ${material}`;
        // A terminal of unknown width (columns 0 or undefined) is taken as 80 wide.
        const width = stream.columns && stream.columns > 20 ? stream.columns : 80;
        stream.write(`\r\x1b[2K${line.slice(0, width - 1)}`);
        shown = true;
      } else {
        stream.write(`Built ${counter}: ${material}\n`);
      }
    },
    /** Clears the progress line; call it also when the build fails, before the error is printed. */
    end() {
      if (tty && shown) stream.write("\r\x1b[2K");
      shown = false;
    },
  };
}

const pages = (n: number) => `${n} page${n === 1 ? "" : "s"}`;

/** What the build made, how long it took, and what the user should know (open contacts, say). */
export function buildSummary(result: BuildResult, milliseconds: number, cwd = process.cwd()): string[] {
  const where = escapeControl(path.relative(cwd, result.dir) || result.dir);
  const listed = result.printList ? 1 : 0; // the print list: a file of its own, not a material
  const materials = result.files.length - 1 - listed;
  const lines = [
    `Built ${result.files.length} PDFs (${materials} material${materials === 1 ? "" : "s"}${listed ? ", the print list" : ""} and the complete pack), ${pages(result.pages)}, in ${(milliseconds / 1000).toFixed(1)} s → ${where}/`,
    // The pack holds the materials' pages again, plus its own: say so, or the two page counts look like a mistake.
    `For the print shop: ${result.pack.file} (${result.pack.pages} pages) holds the ${pages(result.packedPages)} of the material${materials === 1 ? "" : "s"} on its paper plus ${result.pack.pages - result.packedPages} of its own (cover, contents, any blank backs); manifest.json lists every file with its pages and sha256.`,
  ];
  if (result.word.length > 0) lines.push(`To edit in Word or LibreOffice, the same text as their PDFs: ${result.word.map((w) => w.file).join(", ")}.`);
  if (result.warnings.length > 0) {
    lines.push(`${result.warnings.length} warning${result.warnings.length === 1 ? "" : "s"}:`);
    for (const w of result.warnings) lines.push(`  - ${escapeControl(w.message)}`);
  }
  return lines;
}

/** The workshop's print list (printliste.pdf in Danish), for whoever prints: one block per file. */
export function printListLines(entries: PrintEntry[], heading = "Print list (also printliste.pdf, and the pack's first page after the contents)"): string[] {
  const lines = ["", `${heading}. Print at actual size (100 %):`];
  for (const e of entries) {
    const w = englishWords(e);
    lines.push(`  ${e.file}: ${w.count}; ${w.paper}, ${w.sides}; print ${w.print}${w.cut ? `; ${w.cut}` : ""}`);
  }
  return lines;
}
