// `npm run bench [-- --runs N --batch N --long]`: how fast and how big a build is, next to the
// reference engines rendering the same Danish worksheet text (bench/reference/), as ratios measured
// in one run. Speed goals live here, never in the tests. Every number is min / median / max of
// several runs; the default run takes a few minutes, `--long` adds RSS after 100 builds.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const ROOT = path.resolve(import.meta.dirname, "..");
const EXAMPLE = path.join(ROOT, "content/example-company.yaml");
const { values: flags } = parseArgs({
  options: { runs: { type: "string", default: "3" }, batch: { type: "string", default: "4" }, long: { type: "boolean", default: false } },
});
const RUNS = Number(flags.runs);
const BATCH = Number(flags.batch);
const work = mkdtempSync(path.join(tmpdir(), "wk-bench-"));

/** Profiles of different companies: name, colour and logo differ, contacts are the example's. */
function companies(n: number): string[] {
  const dir = path.join(work, "profiles");
  mkdirSync(dir, { recursive: true });
  const example = readFileSync(EXAMPLE, "utf8").replace(/^logo: (.*)$/m, (_, logo: string) => `logo: ${path.resolve(path.dirname(EXAMPLE), logo)}`);
  return Array.from({ length: n }, (_, i) => {
    const file = path.join(dir, `firma-${i + 1}.yaml`);
    const colour = `#${((0x1f6f8b + i * 0x2a1b3) % 0xffffff).toString(16).padStart(6, "0")}`;
    const text = example.replace(/^company: .*$/m, `company: Bench Firma ${i + 1} ApS`).replace(/^colour: .*$/m, `colour: "${colour}"`);
    writeFileSync(file, i % 2 ? text.replace(/^logo: .*$/m, "") : text);
    return file;
  });
}

interface Stats {
  min: number;
  median: number;
  max: number;
}
const stats = (xs: number[]): Stats => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0]!, median: s[Math.floor((s.length - 1) / 2)]!, max: s.at(-1)! };
};
const fmt = (s: Stats, unit: string, digits = 0) => `${s.min.toFixed(digits)} / ${s.median.toFixed(digits)} / ${s.max.toFixed(digits)} ${unit}`;

