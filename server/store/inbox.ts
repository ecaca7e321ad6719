import { businessBelongsTo } from './businesses';
import { type Db, pageSql, sql } from './db';
import { FEEDBACK_SELECT, type Feedback, toFeedback } from './feedback';
import { type KeptCounts, keptCounts } from './inbox-counts';
import {
  type InboxFilter,
  type InboxItemType,
  inboxFeedbackClause,
  inboxPageSql,
  inboxReviewClause,
  type SideClause,
} from './inbox-queries';
import { boundedStatement } from './review-queries';

/** `[item, at, id, read]`: see inboxPageSql. */
type PageRow = [item: string | null, at: string, id: string, read: number | null];

/**
 * One page of the merged inbox as JSON text (reviews carry their stored API JSON, so they read exactly as
 * in GET /reviews), and the total. Undefined when `filter.businessId` is not the organization's. `kept` is
 * the organization's (or business's) kept counts, when the caller already read them for the unread count.
 */
export function listInboxJson(
  db: Db,
  organizationId: string,
  filter: InboxFilter,
  page: { limit: number; offset: number },
  presentFeedback: (feedback: Feedback) => Feedback = (feedback) => feedback,
  kept?: KeptCounts,
): { json: string; total: number } | undefined {
  const reviews = inboxReviewClause(organizationId, filter);
  const feedback = inboxFeedbackClause(organizationId, filter);
  const query = inboxPageSql(filter.readerId, reviews, feedback);
  const rows = query
    ? (boundedStatement(db, `${query.text} ${pageSql(page.limit)}`)
        .raw(true)
        .all(...query.args, page.offset) as PageRow[])
    : [];
  // Both sides are scoped to the organization; only an empty page must tell "not yours" from "none".
  if (!rows.length && filter.businessId && !businessBelongsTo(db, organizationId, filter.businessId)) {
    return undefined;
  }
  if (!query) return { json: '[]', total: 0 };
  const feedbackById = feedbackByIds(
    db,
    organizationId,
    rows.filter(([item]) => item === null).map(([, , id]) => id),
  );
  const items = rows.map(([item, at, id, read]) => {
    if (item !== null) return item;
    const presented = presentFeedback(feedbackById.get(id) as Feedback);
    return `{"type":"feedback","read":${read === 1},"createdAt":${JSON.stringify(at)},"feedback":${JSON.stringify(presented)}}`;
  });
  let total: number;
  if (rows.length > 0 && rows.length < page.limit) total = page.offset + rows.length;
  else if (rows.length === 0 && page.offset === 0) total = 0;
  else {
    // Read at most once, and only when a side is unfiltered enough for the kept totals to answer.
    const counts = () => {
      kept ??= keptCounts(db, organizationId, filter.readerId, filter.businessId);
      return kept;
    };
    total =
      sideTotal(db, organizationId, filter, 'review', reviews, counts) +
      sideTotal(db, organizationId, filter, 'feedback', feedback, counts);
  }
  return { json: `[${items.join(',')}]`, total };
}

function feedbackByIds(db: Db, organizationId: string, ids: string[]): Map<string, Feedback> {
  if (!ids.length) return new Map();
  const rows = sql(
    db,
    `${FEEDBACK_SELECT} WHERE id IN (SELECT value FROM json_each(?)) AND +organization_id = ?`,
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
  kept: () => KeptCounts,
): number {
  if (!clause) return 0;
  const withoutReadState = { ...filter, read: undefined };
  const base =
    type === 'review'
      ? inboxReviewClause(organizationId, withoutReadState)
      : inboxFeedbackClause(organizationId, withoutReadState);
  if (base?.unfiltered) {
    const { all, read } = kept()[type];
    if (filter.read === undefined) return all;
    return filter.read ? read : all - read;
  }
  const table = type === 'review' ? 'reviews' : 'feedback';
  return (
    boundedStatement(db, `SELECT count(*) AS n FROM ${table} WHERE ${clause.where}`).get(...clause.args) as {
      n: number;
    }
  ).n;
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
