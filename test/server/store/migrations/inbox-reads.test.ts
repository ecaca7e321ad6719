import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../../../server/domain/clock';
import { unreadCounts } from '../../../../server/store/inbox-counts';
import { loadMigrations, migrate } from '../../../../server/store/migrate';
import { createOrganization } from '../../../../server/store/organizations';
import { insertFeedbackRow } from '../../rows';

describe('the inbox read-state migration', () => {
  it('counts the feedback already stored, so unread counts start right', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    const migrations = loadMigrations();
    const at = migrations.findIndex((m) => m.name.endsWith('_inbox_reads.sql'));
    expect(at).toBeGreaterThan(0);
    migrate(db, migrations.slice(0, at));
    const org = createOrganization(db, systemClock, { name: 'Before' });
    const now = new Date().toISOString();
    for (const id of ['biz_a', 'biz_b']) {
      db.prepare(
        'INSERT INTO businesses (id, organization_id, name, slug, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(id, org.id, id, id, now, now);
    }
    for (const businessId of ['biz_a', 'biz_a', 'biz_b'])
      insertFeedbackRow(db, { organizationId: org.id, businessId });
    migrate(db, migrations);
    expect(unreadCounts(db, org.id, 'key_x', ['review', 'feedback'])).toEqual({
      total: 3,
      reviews: 0,
      feedback: 3,
    });
    expect(unreadCounts(db, org.id, 'key_x', ['feedback'], 'biz_a').feedback).toBe(2);
  });
});
