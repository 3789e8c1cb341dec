// `npm run bench [-- --runs N --batch N --long]`: how fast and how big a build is, as ratios to plain
// react-pdf rendering the 40-page reference document of the anchors (`node cold.mjs reactpdf d2`, in
// WORKSHOPKIT_ANCHORS, default /tmp/anchors), measured in the same run, interleaved with our own runs
// so that a busy machine slows both alike. Speed goals live here, never in the tests (issue #18,
// item 8). Every number is min / median / max of several runs. Times are CPU time (user + sys, of the
// process and of every process it started, bench/cputime.py) unless called wall: on a machine others
// share, the wall clock says more about them than about us. `--long` adds the server's RSS after 100
// builds. Needs python3 (for bench/cputime.py, Linux).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { parse as parseYaml } from "yaml";

const ROOT = path.resolve(import.meta.dirname, "..");
const EXAMPLE = path.join(ROOT, "content/example-company.yaml");
const ANCHORS = path.resolve(process.env.WORKSHOPKIT_ANCHORS ?? "/tmp/anchors");
const { values: flags } = parseArgs({
  options: { runs: { type: "string", default: "3" }, batch: { type: "string", default: "4" }, long: { type: "boolean", default: false } },
});
const RUNS = Number(flags.runs);
const BATCH = Number(flags.batch);
const work = mkdtempSync(path.join(tmpdir(), "wk-bench-"));
const say = (line: string) => console.log(line);

/** The targets of issue #18, item 8. */
const TARGETS = { secondCompany: 0.5, firstBuild: 2, serverMs: 500, peakMb: 250, rssGrowth: 1.2 };

