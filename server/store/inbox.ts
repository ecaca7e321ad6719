import { businessBelongsTo } from './businesses';
import { type Db, pageSql } from './db';
import { type Feedback, toFeedback } from './feedback';
import { type KeptCounts, keptCounts } from './inbox-counts';
import {
  type InboxFilter,
  type InboxItemType,
  inboxFeedbackClause,
  inboxPageSql,
  inboxReviewClause,
  type ReadProbe,
  type SideClause,
} from './inbox-queries';
import { boundedStatement } from './review-queries';

/** `[type, item, at, id, read]`: see inboxPageSql. */
type PageRow = [type: InboxItemType, item: string, at: string, id: string, read: number];

/**
 * One page of the merged inbox as JSON text (reviews read exactly as in GET /reviews, feedback as
 * `presentFeedback` presents it), and the total. Undefined when `filter.businessId` is not the organization's.
 * `kept` are the reader's kept counts in the organization (or business): they say whether any read state must
 * be looked up and answer the total; read here unless the caller has them already (for the unread count).
 */
export function listInboxJson(
  db: Db,
  organizationId: string,
  filter: InboxFilter,
  page: { limit: number; offset: number },
  presentFeedback: (feedback: Feedback) => Feedback = (feedback) => feedback,
  kept: KeptCounts = keptCounts(db, organizationId, filter.readerId, filter.businessId),
): { json: string; total: number } | undefined {
  const reviews = inboxReviewClause(organizationId, filter);
  const feedback = inboxFeedbackClause(organizationId, filter);
  const probes = { review: probeOf(kept.review), feedback: probeOf(kept.feedback) };
  const query = inboxPageSql(filter.readerId, probes, reviews, feedback);
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
  const items = rows.map(([type, item, at, , read]) => {
    // Dates are ISO text and need no escaping.
    const head = `{"type":"${type}","read":${read === 1},"createdAt":"${at}","${type}":`;
    if (type === 'review') return `${head}${item}}`;
    return `${head}${JSON.stringify(presentFeedback(toFeedback(JSON.parse(item))))}}`;
  });
  let total: number;
  if (rows.length > 0 && rows.length < page.limit) total = page.offset + rows.length;
  else if (rows.length === 0 && page.offset === 0) total = 0;
  else {
    total =
      sideTotal(db, organizationId, filter, 'review', reviews, kept) +
      sideTotal(db, organizationId, filter, 'feedback', feedback, kept);
  }
  return { json: `[${items.join(',')}]`, total };
}

/** Reads live only for items that exist (a trigger deletes them with the item), so the counts can tell. */
function probeOf({ all, read }: { all: number; read: number }): ReadProbe {
  if (read === 0) return 'none read';
  return read === all ? 'all read' : 'lookup';
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
  kept: KeptCounts,
): number {
  if (!clause) return 0;
  const withoutReadState = { ...filter, read: undefined };
  const base =
    type === 'review'
      ? inboxReviewClause(organizationId, withoutReadState)
      : inboxFeedbackClause(organizationId, withoutReadState);
  if (base?.unfiltered) {
    const { all, read } = kept[type];
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
    { review: 'lookup', feedback: 'lookup' },
    inboxReviewClause(organizationId, filter),
    inboxFeedbackClause(organizationId, filter),
  );
  if (!query) return [];
  const plan = db.prepare(`EXPLAIN QUERY PLAN ${query.text} LIMIT 25`).all(...query.args) as Array<{
    detail: string;
  }>;
  return plan.map((row) => row.detail);
}
