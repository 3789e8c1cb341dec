// Bench child: builds the given profiles one after another in this one process and prints one JSON
// line per build (ms, pages, RSS). Runs the compiled dist/ when there is one, else the TypeScript.
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const ROOT = path.resolve(import.meta.dirname, "..");
const dist = path.join(ROOT, "dist/pipeline.js");
let pipeline;
if (existsSync(dist)) pipeline = await import(pathToFileURL(dist).href);
else {
  const { register } = await import("tsx/esm/api");
  register({ tsconfig: path.join(ROOT, "tsconfig.json") });
  pipeline = await import(pathToFileURL(path.join(ROOT, "src/pipeline.ts")).href);
}
const [out, ...profiles] = process.argv.slice(2);
for (const profile of profiles) {
  const t = performance.now();
  const r = await pipeline.build({ profile, out });
  const ms = performance.now() - t;
  console.log(JSON.stringify({ profile: path.basename(profile), ms, pages: r.pages, rss: process.memoryUsage().rss / 2 ** 20, peak: process.resourceUsage().maxRSS / 1024 }));
}
