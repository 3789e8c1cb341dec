// `node bench/identical.mjs save DIR` / `check DIR`: are the packs still byte for byte what they were?
// Builds two packs with the CLI, afresh (WORKSHOPKIT_CACHE=off), each in a process of its own:
// the example company's, and a Letter pack of a company with a very long name, a light colour
// (#FFE066), no logo and most contacts missing. `save` records the sha256 of every file (and keeps
// the files, to compare what differs); `check` builds again and lists every file added, missing or
// changed, exiting 1 if any. A change that alters output on purpose says why in its commit.
// `check DIR --cached` builds with one build cache instead, empty at first: the Letter pack, the
// example (what it shares with the first is taken from the cache), then both again (all from it).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const EXAMPLE = path.join(ROOT, "content/example-company.yaml");

/** 104 characters with Danish letters: two lines in the help card's footer (a name of 200, the most a profile may hold, does not fit the help card there). */
const LONG_NAME = "Østjyllands Forenede Maskin-, Værktøjs- og Stålkonstruktionsfabrikker for Fødevare- og Træindustrien A/S";

/** The packs checked: a name (its folder in DIR) and the profile, as YAML. */
const PACKS = {
  example: readFileSync(EXAMPLE, "utf8").replace(/^logo: (.*)$/m, (_, logo) => `logo: ${path.resolve(path.dirname(EXAMPLE), logo)}`),
  "letter-long": [
    `company: ${LONG_NAME}`,
    'colour: "#FFE066"',
    "paper: Letter",
    "contacts:",
    "  hr:",
    "    name: Personalekontoret",
    "  counselling:",
    "    name: Falck Healthcare",
    "films: {}",
    "",
  ].join("\n"),
};

const [command, dir, ...rest] = process.argv.slice(2);
const cached = rest.includes("--cached");
if (!["save", "check"].includes(command) || !dir || rest.some((a) => a !== "--cached") || (cached && command !== "check")) {
  console.error("usage: node bench/identical.mjs save DIR | check DIR [--cached]");
  process.exit(2);
}
const baseline = path.resolve(dir);

const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");

/** Every file under `root`, by its path relative to it, with its sha256. */
function hashes(root) {
  const out = {};
  const walk = (at) => {
    for (const entry of readdirSync(at, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const file = path.join(at, entry.name);
      if (entry.isDirectory()) walk(file);
      else out[path.relative(root, file).split(path.sep).join("/")] = sha256(readFileSync(file));
    }
  };
  walk(root);
  return out;
}

/** Builds `name`'s pack with the CLI, nothing cached (or with the one cache of --cached); the folder it wrote. */
function buildPack(work, name, yaml, run) {
  const profile = path.join(work, `${name}.yaml`);
  const out = path.join(work, "out", `${name}${run}`);
  writeFileSync(profile, yaml);
  const env = { ...process.env, WORKSHOPKIT_CACHE: cached ? path.join(work, "cache") : "off" };
  delete env.SOURCE_DATE_EPOCH; // every PDF dated by the content
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin/workshopkit.js"), "build", "--profile", profile, "--out", out], { cwd: work, env, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`build of ${name} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  const [folder, ...more] = readdirSync(out);
  if (!folder || more.length) throw new Error(`build of ${name}: expected one company folder in ${out}, found ${[folder, ...more].join(", ")}`);
  return path.join(out, folder);
}

const work = mkdtempSync(path.join(tmpdir(), "wk-identical-"));
let differences = 0;
try {
  const now = {};
  const order = cached ? ["letter-long", "example", "letter-long", "example"] : Object.keys(PACKS);
  for (const [i, name] of order.entries()) {
    const yaml = PACKS[name];
    const run = order.indexOf(name) === i ? "" : " (again, from the cache)";
    const folder = buildPack(work, name, yaml, run ? "-again" : "");
    now[name + run] = { folder: path.basename(folder), files: hashes(folder) };
    if (command === "save") {
      rmSync(path.join(baseline, name), { recursive: true, force: true });
      mkdirSync(baseline, { recursive: true });
      cpSync(folder, path.join(baseline, name), { recursive: true });
      writeFileSync(path.join(baseline, `${name}.yaml`), yaml);
    }
  }
  if (command === "save") {
    const head = spawnSync("git", ["rev-parse", "HEAD"], { cwd: ROOT, encoding: "utf8" }).stdout.trim();
    writeFileSync(path.join(baseline, "sha256.json"), `${JSON.stringify({ commit: head, packs: now }, null, 2)}\n`);
    for (const [name, pack] of Object.entries(now)) console.log(`${name}: ${Object.keys(pack.files).length} files saved (${pack.folder})`);
    console.log(`baseline of ${head.slice(0, 7)} in ${baseline}`);
  } else {
    const file = path.join(baseline, "sha256.json");
    if (!existsSync(file)) throw new Error(`no baseline at ${file}: run "node bench/identical.mjs save ${dir}" first`);
    const saved = JSON.parse(readFileSync(file, "utf8"));
    for (const [run, pack] of Object.entries(now)) {
      const name = run.replace(/ \(.*/, "");
      const was = saved.packs[name]?.files ?? {};
      const lines = [];
      if (saved.packs[name]?.folder !== pack.folder) lines.push(`  folder ${saved.packs[name]?.folder} is now ${pack.folder}`);
      for (const f of Object.keys(was)) if (!(f in pack.files)) lines.push(`  missing  ${f}`);
      for (const [f, h] of Object.entries(pack.files)) {
        if (!(f in was)) lines.push(`  added    ${f}`);
        else if (was[f] !== h) lines.push(`  changed  ${f}`);
      }
      differences += lines.length;
      const total = Object.keys(pack.files).length;
      console.log(lines.length ? `${run}: ${lines.length} of ${total} files differ from ${saved.commit.slice(0, 7)}:\n${lines.join("\n")}` : `${run}: all ${total} files byte-identical to ${saved.commit.slice(0, 7)}`);
    }
    if (differences) {
      const kept = path.join(work, "out");
      console.log(`the files built now are kept in ${kept} (the baseline's in ${baseline}/<pack>)`);
    }
  }
} finally {
  if (!differences) rmSync(work, { recursive: true, force: true });
}
process.exit(differences ? 1 : 0);
