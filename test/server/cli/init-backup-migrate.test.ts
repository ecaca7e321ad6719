import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../../server/domain/clock';
import { sha256 } from '../../../server/domain/ids';
import { openDb } from '../../../server/store/db';
import { loadMigrations, migrate } from '../../../server/store/migrate';
import { createOrganization } from '../../../server/store/organizations';
import { lines, runCli, tempDir } from './run-cli';

const temps: Array<ReturnType<typeof tempDir>> = [];
const newDir = () => {
  const temp = tempDir();
  temps.push(temp);
  return temp.dir;
};
afterAll(() => {
  for (const temp of temps) temp.remove();
});

const SECRET = /sk_live_[A-Za-z0-9]{32,}/g;

/** Row counts of every ordinary table, to compare a backup with its source. */
function rowCounts(path: string): Record<string, number> {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as Array<{
    name: string;
  }>;
  const counts = Object.fromEntries(
    tables.map(({ name }) => [
      name,
      (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n,
    ]),
  );
  db.close();
  return counts;
}

describe('plaudit init, backup and migrate', { timeout: 90_000 }, () => {
  const dataDir = newDir();
  const dbPath = join(dataDir, 'plaudit.db');

  it('init creates the database and prints the admin key once; a second init prints none', async () => {
    const first = await runCli(dataDir, ['init']);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    const printed: string[] = first.stdout.match(SECRET) ?? [];
    expect(printed).toHaveLength(1);
    expect(first.stdout).toMatch(/Demo business: biz_/);

    const db = openDb(dbPath);
    const admins = db.prepare('SELECT hash FROM api_keys WHERE organization_id IS NULL').all() as Array<{
      hash: string;
    }>;
    expect(admins).toEqual([{ hash: sha256(printed[0]) }]);
    expect((db.prepare('SELECT count(*) AS n FROM reviews').get() as { n: number }).n).toBeGreaterThan(0);
    db.close();

    const second = await runCli(dataDir, ['--data-dir', dataDir, 'init']);
    expect(second.code).toBe(0);
    expect(second.stdout).not.toMatch(SECRET);
    expect(second.stdout).toContain('already exists');
    expect(rowCounts(dbPath).api_keys).toBe(1);
    expect(rowCounts(dbPath).organizations).toBe(1);
  });

  it('backup writes a valid copy with the same rows, refuses to overwrite without --force', async () => {
    const target = join(newDir(), 'backup.db');
    const backup = await runCli(dataDir, ['backup', target]);
    expect(backup).toMatchObject({ code: 0, stderr: '' });
    const copy = new Database(target, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.pragma('user_version', { simple: true })).toBe(loadMigrations().length);
    copy.close();
    expect(rowCounts(target)).toEqual(rowCounts(dbPath));

    const db = openDb(dbPath);
    createOrganization(db, systemClock, { name: 'Added after the first backup' });
    db.close();
    const refused = await runCli(dataDir, ['backup', target]);
    expect(refused.code).toBe(1);
    expect(lines(refused.stderr)).toEqual([expect.stringMatching(/already exists \(use --force/)]);
    expect(rowCounts(target).organizations).toBe(1);

    const forced = await runCli(dataDir, ['backup', target, '--force']);
    expect(forced.code).toBe(0);
    expect(rowCounts(target)).toEqual(rowCounts(dbPath));
    expect(rowCounts(target).organizations).toBe(2);
  });

  it('migrate applies pending migrations and prints from → to; refuses a newer schema and a missing database', async () => {
    const oldDir = newDir();
    const old = new Database(join(oldDir, 'plaudit.db'));
    migrate(old, loadMigrations().slice(0, 1));
    old.close();
    const futureDir = newDir();
    const future = new Database(join(futureDir, 'plaudit.db'));
    future.pragma('user_version = 999');
    future.close();
    const latest = loadMigrations().length;

    const [upgraded, current, refused, missing] = await Promise.all([
      runCli(oldDir, ['migrate']),
      runCli(dataDir, ['migrate']),
      runCli(futureDir, ['migrate']),
      runCli(join(newDir(), 'nothing-here'), ['migrate']),
    ]);
    expect(upgraded).toMatchObject({ code: 0, stderr: '' });
    expect(upgraded.stdout).toContain(`Schema version 1 → ${latest}`);
    expect(rowCounts(join(oldDir, 'plaudit.db'))).toHaveProperty('visits');
    expect(current.stdout).toContain(`Schema version ${latest}: up to date`);
    expect(refused.code).toBe(1);
    expect(lines(refused.stderr)).toEqual([
      expect.stringMatching(/schema version 999 is newer than this Plaudit/),
    ]);
    expect(missing.code).toBe(1);
    expect(lines(missing.stderr)).toEqual([
      expect.stringMatching(/No database at .*run `plaudit init` first/),
    ]);
  });
});
