import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../../../server/store/migrate';

describe('the accounts migration', () => {
  it('keeps every outbox job while the table is rebuilt to accept account_email', () => {
    const migrations = loadMigrations();
    const accounts = migrations.findIndex((m) => m.name.endsWith('_accounts.sql'));
    expect(accounts).toBeGreaterThan(0);
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.slice(0, accounts));
    const insert = db.prepare(
      `INSERT INTO outbox (id, kind, ref_id, status, due_at, attempts, max_attempts, last_error, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    insert.run(
      'job_a',
      'message',
      'msg_1',
      'pending',
      '2026-01-01',
      2,
      8,
      'timeout',
      '2026-01-01',
      '2026-01-02',
    );
    insert.run(
      'job_b',
      'webhook',
      'del_1',
      'failed',
      '2026-01-01',
      15,
      15,
      'gone',
      '2026-01-01',
      '2026-01-03',
    );
    expect(() => insert.run('job_c', 'account_email', 'aem_1', 'pending', 'x', 0, 8, null, 'x', 'x')).toThrow(
      /CHECK/,
    );
    const before = db.prepare('SELECT * FROM outbox ORDER BY id').all();

    migrate(db, migrations);
    expect(db.prepare('SELECT * FROM outbox ORDER BY id').all()).toEqual(before);
    insert.run('job_c', 'account_email', 'aem_1', 'pending', 'x', 0, 8, null, 'x', 'x');
    const indexes = db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox' AND sql IS NOT NULL`,
      )
      .all();
    expect(indexes.map((i) => (i as { name: string }).name).sort()).toEqual(['outbox_due', 'outbox_ref']);
    expect(db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'users'`).get()).toMatchObject({
      sql: expect.stringContaining('COLLATE NOCASE UNIQUE'),
    });
  });
});
