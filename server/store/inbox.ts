import { businessBelongsTo } from './businesses';
import { type Db, pageSql, sql } from './db';
import { FEEDBACK_SELECT, type Feedback, toFeedback } from './feedback';
import { itemCount, readCount } from './inbox-counts';
import {
  type InboxFilter,
  type InboxItemType,
  inboxFeedbackClause,
  inboxPageSql,
  inboxReviewClause,
  type SideClause,
} from './inbox-queries';
import { boundedStatement } from './review-queries';

type PageRow = { type: InboxItemType; id: string; at: string; json: string | null; read: number };

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
