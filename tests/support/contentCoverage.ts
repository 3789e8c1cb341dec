// Author's aid: how much of the sources the content files hold so far (before anything is rendered).
// `npx tsx tests/support/contentCoverage.ts [seed]` lists the source lines not yet found in content/.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { checkCoverage, loadExclusions } from "./sourceCoverage.js";

const root = path.resolve(import.meta.dirname, "../../content");
const texts: string[] = [];
const walk = (dir: string) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (/\.ya?ml$/.test(e.name)) texts.push(readFileSync(p, "utf8").replace(/\n\s*note:.*$/gm, ""));
  }
};
walk(root);
const only = process.argv[2];
const r = checkCoverage(texts.join("\n"), loadExclusions());
const missing = only ? r.missing.filter((m) => m.file === only) : r.missing;
for (const m of missing) console.log(`${m.file}: ${m.line}`);
for (const e of r.missingRepairs) console.log(`repair not found (${e.file}): ${e.repaired}`);
console.log(`coverage ${(((r.checked - r.missing.length) / r.checked) * 100).toFixed(1)} % of ${r.checked} source lines; ${missing.length} missing${only ? ` in ${only}` : ""}`);
