// A content-addressed store of byte blobs on disk, safe for builds running at the same time: each
// entry is written to a temporary file and renamed into place (atomic), and carries the sha256 of
// its bytes and its own key, so a torn, corrupt or misplaced entry is detected, deleted and rebuilt,
// never served. It is kept under a size limit (WORKSHOPKIT_CACHE_MAX_MB, default 1024): the entries
// used longest ago go first.
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readdir, rename, rm, stat, unlink, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { readBounded } from "../load/readBounded.js";

/** Bump when the entry format changes: older entries are then simply never found. */
const FORMAT = "v1";
const MAGIC = Buffer.from("WKC1");

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest();

/** A material is a few megabytes; an entry larger than this is not one of ours. */
const MAX_ENTRY_BYTES = 512 * 2 ** 20;

export class DiskCache {
  readonly dir: string;
  /** Bytes written since the size was last checked. */
  private written = 0;

  constructor(
    readonly root: string,
    /** Bytes (WORKSHOPKIT_CACHE_MAX_MB, read and checked by cacheDir.ts's cacheLimit). */
    private readonly limit: number,
  ) {
    this.dir = path.join(root, FORMAT);
  }

  private file(key: string): string {
    if (!/^[0-9a-f]{64}$/.test(key)) throw new Error(`DiskCache: bad key "${key}"`);
    return path.join(this.dir, key.slice(0, 2), `${key}.bin`);
  }

  /** The bytes stored under `key`, or undefined (never stored, or found damaged and removed). */
  async get(key: string): Promise<Uint8Array | undefined> {
    const file = this.file(key);
    let data: Buffer;
    try {
      data = await readBounded(file, MAX_ENTRY_BYTES); // a FIFO or a device planted here is refused at once
    } catch (err) {
      if ((err as { kind?: string }).kind !== "missing") await unlink(file).catch(() => undefined);
      return undefined;
    }
    // MAGIC, the key (32 bytes), the payload's sha256 (32 bytes), the payload.
    const ok =
      data.length >= 68 &&
      data.subarray(0, 4).equals(MAGIC) &&
      data.subarray(4, 36).toString("hex") === key &&
      data.subarray(36, 68).equals(sha(data.subarray(68)));
    if (!ok) {
      await unlink(file).catch(() => undefined);
      return undefined;
    }
    const now = new Date();
    await utimes(file, now, now).catch(() => undefined); // used now: kept longest when the cache is trimmed
    return new Uint8Array(data.buffer, data.byteOffset + 68, data.length - 68);
  }

  /** Whether an entry is stored under `key` (not checked: `get` does that). */
  async has(key: string): Promise<boolean> {
    return stat(this.file(key)).then((s) => s.isFile(), () => false);
  }

  /** Stores `bytes` under `key`. A cache that cannot be written is not an error: the build goes on. */
  async put(key: string, bytes: Uint8Array): Promise<void> {
    const file = this.file(key);
    const temp = `${file}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
    try {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(temp, Buffer.concat([MAGIC, Buffer.from(key, "hex"), sha(bytes), bytes]));
      await rename(temp, file);
      this.written += bytes.length;
    } catch {
      await unlink(temp).catch(() => undefined);
    }
    if (this.written > this.limit / 10) await this.trim();
  }

  /** Removes the entries used longest ago until the cache is within its limit. */
  async trim(): Promise<void> {
    this.written = 0;
    const names = await readdir(this.dir, { recursive: true }).catch(() => [] as string[]);
    const entries = (
      await Promise.all(
        names
          .filter((n) => n.endsWith(".bin"))
          .map((n) => stat(path.join(this.dir, n)).then((s) => ({ file: path.join(this.dir, n), size: s.size, used: s.mtimeMs }), () => undefined)),
      )
    ).filter((e) => e !== undefined);
    let total = entries.reduce((n, e) => n + e.size, 0);
    for (const e of entries.sort((a, b) => a.used - b.used)) {
      if (total <= this.limit) break;
      await unlink(e.file).catch(() => undefined);
      total -= e.size;
    }
  }

  /** Removes every entry, of this format and older ones; nothing else in the folder is touched. */
  async clear(): Promise<number> {
    const formats = (await readdir(this.root).catch(() => [] as string[])).filter((name) => /^v\d+$/.test(name));
    for (const name of formats) await rm(path.join(this.root, name), { recursive: true, force: true });
    return formats.length;
  }
}
