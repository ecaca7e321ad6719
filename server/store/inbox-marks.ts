import { type Clock, isoNow } from '../domain/clock';
import { type Db, sql } from './db';
import {
  type InboxFilter,
  type InboxItemType,
  inboxFeedbackClause,
  inboxReviewClause,
  type SideClause,
} from './inbox-queries';
import { boundedStatement } from './review-queries';

/** Marks the named items of the organization read or unread for the reader; returns how many changed. */
export function markItems(
  db: Db,
  clock: Clock,
  organizationId: string,
  readerId: string,
  read: boolean,
  items: Array<{ type: InboxItemType; id: string }>,
): number {
  let changed = 0;
  db.transaction(() => {
    for (const type of ['review', 'feedback'] as const) {
      const ids = JSON.stringify(items.filter((item) => item.type === type).map((item) => item.id));
      const table = type === 'review' ? 'reviews' : 'feedback';
      changed += read
        ? sql(
            db,
            `INSERT OR IGNORE INTO inbox_reads (organization_id, reader_id, item_type, item_id, business_id, read_at)
             SELECT organization_id, ?, '${type}', id, business_id, ? FROM ${table}
             WHERE id IN (SELECT value FROM json_each(?)) AND +organization_id = ?`,
          ).run(readerId, isoNow(clock), ids, organizationId).changes
        : sql(
            db,
            `DELETE FROM inbox_reads WHERE reader_id = ? AND item_type = '${type}' AND organization_id = ?
             AND item_id IN (SELECT value FROM json_each(?))`,
          ).run(readerId, organizationId, ids).changes;
    }
  })();
  return changed;
}

/** Marks every item matching the filter read or unread for the reader ("mark all read"); how many changed. */
export function markMatching(
  db: Db,
  clock: Clock,
  organizationId: string,
  filter: InboxFilter,
  read: boolean,
): number {
  const sides: Array<[InboxItemType, SideClause | undefined]> = [
    ['review', inboxReviewClause(organizationId, filter)],
    ['feedback', inboxFeedbackClause(organizationId, filter)],
  ];
  let changed = 0;
  db.transaction(() => {
    for (const [type, clause] of sides) {
      if (!clause) continue;
      const table = type === 'review' ? 'reviews' : 'feedback';
      changed += read
        ? boundedStatement(
            db,
            `INSERT OR IGNORE INTO inbox_reads (organization_id, reader_id, item_type, item_id, business_id, read_at)
             SELECT organization_id, ?, '${type}', id, business_id, ? FROM ${table} WHERE ${clause.where}`,
          ).run(filter.readerId, isoNow(clock), ...clause.args).changes
        : boundedStatement(
            db,
            `DELETE FROM inbox_reads WHERE reader_id = ? AND item_type = '${type}' AND organization_id = ?
             AND item_id IN (SELECT id FROM ${table} WHERE ${clause.where})`,
          ).run(filter.readerId, organizationId, ...clause.args).changes;
    }
  })();
  return changed;
}
