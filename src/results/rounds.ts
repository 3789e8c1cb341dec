// The rounds store: each round's answers (anonymous: no names, only the scores and where they were
// read), the rows still to check with their pictures, and what was decided by hand, in an SQLite file
// kept outside the pack folder, which a build replaces whole. The CLI and the web page share it.
// A file is opened only when it is workshopkit's own (its application id, or the first version's
// tables exactly) and can be written; any other file is refused by name and never touched.
// A round is written in one transaction, held open until the report is written: an interrupted run
// leaves the file as it was. A sheet is keyed by a hash of its source, pages and answers, so reading
// the same scans into a round twice does not count them twice.
import Database from "better-sqlite3";
import { closeSync, mkdirSync, openSync, readSync, statSync, accessSync, constants } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { escapeControl, WorkshopkitError } from "../errors.js";
import { Resolution, Score, Sheet } from "./schema.js";

/** "WkR1": set on every rounds database workshopkit creates (SQLite's PRAGMA application_id). */
export const APPLICATION_ID = 0x576b5231;
/** The schema's version (PRAGMA user_version). 0: the first version, made before the id was set. */
const VERSION = 2;

export interface RoundInfo {
  name: string;
  created: string;
  sheets: number;
}

/** What is kept of a sheet: where it was read, its scores and its doubts as read; no crops, no names. */
export const StoredSheet = Sheet.omit({ number: true, resolved: true }).extend({
  // The first version kept neither.
  uncertain: Sheet.shape.uncertain.default([]),
  missingPages: Sheet.shape.missingPages.default([]),
});
export type StoredSheet = z.infer<typeof StoredSheet>;

export interface StoredRound {
  name: string;
  created: string;
  /** In the order stored, each with the rows decided by hand. */
  sheets: (StoredSheet & { resolved: Resolution[] })[];
  /** The pictures of the rows to check, by sheet key and field (only when asked for). */
  crops: Map<string, Map<string, Buffer>>;
}

/** A sheet to add, with the pictures of its rows in doubt. */
export type NewSheet = StoredSheet & { crops?: Map<string, Buffer> };

export type RoundsProblem = "not-a-file" | "empty" | "not-sqlite" | "foreign" | "newer" | "read-only" | "busy" | "failed" | "no-round" | "no-row";

/** A refusal of the rounds store, with a code the web page words in Danish. */
export class RoundsError extends WorkshopkitError {
  constructor(readonly code: RoundsProblem, readonly file: string, message: string, hint?: string) {
    super(message, hint);
  }
}

const TABLES = `
  CREATE TABLE IF NOT EXISTS rounds (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS sheets (
    round INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    sheet TEXT NOT NULL,
    PRIMARY KEY (round, key)
  );
`;
/** Added in version 2: the rows' pictures, and what was decided by hand. */
const TABLES_2 = `
  CREATE TABLE IF NOT EXISTS crops (
    round INTEGER NOT NULL,
    key TEXT NOT NULL,
    field TEXT NOT NULL,
    png BLOB NOT NULL,
    PRIMARY KEY (round, key, field),
    FOREIGN KEY (round, key) REFERENCES sheets(round, key) ON DELETE CASCADE
  );
  CREATE TABLE IF NOT EXISTS resolutions (
    round INTEGER NOT NULL,
    key TEXT NOT NULL,
    field TEXT NOT NULL,
    value INTEGER CHECK (value BETWEEN 1 AND 5),
    reason TEXT NOT NULL,
    PRIMARY KEY (round, key, field),
    FOREIGN KEY (round, key) REFERENCES sheets(round, key) ON DELETE CASCADE
  );
`;
/** Each table's columns, as each version makes them: a file with other tables is not ours. */
const COLUMNS: Record<string, string[]> = {
  rounds: ["id", "name", "created"],
  sheets: ["round", "key", "sheet"],
  crops: ["round", "key", "field", "png"],
  resolutions: ["round", "key", "field", "value", "reason"],
};
const TABLES_OF: Record<number, string[]> = { 0: ["rounds", "sheets"], 1: ["rounds", "sheets"], 2: ["rounds", "sheets", "crops", "resolutions"] };

const shown = (file: string) => escapeControl(file);
const CHOOSE = "Choose another file with --db, or leave --db out to use results/<company>.sqlite.";

