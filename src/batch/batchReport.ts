// What a batch shows: one progress line for the whole batch (on a terminal; plain lines as each
// company finishes otherwise), and a table of every company at the end.
import path from "node:path";
import type { Writable } from "node:stream";
import type { BatchProgress, BatchResult } from "./runBatch.js";
import { printListLines } from "../cli/progress.js";

export function batchProgress(stream: Writable & { isTTY?: boolean; columns?: number }) {
  const tty = Boolean(stream.isTTY);
  let finished = 0;
  return {
    update(p: BatchProgress) {
      if (tty) {
        const line = p.shared && p.built + p.failed + p.building.length === 0
          ? `Preparing the pages every company shares: ${p.shared.done}/${p.shared.total} materials`
          : `Companies ${p.built + p.failed}/${p.companies}${p.failed ? ` (${p.failed} failed)` : ""} · materials ${p.materials.done}/${p.materials.total} · building ${p.building.map((f) => path.basename(f)).join(", ")}`;
        const width = stream.columns && stream.columns > 20 ? stream.columns : 80;
        stream.write(`\r\x1b[2K${line.slice(0, width - 1)}`);
      } else if (p.built + p.failed > finished) {
        finished = p.built + p.failed;
        stream.write(`Companies ${finished}/${p.companies} done${p.failed ? ` (${p.failed} failed)` : ""}\n`);
      }
    },
    end() {
      if (tty) stream.write("\r\x1b[2K");
    },
  };
}

/** The summary table: profile, result, pages, time, folder or error; then each error in full. */
export function batchSummary(results: BatchResult[], milliseconds: number, cwd = process.cwd()): string[] {
  const rows = results.map(({ profile, outcome }) => [
    profile,
    outcome.ok ? "built" : "FAILED",
    outcome.ok ? String(outcome.pages) : "",
    `${(outcome.ms / 1000).toFixed(1)} s`,
    outcome.ok ? `${path.relative(cwd, outcome.dir) || outcome.dir}/` : outcome.error.split("\n")[0]!,
  ]);
  const head = ["profile", "result", "pages", "time", "folder / error"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join("  ").trimEnd();
  const failed = results.filter((r) => !r.outcome.ok);
  const warned = results.filter((r) => r.outcome.ok && r.outcome.warnings.length > 0);
  const lines = [line(head), line(widths.map((w) => "-".repeat(w))), ...rows.map(line), ""];
  lines.push(`${results.length - failed.length} of ${results.length} companies built in ${(milliseconds / 1000).toFixed(1)} s${failed.length ? `; ${failed.length} failed` : ""}.`);
  if (warned.length > 0) lines.push(`${warned.length} with warnings (fields printed as lines to fill in by hand, say): build one alone to see them.`);
  for (const { profile, outcome } of failed) {
    if (outcome.ok) continue;
    lines.push("", `${profile}:`, `  Error: ${outcome.error.split("\n").join("\n  ")}`);
    if (outcome.hint) lines.push(`  ${outcome.hint}`);
  }
  return lines;
}

/** A workshop batch's print list: once when every company's is the same (the usual case), else one per company. */
export function batchPrintLists(results: BatchResult[]): string[] {
  const listed = results.flatMap(({ profile, outcome }) => (outcome.ok && outcome.printList ? [{ profile, list: outcome.printList }] : []));
  if (listed.length === 0) return [];
  const same = listed.every(({ list }) => JSON.stringify(list) === JSON.stringify(listed[0]!.list));
  if (same) return printListLines(listed[0]!.list, "Print list, the same for every company (each company's folder has it as printliste.pdf)");
  return listed.flatMap(({ profile, list }) => printListLines(list, `Print list for ${profile} (also printliste.pdf in its folder)`));
}
