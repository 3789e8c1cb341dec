// Writing a pack folder: every file is written and synced at once, and the folder swapped in whole.
// No build here: writePack is given files directly, so each case takes milliseconds.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { startPack, writePack } from "../src/write/writePack.js";

const tempDir = (prefix: string) => mkdtempSync(path.join(tmpdir(), prefix));

const text = (s: string) => new TextEncoder().encode(s);
const pack = (company: string, names: string[]) => [
  ...names.map((name) => ({ name, bytes: text(`${name} of ${company}`) })),
  { name: "manifest.json", bytes: text(JSON.stringify({ company })) },
];
const NAMES = Array.from({ length: 40 }, (_, i) => `m${String(i).padStart(2, "0")}.pdf`);

describe("writing a pack folder", () => {
  it("writes every file with its bytes", async () => {
    const out = tempDir("wk-write-");
    await writePack(path.join(out, "firma"), pack("Firma ApS", NAMES));
    expect(readdirSync(out)).toEqual(["firma"]);
    expect(readdirSync(path.join(out, "firma")).sort()).toEqual([...NAMES, "manifest.json"].sort());
    for (const name of NAMES) expect(readFileSync(path.join(out, "firma", name), "utf8")).toBe(`${name} of Firma ApS`);
  });

  it("a file that cannot be written among many: a clear error, no temporary folder left, the earlier pack unchanged", async () => {
    const out = tempDir("wk-write-");
    const target = path.join(out, "firma");
    await writePack(target, pack("Firma ApS", NAMES));
    // One file into a folder that does not exist: its write fails while the others are under way.
    const broken = pack("Firma ApS", [...NAMES.slice(0, 20), "no-such-folder/x.pdf", ...NAMES.slice(20)]).map((f) => ({ ...f, bytes: text(`new ${f.name}`) }));
    await expect(writePack(target, broken)).rejects.toThrow(/Cannot write the pack to .*firma: a folder on the way there does not exist/);
    expect(readdirSync(out)).toEqual(["firma"]);
    for (const name of NAMES) expect(readFileSync(path.join(target, name), "utf8")).toBe(`${name} of Firma ApS`);
  });
});

describe("writing a pack as its files are finished (startPack)", () => {
  it("writes files given early and late; nothing is at the pack's place before commit", async () => {
    const out = tempDir("wk-write-");
    const target = path.join(out, "firma");
    const writer = await startPack(target);
    const [early, late] = [pack("Firma ApS", NAMES).slice(0, 30), pack("Firma ApS", NAMES).slice(30)];
    writer.write(early);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(readdirSync(out)).toHaveLength(1); // the hidden temporary folder only
    expect(readdirSync(out)[0]).toMatch(/^\.firma\.building-/);
    await writer.commit(late);
    expect(readdirSync(out)).toEqual(["firma"]);
    expect(readdirSync(target).sort()).toEqual([...NAMES, "manifest.json"].sort());
    for (const name of NAMES) expect(readFileSync(path.join(target, name), "utf8")).toBe(`${name} of Firma ApS`);
  });

  it("an early write that fails is reported by commit; no temporary folder, the earlier pack unchanged", async () => {
    const out = tempDir("wk-write-");
    const target = path.join(out, "firma");
    await writePack(target, pack("Firma ApS", NAMES));
    const writer = await startPack(target);
    writer.write([{ name: "no-such-folder/x.pdf", bytes: text("x") }, ...pack("Firma ApS", NAMES).slice(0, 10)]);
    await expect(writer.commit(pack("Firma ApS", ["new.pdf"]))).rejects.toThrow(/Cannot write the pack to .*firma: a folder on the way there does not exist/);
    expect(readdirSync(out)).toEqual(["firma"]);
    expect(readdirSync(target).sort()).toEqual([...NAMES, "manifest.json"].sort());
  });

  it("abort (a build that failed) removes what was written and leaves the earlier pack as it was", async () => {
    const out = tempDir("wk-write-");
    const target = path.join(out, "firma");
    await writePack(target, pack("Firma ApS", NAMES));
    const writer = await startPack(target);
    writer.write(pack("Firma ApS", ["half.pdf", ...NAMES]));
    await writer.abort();
    expect(readdirSync(out)).toEqual(["firma"]);
    expect(readdirSync(target).sort()).toEqual([...NAMES, "manifest.json"].sort());
    for (const name of NAMES) expect(readFileSync(path.join(target, name), "utf8")).toBe(`${name} of Firma ApS`);
  });
});
