import type { SentimentLabel } from '../domain/sentiment';
import { FEEDBACK_ROW_JSON, type FeedbackFilter, feedbackWhere } from './feedback';
import { REVIEW_JSON_WITH_REPLY_STATUS, type ReviewFilter, reviewWhere } from './review-queries';

export type InboxItemType = 'review' | 'feedback';

/** The inbox's filters: the review list's, applied to feedback where they mean something there. */
export type InboxFilter = {
  /** The item types to list: those asked for that the caller may read. */
  types: InboxItemType[];
  businessId?: string;
  sources?: string[];
  rating?: number;
  minRating?: number;
  maxRating?: number;
  sentiment?: SentimentLabel;
  responded?: boolean;
  showOnWidget?: boolean;
  /** Inclusive lower bound on the item's date (ISO). */
  from?: string;
  /** Exclusive upper bound on the item's date (ISO). */
  before?: string;
  q?: string;
  /** The reader whose read state `read` filters on (and whose `read` flags the page carries). */
  readerId: string;
  /** Only items this reader has read (true) or not (false). */
  read?: boolean;
};

export type SideClause = { where: string; args: unknown[]; unfiltered: boolean };

/** The words of a search, as the feedback side matches them (the review side goes through FTS5). */
const wordsOf = (q: string) => (q.match(/[\p{L}\p{N}\p{M}_]+/gu) ?? []).slice(0, 32);

/** The review side of an inbox filter; undefined when no review can match. */
export function inboxReviewClause(organizationId: string, filter: InboxFilter): SideClause | undefined {
  if (!filter.types.includes('review')) return undefined;
  const reviewFilter: ReviewFilter = {
    businessId: filter.businessId,
    sources: filter.sources,
    rating: filter.rating,
    minRating: filter.minRating,
    maxRating: filter.maxRating,
    sentiment: filter.sentiment,
    responded: filter.responded,
    showOnWidget: filter.showOnWidget,
    publishedFrom: filter.from,
    publishedBefore: filter.before,
    q: filter.q,
    readBy: filter.read === undefined ? undefined : { readerId: filter.readerId, read: filter.read },
  };
  return reviewWhere(organizationId, reviewFilter);
}

/**
 * The feedback side; undefined when no feedback can match. Source, sentiment, replied and widget filters
 * describe public reviews only, so giving one leaves feedback out; ratings compare the score as stars.
 */
export function inboxFeedbackClause(organizationId: string, filter: InboxFilter): SideClause | undefined {
  if (!filter.types.includes('feedback')) return undefined;
  const reviewOnly = [filter.sources, filter.sentiment, filter.responded, filter.showOnWidget];
  if (reviewOnly.some((value) => value !== undefined)) return undefined;
  const words = filter.q === undefined ? undefined : wordsOf(filter.q);
  if (words && words.length === 0) return undefined;
  const feedbackFilter: FeedbackFilter = {
    businessId: filter.businessId,
    createdFrom: filter.from,
    createdBefore: filter.before,
    minStars: filter.rating ?? filter.minRating,
    maxStars: filter.rating ?? filter.maxRating,
    words,
    readBy: filter.read === undefined ? undefined : { readerId: filter.readerId, read: filter.read },
  };
  const { where, args } = feedbackWhere(organizationId, feedbackFilter);
  return { where, args, unfiltered: args.length === (filter.businessId ? 2 : 1) };
}

/**
 * How a side's rows learn the reader's read state: a lookup per row, or none at all when the kept counts
 * already say the reader has read none, or all, of that side's items in scope.
 */
export type ReadProbe = 'lookup' | 'none read' | 'all read';

const READ_FLAG: Record<Exclude<ReadProbe, 'lookup'>, string> = { 'none read': '0', 'all read': '1' };

const readFlag = (probe: ReadProbe, type: InboxItemType, table: string) =>
  probe === 'lookup'
    ? `EXISTS (SELECT 1 FROM inbox_reads WHERE reader_id = ? AND item_type = '${type}' AND item_id = ${table}.id)`
    : READ_FLAG[probe];

/**
 * The merged page as one compound SELECT ordered by date then id: SQLite merges the two sides, each read in
 * its own index order, so the first page reads about a page of rows from each side. Each row is
 * `[type, item, at, id, read]`: a review's item is its API JSON (as GET /reviews reads it), a feedback's is its
 * row as JSON (FEEDBACK_ROW_JSON), for the caller to present. `probes` says per side how `read` is found
 * (a lookup reads `readerId`'s rows).
 */
export function inboxPageSql(
  readerId: string,
  probes: Record<InboxItemType, ReadProbe>,
  reviews: SideClause | undefined,
  feedback: SideClause | undefined,
): { text: string; args: unknown[] } | undefined {
  const parts: string[] = [];
  const args: unknown[] = [];
  if (reviews) {
    parts.push(
      `SELECT 'review' AS type, ${REVIEW_JSON_WITH_REPLY_STATUS} AS item, published_at AS at, id,
         ${readFlag(probes.review, 'review', 'reviews')} AS read
       FROM reviews WHERE ${reviews.where}`,
    );
    if (probes.review === 'lookup') args.push(readerId);
    args.push(...reviews.args);
  }
  if (feedback) {
    parts.push(
      `SELECT 'feedback' AS type, ${FEEDBACK_ROW_JSON} AS item, created_at AS at, id,
         ${readFlag(probes.feedback, 'feedback', 'feedback')} AS read
       FROM feedback WHERE ${feedback.where}`,
    );
    if (probes.feedback === 'lookup') args.push(readerId);
    args.push(...feedback.args);
  }
  if (!parts.length) return undefined;
  return { text: `${parts.join(' UNION ALL ')} ORDER BY at DESC, id DESC`, args };
}
