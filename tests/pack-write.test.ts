// Writing a pack folder: every file is written and synced at once, and the folder swapped in whole.
// No build here: writePack is given files directly, so each case takes milliseconds.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writePack } from "../src/write/writePack.js";

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