/** What the file's first 100 bytes (SQLite's header) say: whether it is a database, its application id and version. */
function readHeader(file: string): { sqlite: boolean; applicationId: number; version: number } {
  const header = Buffer.alloc(100);
  const fd = openSync(file, "r");
  try {
    readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  return { sqlite: header.subarray(0, 16).toString("latin1") === "SQLite format 3\0", applicationId: header.readInt32BE(68), version: header.readInt32BE(60) };
}

/** Checks an existing file without writing to it; returns the schema version it holds. */
function inspect(file: string): number {
  const stat = statSync(file);
  if (!stat.isFile()) throw new RoundsError("not-a-file", file, `The rounds database ${shown(file)} is not a regular file.`, CHOOSE);
  if (stat.size === 0) throw new RoundsError("empty", file, `The rounds database ${shown(file)} is an empty file, not a workshopkit rounds database; it was left as it is.`, CHOOSE);
  const header = readHeader(file);
  const foreign = () => new RoundsError("foreign", file, `${shown(file)} is not a workshopkit rounds database (it is another program's SQLite file); it was left as it is.`, CHOOSE);
  if (!header.sqlite) throw new RoundsError("not-sqlite", file, `${shown(file)} is not a workshopkit rounds database (it is not an SQLite file at all); it was left as it is.`, CHOOSE);
  const ours = header.applicationId === APPLICATION_ID;
  if (!ours && (header.applicationId !== 0 || header.version !== 0)) throw foreign();
  if (ours && header.version > VERSION) throw new RoundsError("newer", file, `The rounds database ${shown(file)} was made by a newer workshopkit; it was left as it is.`, "Update workshopkit, or choose another file with --db.");
  // The schema as well: the tables of its version with their columns, and nothing else of ours missing.
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    const expected = TABLES_OF[ours ? header.version : 0] ?? [];
    if (tables.join() !== [...expected].sort().join()) throw foreign();
    for (const table of expected) {
      const columns = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
      if (columns.join() !== COLUMNS[table]!.join()) throw foreign();
    }
  } catch (err) {
    if (err instanceof RoundsError) throw err;
    throw new RoundsError("not-sqlite", file, `${shown(file)} cannot be read as a workshopkit rounds database (${(err as Error).message}); it was left as it is.`, CHOOSE);
  } finally {
    db?.close();
  }
  // Written to only when it can be: the file and its folder (SQLite's journal) writable, and not marked read-only.
  try {
    accessSync(file, constants.W_OK);
    accessSync(path.dirname(path.resolve(file)), constants.W_OK);
    if ((stat.mode & 0o222) === 0) throw new Error("read-only");
  } catch {
    throw new RoundsError("read-only", file, `The rounds database ${shown(file)} cannot be written (it is read-only); it was left as it is.`, "Make it writable, or choose another file with --db.");
  }
  return ours ? header.version : 0;
}

/** Turns SQLite's errors into messages that name the file; anything else goes on as it is. */
function sqliteFailure(file: string, err: unknown): never {
  if (err instanceof WorkshopkitError) throw err;
  const code = (err as { code?: string }).code ?? "";
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
    throw new RoundsError("busy", file, `The rounds database ${shown(file)} is in use by another workshopkit (a reading still running?).`, "Try again in a moment.");
  }
  if (code.startsWith("SQLITE_READONLY")) throw new RoundsError("read-only", file, `The rounds database ${shown(file)} cannot be written (it is read-only).`, "Make it writable, or choose another file with --db.");
  if (code.startsWith("SQLITE_FULL")) throw new RoundsError("failed", file, `The rounds database ${shown(file)} cannot be written: the disk is full. Nothing was stored.`, "Free some space and try again.");
  if (code.startsWith("SQLITE_")) throw new RoundsError("failed", file, `The rounds database ${shown(file)} cannot be used: ${escapeControl((err as Error).message)}.`, CHOOSE);
  throw err;
}

export class RoundStore {
  private constructor(private readonly db: Database.Database, readonly file: string) {}

  /** Opens the rounds database, making it if it does not exist (unless `create` is false: then undefined). */
  static open(file: string, options: { create: false }): RoundStore | undefined;
  static open(file: string, options?: { create?: true }): RoundStore;
  static open(file: string, { create = true }: { create?: boolean } = {}): RoundStore | undefined {
    let version: number | undefined;
    try {
      version = inspect(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") {
        if (err instanceof WorkshopkitError) throw err;
        throw new RoundsError("failed", file, `Cannot open the rounds database ${shown(file)}: ${escapeControl((err as Error).message)}.`, CHOOSE);
      }
      if (!create) return undefined;
    }
    let db: Database.Database | undefined;
    try {
      if (version === undefined) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
      db = new Database(file, { fileMustExist: version !== undefined, timeout: 5000 });
      db.pragma("foreign_keys = ON");
      if (version !== VERSION) {
        // New, or made by an earlier workshopkit: the tables of this version, the id, the version, at once.
        db.transaction(() => {
          db!.exec(TABLES + TABLES_2);
          db!.pragma(`application_id = ${APPLICATION_ID}`);
          db!.pragma(`user_version = ${VERSION}`);
        }).immediate();
      }
      return new RoundStore(db, file);
    } catch (err) {
      db?.close();
      if (err instanceof WorkshopkitError) throw err;
      if (String((err as { code?: string }).code ?? "").startsWith("SQLITE_")) sqliteFailure(file, err);
      throw new RoundsError("failed", file, `Cannot open the rounds database ${shown(file)}: ${escapeControl((err as Error).message)}.`, CHOOSE);
    }
  }

