// Bad input, as a user would give it: a clear message naming file and field, exit 1, nothing lost.
import { crc32 } from "node:zlib";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, runCli, tempDir } from "./support/build.js";

/** `png` with its header rewritten to claim `width` × `height` pixels (CRC fixed, so decoders read the header). */
function pngClaiming(width: number, height: number, png: Buffer): Buffer {
  const out = Buffer.from(png);
  out.writeUInt32BE(width, 16);
  out.writeUInt32BE(height, 20);
  out.writeUInt32BE(crc32(out.subarray(12, 29)), 29);
  return out;
}

const EXAMPLE = readFileSync(path.join(ROOT, "content/example-company.yaml"), "utf8");
let dir: string;

/** Writes a profile (the example with `edit` applied) into the temp folder; returns its path. */
function profile(name: string, edit: (yaml: string) => string = (y) => y): string {
  const file = path.join(dir, name);
  writeFileSync(file, edit(EXAMPLE.replace("../assets/default-logo.svg", "logo.svg")));
  return file;
}

function buildWith(file: string, out = path.join(dir, "out")) {
  return runCli(["build", "--profile", file, "--out", out, "--only", "policy"], dir);
}

beforeAll(async () => {
  dir = tempDir("wk-errors-");
  copyFileSync(path.join(ROOT, "assets/default-logo.svg"), path.join(dir, "logo.svg"));
  const png = await sharp({ create: { width: 40, height: 20, channels: 3, background: "#336699" } }).png().toBuffer();
  writeFileSync(path.join(dir, "truncated.png"), png.subarray(0, png.length / 2));
  writeFileSync(path.join(dir, "empty.png"), "");
  writeFileSync(path.join(dir, "notes.txt"), "this is not an image\n");
  // 20 000 × 20 000 px: 400 megapixels, declared in a few bytes (a PNG header that lies).
  writeFileSync(path.join(dir, "bomb.png"), pngClaiming(20_000, 20_000, png));
});

const cases: [string, (y: string) => string, RegExp[]][] = [
  ["a wrong type", (y) => y.replace('paper: A4', "paper: 42"), [/› paper: expected "A4" or "LETTER"/]],
  ["an unknown key", (y) => y.replace("colour:", "color: red\ncolour:"), [/› color: unknown field/]],
  ["a bad phone number", (y) => y.replace("phone: 70 10 20 30", "phone: ring os"), [/› contacts\.counselling\.phone: expected a phone number like "70 20 30 40"/]],
  ["a bad e-mail", (y) => y.replace("email: hr@nordlys-maskinfabrik.dk", "email: hr-at-nordlys"), [/› contacts\.hr\.email: expected an e-mail address/]],
  ["a missing logo", (y) => y.replace("logo: logo.svg", "logo: nowhere.png"), [/› logo: the logo file does not exist \(.*nowhere\.png\)/, /PNG, JPEG, WebP, TIFF, AVIF or SVG/]],
  ["an empty logo", (y) => y.replace("logo: logo.svg", "logo: empty.png"), [/the logo file is empty/]],
  ["a truncated logo", (y) => y.replace("logo: logo.svg", "logo: truncated.png"), [/› logo: the logo cannot be read as an image .*truncated\.png/]],
  ["a logo that is no image", (y) => y.replace("logo: logo.svg", "logo: notes.txt"), [/› logo: the logo cannot be read as an image .*notes\.txt/]],
  ["a pixel-bomb logo", (y) => y.replace("logo: logo.svg", "logo: bomb.png"), [/the logo is too large/, /Scale the logo down/]],
  ["a character the font lacks", (y) => y.replace("company: Nordlys Maskinfabrik A/S", "company: Nordlys ☃ A/S"), [/› company: the font cannot print "☃" \(U\+2603\)/]],
  ["YAML that does not parse", (y) => y.replace("contacts:", "contacts: [\n"), [/is not valid YAML or JSON/]],
];

