import type { Statement } from 'better-sqlite3';
import type { SentimentLabel } from '../domain/sentiment';
import { businessBelongsTo } from './businesses';
import { type Db, pageSql, sql } from './db';
import { itemCount, readCount } from './inbox-counts';
import { LOCAL_REPLY_URL_SQL } from './review-platform';

export type ReviewSort = 'newest' | 'oldest' | 'highest' | 'lowest';

export type ReviewFilter = {
  businessId?: string;
  sources?: string[];
  rating?: number;
  minRating?: number;
  maxRating?: number;
  sentiment?: SentimentLabel;
  /** Inclusive lower bound on publishedAt (ISO). */
  publishedFrom?: string;
  /** Exclusive upper bound on publishedAt (ISO). */
  publishedBefore?: string;
  showOnWidget?: boolean;
  hidden?: boolean;
  responded?: boolean;
  /** Free text as the user typed it; turned into a safe FTS5 query. */
  q?: string;
  /** Reviews carrying every one of these tags. */
  tags?: string[];
  /** Whether the review has text (content not blank). */
  hasText?: boolean;
  /** Read state of one reader (see inbox_reads): only the reviews it has (`read: true`) or has not read. */
  readBy?: { readerId: string; read: boolean };
};

const ORDER_BY: Record<ReviewSort, string> = {
  newest: 'published_at DESC, id DESC',
  oldest: 'published_at ASC, id ASC',
  highest: 'rating DESC, published_at DESC, id DESC',
  lowest: 'rating ASC, published_at DESC, id DESC',
};

/**
 * A user's search text as an FTS5 query that cannot be a syntax error: every word becomes a quoted
 * string (so `"`, `*`, `NEAR(`, `-`, `AND`… are plain text), a trailing `*` on a word keeps prefix search.
 * Returns undefined when the text holds no word at all.
 */
export function ftsQuery(text: string): string | undefined {
  const terms: string[] = [];
  for (const raw of text.split(/\s+/)) {
    const prefix = /[\p{L}\p{N}]\*+$/u.test(raw);
    const word = raw.match(/[\p{L}\p{N}\p{M}_]+/gu)?.join(' ');
    if (!word) continue;
    terms.push(`"${word.replaceAll('"', '""')}"${prefix ? '*' : ''}`);
  }
  return terms.length ? terms.slice(0, 32).join(' ') : undefined;
}

export type Clause = { where: string; args: unknown[]; unfiltered: boolean };

const MAX_STATEMENTS = 128;
const statements = new WeakMap<Db, Map<string, Statement>>();

/**
 * Filters combine into many SQL texts, so unlike `sql()` this cache is bounded (least recently used
 * out): a client cycling through filter combinations cannot grow it without limit.
 */
export function boundedStatement(db: Db, text: string): Statement {
  let cache = statements.get(db);
  if (!cache) {
    cache = new Map();
    statements.set(db, cache);
  }
  let prepared = cache.get(text);
  if (prepared) cache.delete(text);
  else prepared = db.prepare(text);
  cache.set(text, prepared);
  if (cache.size > MAX_STATEMENTS) cache.delete(cache.keys().next().value as string);
  return prepared;
}

/**
 * The WHERE clause over `reviews` and its arguments for a filter; undefined when the filter can match
 * nothing. The inbox and bulk edits reuse it so every review list filters alike.
 */
export function reviewWhere(organizationId: string, filter: ReviewFilter): Clause | undefined {
  const conditions: string[] = [];
  const args: unknown[] = [];
  const add = (condition: string, ...values: unknown[]) => {
    conditions.push(condition);
    args.push(...values);
  };
  // A business of the organization, or nothing: the EXISTS is a constant subquery SQLite runs once per
  // statement, so COUNT and the page still read only the business's index entries.
  if (filter.businessId) {
    add(
      'business_id = ? AND EXISTS (SELECT 1 FROM businesses WHERE id = ? AND organization_id = ?)',
      filter.businessId,
      filter.businessId,
      organizationId,
    );
  } else add('organization_id = ?', organizationId);
  if (filter.sources?.length)
    add('source IN (SELECT value FROM json_each(?))', JSON.stringify(filter.sources));
  if (filter.rating !== undefined) add('rating = ?', filter.rating);
  // Unary + keeps a rating range from being used as an index range: the planner (without statistics)
  // would then sort every matching row, when walking the date index and filtering stops after one page.
  if (filter.minRating !== undefined) add('+rating >= ?', filter.minRating);
  if (filter.maxRating !== undefined) add('+rating <= ?', filter.maxRating);
  if (filter.sentiment) add('sentiment = ?', filter.sentiment);
  if (filter.publishedFrom) add('published_at >= ?', filter.publishedFrom);
  if (filter.publishedBefore) add('published_at < ?', filter.publishedBefore);
  if (filter.showOnWidget !== undefined) add('show_on_widget = ?', filter.showOnWidget ? 1 : 0);
  if (filter.hidden !== undefined) add('hidden = ?', filter.hidden ? 1 : 0);
  if (filter.responded !== undefined) add(filter.responded ? 'reply IS NOT NULL' : 'reply IS NULL');
  if (filter.tags?.length) {
    add(
      'NOT EXISTS (SELECT 1 FROM json_each(?) AS wanted WHERE wanted.value NOT IN (SELECT value FROM json_each(reviews.tags)))',
      JSON.stringify(filter.tags),
    );
  }
  if (filter.hasText !== undefined) add(filter.hasText ? "trim(content) <> ''" : "trim(content) = ''");
  if (filter.readBy) {
    add(
      `${filter.readBy.read ? '' : 'NOT '}EXISTS (SELECT 1 FROM inbox_reads WHERE reader_id = ? AND item_type = 'review' AND item_id = reviews.id)`,
      filter.readBy.readerId,
    );
  }
  if (filter.q !== undefined) {
    const match = ftsQuery(filter.q);
    if (!match) return undefined;
    add('rowid IN (SELECT rowid FROM reviews_fts WHERE reviews_fts MATCH ?)', match);
  }
  return { where: conditions.join(' AND '), args, unfiltered: conditions.length === 1 };
}

