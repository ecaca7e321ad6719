import { type Db, sql } from './db';

export type Overview = {
  totalReviews: number;
  averageRating: number | null;
  responseRate: number | null;
  averageResponseTimeHours: number | null;
  requestsSent: number;
  requestConversionRate: number | null;
  sentimentBreakdown: Record<'positive' | 'neutral' | 'negative', number>;
  platformBreakdown: Record<string, number>;
  reviewsThisMonth: number;
  ratingChangeThisMonth: number | null;
};

export type MonthlyRating = { month: string; averageRating: number | null; count: number };

const round = (value: number | null, digits: number) =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

/** `YYYY-MM-01T00:00:00.000Z` of the UTC month `offset` months from the one holding `now`. */
export function monthStart(now: Date, offset = 0): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1)).toISOString();
}

// A business id (checked by the caller to be the organization's) pins the organization, and
// filtering on it alone lets SQLite read only that business's index entries.
const bothScopes = (statement: (scope: string) => string) => ({
  org: statement('organization_id = :org'),
  business: statement('business_id = :biz AND +organization_id = :org'),
});

// One pass over the reviews: partial sums per sentiment and source, added up in JS.
const REVIEW_SUMS = bothScopes(
  (
    scope,
  ) => `SELECT sentiment, source, count(*) AS n, total(rating) AS rating_sum, total(reply IS NOT NULL) AS replied,
    total(replied_at IS NOT NULL) AS timed,
    total(CASE WHEN replied_at IS NOT NULL THEN max(0, julianday(replied_at) - julianday(published_at)) END) AS reply_days,
    total(published_at >= :month AND published_at < :next) AS month_n,
    total(CASE WHEN published_at >= :month AND published_at < :next THEN rating END) AS month_sum,
    total(published_at < :month) AS before_n,
    total(CASE WHEN published_at < :month THEN rating END) AS before_sum
  FROM reviews WHERE ${scope} AND hidden = 0 GROUP BY sentiment, source`,
);
type ReviewSums = {
  sentiment: 'positive' | 'neutral' | 'negative';
  source: string;
  n: number;
  rating_sum: number;
  replied: number;
  timed: number;
  reply_days: number;
  month_n: number;
  month_sum: number;
  before_n: number;
  before_sum: number;
};
const REQUESTS = bothScopes(
  (
    scope,
  ) => `SELECT total(sent_at IS NOT NULL) AS sent, total(sent_at IS NOT NULL AND completed_at IS NOT NULL) AS completed
  FROM review_requests WHERE ${scope}`,
);
const MONTHLY = bothScopes(
  (scope) => `SELECT substr(published_at, 1, 7) AS month, avg(rating) AS average, count(*) AS n FROM reviews
  WHERE ${scope} AND hidden = 0 AND published_at >= :from AND published_at < :to GROUP BY month`,
);

type Scope = { organizationId: string; businessId?: string };
const scopeOf = (s: Scope) =>
  s.businessId
    ? { kind: 'business' as const, params: { org: s.organizationId, biz: s.businessId } }
    : { kind: 'org' as const, params: { org: s.organizationId } };

/**
 * Review and request figures for an organization or one of its businesses. Hidden reviews count
 * nowhere; "this month" is the UTC calendar month holding `now`. Rates are fractions (0–1).
 */
export function analyticsOverview(db: Db, target: Scope, now: Date): Overview {
  const { kind, params } = scopeOf(target);
  const groups = sql(db, REVIEW_SUMS[kind]).all({
    ...params,
    month: monthStart(now),
    next: monthStart(now, 1),
  }) as ReviewSums[];
  const sum = (field: Exclude<keyof ReviewSums, 'sentiment' | 'source'>) =>
    groups.reduce((acc, g) => acc + g[field], 0);
  const ratio = (a: number, b: number) => (b ? a / b : null);
  const sentimentBreakdown = { positive: 0, neutral: 0, negative: 0 };
  const platformBreakdown: Record<string, number> = {};
  for (const g of groups) {
    sentimentBreakdown[g.sentiment] += g.n;
    platformBreakdown[g.source] = (platformBreakdown[g.source] ?? 0) + g.n;
  }
  const total = sum('n');
  const thisMonth = ratio(sum('month_sum'), sum('month_n'));
  const before = ratio(sum('before_sum'), sum('before_n'));
  const days = ratio(sum('reply_days'), sum('timed'));
  const requests = sql(db, REQUESTS[kind]).get(params) as { sent: number; completed: number };
  return {
    totalReviews: total,
    averageRating: round(ratio(sum('rating_sum'), total), 2),
    responseRate: round(ratio(sum('replied'), total), 4),
    averageResponseTimeHours: round(days === null ? null : days * 24, 2),
    requestsSent: requests.sent,
    requestConversionRate: round(ratio(requests.completed, requests.sent), 4),
    sentimentBreakdown,
    platformBreakdown,
    reviewsThisMonth: sum('month_n'),
    ratingChangeThisMonth: round(thisMonth === null || before === null ? null : thisMonth - before, 2),
  };
}

