// Bench child: the web page's live preview (src/preview) of a changed profile, warm: one preview
// to load and warm up, then one per profile given, each a different company (name, colour, logo).
// Prints JSON: ms of each warm preview.
import path from "node:path";
import { loadContent } from "../src/load/loadContent.js";
import { loadProfile } from "../src/load/loadProfile.js";
import { preview } from "../src/preview/preview.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const toolkit = await loadContent(path.join(ROOT, "content"));
const date = new Date(`${toolkit.info.date}T00:00:00Z`);
const [first, ...profiles] = process.argv.slice(2);
await preview({ toolkit, profile: await loadProfile(first!), date });
const ms: number[] = [];
for (const file of profiles) {
  const profile = await loadProfile(file);
  const t = performance.now();
  await preview({ toolkit, profile, date });
  ms.push(performance.now() - t);
}
console.log(JSON.stringify({ ms }));
