import { type Clock, isoNow } from '../domain/clock';
import { businessBelongsTo } from './businesses';
import { type Db, pageSql, sql } from './db';
import { FEEDBACK_SELECT, type Feedback, toFeedback } from './feedback';
import {
  type InboxFilter,
  type InboxItemType,
  inboxFeedbackClause,
  inboxPageSql,
  inboxReviewClause,
  type SideClause,
} from './inbox-queries';
import { boundedStatement } from './review-queries';

export type { InboxFilter, InboxItemType } from './inbox-queries';

type PageRow = { type: InboxItemType; id: string; at: string; json: string | null; read: number };
export type UnreadCounts = { total: number; reviews: number; feedback: number };

/**
 * One page of the merged inbox as JSON text (reviews carry their stored API JSON, so they read exactly as
 * in GET /reviews), and the total. Undefined when `filter.businessId` is not the organization's.
 */
export function listInboxJson(
  db: Db,
  organizationId: string,
  filter: InboxFilter,
  page: { limit: number; offset: number },
): { json: string; total: number } | undefined {
  if (filter.businessId && !businessBelongsTo(db, organizationId, filter.businessId)) return undefined;
  const reviews = inboxReviewClause(organizationId, filter);
  const feedback = inboxFeedbackClause(organizationId, filter);
  const query = inboxPageSql(filter.readerId, reviews, feedback);
  if (!query) return { json: '[]', total: 0 };
  const rows = boundedStatement(db, `${query.text} ${pageSql(page.limit)}`).all(
    ...query.args,
    page.offset,
  ) as PageRow[];
  const feedbackById = feedbackByIds(
    db,
    organizationId,
    rows.filter((row) => row.type === 'feedback').map((row) => row.id),
  );
  const items = rows.map((row) => {
    const head = `{"type":"${row.type}","read":${row.read === 1},"createdAt":${JSON.stringify(row.at)}`;
    return row.type === 'review'
      ? `${head},"review":${row.json}}`
      : `${head},"feedback":${JSON.stringify(feedbackById.get(row.id))}}`;
  });
  let total: number;
  if (rows.length > 0 && rows.length < page.limit) total = page.offset + rows.length;
  else if (rows.length === 0 && page.offset === 0) total = 0;
  else
    total =
      sideTotal(db, organizationId, filter, 'review', reviews) +
      sideTotal(db, organizationId, filter, 'feedback', feedback);
  return { json: `[${items.join(',')}]`, total };
}

function feedbackByIds(db: Db, organizationId: string, ids: string[]): Map<string, Feedback> {
  if (!ids.length) return new Map();
  const rows = sql(
    db,
    `${FEEDBACK_SELECT} WHERE id IN (SELECT value FROM json_each(?)) AND organization_id = ?`,
  ).all(JSON.stringify(ids), organizationId) as Parameters<typeof toFeedback>[0][];
  return new Map(rows.map((row) => [row.id, toFeedback(row)]));
}

/**
 * How many items of one side match. Without filters (but the business, and maybe the read state) the
 * kept totals and the reader's read rows answer it; otherwise COUNT runs, as for the review list.
 */
function sideTotal(
  db: Db,
  organizationId: string,
  filter: InboxFilter,
  type: InboxItemType,
  clause: SideClause | undefined,
): number {
  if (!clause) return 0;
  const withoutReadState = { ...filter, read: undefined };
  const base =
    type === 'review'
      ? inboxReviewClause(organizationId, withoutReadState)
      : inboxFeedbackClause(organizationId, withoutReadState);
  if (base?.unfiltered) {
    const all = itemCount(db, organizationId, type, filter.businessId);
    if (filter.read === undefined) return all;
    const read = readCount(db, organizationId, filter.readerId, type, filter.businessId);
    return filter.read ? read : all - read;
  }
  const table = type === 'review' ? 'reviews' : 'feedback';
  return (
    boundedStatement(db, `SELECT count(*) AS n FROM ${table} WHERE ${clause.where}`).get(...clause.args) as {
      n: number;
    }
  ).n;
}

/** Every review or feedback of the organization (or of one of its businesses). */
function itemCount(db: Db, organizationId: string, type: InboxItemType, businessId?: string): number {
  const text =
    type === 'review'
      ? businessId
        ? 'SELECT coalesce(sum(total), 0) AS n FROM review_counts WHERE business_id = ? AND organization_id = ?'
        : 'SELECT coalesce(sum(total), 0) AS n FROM review_counts WHERE organization_id = ?'
      : businessId
        ? 'SELECT count(*) AS n FROM feedback WHERE business_id = ? AND +organization_id = ?'
        : 'SELECT count(*) AS n FROM feedback WHERE organization_id = ?';
  const args = businessId ? [businessId, organizationId] : [organizationId];
  return (sql(db, text).get(...args) as { n: number }).n;
}

/** How many items of a type (of one business, if given) the reader has marked read in the organization. */
function readCount(
  db: Db,
  organizationId: string,
  readerId: string,
  type: InboxItemType,
  businessId?: string,
): number {
  if (!businessId) {
    return (
      sql(
        db,
        'SELECT count(*) AS n FROM inbox_reads WHERE reader_id = ? AND item_type = ? AND organization_id = ?',
      ).get(readerId, type, organizationId) as { n: number }
    ).n;
  }
  const table = type === 'review' ? 'reviews' : 'feedback';
  return (
    sql(
      db,
      `SELECT count(*) AS n FROM inbox_reads AS r JOIN ${table} AS item ON item.id = r.item_id
       WHERE r.reader_id = ? AND r.item_type = ? AND r.organization_id = ? AND item.business_id = ?`,
    ).get(readerId, type, organizationId, businessId) as { n: number }
  ).n;
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
            `INSERT OR IGNORE INTO inbox_reads (organization_id, reader_id, item_type, item_id, read_at)
             SELECT organization_id, ?, '${type}', id, ? FROM ${table}
             WHERE id IN (SELECT value FROM json_each(?)) AND organization_id = ?`,
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
            `INSERT OR IGNORE INTO inbox_reads (organization_id, reader_id, item_type, item_id, read_at)
             SELECT organization_id, ?, '${type}', id, ? FROM ${table} WHERE ${clause.where}`,
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

/** The query plan of an inbox page: tests guard that both sides read in index order. */
export function explainInbox(db: Db, organizationId: string, filter: InboxFilter): string[] {
  const query = inboxPageSql(
    filter.readerId,
    inboxReviewClause(organizationId, filter),
    inboxFeedbackClause(organizationId, filter),
  );
  if (!query) return [];
  const plan = db.prepare(`EXPLAIN QUERY PLAN ${query.text} LIMIT 25`).all(...query.args) as Array<{
    detail: string;
  }>;
  return plan.map((row) => row.detail);
}
