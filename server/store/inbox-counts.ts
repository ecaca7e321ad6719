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

export type KeptCounts = Record<InboxItemType, { all: number; read: number }>;

const KEPT_COUNTS_SQL = (scope: string) => `SELECT
  (SELECT coalesce(sum(total), 0) FROM review_counts WHERE ${scope}) AS reviews,
  (SELECT coalesce(sum(total), 0) FROM feedback_counts WHERE ${scope}) AS feedback,
  (SELECT coalesce(sum(n), 0) FROM inbox_read_counts
     WHERE reader_id = :reader AND item_type = 'review' AND ${scope}) AS readReviews,
  (SELECT coalesce(sum(n), 0) FROM inbox_read_counts
     WHERE reader_id = :reader AND item_type = 'feedback' AND ${scope}) AS readFeedback`;

/**
 * Every review and feedback of the organization (or one business of it) and how many of each the reader has
 * read, from the kept totals in one statement: the inbox asks for all four on every page.
 */
export function keptCounts(
  db: Db,
  organizationId: string,
  readerId: string,
  businessId?: string,
): KeptCounts {
  const text = KEPT_COUNTS_SQL(
    businessId ? 'business_id = :business AND organization_id = :org' : 'organization_id = :org',
  );
  const params = businessId
    ? { org: organizationId, reader: readerId, business: businessId }
    : { org: organizationId, reader: readerId };
  const n = sql(db, text).get(params) as Record<
    'reviews' | 'feedback' | 'readReviews' | 'readFeedback',
    number
  >;
  return {
    review: { all: n.reviews, read: n.readReviews },
    feedback: { all: n.feedback, read: n.readFeedback },
  };
}

/** The reader's unread items of the given types, in the organization or one business of it. */
export function unreadCounts(
  db: Db,
  organizationId: string,
  readerId: string,
  types: InboxItemType[],
  businessId?: string,
): UnreadCounts {
  return unreadOf(keptCounts(db, organizationId, readerId, businessId), types);
}

/** The unread items of the given types, from kept counts already read. */
export function unreadOf(kept: KeptCounts, types: InboxItemType[]): UnreadCounts {
  const unread = (type: InboxItemType) => (types.includes(type) ? kept[type].all - kept[type].read : 0);
  const reviews = unread('review');
  const feedback = unread('feedback');
  return { total: reviews + feedback, reviews, feedback };
}
