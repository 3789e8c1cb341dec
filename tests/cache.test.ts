// The cache of the materials every company shares: the same bytes with it, without it, and from it; a damaged
// entry is found and made again, never served; `workshopkit cache clear` empties it.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { BuildResult } from "../src/pipeline.js";
import { loadMeasures, measuresKey } from "../src/cache/measureCache.js";
import { DiskCache } from "../src/cache/diskCache.js";
import { textWidth } from "../src/fonts.js";
import { logoKey } from "../src/cache/logoCache.js";
import { decodeLogoLimited } from "../src/load/logoDecoder.js";
import { LIBRARIES, libraryVersion } from "../src/cache/fingerprint.js";
import { cachedMaterial } from "../src/cache/materialCache.js";
import { buildPack, EXAMPLE_PROFILE, runCli, tempDir } from "./support/build.js";

const ONLY = ["v04", "v01-scoring"]; // a worksheet, and a material with radio buttons
/** The sha256 of every PDF as written (and as the manifest says it is). */
const hashes = (r: BuildResult) =>
  Object.fromEntries(
    r.files.map((f) => {
      const written = createHash("sha256").update(readFileSync(path.join(r.dir, f.file))).digest("hex");
      return [f.file, written === f.sha256 ? written : `${written} (manifest: ${f.sha256})`];
    }),
  );
/** The cache's entries of materials (not the text widths, src/cache/measureCache.ts). */
const entries = (cache: string) =>
  readdirSync(path.join(cache, "v1"), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".bin") && path.basename(f) !== `${measuresKey()}.bin` && path.basename(f) !== `${logoKey(LOGO)}.bin`)
    .map((f) => path.join(cache, "v1", f));
/** The example's logo, as its profile names it. */
const LOGO = readFileSync(path.join(path.dirname(EXAMPLE_PROFILE), "../assets/default-logo.svg"));
const fieldMaps = (r: BuildResult) => readFileSync(path.join(r.dir, "v01-scoring.fields.json"), "utf8");

