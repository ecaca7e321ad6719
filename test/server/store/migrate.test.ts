import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../../server/store/db';
import { loadMigrations, migrate, SchemaTooNewError } from '../../../server/store/migrate';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'plaudit-migrate-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const userVersion = (db: Database.Database) => db.pragma('user_version', { simple: true });
type TableInfo = { name: string; type: string; strict: number };
const tables = (db: Database.Database) =>
  (db.pragma('table_list') as TableInfo[]).filter((t) => !t.name.startsWith('sqlite_'));

const EXPECTED_TABLES = [
  'organizations',
  'api_keys',
  'businesses',
  'customers',
  'reviews',
  'reviews_fts',
  'cards',
  'review_requests',
  'feedback',
  'events',
  'idempotency_keys',
];

describe('migrations', () => {
  it('takes an empty database to the latest version, with every table STRICT, and re-running is a no-op', () => {
    const db = new Database(':memory:');
    const migrations = loadMigrations();
    expect(migrations.length).toBeGreaterThanOrEqual(2);
    expect(userVersion(db)).toBe(0);

    expect(migrate(db)).toEqual({ from: 0, to: migrations.length });
    expect(userVersion(db)).toBe(migrations.length);
    const names = tables(db).map((t) => t.name);
    for (const table of EXPECTED_TABLES) expect(names).toContain(table);
    const ordinary = tables(db).filter((t) => t.type === 'table');
    expect(ordinary.length).toBeGreaterThanOrEqual(EXPECTED_TABLES.length - 1);
    expect(ordinary.filter((t) => t.strict !== 1).map((t) => t.name)).toEqual([]);
    expect(tables(db).find((t) => t.name === 'reviews_fts')?.type).toBe('virtual');

    const schema = db.prepare('SELECT name, sql FROM sqlite_schema ORDER BY name').all();
    expect(migrate(db)).toEqual({ from: migrations.length, to: migrations.length });
    expect(db.prepare('SELECT name, sql FROM sqlite_schema ORDER BY name').all()).toEqual(schema);
  });

  it('applies only the pending migrations of an older database', () => {
    const db = new Database(':memory:');
    const migrations = loadMigrations();
    migrate(db, migrations.slice(0, 1));
    expect(userVersion(db)).toBe(1);
    expect(migrate(db, migrations)).toEqual({ from: 1, to: migrations.length });
    expect(userVersion(db)).toBe(migrations.length);
  });

  it('refuses a database written by a newer Plaudit and leaves it untouched', () => {
    const path = join(tempDir(), 'future.db');
    const future = new Database(path);
    future.exec('CREATE TABLE from_the_future (x INTEGER) STRICT');
    future.pragma(`user_version = ${loadMigrations().length + 1}`);
    future.close();

    expect(() => openDb(path)).toThrow(SchemaTooNewError);
    const db = new Database(path);
    expect(() => migrate(db)).toThrow(/newer than this Plaudit/);
    expect(userVersion(db)).toBe(loadMigrations().length + 1);
    expect(tables(db).map((t) => t.name)).toEqual(['from_the_future']);
    db.close();
  });

  it('applies migrations in one transaction: a failing one leaves the database as it was', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '0001_first.sql'), 'CREATE TABLE first (id TEXT PRIMARY KEY) STRICT;');
    writeFileSync(join(dir, '0002_broken.sql'), 'CREATE TABLE second (id TEXT PRIMARY KEY) STRICT; NOT SQL;');
    const db = new Database(':memory:');
    expect(() => migrate(db, loadMigrations(dir))).toThrow();
    expect(userVersion(db)).toBe(0);
    expect(tables(db)).toEqual([]);
  });

  it('rebuilds tables with foreign keys off, but refuses a migration that leaves one broken', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, '0001_tables.sql'),
      `CREATE TABLE parent (id TEXT PRIMARY KEY) STRICT;
       CREATE TABLE child (parent_id TEXT REFERENCES parent(id) ON DELETE CASCADE) STRICT;
       INSERT INTO parent VALUES ('p'); INSERT INTO child VALUES ('p');`,
    );
    writeFileSync(
      join(dir, '0002_rebuild.sql'),
      `CREATE TABLE parent_new (id TEXT PRIMARY KEY, note TEXT) STRICT;
       INSERT INTO parent_new (id) SELECT id FROM parent;
       DROP TABLE parent; ALTER TABLE parent_new RENAME TO parent;`,
    );
    writeFileSync(join(dir, '0003_orphan.sql'), "INSERT INTO child VALUES ('nobody');");
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    const migrations = loadMigrations(dir);

    migrate(db, migrations.slice(0, 2));
    expect(db.prepare('SELECT parent_id FROM child').pluck().all()).toEqual(['p']);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);

    expect(() => migrate(db, migrations)).toThrow(/broken foreign key/);
    expect(userVersion(db)).toBe(2);
    expect(db.prepare('SELECT parent_id FROM child').pluck().all()).toEqual(['p']);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('refuses a gap in the numbered files', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '0001_first.sql'), 'SELECT 1;');
    writeFileSync(join(dir, '0003_third.sql'), 'SELECT 1;');
    expect(() => loadMigrations(dir)).toThrow(/out of sequence/);
  });

  it('sets and checks the durability pragmas on a file database', () => {
    const db = openDb(join(tempDir(), 'nested', 'plaudit.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(5000);
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(userVersion(db)).toBe(loadMigrations().length);
    db.close();
  });
});