describe("a bad profile", () => {
  it.each(cases)("%s: names file and field, exits 1, writes nothing", (name, edit, messages) => {
    const file = profile(`${name.replace(/\W+/g, "-")}.yaml`, edit);
    const out = path.join(dir, `out-${name.replace(/\W+/g, "-")}`);
    const r = buildWith(file, out);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(path.basename(file));
    for (const m of messages) expect(r.stderr).toMatch(m);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace for the user
    expect(existsSync(out)).toBe(false);
  });

  it("a missing profile file", () => {
    const r = runCli(["build", "--profile", "no-such-profile.yaml", "--out", path.join(dir, "o")], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/profile not found: no-such-profile\.yaml/);
  });

  it("an empty profile file", () => {
    writeFileSync(path.join(dir, "empty.yaml"), "\n");
    const r = runCli(["validate", "empty.yaml"], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/empty\.yaml is empty/);
  });

  it("validate reports every problem at once", () => {
    const file = profile("many.yaml", (y) => y.replace("phone: 70 10 20 30", "phone: x").replace("paper: A4", "paper: A5").replace("colour:", "colr: 1\ncolour:"));
    const r = runCli(["validate", file], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/many\.yaml › contacts\.counselling\.phone: expected a phone number/);
    expect(r.stderr).toMatch(/many\.yaml › paper: expected "A4" or "LETTER"/);
    expect(r.stderr).toMatch(/many\.yaml › colr: unknown field/);
  });

  it("text too long for its line fails the build, naming the material and text", () => {
    const file = profile("long.yaml", (y) => y.replace("name: HR-chef Lars Winther", `name: HR${"1234567890".repeat(14)}`));
    const r = buildWith(file, path.join(dir, "out-long"));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Text in "policy" does not fit its page/);
    expect(r.stderr).toMatch(/HR1234567890/);
  });
});

describe("nothing lost", () => {
  it("a failed build leaves the previous pack exactly as it was", () => {
    const out = path.join(dir, "kept");
    const good = buildWith(profile("good.yaml"), out);
    expect(good.status, good.stderr).toBe(0);
    const pack = path.join(out, "nordlys-maskinfabrik-a-s");
    const before = Object.fromEntries(readdirSync(pack).map((f) => [f, readFileSync(path.join(pack, f))]));

    const bad = buildWith(profile("bad-logo.yaml", (y) => y.replace("logo: logo.svg", "logo: truncated.png")), out);
    expect(bad.status).toBe(1);
    const long = buildWith(profile("long2.yaml", (y) => y.replace("name: HR-chef Lars Winther", `name: HR${"1234567890".repeat(14)}`)), out);
    expect(long.status).toBe(1);

    expect(readdirSync(out)).toEqual(["nordlys-maskinfabrik-a-s"]); // no temporary folders left behind
    const after = Object.fromEntries(readdirSync(pack).map((f) => [f, readFileSync(path.join(pack, f))]));
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const f of Object.keys(before)) expect(after[f]!.equals(before[f]!)).toBe(true);
  });

  it("an output folder that cannot be written is a clear error", () => {
    writeFileSync(path.join(dir, "a-file"), "x");
    const r = buildWith(profile("good2.yaml"), path.join(dir, "a-file", "out"));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--out .*a-file\/out: a-file is a file, not a folder/);
    expect(r.stderr).toMatch(/Choose another folder with --out/);
  });
});

describe("the other commands", () => {
  it("init writes a commented profile that validates, and never overwrites", () => {
    const sub = path.join(dir, "init");
    mkdirSync(sub);
    const r = runCli(["init", "mine.yaml"], sub);
    expect(r.status).toBe(0);
    expect(readFileSync(path.join(sub, "mine.yaml"), "utf8")).toMatch(/^# Company profile for workshopkit/);
    const v = runCli(["validate", "mine.yaml"], sub);
    expect(v.stderr).toBe("");
    expect(v.status).toBe(0);
    expect(v.stdout).toMatch(/mine\.yaml is valid/);
    expect(v.stdout).toMatch(/contacts\.counselling\.name is not in the profile/);
    const again = runCli(["init", "mine.yaml"], sub);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/mine\.yaml already exists/);
  });

  it("list names every material", () => {
    const r = runCli(["list"]);
    expect(r.status).toBe(0);
    for (const id of ["intro", "v01", "v11", "policy", "stress-guidelines", "manager-guide", "about"]) expect(r.stdout).toMatch(new RegExp(`^${id}\\s`, "m"));
  });
});