type Page = { limit: number; offset: number };

/**
 * A review's stored JSON, plus how its reply fares on the platform a connection brought it from (migration
 * 0014's review_platform; the same fields GET /reviews/{id} adds). Reviews no connection brought are as stored.
 */
export const REVIEW_JSON_WITH_REPLY_STATUS = `coalesce((SELECT json_set(reviews.api_json, '$.replyStatus', p.reply_status,
    '$.replyError', p.reply_error, '$.replyUrl',
    CASE WHEN p.reply_status = 'local' THEN ${LOCAL_REPLY_URL_SQL} END)
  FROM review_platform p WHERE p.review_id = reviews.id), reviews.api_json)`;

/**
 * One page of an organization's reviews matching `filter`, as JSON text with each review as the API
 * presents it (the stored `api_json`), and how many match in all. Undefined when `filter.businessId` is not
 * the organization's.
 */
export function listReviewsJson(
  db: Db,
  organizationId: string,
  filter: ReviewFilter,
  sort: ReviewSort,
  page: Page,
): { json: string; total: number } | undefined {
  const clause = reviewWhere(organizationId, filter);
  const rows = clause
    ? (boundedStatement(
        db,
        `SELECT ${REVIEW_JSON_WITH_REPLY_STATUS} FROM reviews WHERE ${clause.where} ORDER BY ${ORDER_BY[sort]} ${pageSql(page.limit)}`,
      )
        .pluck(true)
        .all(...clause.args, page.offset) as string[])
    : [];
  // The page is scoped to the organization already; only an empty one must tell "not yours" from "none".
  if (!rows.length && filter.businessId && !businessBelongsTo(db, organizationId, filter.businessId)) {
    return undefined;
  }
  if (!clause) return { json: '[]', total: 0 };
  return {
    json: `[${rows.join(',')}]`,
    total: totalOf(db, organizationId, filter, clause, rows.length, page),
  };
}

/**
 * A short page that is not past the end already tells the total. An unfiltered list reads the totals the
 * review_counts triggers keep; only a filtered one runs COUNT.
 */
function totalOf(
  db: Db,
  organizationId: string,
  filter: ReviewFilter,
  clause: Clause,
  found: number,
  page: Page,
): number {
  if (found > 0 && found < page.limit) return page.offset + found;
  if (found === 0 && page.offset === 0) return 0;
  // Only the read state filters: the kept totals less the reader's kept read count, no COUNT over reviews.
  if (filter.readBy && reviewWhere(organizationId, { ...filter, readBy: undefined })?.unfiltered) {
    const { readerId, read } = filter.readBy;
    const all = itemCount(db, organizationId, 'review', filter.businessId);
    const alreadyRead = readCount(db, organizationId, readerId, 'review', filter.businessId);
    return read ? alreadyRead : all - alreadyRead;
  }
  if (clause.unfiltered && filter.businessId) {
    const row = sql(db, 'SELECT total FROM review_counts WHERE business_id = ?').get(filter.businessId) as
      | { total: number }
      | undefined;
    return row?.total ?? 0;
  }
  if (clause.unfiltered) {
    return (
      sql(db, 'SELECT coalesce(sum(total), 0) AS total FROM review_counts WHERE organization_id = ?').get(
        organizationId,
      ) as {
        total: number;
      }
    ).total;
  }
  return (
    sql(db, `SELECT count(*) AS total FROM reviews WHERE ${clause.where}`).get(...clause.args) as {
      total: number;
    }
  ).total;
}

/** The query plan SQLite picks for a filter: used by tests and the benchmark to guard index use. */
export function explainListReviews(
  db: Db,
  organizationId: string,
  filter: ReviewFilter,
  sort: ReviewSort,
): string[] {
  const clause = reviewWhere(organizationId, filter);
  if (!clause) return [];
  const plan = db
    .prepare(
      `EXPLAIN QUERY PLAN SELECT * FROM reviews WHERE ${clause.where} ORDER BY ${ORDER_BY[sort]} LIMIT 25`,
    )
    .all(...clause.args) as Array<{ detail: string }>;
  return plan.map((row) => row.detail);
}
