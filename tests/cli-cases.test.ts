// Every profile, file and flag a person can give gets a clear answer through the real CLI, and no pack is
// lost (issue #11). One row per case: what is given, what the CLI must say, its exit code, and that nothing
// was written (or the earlier pack is byte-identical). The next case is one more row.
import { spawn } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { slug } from "../src/slug.js";
import { writePack } from "../src/write/writePack.js";
import { removeStaleTempFolders, removeTempFoldersSync, tempFolderName, trackTempFolder } from "../src/write/tempFolders.js";
import { ROOT, tempDir, type CliRun } from "./support/build.js";

const EXAMPLE = readFileSync(path.join(ROOT, "content/example-company.yaml"), "utf8");
const COMPANY = "Nordlys ApS";
let dir: string;
/** out/ holding the pack of Nordlys ApS (policy and about), built once. */
let kept: string;
let keptBuild: CliRun;

/** Runs `workshopkit …` as a user would (no terminal), without blocking the other cases. */
function cli(args: string[], env: NodeJS.ProcessEnv = {}, cwd = dir): Promise<CliRun> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [path.join(ROOT, "bin/workshopkit.js"), ...args], { cwd, env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    child.on("close", (status) => done({ status, stdout, stderr }));
  });
}

/** Each profile file written, by path: the cases run at once, and a file one build reads is never written again. */
const written = new Map<string, string>();

/** A profile file: the example (company Nordlys ApS, logo beside it) with `edit` applied; written once, whole (a rename), however many cases name it. */
function profile(name: string, edit: (yaml: string) => string = (y) => y): string {
  const file = path.join(dir, `${name}.yaml`);
  const text = edit(EXAMPLE.replace("../assets/default-logo.svg", "logo.svg").replace("company: Nordlys Maskinfabrik A/S", `company: ${COMPANY}`));
  const before = written.get(file);
  if (before === text) return file;
  if (before !== undefined) throw new Error(`two cases write ${name}.yaml differently: give one of them another name`);
  written.set(file, text);
  writeFileSync(`${file}.part`, text);
  renameSync(`${file}.part`, file);
  return file;
}

/** Every file of a folder and its bytes, to compare before and after. */
function snapshot(folder: string): Record<string, string> {
  return Object.fromEntries(readdirSync(folder, { recursive: true, encoding: "utf8" }).sort().map((f) => {
    const p = path.join(folder, f);
    return [f, statSync(p).isDirectory() ? "dir" : readFileSync(p).toString("base64")];
  }));
}

