import { describe, expect, it } from 'vitest';
import { systemClock } from '../../../server/domain/clock';
import { openMemoryDb } from '../../../server/store/db';
import { explainInbox } from '../../../server/store/inbox';
import { unreadCounts } from '../../../server/store/inbox-counts';
import { markItems } from '../../../server/store/inbox-marks';
import type { InboxFilter } from '../../../server/store/inbox-queries';
import { createOrganization } from '../../../server/store/organizations';
import { insertFeedbackRow, insertReviewRow } from '../rows';

function world() {
  const db = openMemoryDb();
  const org = createOrganization(db, systemClock, { name: 'Acme' });
  const now = '2026-06-01T00:00:00.000Z';
  for (const id of ['biz_a', 'biz_b']) {
    db.prepare(
      'INSERT INTO businesses (id, organization_id, name, slug, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(id, org.id, id, id, now, now);
  }
  return { db, org };
}

const both: InboxFilter = { types: ['review', 'feedback'], readerId: 'key_reader' };
const planOf = (db: ReturnType<typeof world>['db'], orgId: string, filter: Partial<InboxFilter>) =>
  explainInbox(db, orgId, { ...both, ...filter }).join('\n');

describe('inbox queries', () => {
  it('merge both sides in index order: no sort of every row, for the organization or one business', () => {
    const { db, org } = world();
    for (const filter of [{}, { read: false }, { minRating: 4 }, { from: '2026-01-01T00:00:00.000Z' }]) {
      const plan = planOf(db, org.id, filter);
      expect(plan, JSON.stringify(filter)).toMatch(/MERGE \(UNION ALL\)/);
      expect(plan, JSON.stringify(filter)).toMatch(/reviews USING INDEX reviews_organization_published/);
      expect(plan, JSON.stringify(filter)).toMatch(
        /feedback USING (COVERING )?INDEX feedback_organization_created_id/,
      );
      expect(plan, JSON.stringify(filter)).not.toMatch(/TEMP B-TREE/);
    }
    const business = planOf(db, org.id, { businessId: 'biz_a', read: false });
    expect(business).toMatch(/reviews USING INDEX reviews_business_published/);
    expect(business).toMatch(/feedback USING INDEX feedback_business_created_id/);
    expect(business).not.toMatch(/TEMP B-TREE/);
    // The read flag of each row is one primary-key probe.
    expect(business).toMatch(/inbox_reads USING PRIMARY KEY/);
  });

  it('drops read state with its item, also when a business is deleted with its reviews and feedback', () => {
    const { db, org } = world();
    const review = insertReviewRow(db, {
      organizationId: org.id,
      businessId: 'biz_a',
      rating: 5,
      publishedAt: '2026-06-01T00:00:00.000Z',
    });
    const kept = insertReviewRow(db, {
      organizationId: org.id,
      businessId: 'biz_b',
      rating: 5,
      publishedAt: '2026-06-01T00:00:00.000Z',
    });
    const feedback = insertFeedbackRow(db, { organizationId: org.id, businessId: 'biz_a' });
    const items = [
      { type: 'review' as const, id: review },
      { type: 'review' as const, id: kept },
      { type: 'feedback' as const, id: feedback },
    ];
    expect(markItems(db, systemClock, org.id, 'key_1', true, items)).toBe(3);
    expect(markItems(db, systemClock, org.id, 'usr_2', true, items)).toBe(3);
    const types = ['review', 'feedback'] as const;
    expect(unreadCounts(db, org.id, 'key_1', [...types])).toEqual({ total: 0, reviews: 0, feedback: 0 });
    expect(markItems(db, systemClock, org.id, 'key_1', false, [items[0]])).toBe(1);
    expect(unreadCounts(db, org.id, 'key_1', [...types], 'biz_a')).toEqual({
      total: 1,
      reviews: 1,
      feedback: 0,
    });
    expect(markItems(db, systemClock, org.id, 'key_1', true, [items[0]])).toBe(1);
    db.prepare('DELETE FROM businesses WHERE id = ?').run('biz_a');
    const left = db.prepare('SELECT reader_id, item_id FROM inbox_reads ORDER BY reader_id').all();
    expect(left).toEqual([
      { reader_id: 'key_1', item_id: kept },
      { reader_id: 'usr_2', item_id: kept },
    ]);
    expect(
      db.prepare('SELECT reader_id, business_id, n FROM inbox_read_counts ORDER BY reader_id').all(),
    ).toEqual([
      { reader_id: 'key_1', business_id: 'biz_b', n: 1 },
      { reader_id: 'usr_2', business_id: 'biz_b', n: 1 },
    ]);
    expect(unreadCounts(db, org.id, 'key_1', [...types])).toEqual({ total: 0, reviews: 0, feedback: 0 });
    insertFeedbackRow(db, { organizationId: org.id, businessId: 'biz_b' });
    expect(unreadCounts(db, org.id, 'usr_2', [...types])).toEqual({ total: 1, reviews: 0, feedback: 1 });
  });
});
