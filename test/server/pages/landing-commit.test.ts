import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groupCommit } from '../../../server/pages/landing-commit';
import { type Db, openDb } from '../../../server/store/db';

// A file database (so a second connection sees only what was committed) with two scratch tables; the
// child's foreign key is checked at COMMIT, which gives a real way to make a batch's commit fail.
let dir: string;
let db: Db;
let reader: Db;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'plaudit-commit-'));
  db = openDb(join(dir, 'plaudit.db'));
  db.exec(`
    CREATE TABLE scratch (id INTEGER PRIMARY KEY, label TEXT NOT NULL);
    CREATE TABLE parent (id INTEGER PRIMARY KEY);
    CREATE TABLE child (
      id INTEGER PRIMARY KEY,
      parent_id INTEGER NOT NULL REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED
    );
  `);
  reader = new Database(join(dir, 'plaudit.db'), { readonly: true });
});

afterEach(() => {
  reader.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const insert = (label: string) => () =>
  Number(db.prepare('INSERT INTO scratch (label) VALUES (?)').run(label).lastInsertRowid);
const committedLabels = () =>
  (reader.prepare('SELECT label FROM scratch ORDER BY id').all() as Array<{ label: string }>).map(
    (r) => r.label,
  );
const settle = <T>(promise: Promise<T>) =>
  promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );

describe('groupCommit', () => {
  it('commits writes that arrive together in one transaction, all durable once their promises resolve', async () => {
    const commit = groupCommit(db);
    const seenByLast: { uncommitted: string[]; committed: string[] } = { uncommitted: [], committed: [] };
    const labels = ['a', 'b', 'c', 'd', 'e'];
    const results = labels.map((label, i) =>
      commit(() => {
        const id = insert(label)();
        if (i === labels.length - 1) {
          // The earlier items' rows are written on this connection but not yet committed: one transaction.
          seenByLast.uncommitted = (
            db.prepare('SELECT label FROM scratch ORDER BY id').all() as Array<{
              label: string;
            }>
          ).map((r) => r.label);
          seenByLast.committed = committedLabels();
        }
        return id;
      }),
    );
    const ids = await Promise.all(results);

    expect(seenByLast.uncommitted).toEqual(labels);
    expect(seenByLast.committed).toEqual([]);
    expect(new Set(ids).size).toBe(labels.length);
    expect(committedLabels()).toEqual(labels);
    // Durable: a fresh connection after closing the writer still sees every row.
    db.close();
    const reopened = new Database(join(dir, 'plaudit.db'), { readonly: true });
    expect((reopened.prepare('SELECT count(*) AS n FROM scratch').get() as { n: number }).n).toBe(
      labels.length,
    );
    reopened.close();
    db = openDb(join(dir, 'plaudit.db'));
  });

  it('returns the same queue for the same database, so callers from different routes share a batch', async () => {
    const one = groupCommit(db);
    const two = groupCommit(db);
    let otherSawFirst = -1;
    const first = one(insert('first'));
    const second = two(() => {
      otherSawFirst = (
        db.prepare("SELECT count(*) AS n FROM scratch WHERE label = 'first'").get() as { n: number }
      ).n;
      // Still inside the shared, uncommitted transaction.
      expect(committedLabels()).toEqual([]);
      return insert('second')();
    });
    await Promise.all([first, second]);
    expect(otherSawFirst).toBe(1);
    expect(committedLabels()).toEqual(['first', 'second']);
  });

  it('rolls back only the item that throws; the others commit and their callers succeed', async () => {
    const commit = groupCommit(db);
    const boom = new Error('item 2 failed');
    const outcomes = await Promise.all([
      settle(commit(insert('one'))),
      settle(
        commit(() => {
          insert('two-a')();
          insert('two-b')();
          throw boom;
        }),
      ),
      settle(commit(insert('three'))),
      settle(
        commit(() => {
          // A later item does not see the failed item's writes either.
          const n = (
            db.prepare("SELECT count(*) AS n FROM scratch WHERE label LIKE 'two%'").get() as { n: number }
          ).n;
          insert(`four-saw-${n}`)();
          return n;
        }),
      ),
    ]);

    expect(outcomes[0]).toEqual({ ok: true, value: expect.any(Number) });
    expect(outcomes[1]).toEqual({ ok: false, error: boom });
    expect(outcomes[2]).toEqual({ ok: true, value: expect.any(Number) });
    expect(outcomes[3]).toEqual({ ok: true, value: 0 });
    expect(committedLabels()).toEqual(['one', 'three', 'four-saw-0']);
    expect(db.inTransaction).toBe(false);
  });

  it('rejects every caller of a batch whose COMMIT fails, and leaves nothing of it written', async () => {
    const commit = groupCommit(db);
    db.prepare('INSERT INTO parent (id) VALUES (1)').run();
    const outcomes = await Promise.all([
      settle(commit(insert('before'))),
      settle(
        commit(() => {
          db.prepare('INSERT INTO child (parent_id) VALUES (1)').run();
          // Deferred: accepted now (its savepoint releases fine), refused only by the COMMIT.
          return db.prepare('INSERT INTO child (parent_id) VALUES (999)').run().changes;
        }),
      ),
      settle(commit(insert('after'))),
    ]);

    for (const outcome of outcomes) {
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(String(outcome.error)).toMatch(/FOREIGN KEY/i);
    }
    expect(committedLabels()).toEqual([]);
    expect((reader.prepare('SELECT count(*) AS n FROM child').get() as { n: number }).n).toBe(0);
    expect(db.inTransaction).toBe(false);

    // The queue is not wedged: the next batch commits normally.
    await commit(insert('next'));
    expect(committedLabels()).toEqual(['next']);
  });

  it('rejects every caller when the COMMIT cannot take the write lock (SQLITE_BUSY), writing nothing', async () => {
    // Rollback-journal mode: COMMIT needs an exclusive lock, which a reader's open transaction refuses.
    const path = join(dir, 'journal.db');
    const writer = new Database(path);
    writer.pragma('journal_mode = DELETE');
    writer.pragma('busy_timeout = 0');
    writer.exec('CREATE TABLE scratch (id INTEGER PRIMARY KEY, label TEXT NOT NULL)');
    const blocker = new Database(path);
    blocker.pragma('busy_timeout = 0');
    try {
      blocker.exec('BEGIN');
      blocker.prepare('SELECT count(*) FROM scratch').get();
      const commit = groupCommit(writer);
      const add = (label: string) => () =>
        writer.prepare('INSERT INTO scratch (label) VALUES (?)').run(label).changes;
      const outcomes = await Promise.all([settle(commit(add('x'))), settle(commit(add('y')))]);
      for (const outcome of outcomes) {
        expect(outcome.ok).toBe(false);
        if (!outcome.ok) expect((outcome.error as { code?: string }).code).toMatch(/^SQLITE_BUSY/);
      }
      expect(writer.inTransaction).toBe(false);
      blocker.exec('COMMIT');
      expect((blocker.prepare('SELECT count(*) AS n FROM scratch').get() as { n: number }).n).toBe(0);

      await expect(commit(add('z'))).resolves.toBe(1);
      expect(blocker.prepare('SELECT label FROM scratch').all()).toEqual([{ label: 'z' }]);
    } finally {
      if (blocker.inTransaction) blocker.exec('ROLLBACK');
      blocker.close();
      writer.close();
    }
  });

  it('resolves a caller only after COMMIT: another connection sees the row the moment the promise settles', async () => {
    const commit = groupCommit(db);
    const seen: Array<{ label: string; committed: string[]; inTransaction: boolean }> = [];
    const labels = ['p', 'q', 'r'];
    await Promise.all(
      labels.map((label) =>
        commit(insert(label)).then(() => {
          seen.push({ label, committed: committedLabels(), inTransaction: db.inTransaction });
        }),
      ),
    );
    expect(seen.map((s) => s.label)).toEqual(labels);
    for (const s of seen) {
      expect(s.inTransaction).toBe(false);
      expect(s.committed).toEqual(labels);
    }
  });

  it('also rejects only after the batch is settled: a failing caller sees the others already committed', async () => {
    const commit = groupCommit(db);
    let seenOnReject: string[] | null = null;
    const failing = commit(() => {
      insert('doomed')();
      throw new Error('no');
    }).catch(() => {
      seenOnReject = committedLabels();
    });
    const ok = commit(insert('kept'));
    await Promise.all([failing, ok]);
    expect(seenOnReject).toEqual(['kept']);
  });

  it('runs work queued by a caller while a batch is being written in a later batch, not lost', async () => {
    const commit = groupCommit(db);
    let inner: Promise<number> | undefined;
    await commit(() => {
      inner = commit(insert('inner'));
      return insert('outer')();
    });
    expect(committedLabels()).toEqual(['outer']);
    await inner;
    expect(committedLabels()).toEqual(['outer', 'inner']);
  });
});
