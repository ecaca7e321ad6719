import { type Db, sql } from './db';

export type Grouping = 'day' | 'week' | 'month';

export type PeriodFigures = { reviews: number; averageRating: number | null; replied: number };
export type PeriodBucket = PeriodFigures & { period: string };

// The bucket a review's publication falls in: a UTC day, the Monday starting its week, or a month.
const BUCKET: Record<Grouping, string> = {
  day: 'substr(published_at, 1, 10)',
  week: "date(published_at, 'weekday 0', '-6 days')",
  month: 'substr(published_at, 1, 7)',
};

const seriesSql = (group: Grouping) =>
  `SELECT ${BUCKET[group]} AS period, count(*) AS reviews, avg(rating) AS averageRating,
     total(reply IS NOT NULL) AS replied
   FROM reviews WHERE organization_id = :org AND (:biz IS NULL OR business_id = :biz) AND hidden = 0
     AND published_at >= :from AND published_at < :before
   GROUP BY period ORDER BY period`;

type Target = { organizationId: string; businessId?: string };
type Range = { from: string; before: string };

const round = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

/** Visible reviews published in `[from, before)`, one entry per day, week or month that has any. */
export function reviewSeries(db: Db, target: Target, range: Range, group: Grouping): PeriodBucket[] {
  const rows = sql(db, seriesSql(group)).all({
    org: target.organizationId,
    biz: target.businessId ?? null,
    ...range,
  }) as PeriodBucket[];
  return rows.map((row) => ({ ...row, averageRating: round(row.averageRating) }));
}

/** The totals of a series. */
export function totalsOf(series: PeriodBucket[]): PeriodFigures {
  const reviews = series.reduce((n, b) => n + b.reviews, 0);
  const sum = series.reduce((n, b) => n + (b.averageRating ?? 0) * b.reviews, 0);
  return {
    reviews,
    averageRating: reviews ? round(sum / reviews) : null,
    replied: series.reduce((n, b) => n + b.replied, 0),
  };
}

/** Review requests created in the range, and how many of them were sent and completed. */
export function requestFigures(db: Db, target: Target, range: Range) {
  return sql(
    db,
    `SELECT count(*) AS created, total(sent_at IS NOT NULL) AS sent, total(completed_at IS NOT NULL) AS completed
     FROM review_requests WHERE organization_id = :org AND (:biz IS NULL OR business_id = :biz)
       AND created_at >= :from AND created_at < :before`,
  ).get({ org: target.organizationId, biz: target.businessId ?? null, ...range }) as {
    created: number;
    sent: number;
    completed: number;
  };
}

/** Rating and text of the visible reviews published in the range (newest first, at most `limit`). */
export function reviewTexts(
  db: Db,
  target: Target,
  range: Range,
  limit: number,
): Array<{ id: string; rating: number; text: string }> {
  return sql(
    db,
    `SELECT id, rating, coalesce(title, '') || ' ' || content AS text FROM reviews
     WHERE organization_id = :org AND (:biz IS NULL OR business_id = :biz) AND hidden = 0
       AND published_at >= :from AND published_at < :before
     ORDER BY published_at DESC LIMIT :limit`,
  ).all({ org: target.organizationId, biz: target.businessId ?? null, ...range, limit }) as Array<{
    id: string;
    rating: number;
    text: string;
  }>;
}
