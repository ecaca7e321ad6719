import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb, openMemoryDb, pageSql } from '../../../server/store/db';

describe('openDb', () => {
  it('opens a file in WAL mode with the durability, integrity and temp-storage settings checked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plaudit-db-'));
    const db = openDb(join(dir, 'plaudit.db'));
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(1);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      // Savepoint undo pages stay in memory: the group commit's nested savepoints create no temp files.
      expect(db.pragma('temp_store', { simple: true })).toBe(2);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('pageSql', () => {
  it('inlines a page size and keeps the offset bound', () => {
    const db = openMemoryDb();
    const numbers = db.prepare(
      `WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 10) SELECT x FROM n ${pageSql(3)}`,
    );
    expect(numbers.pluck().all(4)).toEqual([5, 6, 7]);
    const rest = db.prepare(
      `WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 10) SELECT x FROM n ${pageSql(-1)}`,
    );
    expect(rest.pluck().all(8)).toEqual([9, 10]);
  });

  it('refuses anything but an integer from -1 (every row) up, so no text can reach the SQL', () => {
    for (const bad of [-2, 2.5, Number.NaN, Number.POSITIVE_INFINITY, '1; DROP TABLE reviews' as never]) {
      expect(() => pageSql(bad)).toThrow(/Invalid page size/);
    }
  });
});
