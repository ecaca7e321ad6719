import { type Db, sql } from './db';
import type { InboxItemType } from './inbox-queries';

export type UnreadCounts = { total: number; reviews: number; feedback: number };

/** Every review or feedback of the organization (or of one of its businesses), from the kept totals. */
export function itemCount(db: Db, organizationId: string, type: InboxItemType, businessId?: string): number {
  const table = type === 'review' ? 'review_counts' : 'feedback_counts';
  const text = businessId
    ? `SELECT coalesce(sum(total), 0) AS n FROM ${table} WHERE business_id = ? AND organization_id = ?`
    : `SELECT coalesce(sum(total), 0) AS n FROM ${table} WHERE organization_id = ?`;
  const args = businessId ? [businessId, organizationId] : [organizationId];
  return (sql(db, text).get(...args) as { n: number }).n;
}

/** How many items of a type (of one business, if given) the reader has marked read in the organization. */
export function readCount(
  db: Db,
  organizationId: string,
  readerId: string,
  type: InboxItemType,
  businessId?: string,
): number {
  const text = businessId
    ? `SELECT coalesce(sum(n), 0) AS n FROM inbox_read_counts
       WHERE reader_id = ? AND organization_id = ? AND item_type = ? AND business_id = ?`
    : `SELECT coalesce(sum(n), 0) AS n FROM inbox_read_counts
       WHERE reader_id = ? AND organization_id = ? AND item_type = ?`;
  const args = businessId ? [businessId] : [];
  return (sql(db, text).get(readerId, organizationId, type, ...args) as { n: number }).n;
}

/** The reader's unread items of the given types, in the organization or one business of it. */
export function unreadCounts(
  db: Db,
  organizationId: string,
  readerId: string,
  types: InboxItemType[],
  businessId?: string,
): UnreadCounts {
  const unread = (type: InboxItemType) =>
    types.includes(type)
      ? itemCount(db, organizationId, type, businessId) -
        readCount(db, organizationId, readerId, type, businessId)
      : 0;
  const reviews = unread('review');
  const feedback = unread('feedback');
  return { total: reviews + feedback, reviews, feedback };
}