const validate = (name: string, edit: (y: string) => string) => () => ["validate", profile(name, edit)];
const setCompany = (company: string) => (y: string) => y.replace(`company: ${COMPANY}`, `company: ${company}`);
const setLogo = (logo: string) => (y: string) => y.replace("logo: logo.svg", `logo: ${logo}`);
const longUrl = (n: number) => `https://example.dk/film/${"a".repeat(n - 24)}`;
const films = (n: number) => (y: string) => y.replace("films: {}", `films:\n${Array.from({ length: n }, (_, i) => `  f${i}: https://example.dk/${i}`).join("\n")}`);

interface Case {
  /** "<item of #11>: what is given". */
  name: string;
  args: () => string[];
  env?: NodeJS.ProcessEnv;
  status: 0 | 1;
  stderr?: RegExp[];
  stdout?: RegExp[];
  /** Must not appear in stdout or stderr. */
  never?: RegExp[];
  /** The build targets `kept`, whose pack must come out byte-identical. */
  keeps?: boolean;
}

const cases: Case[] = [
  // 1. Two companies, one folder
  { name: "1: another company whose name makes the same folder", args: () => ["build", "-p", profile("nordlys-APS", setCompany("Nordlys APS")), "-o", kept], status: 1, keeps: true,
    stderr: [/nordlys-aps\/ holds the pack of "Nordlys ApS", and this profile is for "Nordlys APS"/, /folder: nordlys-aps-2/, /--out/] },
  { name: "1: a folder that holds something other than a pack", args: () => ["build", "-p", profile("foreign"), "-o", path.join(dir, "foreign")], status: 1,
    stderr: [/nordlys-aps\/ holds files that are not a workshopkit pack/, /folder: nordlys-aps-2/] },
  { name: "1: a folder name that is not one", args: validate("folder", (y) => `folder: "Mit Firma/../x"\n${y}`), status: 1, stderr: [/› folder: expected a folder name of lower-case letters/] },
  // 4. A multi-line contact
  { name: "4: a name written over two lines", args: validate("multiline", (y) => y.replace("name: Falck Healthcare", "name: |\n      Falck\n      Healthcare")), status: 1,
    stderr: [/› contacts\.counselling\.name: holds a line break; write it on one line/] },
  // 5. Control characters
  { name: "5: NUL, BEL and ESC in the company name", args: validate("control", setCompany('"Nordlys\\0\\a\\e ApS"')), status: 1,
    stderr: [/› company: holds the control character U\+0000/], never: [/[\u0000\u0007\u001b]/] },
  // 6. Invisible logo
  { name: "6: a white logo on a transparent background", args: validate("white-logo", setLogo("white.png")), status: 0, stdout: [/white\.png\): the logo has too little contrast against the white page/] },
  { name: "6: a logo of 1 × 1 pixels", args: validate("tiny-logo", setLogo("tiny.png")), status: 0, stdout: [/the logo is 1 × 1 pixels; printed 30 × 30 mm on the pack's cover that is 1 dpi/] },
  // 8. Runaway resources
  { name: "8: a YAML alias bomb", args: () => ["validate", path.join(dir, "bomb.yaml")], status: 1, stderr: [/YAML aliases \(\*name\) repeat values too often/], never: [/Unexpected error/] },
  { name: "8: a profile file of 300 KB", args: () => ["validate", path.join(dir, "huge.yaml")], status: 1, stderr: [/huge\.yaml is 3\d\d KB; a profile is at most 100 KB/] },
  { name: "8: a company name of 201 characters", args: validate("long-company", setCompany("N".repeat(201))), status: 1, stderr: [/› company: is 201 characters long; at most 200 fit/] },
  { name: "8: 3 000 film keys", args: validate("many-films", films(3000)), status: 1, stderr: [/› films: expected at most 50 films/] },
  { name: "8: a field given twice", args: validate("twice", (y) => `${y}company: Other ApS\n`), status: 1, stderr: [/"company" is given twice \(the second time at line \d+\); keep one/] },
  // 9. Crashes on paths, flags and the environment
  { name: "9: a logo path that is a folder", args: validate("logo-dir", setLogo("logo-dir")), status: 1, stderr: [/› logo: this is a folder, not an image file/], never: [/EISDIR|Unexpected/] },
  { name: "9: --out \"\"", args: () => ["build", "-p", profile("plain"), "-o", ""], status: 1, stderr: [/--out is empty/], never: [/Zod|Unexpected|"code"/] },
  { name: "9: --out at a file", args: () => ["build", "-p", profile("plain"), "-o", path.join(dir, "a-file")], status: 1, stderr: [/--out .*a-file: a-file is a file, not a folder/] },
  { name: "9: --out under a file", args: () => ["build", "-p", profile("plain"), "-o", path.join(dir, "a-file", "out")], status: 1, stderr: [/a-file is a file, not a folder/], never: [/ENOTDIR|EEXIST/] },
  { name: "9: --out under a link to a missing folder", args: () => ["build", "-p", profile("plain"), "-o", path.join(dir, "dangling", "out")], status: 1, stderr: [/dangling is a link to .*nowhere, which does not exist/], never: [/ENOENT/] },
  { name: "9: SOURCE_DATE_EPOCH past year 9999", args: () => ["build", "-p", profile("plain"), "-o", kept], env: { SOURCE_DATE_EPOCH: "99999999999999999" }, status: 1, keeps: true,
    stderr: [/SOURCE_DATE_EPOCH=99999999999999999 is after the year 9999/, /at most 253402300799/], never: [/Invalid time value/] },
  { name: "9: SOURCE_DATE_EPOCH in year 10000", args: () => ["build", "-p", profile("plain"), "-o", kept], env: { SOURCE_DATE_EPOCH: "253402300800" }, status: 1, keeps: true, stderr: [/after the year 9999/] },
  { name: "9: a film address of 4 000 characters, built", args: () => ["build", "-p", profile("url-4000", (y) => y.replace("films: {}", `films:\n  v04-intro: ${longUrl(4000)}`)), "-o", kept, "--only", "v04"], status: 1, keeps: true,
    stderr: [/› films\.v04-intro: is 4000 characters long; a printed QR code scans reliably up to 300/], never: [/amount of data is too big|Unexpected/] },
  { name: "9: a film address of 2 000 characters", args: validate("url-2000", (y) => y.replace("films: {}", `films:\n  v04-intro: ${longUrl(2000)}`)), status: 1, stderr: [/› films\.v04-intro: is 2000 characters long/] },
  // 10. Large and incomplete SVG logos
  { name: "10: an SVG logo of 1600 × 1600 px", args: validate("big-svg", setLogo("big.svg")), status: 0, stdout: [/is valid/], never: [/too large|megapixels/] },
  { name: "10: an SVG logo with an external image", args: validate("external-svg", setLogo("external.svg")), status: 0, stdout: [/refers to an external image \(photo\.png\), which is not loaded/] },
  // 11. Fonts of SVG text
  { name: "11: an SVG logo whose text asks for Arial", args: validate("arial-svg", setLogo("arial.svg")), status: 0, stdout: [/sets text in "Arial, sans-serif"; it is drawn in Lato/] },
  { name: "11: the bundled logo (text in Lato) gets no font warning", args: validate("lato-svg", (y) => y), status: 0, stdout: [/is valid/], never: [/sets text in/] },
  // 12. validate lists every problem at once
  { name: "12: seven problems of five stages in one run", status: 1,
    args: validate("seven", (y) => setLogo("nowhere.png")(y)
      .replace("phone: 70 10 20 30", "phone: ring os")
      .replace("name: Falck Healthcare", `name: ${"Falck Healthcare Rådgivning og Krisehjælp ".repeat(4).trim()}`)
      .replace("name: Jonas Kragh (arbejdsmiljørepræsentant)", "name: Jonas ☃ Kragh")
      .replace("films: {}", `films:\n  no-such-film: https://example.dk/x\n  v04-intro: https://example.dk/film med mellemrum\n  v08-introfilm: ${longUrl(400)}`)),
    stderr: [/seven\.yaml has 7 problems/, /The help card \(front\) does not fit a 90 × 60 mm card/, /› contacts\.counselling\.phone: expected a phone number/, /› logo: the logo file does not exist/, /› contacts\.amr\.name: the font cannot print "☃"/,
      /› films\.no-such-film: no film "no-such-film"/, /› films\.v04-intro: holds a space or a letter outside a–z/, /› films\.v08-introfilm: is 400 characters long/] },
  { name: "12: a contact too long for the help card", args: validate("help-card", (y) => y.replace("name: Falck Healthcare", `name: ${"Falck Healthcare Rådgivning og Krisehjælp ".repeat(4).trim()}`)), status: 1,
    stderr: [/The help card \(front\) does not fit a 90 × 60 mm card/] },
  // 13. Accept what people type
  { name: "13: paper: Letter", args: validate("letter", (y) => y.replace("paper: A4", "paper: Letter")), status: 0, stdout: [/is valid/] },
  { name: "13: paper: a4", args: validate("a4", (y) => y.replace("paper: A4", "paper: a4")), status: 0, stdout: [/is valid/] },
  { name: "13: a phone number written as a number", args: validate("phone-number", (y) => y.replace("phone: 70 10 20 30", "phone: 98765433")), status: 0, stdout: [/is valid/] },
  { name: "13: a colour without quotes", args: validate("colour", (y) => y.replace('colour: "#1F6F8B"', "colour: #FFE066")), status: 1, stderr: [/› colour: put the colour in quotes, like colour: "#FFE066"/] },
  { name: "13: --card-size 90x60mm", args: () => ["build", "-p", profile("plain"), "-o", kept, "--only", "no-such-material", "--card-size", "90x60mm"], status: 1, keeps: true,
    stderr: [/Unknown material id for --only: no-such-material/], never: [/Card options are not valid/] },
  { name: "13: a profile saved as UTF-16", args: () => ["validate", path.join(dir, "utf16.yaml")], status: 1, stderr: [/utf16\.yaml is not saved as UTF-8 \(it looks like UTF-16\)/, /Save the file as UTF-8/] },
  { name: "13: a profile saved as Windows-1252", args: () => ["validate", path.join(dir, "cp1252.yaml")], status: 1, stderr: [/cp1252\.yaml is not saved as UTF-8: line \d+ holds a character in another encoding/, /Save the file as UTF-8/] },
  // 14. Advice that works
  { name: "14: --version", args: () => ["--version"], status: 0, stdout: [/^\d+\.\d+\.\d+\n$/] },
  { name: "14: a card size too large for Letter", args: () => ["build", "-p", profile("letter-cards", (y) => y.replace("paper: A4", "paper: LETTER")), "-o", kept, "--only", "v09-tryghedskort", "--card-size", "200x200"], status: 1, keeps: true,
    stderr: [/a 200 × 200 mm card does not fit on US Letter/, /The largest card that fits is 1\d\dx200 \(sides of 40–200 mm\)/] },
];

beforeAll(async () => {
  dir = tempDir("wk-cases-");
  copyFileSync(path.join(ROOT, "assets/default-logo.svg"), path.join(dir, "logo.svg"));
  mkdirSync(path.join(dir, "logo-dir"));
  writeFileSync(path.join(dir, "a-file"), "x");
  symlinkSync(path.join(dir, "nowhere"), path.join(dir, "dangling"));
  mkdirSync(path.join(dir, "foreign", "nordlys-aps"), { recursive: true });
  writeFileSync(path.join(dir, "foreign", "nordlys-aps", "notes.txt"), "mine");
  await sharp({ create: { width: 400, height: 200, channels: 4, background: { r: 255, g: 255, b: 255, alpha: 1 } } }).png().toFile(path.join(dir, "white.png"));
  await sharp({ create: { width: 1, height: 1, channels: 3, background: "#000000" } }).png().toFile(path.join(dir, "tiny.png"));
  writeFileSync(path.join(dir, "big.svg"), '<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1600"><rect width="1600" height="1600" fill="#1F6F8B"/></svg>');
  writeFileSync(path.join(dir, "external.svg"), '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="200" height="100"><rect width="100" height="100"/><image xlink:href="photo.png" width="100" height="100"/></svg>');
  writeFileSync(path.join(dir, "arial.svg"), '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100"><text x="0" y="60" font-family="Arial, sans-serif" font-size="40">Firma</text></svg>');
  const lol = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; i++) lol.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(",")}]`);
  writeFileSync(path.join(dir, "bomb.yaml"), `company: Bomb ApS\n${lol.join("\n")}\n`);
  writeFileSync(path.join(dir, "huge.yaml"), `company: "${"N".repeat(300 * 1024)}"\n`);
  const plain = readFileSync(profile("encodings"), "utf8");
  writeFileSync(path.join(dir, "utf16.yaml"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(plain, "utf16le")]));
  writeFileSync(path.join(dir, "cp1252.yaml"), Buffer.from(plain, "latin1"));

  kept = path.join(dir, "kept");
  keptBuild = await cli(["build", "-p", profile("kept"), "-o", kept, "--only", "policy", "about"]);
  expect(keptBuild.status, keptBuild.stderr).toBe(0);
}, 120_000);

describe("every case through the CLI", () => {
  it.concurrent.each(cases)("$name", async ({ args, env, status, stderr = [], stdout = [], never = [], keeps }) => {
    const before = keeps ? snapshot(kept) : undefined;
    const r = await cli(args(), env);
    expect(r.status, `${r.stderr}\n${r.stdout}`).toBe(status);
    for (const m of stderr) expect(r.stderr).toMatch(m);
    for (const m of stdout) expect(r.stdout).toMatch(m);
    for (const m of [...never, /at .*\.[jt]s:\d+/]) expect(`${r.stderr}${r.stdout}`).not.toMatch(m); // and never a stack trace
    if (status === 1) expect(r.stdout).not.toMatch(/^Built /m);
    if (before) {
      expect(readdirSync(kept)).toEqual(["nordlys-aps"]);
      expect(snapshot(kept)).toEqual(before);
    }
  }, 60_000);
});

describe("packs", () => {
  it("1: a readable folder name for any company name; Danish letters as before", () => {
    expect(slug("Nordlys Maskinfabrik A/S")).toBe("nordlys-maskinfabrik-a-s");
    expect(slug("Bager Østergård & Søn")).toBe("bager-oestergaard-soen");
    expect(slug("Ελληνική Εταιρεία")).toBe("elliniki-etaireia");
    expect(slug("Компания")).toBe("kompaniya");
    expect(slug("!!!")).toBe("company");
    expect(slug("Nordlys ApS")).toBe(slug("Nordlys APS")); // which is why a pack names its company
  });

  it("7: are readable by colleagues (the user's umask, not 0700); 14: the summary's page counts add up", () => {
    const mode = statSync(path.join(kept, "nordlys-aps")).mode & 0o777;
    expect(mode).toBe(0o777 & ~process.umask());
    const materials = Number(/\), (\d+) pages, in/.exec(keptBuild.stdout)?.[1]);
    const [, pack, again, own] = /pakke\.pdf \((\d+) pages\) holds the (\d+) pages of the materials on its paper plus (\d+) of its own/.exec(keptBuild.stdout) ?? [];
    expect(Number(again)).toBe(materials);
    expect(Number(pack)).toBe(materials + Number(own));
    const manifest = JSON.parse(readFileSync(path.join(kept, "nordlys-aps", "manifest.json"), "utf8")) as { company: string };
    expect(manifest.company).toBe(COMPANY);
  });

  it("2: --only beside a fuller pack goes to its own folder; 3: leftovers of killed builds are removed", async () => {
    const out = path.join(dir, "partial");
    cpSync(path.join(kept, "nordlys-aps"), path.join(out, "nordlys-aps"), { recursive: true });
    mkdirSync(path.join(out, ".nordlys-aps.building-999999999-dead"));
    writeFileSync(path.join(out, ".nordlys-aps.building-999999999-dead", "policy.pdf"), "%PDF-half");
    mkdirSync(path.join(out, ".nordlys-aps.building-x1y2z3")); // an older version's name, without a process id
    const before = snapshot(path.join(out, "nordlys-aps"));
    const r = await cli(["build", "-p", profile("kept"), "-o", out, "--only", "about"]);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["nordlys-aps", "nordlys-aps-only-about"]);
    expect(snapshot(path.join(out, "nordlys-aps"))).toEqual(before);
    expect(r.stdout).toMatch(/nordlys-aps\/ holds 1 other material \(policy\.pdf\), so this --only build went to .*nordlys-aps-only-about\/ and that pack is unchanged/);
    const partial = readdirSync(path.join(out, "nordlys-aps-only-about"));
    expect(partial.filter((f) => f.endsWith(".pdf")).sort()).toEqual(["about.pdf", "nordlys-aps-pakke.pdf"]);
  }, 120_000);

  it("11: SVG text is drawn with the project's fonts, whatever fonts the machine has", async () => {
    // Only DejaVu, as on a machine without Lato: without assets/fonts.conf the logo's text changed with it.
    const fonts = path.join(dir, "dejavu.conf");
    writeFileSync(fonts, '<?xml version="1.0"?>\n<fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir></fontconfig>\n');
    const build = (out: string, env: NodeJS.ProcessEnv) => cli(["build", "-p", profile("kept"), "-o", path.join(dir, out), "--only", "about"], env);
    // Both rendered afresh (no cache), so neither takes a material the other drew.
    const [usual, other] = await Promise.all([build("usual-fonts", { WORKSHOPKIT_CACHE: "off" }), build("other-fonts", { FONTCONFIG_FILE: fonts, FONTCONFIG_PATH: dir, HOME: dir, WORKSHOPKIT_CACHE: "off" })]);
    expect(usual.status, usual.stderr).toBe(0);
    expect(other.status, other.stderr).toBe(0);
    for (const f of ["about.pdf", "nordlys-aps-pakke.pdf"]) {
      expect(readFileSync(path.join(dir, "other-fonts", "nordlys-aps", f)).equals(readFileSync(path.join(dir, "usual-fonts", "nordlys-aps", f))), f).toBe(true);
    }
  }, 120_000);
});

describe("leftovers", () => {
  it("3: Ctrl-C removes the folder being written; an earlier pack moved aside goes back", () => {
    const out = tempDir("wk-signal-");
    const target = path.join(out, "firma");
    const temp = path.join(out, `.firma.building-${process.pid}-test`);
    mkdirSync(temp);
    writeFileSync(path.join(temp, "half.pdf"), "%PDF-");
    mkdirSync(`${temp}.previous`);
    writeFileSync(path.join(`${temp}.previous`, "manifest.json"), "{}");
    trackTempFolder(temp, target);
    removeTempFoldersSync();
    expect(readdirSync(out)).toEqual(["firma"]);
    expect(readdirSync(target)).toEqual(["manifest.json"]);
  });

  it("3: the next build removes what a killed build left, but not a running build's folder", async () => {
    const out = tempDir("wk-stale-");
    const mine = tempFolderName(path.join(out, "firma"), "mine");
    const running = [path.basename(mine), `.other.building-${process.ppid}-t0-x1`]; // this build, and another process's
    for (const name of [".firma.building-999999999-t0-dead", ".other.building-AbC123", ...running]) mkdirSync(path.join(out, name));
    trackTempFolder(mine, path.join(out, "firma"));
    expect((await removeStaleTempFolders(path.join(out, "firma"))).sort()).toEqual([".firma.building-999999999-t0-dead", ".other.building-AbC123"]);
    expect(readdirSync(out).sort()).toEqual(running.sort());
  });
});

describe("the swap", () => {
  it("1: checks the company again right before replacing a folder (a build beside this one may have written it)", async () => {
    const out = tempDir("wk-swap-");
    const pack = (company: string) => [{ name: "a.pdf", bytes: new TextEncoder().encode(company) }, { name: "manifest.json", bytes: new TextEncoder().encode(JSON.stringify({ company })) }];
    await writePack(path.join(out, "firma"), pack("Firma ApS"));
    await expect(writePack(path.join(out, "firma"), pack("FIRMA APS"))).rejects.toThrow(/holds the pack of "Firma ApS", and this profile is for "FIRMA APS"/);
    expect(readdirSync(out)).toEqual(["firma"]);
    expect(readFileSync(path.join(out, "firma", "a.pdf"), "utf8")).toBe("Firma ApS");
    await writePack(path.join(out, "firma"), pack("Firma ApS")); // the same company replaces its own pack
  });
});

describe("the example and the template", () => {
  it("14: the example profile's comment names the folder its pack goes to", () => {
    expect(EXAMPLE).toContain(`out/${slug("Nordlys Maskinfabrik A/S")}/`);
  });

  it("14: init advises commands that work, and a free name when the file exists", async () => {
    const sub = path.join(dir, "init");
    mkdirSync(sub);
    const first = await cli(["init", "mine.yaml"], {}, sub);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("npx workshopkit validate mine.yaml");
    const again = await cli(["init", "mine.yaml"], {}, sub);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("npx workshopkit init mine-2.yaml");
    expect(readFileSync(path.join(sub, "mine.yaml"), "utf8")).toMatch(/^# folder: /m);
  });

  it("14: list --films names each film once", async () => {
    const r = await cli(["list", "--films"]);
    expect(r.status).toBe(0);
    const ids = r.stdout.trim().split("\n").map((l) => l.split(/\s+/)[0]);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