/** Runs a command as a fresh process; wall time and peak RSS (GNU time). */
function timed(args: string[], env: NodeJS.ProcessEnv = {}): { ms: number; peakMb: number; stdout: string } {
  const t = performance.now();
  const r = spawnSync("/usr/bin/time", ["-f", "%M", process.execPath, ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, ...env } });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${args.join(" ")} failed:\n${r.stderr}`);
  const peakKb = Number(r.stderr.trim().split("\n").at(-1));
  return { ms, peakMb: peakKb / 1024, stdout: r.stdout };
}

const cli = (...args: string[]) => [path.join(ROOT, "bin/workshopkit.js"), ...args];
const freshCache = () => mkdtempSync(path.join(work, "cache-"));
const say = (line: string) => console.log(line);

// References: the same Danish worksheet text, set in Lato.
const reactPdf = Array.from({ length: RUNS }, () => timed([path.join(ROOT, "bench/reference/react-pdf.mjs")]));
const reactPdfPages = JSON.parse(reactPdf[0]!.stdout).pages as number;
const pdfkitRun = JSON.parse(timed([path.join(ROOT, "bench/reference/pdfkit.mjs"), "2.35", String(RUNS + 2)]).stdout) as { pages: number; ms: number[]; rss: number };
const pdfkitPerPage = stats(pdfkitRun.ms.slice(2).map((ms) => ms / pdfkitRun.pages)); // the first documents warm the JIT
const reactCold = stats(reactPdf.map((r) => r.ms));

const profiles = companies(Math.max(BATCH, flags.long ? 100 : 12)); // every in-process build a different company (no cache hits)

// Fresh processes: nothing cached; then a second company once the first one's build filled the cache.
const freshCold = Array.from({ length: RUNS }, (_, i) => timed(cli("build", "--profile", profiles[i % 2]!, "--out", path.join(work, "out")), { WORKSHOPKIT_CACHE: freshCache() }));
const freshSecond = Array.from({ length: RUNS }, () => {
  const cache = freshCache();
  timed(cli("build", "--profile", profiles[0]!, "--out", path.join(work, "out")), { WORKSHOPKIT_CACHE: cache });
  return timed(cli("build", "--profile", profiles[1]!, "--out", path.join(work, "out")), { WORKSHOPKIT_CACHE: cache });
});

// One process, a different company every build: warm rebuild time, and RSS as builds go by.
const inprocCount = flags.long ? 100 : 10;
const inprocProfiles = Array.from({ length: inprocCount }, (_, i) => profiles[i % profiles.length]!);
const inproc = timed([path.join(ROOT, "bench/inproc.mjs"), path.join(work, "out"), ...inprocProfiles], { WORKSHOPKIT_CACHE: freshCache() });
const builds = inproc.stdout.trim().split("\n").map((l) => JSON.parse(l) as { ms: number; pages: number; rss: number; peak: number });
const pages = builds[0]!.pages;
const warm = stats(builds.slice(1).map((b) => b.ms));
const rssAt = (n: number) => builds[n - 1]?.rss;

// A batch of different companies: one command if the CLI takes several profiles, else one after another.
const batchProfiles = profiles.slice(0, BATCH);
let batchMs: number;
let batchHow: string;
try {
  batchMs = timed(cli("build", "--out", path.join(work, "batch"), "--profile", ...batchProfiles), { WORKSHOPKIT_CACHE: freshCache() }).ms;
  batchHow = "one command";
} catch {
  const cache = freshCache();
  batchMs = batchProfiles.reduce((sum, p) => sum + timed(cli("build", "--profile", p, "--out", path.join(work, "batch")), { WORKSHOPKIT_CACHE: cache }).ms, 0);
  batchHow = "one process each, one after another (no batch command)";
}
// Start-up of the light commands (they load no PDF, font or web modules): --help and list.
const help = Array.from({ length: RUNS }, () => timed(cli("--help")));
const list = Array.from({ length: RUNS }, () => timed(cli("list")));

// The web page's preview of a changed profile (cover, a worksheet page, a card sheet's front and back, the help card), warm.
let previewMs: Stats | undefined;
if (existsSync(path.join(ROOT, "src/preview/preview.ts"))) {
  const run = timed(["--import", "tsx", path.join(ROOT, "bench/preview.ts"), ...profiles.slice(0, RUNS + 1)]);
  previewMs = stats((JSON.parse(run.stdout.trim().split("\n").at(-1)!) as { ms: number[] }).ms);
}

rmSync(work, { recursive: true, force: true });

say(`workshopkit pack: ${pages} pages; min / median / max of ${RUNS} runs (warm: ${builds.length - 1} builds)`);
say("");
say("references, the same Danish worksheet text in Lato:");
say(`  react-pdf plain, cold process, ${reactPdfPages} pages: ${fmt(reactCold, "ms")}`);
say(`  pdfkit, font parsed once, warm:          ${fmt(pdfkitPerPage, "ms/page", 2)} (peak ${pdfkitRun.rss.toFixed(0)} MB)`);
say("");
say("workshopkit:");
say(`  --help:                                  ${fmt(stats(help.map((r) => r.ms)), "ms")}, peak ${fmt(stats(help.map((r) => r.peakMb)), "MB")}`);
say(`  list:                                    ${fmt(stats(list.map((r) => r.ms)), "ms")}, peak ${fmt(stats(list.map((r) => r.peakMb)), "MB")}`);
say(`  fresh process, nothing cached:           ${fmt(stats(freshCold.map((r) => r.ms)), "ms")}, peak ${fmt(stats(freshCold.map((r) => r.peakMb)), "MB")}`);
say(`  fresh process, 2nd company, warm cache:  ${fmt(stats(freshSecond.map((r) => r.ms)), "ms")}, peak ${fmt(stats(freshSecond.map((r) => r.peakMb)), "MB")}`);
say(`  warm rebuild, new company, one process:  ${fmt(warm, "ms")} = ${(warm.median / pages).toFixed(1)} ms/page`);
say(`  RSS in one process: after 1 ${rssAt(1)!.toFixed(0)} MB, after 10 ${rssAt(10)!.toFixed(0)} MB${flags.long ? `, after 100 ${rssAt(100)!.toFixed(0)} MB` : " (--long: after 100)"}; peak ${builds.at(-1)!.peak.toFixed(0)} MB`);
say(`  batch of ${BATCH} companies (${batchHow}): ${batchMs.toFixed(0)} ms, ${(batchMs / BATCH).toFixed(0)} ms per company`);
if (previewMs) say(`  preview of a changed profile, warm:      ${fmt(previewMs, "ms")}`);
say("");
say("ratios (target):");
const ratio = (label: string, value: number, target: number) => say(`  ${label.padEnd(58)} ${value.toFixed(2)}×  (≤ ${target}×) ${value <= target ? "met" : "NOT met"}`);
ratio("warm rebuild per page ÷ pdfkit per page", warm.median / pages / pdfkitPerPage.median, 3);
ratio("fresh build ÷ react-pdf cold 40 pages", stats(freshCold.map((r) => r.ms)).median / reactCold.median, 2);
ratio("fresh 2nd company (cache warm) ÷ react-pdf cold 40 pages", stats(freshSecond.map((r) => r.ms)).median / reactCold.median, 1);
ratio("peak RSS of a fresh build ÷ 300 MB", stats(freshCold.map((r) => r.peakMb)).median / 300, 1);
if (flags.long) ratio("RSS after 100 builds ÷ after 10", rssAt(100)! / rssAt(10)!, 1.2);
if (previewMs) ratio("warm preview of a changed profile ÷ 300 ms", previewMs.median / 300, 1);
say(`  batch speed-up over one company at a time:                ${((stats(freshCold.map((r) => r.ms)).median * BATCH) / batchMs).toFixed(2)}×`);