describe("the build cache", () => {
  it("gives byte-identical output without it, filling it, and served from it", async () => {
    const cache = tempDir("wk-cache-");
    const without = await buildPack({ only: ONLY, cacheDir: false });
    const filling = await buildPack({ only: ONLY, cacheDir: cache });
    expect(entries(cache)).toHaveLength(ONLY.length);
    const served = await buildPack({ only: ONLY, cacheDir: cache });
    expect(hashes(filling)).toEqual(hashes(without));
    expect(hashes(served)).toEqual(hashes(without));
    expect(fieldMaps(served)).toBe(fieldMaps(without));
  });

  it("serves what it holds, so a damaged entry is detected and rebuilt, never served", async () => {
    const cache = tempDir("wk-cache-");
    const first = await buildPack({ only: ["v04"], cacheDir: cache });
    const [entry] = entries(cache);
    const good = readFileSync(entry!);

    // A well-formed entry is served as it is: change a byte of its field map and re-seal it, and the build hands that on.
    const tampered = Buffer.from(good);
    const at = tampered.lastIndexOf(Buffer.from('"material": "v04"'));
    expect(at).toBeGreaterThan(0);
    tampered[at + 15] = "X".charCodeAt(0);
    tampered.set(createHash("sha256").update(tampered.subarray(68)).digest(), 36);
    writeFileSync(entry!, tampered);
    const served = await buildPack({ only: ["v04"], cacheDir: cache });
    expect(readFileSync(path.join(served.dir, "v04.fields.json"), "utf8")).toContain('"material": "v0X"');

    // A torn or corrupt one (its checksum fails) is thrown away and made again.
    const corrupt = Buffer.from(good);
    corrupt[corrupt.length - 100]! ^= 0xff;
    writeFileSync(entry!, corrupt);
    expect(hashes(await buildPack({ only: ["v04"], cacheDir: cache }))).toEqual(hashes(first));
    expect(readFileSync(entry!).equals(good)).toBe(true);

    // An entry under another key (a file copied into the wrong place) is not served either.
    writeFileSync(entry!, Buffer.concat([good.subarray(0, 4), Buffer.alloc(32, 7), good.subarray(36)]));
    expect(hashes(await buildPack({ only: ["v04"], cacheDir: cache }))).toEqual(hashes(first));
  });

  it("is shared safely by builds running at the same time", async () => {
    const cache = tempDir("wk-cache-");
    const [a, b] = await Promise.all([buildPack({ only: ["v04"], cacheDir: cache }), buildPack({ only: ["v04"], cacheDir: cache })]);
    expect(hashes(a)).toEqual(hashes(b));
    expect(entries(cache)).toHaveLength(1);
    expect(readdirSync(path.dirname(entries(cache)[0]!)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("keeps the text widths a build measured, as the font gives them; an entry not of widths is measured afresh", async () => {
    const cache = tempDir("wk-cache-");
    const first = runCli(["build", "--profile", EXAMPLE_PROFILE, "--only", "v02-dialogkort", "--out", tempDir(), "--cache-dir", cache]);
    expect(first.status, first.stderr).toBe(0);
    const store = new DiskCache(cache, 2 ** 30);
    const kept = JSON.parse(Buffer.from((await store.get(measuresKey()))!).toString("utf8")) as [string, number][];
    expect(kept.length).toBeGreaterThan(50); // the dialogue cards' words and their texts, fitted to the cards (94 today)
    for (const [key, em] of kept.slice(0, 50)) expect(em, key).toBe(textWidth(key.slice(1), 1, key.startsWith("b")));
    expect(await loadMeasures(store)).toBe(kept.length);

    await store.put(measuresKey(), Buffer.from('{"not": "widths"}'));
    expect(await loadMeasures(store)).toBe(0);
    const again = runCli(["build", "--profile", EXAMPLE_PROFILE, "--only", "v02-dialogkort", "--out", tempDir(), "--cache-dir", cache]);
    expect(again.status, again.stderr).toBe(0);
    expect(await loadMeasures(store)).toBe(kept.length); // measured again and stored
  });

  it("keeps a decoded logo by its bytes, as decoding them gives it; an entry that is not one is decoded afresh", async () => {
    const cache = tempDir("wk-cache-");
    const build = () => runCli(["build", "--profile", EXAMPLE_PROFILE, "--only", "about", "--out", tempDir(), "--cache-dir", cache]);
    expect(build().status).toBe(0);
    const store = new DiskCache(cache, 2 ** 30);
    const kept = Buffer.from((await store.get(logoKey(LOGO)))!);
    const fresh = await decodeLogoLimited(LOGO); // in its own process, as a build decodes it
    expect(kept.subarray(4 + kept.readUInt32BE(0)).equals(fresh.png)).toBe(true);
    expect(JSON.parse(kept.subarray(4, 4 + kept.readUInt32BE(0)).toString("utf8"))).toMatchObject({ width: fresh.width, height: fresh.height, format: "svg" });

    await store.put(logoKey(LOGO), Buffer.from("not a logo"));
    const again = build();
    expect(again.status, again.stderr).toBe(0);
    expect(Buffer.from((await store.get(logoKey(LOGO)))!).equals(kept)).toBe(true); // decoded again and stored
  });

  it("is keyed by the versions of libraries that are installed (a wrong name would read '?' and key nothing)", () => {
    for (const lib of LIBRARIES) expect(libraryVersion(lib), lib).toMatch(/^\d+\.\d+\.\d+/);
    expect(libraryVersion("no-such-package-here")).toBe("?");
  });

  it("without a store, makes the material and works out no key (a compile without a cache reads no code files)", async () => {
    let asked = false;
    const made = { pdf: new Uint8Array([1]), pages: 1, layout: { pages: [] }, slots: [] } as unknown as Parameters<typeof cachedMaterial>[2] extends () => Promise<infer M> ? M : never;
    expect(await cachedMaterial(undefined, () => ((asked = true), "key"), async () => made)).toBe(made);
    expect(asked).toBe(false);
  });

  it("is cleared by `workshopkit cache clear`, which leaves other files in the folder alone", async () => {
    const cache = tempDir("wk-cache-");
    await buildPack({ only: ["about"], cacheDir: cache });
    writeFileSync(path.join(cache, "mine.txt"), "not the cache's");
    const where = runCli(["cache", "dir", "--cache-dir", cache]);
    expect(where.stdout.trim()).toBe(cache);
    const r = runCli(["cache", "clear", "--cache-dir", cache]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`Cleared the cache in ${cache}`);
    expect(existsSync(path.join(cache, "v1"))).toBe(false);
    expect(readFileSync(path.join(cache, "mine.txt"), "utf8")).toBe("not the cache's");
  });
});

describe("DiskCache", () => {
  it("stays within its size limit, dropping the entries used longest ago", async () => {
    const store = new DiskCache(tempDir("wk-cache-"), 520); // three entries of 100 bytes (and 68 of header) fit, four do not
    const key = (i: number) => createHash("sha256").update(String(i)).digest("hex");
    // A file's time has the kernel's clock tick (4 ms here): entries written within one tick tie, so wait between uses.
    for (let i = 0; i < 3; i++) {
      await store.put(key(i), new Uint8Array(100).fill(i));
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await store.get(key(0))).toEqual(new Uint8Array(100).fill(0)); // used again: kept
    await new Promise((r) => setTimeout(r, 20));
    await store.put(key(3), new Uint8Array(100).fill(3));
    await store.trim();
    expect(await store.get(key(1))).toBeUndefined();
    expect(await store.get(key(0))).toBeDefined();
    expect(await store.get(key(3))).toBeDefined();
    expect(entries(store.root).reduce((n, f) => n + readFileSync(f).length, 0)).toBeLessThanOrEqual(520);
  });
});
