// `npm run bench [-- N]`: builds the example pack N times in one process, then once as a fresh
// process (start-up included), and prints pages, ms per page and peak memory. Speed goals live here,
// never in the tests.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { build } from "../src/pipeline.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const PROFILE = path.join(ROOT, "content/example-company.yaml");
const runs = Number(process.argv[2] ?? 3);
const out = mkdtempSync(path.join(tmpdir(), "wk-bench-"));

const times: number[] = [];
let pages = 0;
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  const r = await build({ profile: PROFILE, out });
  times.push(performance.now() - t);
  pages = r.pages;
}
const peakMb = process.resourceUsage().maxRSS / 1024;

const t = performance.now();
const fresh = spawnSync(process.execPath, [path.join(ROOT, "bin/workshopkit.js"), "build", "--profile", PROFILE, "--out", out], { encoding: "utf8" });
const freshMs = performance.now() - t;
if (fresh.status !== 0) throw new Error(`fresh build failed:\n${fresh.stderr}`);
rmSync(out, { recursive: true, force: true });

const best = Math.min(...times);
const mean = times.reduce((a, b) => a + b, 0) / times.length;
console.log(`pages per pack:        ${pages}`);
console.log(`in-process, ${runs} builds: best ${best.toFixed(0)} ms, mean ${mean.toFixed(0)} ms, ${(best / pages).toFixed(1)} ms per page`);
console.log(`fresh process:         ${freshMs.toFixed(0)} ms (${(freshMs / pages).toFixed(1)} ms per page, start-up included)`);
console.log(`peak memory (RSS):     ${peakMb.toFixed(0)} MB`);