  /** Refuses a file that is not workshopkit's own (or cannot be written) without opening or making it. */
  static check(file: string): void {
    try {
      inspect(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return;
      if (err instanceof WorkshopkitError) throw err;
      throw new RoundsError("failed", file, `Cannot open the rounds database ${shown(file)}: ${escapeControl((err as Error).message)}.`, CHOOSE);
    }
  }

  private guard<T>(work: () => T): T {
    try {
      return work();
    } catch (err) {
      return sqliteFailure(this.file, err);
    }
  }

  close(): void {
    if (this.db.inTransaction) this.db.exec("ROLLBACK");
    this.db.close();
  }

  list(): RoundInfo[] {
    return this.guard(() => this.db
      .prepare("SELECT r.name, r.created, COUNT(s.key) AS sheets FROM rounds r LEFT JOIN sheets s ON s.round = r.id GROUP BY r.id ORDER BY r.created, r.id")
      .all() as RoundInfo[]);
  }

  private roundId(name: string): number | undefined {
    return (this.db.prepare("SELECT id FROM rounds WHERE name = ?").get(name) as { id: number } | undefined)?.id;
  }

  private noRound(name: string): RoundsError {
    const known = this.list().map((r) => `"${escapeControl(r.name)}"`).join(", ");
    return new RoundsError("no-round", this.file, `There is no round "${escapeControl(name)}" in ${shown(this.file)}.`, known ? `The rounds are: ${known}.` : "The database holds no rounds yet.");
  }

  private load(id: number, name: string, created: string, withCrops: boolean): StoredRound {
    const rows = this.db.prepare("SELECT key, sheet FROM sheets WHERE round = ? ORDER BY rowid").all(id) as { key: string; sheet: string }[];
    const resolutions = this.db.prepare("SELECT key, field, value, reason FROM resolutions WHERE round = ? ORDER BY rowid").all(id) as { key: string; field: string; value: number | null; reason: string }[];
    const crops = new Map<string, Map<string, Buffer>>();
    if (withCrops) {
      for (const c of this.db.prepare("SELECT key, field, png FROM crops WHERE round = ? ORDER BY rowid").all(id) as { key: string; field: string; png: Buffer }[]) {
        if (!crops.has(c.key)) crops.set(c.key, new Map());
        crops.get(c.key)!.set(c.field, c.png);
      }
    }
    const sheets = rows.map((row) => ({
      ...StoredSheet.parse(JSON.parse(row.sheet)),
      resolved: resolutions.filter((r) => r.key === row.key).map((r) => Resolution.parse({ field: r.field, value: r.value, reason: r.reason })),
    }));
    return { name, created, sheets, crops };
  }

  /** One round with its sheets (and the pictures of their rows to check), or undefined. */
  round(name: string): StoredRound | undefined {
    return this.guard(() => {
      const row = this.db.prepare("SELECT id, name, created FROM rounds WHERE name = ?").get(name) as { id: number; name: string; created: string } | undefined;
      return row ? this.load(row.id, row.name, row.created, true) : undefined;
    });
  }

  /** Every round with its sheets, oldest first (no pictures). */
  history(): StoredRound[] {
    return this.guard(() => {
      const rounds = this.db.prepare("SELECT id, name, created FROM rounds ORDER BY created, id").all() as { id: number; name: string; created: string }[];
      return rounds.map((r) => this.load(r.id, r.name, r.created, false));
    });
  }

  deleteRound(name: string): number {
    return this.guard(() => {
      const id = this.roundId(name);
      if (id === undefined) throw this.noRound(name);
      const count = (this.db.prepare("SELECT COUNT(*) AS n FROM sheets WHERE round = ?").get(id) as { n: number }).n;
      this.db.transaction(() => {
        for (const table of ["resolutions", "crops", "sheets"]) this.db.prepare(`DELETE FROM ${table} WHERE round = ?`).run(id);
        this.db.prepare("DELETE FROM rounds WHERE id = ?").run(id);
      }).immediate();
      return count;
    });
  }

  /**
   * Begins the round's transaction and adds its sheets (a sheet already in the round is not added again).
   * Returns how many were new; `commit()` or `rollback()` ends it.
   */
  addRound(name: string, created: Date, sheets: NewSheet[]): { added: number; already: number } {
    return this.guard(() => {
      this.db.exec("BEGIN IMMEDIATE");
      this.db.prepare("INSERT OR IGNORE INTO rounds (name, created) VALUES (?, ?)").run(name, created.toISOString());
      const id = this.roundId(name)!;
      const insert = this.db.prepare("INSERT OR IGNORE INTO sheets (round, key, sheet) VALUES (?, ?, ?)");
      const crop = this.db.prepare("INSERT OR IGNORE INTO crops (round, key, field, png) VALUES (?, ?, ?, ?)");
      let added = 0;
      for (const sheet of sheets) {
        const stored = StoredSheet.parse({ key: sheet.key, pages: sheet.pages, from: sheet.from, answers: sheet.answers, totals: sheet.totals, uncertain: sheet.uncertain, missingPages: sheet.missingPages });
        const changes = insert.run(id, sheet.key, JSON.stringify(stored)).changes;
        added += changes;
        if (changes) for (const [field, png] of sheet.crops ?? []) crop.run(id, sheet.key, field, png);
      }
      return { added, already: sheets.length - added };
    });
  }

  /** Adds `sheets` to the round (made if new) in a transaction of its own. */
  addSheets(name: string, created: Date, sheets: NewSheet[]): { added: number; already: number } {
    try {
      const counts = this.addRound(name, created, sheets);
      this.commit();
      return counts;
    } finally {
      this.rollback();
    }
  }

  /** A sheet typed in by hand: keyed by its place among the round's typed sheets (two alike are two people). */
  addTyped(name: string, created: Date, sheet: Omit<StoredSheet, "key">): string {
    return this.guard(() => this.db.transaction(() => {
      this.db.prepare("INSERT OR IGNORE INTO rounds (name, created) VALUES (?, ?)").run(name, created.toISOString());
      const id = this.roundId(name)!;
      // One more than the highest so far: a number is never given twice, even after a sheet is deleted.
      const keys = this.db.prepare("SELECT key FROM sheets WHERE round = ? AND key LIKE 'typed-%'").all(id) as { key: string }[];
      const key = `typed-${Math.max(0, ...keys.map((k) => Number(k.key.slice(6)) || 0)) + 1}`;
      this.db.prepare("INSERT INTO sheets (round, key, sheet) VALUES (?, ?, ?)").run(id, key, JSON.stringify(StoredSheet.parse({ ...sheet, key })));
      return key;
    }).immediate());
  }

  /** Deletes a sheet typed in by hand (a typing mistake); sheets read from files stay. */
  deleteTyped(name: string, key: string): void {
    this.guard(() => this.db.transaction(() => {
      const id = this.roundId(name);
      if (id === undefined) throw this.noRound(name);
      if (!key.startsWith("typed-") || this.db.prepare("DELETE FROM sheets WHERE round = ? AND key = ?").run(id, key).changes === 0) {
        throw new RoundsError("no-row", this.file, `The round "${escapeControl(name)}" has no typed-in sheet ${escapeControl(key)}.`, "Reload the round and try again.");
      }
    }).immediate());
  }

  /**
   * Decides a row to check by hand: the score meant (1–5), null for "no valid mark", or undefined to
   * undo the decision. Only a row that was in doubt can be decided.
   */
  resolve(name: string, key: string, field: string, value: Score | undefined): void {
    this.guard(() => this.db.transaction(() => {
      const id = this.roundId(name);
      if (id === undefined) throw this.noRound(name);
      const row = this.db.prepare("SELECT sheet FROM sheets WHERE round = ? AND key = ?").get(id, key) as { sheet: string } | undefined;
      const doubt = row && StoredSheet.parse(JSON.parse(row.sheet)).uncertain.find((u) => u.field === field);
      if (!doubt) throw new RoundsError("no-row", this.file, `The round "${escapeControl(name)}" has no row ${escapeControl(field)} to check on that sheet.`, "Reload the round and try again.");
      if (value === undefined) this.db.prepare("DELETE FROM resolutions WHERE round = ? AND key = ? AND field = ?").run(id, key, field);
      else this.db.prepare("INSERT OR REPLACE INTO resolutions (round, key, field, value, reason) VALUES (?, ?, ?, ?, ?)").run(id, key, field, value, doubt.reason);
    }).immediate());
  }

  commit(): void {
    this.guard(() => this.db.exec("COMMIT"));
  }

  rollback(): void {
    if (this.db.inTransaction) this.db.exec("ROLLBACK");
  }
}
