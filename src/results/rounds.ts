// The rounds store: each round's answers (anonymous: no names, only the scores and where they were
// read), in an SQLite file kept outside the pack folder, which a build replaces whole. A round is
// written in one transaction, held open until the report is written: an interrupted run leaves the
// file as it was. A sheet is keyed by a hash of its source, pages and answers, so reading the same
// scans into a round twice does not count them twice.
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { WorkshopkitError } from "../errors.js";
import type { z } from "zod";
import { Sheet } from "./schema.js";

export interface RoundInfo {
  name: string;
  created: string;
  sheets: number;
}

/** What is kept of a sheet: where it was read and its scores; no crops, no names. */
const StoredSheet = Sheet.pick({ key: true, pages: true, from: true, answers: true, totals: true });
type StoredSheet = z.infer<typeof StoredSheet>;

export interface StoredRound {
  name: string;
  sheets: StoredSheet[];
}

const SCHEMA = `
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

export class RoundStore {
  private constructor(private readonly db: Database.Database, readonly file: string) {}

  static open(file: string): RoundStore {
    try {
      mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
      const db = new Database(file);
      db.pragma("foreign_keys = ON");
      db.exec(SCHEMA);
      return new RoundStore(db, file);
    } catch (err) {
      throw WorkshopkitError.of("results.db", { file, detail: (err as Error).message }, { file: "options", path: "db" });
    }
  }

  close(): void {
    if (this.db.inTransaction) this.db.exec("ROLLBACK");
    this.db.close();
  }

  list(): RoundInfo[] {
    return this.db
      .prepare("SELECT r.name, r.created, COUNT(s.key) AS sheets FROM rounds r LEFT JOIN sheets s ON s.round = r.id GROUP BY r.id ORDER BY r.created, r.id")
      .all() as RoundInfo[];
  }

  /** Every round with its sheets' totals, oldest first. */
  history(): StoredRound[] {
    const rounds = this.db.prepare("SELECT id, name FROM rounds ORDER BY created, id").all() as { id: number; name: string }[];
    const sheets = this.db.prepare("SELECT sheet FROM sheets WHERE round = ? ORDER BY rowid");
    return rounds.map((r) => ({
      name: r.name,
      sheets: (sheets.all(r.id) as { sheet: string }[]).map((row) => StoredSheet.parse(JSON.parse(row.sheet))),
    }));
  }

  deleteRound(name: string): number {
    const round = this.db.prepare("SELECT id FROM rounds WHERE name = ?").get(name) as { id: number } | undefined;
    if (!round) {
      const known = this.list().map((r) => `"${r.name}"`).join(", ");
      throw WorkshopkitError.of("results.noRound", { file: this.file, name, known });
    }
    const count = (this.db.prepare("SELECT COUNT(*) AS n FROM sheets WHERE round = ?").get(round.id) as { n: number }).n;
    this.db.transaction(() => {
      this.db.prepare("DELETE FROM sheets WHERE round = ?").run(round.id);
      this.db.prepare("DELETE FROM rounds WHERE id = ?").run(round.id);
    })();
    return count;
  }

  /**
   * Begins the round's transaction and adds its sheets (a sheet already in the round is not added again).
   * Returns how many were new; `commit()` or `rollback()` ends it.
   */
  addRound(name: string, created: Date, sheets: Sheet[]): { added: number; already: number } {
    this.db.exec("BEGIN IMMEDIATE");
    this.db.prepare("INSERT OR IGNORE INTO rounds (name, created) VALUES (?, ?)").run(name, created.toISOString());
    const { id } = this.db.prepare("SELECT id FROM rounds WHERE name = ?").get(name) as { id: number };
    const insert = this.db.prepare("INSERT OR IGNORE INTO sheets (round, key, sheet) VALUES (?, ?, ?)");
    let added = 0;
    for (const sheet of sheets) {
      const stored: StoredSheet = { key: sheet.key, pages: sheet.pages, from: sheet.from, answers: sheet.answers, totals: sheet.totals };
      added += insert.run(id, sheet.key, JSON.stringify(stored)).changes;
    }
    return { added, already: sheets.length - added };
  }

  commit(): void {
    this.db.exec("COMMIT");
  }

  rollback(): void {
    if (this.db.inTransaction) this.db.exec("ROLLBACK");
  }
}