// Companies: name and colour differ; contacts are the example's.
// A company with a logo has its own file (the example's with its name in a comment), as companies do:
// nothing keyed by a logo's bytes is shared between them.
const example = parseYaml(readFileSync(EXAMPLE, "utf8")) as Record<string, unknown>;
const LOGO = readFileSync(path.resolve(path.dirname(EXAMPLE), example.logo as string), "utf8");
let made = 0;
/** A new company; with a logo of its own, or without one (then its name is printed in its place); by default every other one has a logo. */
function company(withLogo = made % 2 === 0): Record<string, unknown> {
  made += 1;
  const colour = `#${((0x1f6f8b + made * 0x2a1b3) % 0xffffff).toString(16).padStart(6, "0").toUpperCase()}`;
  const { logo: _, ...rest } = example;
  const name = `Bench Firma ${made} ApS`;
  let logo: string | undefined;
  if (withLogo) {
    logo = path.join(work, "logos", `firma-${made}.svg`);
    mkdirSync(path.dirname(logo), { recursive: true });
    writeFileSync(logo, LOGO.replace(/^(<svg[^>]*>)/, `$1<!-- ${name} -->`));
  }
  return { ...rest, company: name, colour, ...(logo ? { logo } : {}) };
}
function profileFile(profile: Record<string, unknown>): string {
  const file = path.join(work, "profiles", `firma-${made}.json`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(profile));
  return file;
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

interface Run {
  wallMs: number;
  cpuMs: number;
  peakMb: number;
  stdout: string;
}
/**
 * Runs a command as a fresh process: its wall time, the CPU time (user + sys) of it and of every
 * process it started (the logo decoder too: bench/cputime.py reaps them all), and the peak RSS of the
 * largest of them.
 */
function timed(args: string[], { env = {}, cwd = ROOT }: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Run {
  const r = spawnSync("python3", [path.join(ROOT, "bench/cputime.py"), process.execPath, ...args], { cwd, encoding: "utf8", env: { ...process.env, ...env }, maxBuffer: 64 * 2 ** 20 });
  if (r.status !== 0) throw new Error(`${args.join(" ")} failed:\n${r.stderr}`);
  const [wall, cpu, kb] = r.stderr.trim().split("\n").at(-1)!.split(" ").map(Number) as [number, number, number];
  return { wallMs: wall * 1000, cpuMs: cpu * 1000, peakMb: kb / 1024, stdout: r.stdout };
}
const cpu = (runs: Run[]) => stats(runs.map((r) => r.cpuMs));
const wall = (runs: Run[]) => stats(runs.map((r) => r.wallMs));
const peak = (runs: Run[]) => stats(runs.map((r) => r.peakMb));

const cli = (...args: string[]) => [path.join(ROOT, "bin/workshopkit.js"), ...args];
const freshCache = () => mkdtempSync(path.join(work, "cache-"));
const buildOf = (profile: string, cache: string) => timed(cli("build", "--profile", profile, "--out", path.join(work, "out")), { env: { WORKSHOPKIT_CACHE: cache } });

// The anchor: plain react-pdf, a fresh process, the 40-page document d2.
const anchorReady = existsSync(path.join(ANCHORS, "cold.mjs")) && existsSync(path.join(ANCHORS, "node_modules")) && existsSync(path.join(ANCHORS, "fonts"));
if (anchorReady) mkdirSync(path.join(ANCHORS, "out"), { recursive: true });
const anchor = () => timed(["cold.mjs", "reactpdf", "d2", path.join(work, "anchor-d2.pdf")], { cwd: ANCHORS });

// One round after another: the anchor, a first build ever (an empty cache), then a second company in a
// fresh process once the first one's build has filled the cache. Every build is of a new company.
const anchors: Run[] = [];
const firsts: Run[] = [];
const seconds: Run[] = [];
for (let i = 0; i < RUNS; i++) {
  if (anchorReady) anchors.push(anchor());
  const cache = freshCache();
  firsts.push(buildOf(profileFile(company(true)), cache));
  seconds.push(buildOf(profileFile(company(true)), cache)); // a company of its own, with a logo of its own
}
const pdfkit = anchorReady ? Array.from({ length: RUNS }, () => timed(["cold.mjs", "pdfkit", "d2", path.join(work, "pdfkit-d2.pdf")], { cwd: ANCHORS })) : [];

// The web server, running: a build for a new company each time (a logo uploaded for every other one),
// the first builds warming it; the server's wall and CPU time from the request to its "done" event.
const server = await serverBuilds(flags.long ? 100 : 10, 2);
const serverRuns = server.builds.slice(2); // builds[] counts from the server's first build

// A batch of different companies: one command.
const batchMs = timed(cli("build", "--out", path.join(work, "batch"), "--profile", ...Array.from({ length: BATCH }, () => profileFile(company()))), { env: { WORKSHOPKIT_CACHE: freshCache() } });
// Start-up of the light commands (they load no PDF, font or web modules): --help and list.
const help = Array.from({ length: RUNS }, () => timed(cli("--help")));
const list = Array.from({ length: RUNS }, () => timed(cli("list")));

// The web page's preview of a changed profile (cover, a worksheet page, a card sheet's front and back, the help card), warm.
let preview: { ms: Stats; cpuMs: Stats } | undefined;
if (existsSync(path.join(ROOT, "src/preview/preview.ts"))) {
  const run = timed(["--import", "tsx", path.join(ROOT, "bench/preview.ts"), ...Array.from({ length: RUNS + 1 }, () => profileFile(company()))]);
  const got = JSON.parse(run.stdout.trim().split("\n").at(-1)!) as { ms: number[]; cpuMs: number[] };
  preview = { ms: stats(got.ms), cpuMs: stats(got.cpuMs) };
}

rmSync(work, { recursive: true, force: true });

const builds = [...firsts, ...seconds];
say(`workshopkit pack: ${server.pages} pages; min / median / max of ${RUNS} runs (server: ${serverRuns.length} builds once warm); CPU time (user + sys) unless wall`);
say("");
if (anchorReady) {
  say(`anchor (${ANCHORS}), the 40-page document d2, a fresh process:`);
  say(`  react-pdf plain (node cold.mjs reactpdf d2):  ${fmt(cpu(anchors), "ms")}  (wall ${fmt(wall(anchors), "ms")}), peak ${fmt(peak(anchors), "MB")}`);
  say(`  pdfkit (node cold.mjs pdfkit d2):             ${fmt(cpu(pdfkit), "ms")}  (wall ${fmt(wall(pdfkit), "ms")})`);
} else {
  say(`anchor: not installed at ${ANCHORS}, so no ratios. To install it (see ../shared/anchors/README.md):`);
  say(`  cp -r ../shared/anchors ${ANCHORS} && cd ${ANCHORS} && npm install`);
  say("  mkdir -p fonts out && cp /usr/share/fonts/truetype/dejavu/DejaVuSans*.ttf fonts/");
  say("  (or set WORKSHOPKIT_ANCHORS to where it is)");
}
say("");
say("workshopkit:");
say(`  first build ever (empty cache), fresh process: ${fmt(cpu(firsts), "ms")}  (wall ${fmt(wall(firsts), "ms")}), peak ${fmt(peak(firsts), "MB")}`);
say(`  a second company, fresh process:               ${fmt(cpu(seconds), "ms")}  (wall ${fmt(wall(seconds), "ms")}), peak ${fmt(peak(seconds), "MB")}`);
say(`  a new company in a running server, warm:       ${fmt(stats(serverRuns.map((b) => b.cpuMs)), "ms")}  (wall ${fmt(stats(serverRuns.map((b) => b.wallMs)), "ms")})`);
say(`  the server's RSS: after 1 build ${server.builds[0]!.rssMb.toFixed(0)} MB, after 10 ${server.builds[9]!.rssMb.toFixed(0)} MB${flags.long ? `, after 100 ${server.builds[99]!.rssMb.toFixed(0)} MB` : " (--long: after 100)"}; peak ${server.peakMb.toFixed(0)} MB`);
say(`  batch of ${BATCH} companies, one command:         ${batchMs.cpuMs.toFixed(0)} ms (wall ${batchMs.wallMs.toFixed(0)} ms), ${(batchMs.cpuMs / BATCH).toFixed(0)} ms per company`);
say(`  --help:                                        ${fmt(cpu(help), "ms")}, peak ${fmt(peak(help), "MB")}`);
say(`  list:                                          ${fmt(cpu(list), "ms")}, peak ${fmt(peak(list), "MB")}`);
if (preview) say(`  preview of a changed profile, warm:            ${fmt(preview.cpuMs, "ms")}  (wall ${fmt(preview.ms, "ms")})`);
say("");
say("targets (issue #18, item 8), on the medians:");
const check = (label: string, shown: string, value: number, target: number, unit = "") => say(`  ${label.padEnd(56)} ${shown.padStart(9)}  (≤ ${target}${unit}) ${value <= target ? "PASS" : "MISS"}`);
if (anchorReady) {
  const a = cpu(anchors).median;
  check("a second company, fresh process ÷ react-pdf cold d2", `${(cpu(seconds).median / a).toFixed(2)}×`, cpu(seconds).median / a, TARGETS.secondCompany, "×");
  check("the first build ever ÷ react-pdf cold d2", `${(cpu(firsts).median / a).toFixed(2)}×`, cpu(firsts).median / a, TARGETS.firstBuild, "×");
}
const serverMs = stats(serverRuns.map((b) => b.cpuMs)).median;
check("a new company in a running server, warm", `${serverMs.toFixed(0)} ms`, serverMs, TARGETS.serverMs, " ms");
const worst = Math.max(...builds.map((r) => r.peakMb));
check("peak RSS of a build (the largest of every fresh build)", `${worst.toFixed(0)} MB`, worst, TARGETS.peakMb, " MB");
if (flags.long) check("the server's RSS after 100 builds ÷ after 10", `${(server.builds[99]!.rssMb / server.builds[9]!.rssMb).toFixed(2)}×`, server.builds[99]!.rssMb / server.builds[9]!.rssMb, TARGETS.rssGrowth, "×");
const oneByOne = cpu(firsts).median + (BATCH - 1) * cpu(seconds).median;
say(`  a batch of ${BATCH} ÷ (a first build + ${BATCH - 1} second companies, a process each): ${(batchMs.cpuMs / oneByOne).toFixed(2)}×`);

/**
 * `workshopkit serve` in a process of its own with an empty cache: `count` builds of new companies
 * through its API, as the page makes them, one after another. CPU time is the server process's own
 * (from /proc), RSS its resident size after each build.
 */
async function serverBuilds(count: number, warmup: number): Promise<{ builds: { wallMs: number; cpuMs: number; rssMb: number }[]; pages: number; peakMb: number }> {
  const child = spawn(process.execPath, cli("serve"), { cwd: work, env: { ...process.env, WORKSHOPKIT_CACHE: freshCache() }, stdio: ["ignore", "pipe", "inherit"] });
  try {
    const base = await new Promise<string>((ok, fail) => {
      let seen = "";
      child.stdout.on("data", (chunk: Buffer) => {
        seen += chunk.toString();
        const url = /http:\/\/\S+\//.exec(seen);
        if (url) ok(url[0]);
      });
      child.on("exit", (code) => fail(new Error(`workshopkit serve exited (${code}) before it listened:\n${seen}`)));
    });
    const upload = async (file: string) => {
      const form = new FormData();
      form.append("logo", new Blob([readFileSync(file)], { type: "image/svg+xml" }), path.basename(file));
      return ((await (await fetch(`${base}api/logo`, { method: "POST", body: form })).json()) as { id: string }).id;
    };
    const proc = (field: string) => readFileSync(`/proc/${child.pid}/${field}`, "utf8");
    const ticks = () => proc("stat").split(") ")[1]!.split(" ").slice(11, 13).reduce((n, t) => n + Number(t), 0);
    const tickMs = 1000 / Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim() || 100);
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(proc("status"))![1]);
    const builds: { wallMs: number; cpuMs: number; rssMb: number }[] = [];
    let pages = 0;
    for (let i = 0; i < count + warmup; i++) {
      const { logo: file, ...profile } = company();
      const logo = file && (await upload(file as string)); // as the page does, before the build is asked for
      const startTicks = ticks();
      const t = performance.now();
      const queued = await fetch(`${base}api/builds`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ profile, ...(logo ? { logo } : {}) }) });
      if (queued.status !== 202) throw new Error(`the server refused a build (${queued.status}): ${await queued.text()}`);
      const { id } = (await queued.json()) as { id: string };
      const events = await (await fetch(`${base}api/builds/${id}/events`)).text();
      const wallMs = performance.now() - t;
      const done = /event: done\ndata: (.*)\n/.exec(events);
      if (!done) throw new Error(`a build failed in the server:\n${events.slice(-2000)}`);
      const result = JSON.parse(done[1]!) as { pack: string; files: { file: string; pages?: number }[] };
      pages = result.files.filter((f) => f.file !== result.pack).reduce((n, f) => n + (f.pages ?? 0), 0); // the materials' pages
      builds.push({ wallMs, cpuMs: (ticks() - startTicks) * tickMs, rssMb: kb("VmRSS") / 1024 });
    }
    return { builds, pages, peakMb: kb("VmHWM") / 1024 };
  } finally {
    child.kill();
  }
}
