// A batch: several profiles (or a folder of them) built in one run across worker threads; a bad
// profile is reported and the others are built; each pack is byte-identical to a single build.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { logoKey } from "../src/cache/logoCache.js";
import { measuresKey } from "../src/cache/measureCache.js";
import { buildPack, EXAMPLE_PROFILE, ROOT, runCli, tempDir } from "./support/build.js";

const ONLY = ["about", "v04"];

function profiles(dir: string): { good: string[]; bad: string } {
  mkdirSync(dir, { recursive: true });
  const logo = path.resolve(path.dirname(EXAMPLE_PROFILE), "../assets/default-logo.svg");
  const example = readFileSync(EXAMPLE_PROFILE, "utf8").replace(/^logo: .*$/m, `logo: ${logo}`);
  const write = (name: string, text: string) => {
    writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  };
  return {
    good: [
      write("a-firma.yaml", example.replace(/^company: .*$/m, "company: Alfa Værktøj ApS")),
      write("b-firma.yaml", example.replace(/^company: .*$/m, "company: Beta Bageri I/S").replace(/^colour: .*$/m, 'colour: "#FFE066"')),
    ],
    bad: write("c-firma.yaml", example.replace(/^colour: .*$/m, 'colour: "grønlig"')),
  };
}

describe("workshopkit build with several profiles", () => {
  it("builds the good ones, reports the bad one, exits 1, and each pack is the single build's, byte for byte", async () => {
    const dir = tempDir("wk-batch-");
    const { good, bad } = profiles(path.join(dir, "profiles"));
    const out = path.join(dir, "out");
    // The batch renders afresh, without a cache; the single builds take what every company shares from the run's
    // cache (tests/support/runCache.ts). The other way round, a batch's cache against single builds rendered
    // afresh, is the test after the next.
    const r = runCli(["build", "--only", ...ONLY, "--out", out, "--profile", ...good, bad], undefined, { WORKSHOPKIT_CACHE: "off" });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/a-firma\.yaml\s+built\s+\d+/);
    expect(r.stdout).toMatch(/b-firma\.yaml\s+built\s+\d+/);
    expect(r.stdout).toMatch(/c-firma\.yaml\s+FAILED/);
    expect(r.stdout).toMatch(/c-firma\.yaml › colour/);
    expect(r.stdout).toContain("2 of 3 companies built");
    expect(r.stderr).toContain("1 of 3 profiles failed");

    for (const [profile, folder] of [[good[0]!, "alfa-vaerktoej-aps"], [good[1]!, "beta-bageri-i-s"]] as const) {
      const single = await buildPack({ profile, only: ONLY });
      const batchManifest = JSON.parse(readFileSync(path.join(out, path.basename(single.dir), "manifest.json"), "utf8"));
      const singleManifest = JSON.parse(readFileSync(path.join(single.dir, "manifest.json"), "utf8"));
      expect(batchManifest, folder).toEqual(singleManifest);
      for (const f of single.files) expect(readFileSync(path.join(out, path.basename(single.dir), f.file)).equals(readFileSync(path.join(single.dir, f.file))), f.file).toBe(true);
    }
  });

  it("takes a folder of profiles", () => {
    const dir = tempDir("wk-batch-");
    profiles(path.join(dir, "profiles"));
    const r = runCli(["build", "--only", "about", "--out", path.join(dir, "out"), "--profile", path.join(dir, "profiles")]);
    expect(r.stdout, r.stderr).toContain("2 of 3 companies built");
    expect(r.stdout.match(/^\S*[abc]-firma\.yaml +(built|FAILED) /gm)).toHaveLength(3);
  });

  it("with a cache, keeps the pages every company shares once for all companies, and each pack is still the single build's", async () => {
    const dir = tempDir("wk-batch-");
    const { good } = profiles(path.join(dir, "profiles"));
    const out = path.join(dir, "out");
    const cache = path.join(dir, "cache");
    const only = ["about", "v04", "policy"]; // the policy holds the company's name: one each
    const r = runCli(["build", "--only", ...only, "--out", out, "--cache-dir", cache, "--profile", ...good]);
    expect(r.status, r.stderr).toBe(0);
    // The materials' entries: not the text widths, nor the example's logo (src/cache/measureCache.ts, logoCache.ts).
    const others = [measuresKey(), logoKey(readFileSync(path.join(ROOT, "assets/default-logo.svg")))].map((key) => `${key}.bin`);
    const entries = readdirSync(cache, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".bin") && !others.includes(path.basename(f)));
    expect(entries).toHaveLength(2 + good.length);
    for (const profile of good) {
      const single = await buildPack({ profile, only, cacheDir: false });
      for (const f of single.files) expect(readFileSync(path.join(out, path.basename(single.dir), f.file)).equals(readFileSync(path.join(single.dir, f.file))), f.file).toBe(true);
    }
  });
});

describe("a workshop batch (--participants, --groups)", () => {
  it("prints the print list once when it is the same for every company, and per company when their paper differs", () => {
    const dir = tempDir("wk-batch-");
    const { good } = profiles(path.join(dir, "profiles"));
    const workshop = ["build", "--only", "v04", "--participants", "8", "--groups", "2"];
    const same = runCli([...workshop, "--out", path.join(dir, "same"), "--profile", ...good]);
    expect(same.status, same.stderr).toBe(0);
    expect(same.stdout.match(/^Print list/gm)).toEqual(["Print list"]);
    expect(same.stdout).toContain("Print list, the same for every company (each company's folder has it as printliste.pdf). Print at actual size (100 %):");
    expect(same.stdout).toMatch(/^ {2}v04\.pdf: 9 copies; A4, both sides/m);
    for (const folder of ["alfa-vaerktoej-aps", "beta-bageri-i-s"]) expect(readdirSync(path.join(dir, "same", folder))).toContain("printliste.pdf");

    const letter = path.join(dir, "profiles", "b-firma.yaml");
    writeFileSync(letter, readFileSync(letter, "utf8").replace(/^paper: .*$/m, "paper: Letter"));
    const mixed = runCli([...workshop, "--out", path.join(dir, "mixed"), "--profile", ...good]);
    expect(mixed.status, mixed.stderr).toBe(0);
    expect(mixed.stdout).toMatch(/^Print list for \S*a-firma\.yaml \(also printliste\.pdf in its folder\)/m);
    expect(mixed.stdout).toMatch(/^Print list for \S*b-firma\.yaml[^\n]*\n {2}v04\.pdf: 9 copies; US\sLetter/m);
  });
});