/** Average rating and count per UTC month for the `months` months ending with the one holding `now`, oldest first. */
export function monthlyRatings(db: Db, target: Scope, now: Date, months: number): MonthlyRating[] {
  const { kind, params } = scopeOf(target);
  const rows = sql(db, MONTHLY[kind]).all({
    ...params,
    from: monthStart(now, 1 - months),
    to: monthStart(now, 1),
  }) as Array<{
    month: string;
    average: number;
    n: number;
  }>;
  const byMonth = new Map(rows.map((row) => [row.month, row]));
  return Array.from({ length: months }, (_, i) => {
    const month = monthStart(now, i + 1 - months).slice(0, 7);
    const row = byMonth.get(month);
    return { month, averageRating: row ? round(row.average, 2) : null, count: row?.n ?? 0 };
  });
}

export type FunnelCounts = {
  opens: number;
  taps: number;
  rated: number;
  platformClicked: number;
  privateFeedback: number;
  testimonials: number;
  completed: number;
};
export type CardFunnel = { cardId: string; taps: number; rated: number; completed: number };
export type Funnel = FunnelCounts & { cards: CardFunnel[] };

// Raw events (recent visits, and every request's steps) and the daily figures (views, and the visits that
// retention rolled up): a step is in one or the other, never both, so the figures are their sums.
const RAW_FUNNEL = bothScopes(
  (scope) => `SELECT coalesce(card_id, '') AS card_id,
    count(*) FILTER (WHERE type = 'opened') AS opens,
    count(*) FILTER (WHERE type = 'card_tapped') AS taps,
    count(*) FILTER (WHERE type = 'rated') AS rated,
    count(DISTINCT visit_id) FILTER (WHERE type = 'platform_clicked') AS clicked,
    count(*) FILTER (WHERE type = 'feedback_submitted') AS feedback,
    count(*) FILTER (WHERE type = 'testimonial_submitted') AS testimonials,
    count(DISTINCT visit_id) FILTER (WHERE type IN ('platform_clicked', 'feedback_submitted')) AS completed
  FROM events WHERE ${scope} AND (:from IS NULL OR created_at >= :from) AND (:before IS NULL OR created_at < :before)
  GROUP BY card_id`,
);
const DAILY_FUNNEL = bothScopes(
  (
    scope,
  ) => `SELECT card_id, sum(opens) AS opens, sum(taps) AS taps, sum(rated) AS rated, sum(clicked) AS clicked,
    sum(feedback) AS feedback, sum(testimonials) AS testimonials, sum(completed) AS completed
  FROM visit_daily WHERE ${scope}
    AND (:from IS NULL OR day || 'T00:00:00.000Z' >= :from) AND (:before IS NULL OR day || 'T00:00:00.000Z' < :before)
  GROUP BY card_id`,
);
type FunnelRow = {
  card_id: string;
  opens: number;
  taps: number;
  rated: number;
  clicked: number;
  feedback: number;
  testimonials: number;
  completed: number;
};

/**
 * The landing funnel of an organization or one business: opens (and card taps) → rated → a platform
 * clicked or private feedback, with each card's taps, ratings and completions. Raw steps count by their
 * time; daily figures by their UTC day, which counts when its start lies in `[from, before)`.
 */
export function analyticsFunnel(
  db: Db,
  target: Scope,
  range: { from?: string; before?: string } = {},
): Funnel {
  const { kind, params } = scopeOf(target);
  const bounds = { ...params, from: range.from ?? null, before: range.before ?? null };
  const rows = [
    ...(sql(db, RAW_FUNNEL[kind]).all(bounds) as FunnelRow[]),
    ...(sql(db, DAILY_FUNNEL[kind]).all(bounds) as FunnelRow[]),
  ];
  const totals: FunnelCounts = {
    opens: 0,
    taps: 0,
    rated: 0,
    platformClicked: 0,
    privateFeedback: 0,
    testimonials: 0,
    completed: 0,
  };
  const cards = new Map<string, CardFunnel>();
  for (const row of rows) {
    totals.opens += row.opens;
    totals.taps += row.taps;
    totals.rated += row.rated;
    totals.platformClicked += row.clicked;
    totals.privateFeedback += row.feedback;
    totals.testimonials += row.testimonials;
    totals.completed += row.completed;
    if (!row.card_id) continue;
    const card = cards.get(row.card_id) ?? { cardId: row.card_id, taps: 0, rated: 0, completed: 0 };
    card.taps += row.taps;
    card.rated += row.rated;
    card.completed += row.completed;
    cards.set(row.card_id, card);
  }
  return { ...totals, cards: [...cards.values()].sort((a, b) => a.cardId.localeCompare(b.cardId)) };
}
