import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrate';

export type Db = Database.Database;

/** Opens (creating if needed) the SQLite file, applies the pragmas, checks them, and migrates. */
export function openDb(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  applyPragmas(db, path === ':memory:');
  migrate(db);
  return db;
}

/** A fresh, migrated in-memory database: what every API test starts from. */
export function openMemoryDb(): Db {
  return openDb(':memory:');
}

function applyPragmas(db: Db, inMemory: boolean): void {
  if (!inMemory) {
    db.pragma('journal_mode = WAL');
    // Reads through a memory map skip a copy per page: the list queries' tail latency drops several-fold.
    db.pragma('mmap_size = 268435456');
  }
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Savepoints keep their undo pages in a sub-journal, a temp file by default: every landing write runs in
  // nested savepoints (group commit), and the file cost a create, writes and an unlink per transaction.
  db.pragma('temp_store = MEMORY');
  const checks: Array<[string, unknown]> = [
    ['foreign_keys', 1],
    ['busy_timeout', 5000],
    ['synchronous', 1],
    ['temp_store', 2],
  ];
  if (!inMemory) checks.push(['journal_mode', 'wal']);
  for (const [pragma, expected] of checks) {
    const actual = db.pragma(pragma, { simple: true });
    if (actual !== expected) throw new Error(`SQLite pragma ${pragma} is ${actual}, expected ${expected}`);
  }
}

const statementCache = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * Prepares a statement once per database and reuses it: store functions call this with literal SQL, or
 * SQL from a small fixed set (one per page size, see `pageSql`).
 */
export function sql(db: Db, text: string): Database.Statement {
  let cache = statementCache.get(db);
  if (!cache) {
    cache = new Map();
    statementCache.set(db, cache);
  }
  let statement = cache.get(text);
  if (!statement) {
    statement = db.prepare(text);
    cache.set(text, statement);
  }
  return statement;
}

/**
 * `LIMIT n OFFSET ?` for a page of at most `limit` rows, or every row for -1: a validated integer, inlined,
 * while the offset stays bound. SQLite plans with the value bound to a `LIMIT ?`, so every run that binds it
 * re-prepares the statement: for the review list that was a fifth of its query time.
 */
export function pageSql(limit: number): string {
  if (!Number.isSafeInteger(limit) || limit < -1) throw new Error(`Invalid page size: ${limit}`);
  return `LIMIT ${limit} OFFSET ?`;
}
