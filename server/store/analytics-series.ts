import { type Db, sql } from './db';

/** A span of time with a name: a calendar month in the caller's time zone, or the whole range. */
export type Bucket = { label: string; from: string; before: string };
type Scope = { organizationId: string; businessId?: string };

export type SourceMonth = { month: string; source: string; count: number; averageRating: number };
export type ReplyFigures = {
  reviews: number;
  replied: number;
  replyRate: number | null;
  medianReplyHours: number | null;
};

const round = (value: number | null, digits: number) =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

// The buckets arrive as one JSON parameter, so a range of any length is one statement and one pass over
// the reviews' index; a business id (checked by the caller) pins the organization, as in analytics.ts.
const scoped = (statement: (scope: string) => string) => ({
  org: statement('organization_id = :org'),
  business: statement('business_id = :biz AND +organization_id = :org'),
});
const BUCKETS = `b(label, start, stop) AS (
    SELECT value ->> 'label', value ->> 'from', value ->> 'before' FROM json_each(:buckets))`;

const BY_SOURCE = scoped(
  (scope) => `WITH ${BUCKETS}
  SELECT b.label AS month, source, count(*) AS n, avg(rating) AS average
  FROM b JOIN reviews ON published_at >= b.start AND published_at < b.stop
  WHERE ${scope} AND hidden = 0 GROUP BY b.label, source ORDER BY b.label, source`,
);

const REPLY_COUNTS = scoped(
  (scope) => `WITH ${BUCKETS}
  SELECT b.label AS label, count(*) AS n, total(reply IS NOT NULL) AS replied
  FROM b JOIN reviews ON published_at >= b.start AND published_at < b.stop
  WHERE ${scope} AND hidden = 0 GROUP BY b.label`,
);

// The median of each bucket: the middle row, or the mean of the two middle rows when the count is even.
const REPLY_MEDIANS = scoped(
  (scope) => `WITH ${BUCKETS},
  d AS (SELECT b.label AS label, max(0, julianday(replied_at) - julianday(published_at)) * 24 AS hours
    FROM b JOIN reviews ON published_at >= b.start AND published_at < b.stop
    WHERE ${scope} AND hidden = 0 AND replied_at IS NOT NULL),
  r AS (SELECT label, hours, row_number() OVER (PARTITION BY label ORDER BY hours) AS i,
    count(*) OVER (PARTITION BY label) AS n FROM d)
  SELECT label, avg(hours) AS median FROM r WHERE i IN ((n + 1) / 2, (n + 2) / 2) GROUP BY label`,
);

const paramsOf = (s: Scope, buckets: Bucket[]) =>
  s.businessId
    ? {
        kind: 'business' as const,
        params: { org: s.organizationId, biz: s.businessId, buckets: JSON.stringify(buckets) },
      }
    : { kind: 'org' as const, params: { org: s.organizationId, buckets: JSON.stringify(buckets) } };

/** Review count and average rating per bucket and source (visible reviews, by publication time). */
export function ratingsBySource(db: Db, target: Scope, buckets: Bucket[]): SourceMonth[] {
  const { kind, params } = paramsOf(target, buckets);
  const rows = sql(db, BY_SOURCE[kind]).all(params) as Array<{
    month: string;
    source: string;
    n: number;
    average: number;
  }>;
  return rows.map((r) => ({
    month: r.month,
    source: r.source,
    count: r.n,
    averageRating: round(r.average, 2) as number,
  }));
}

/** Per bucket, in their order: visible reviews published in it, how many have a reply, the median hours to reply. */
export function replyFigures(db: Db, target: Scope, buckets: Bucket[]): ReplyFigures[] {
  const { kind, params } = paramsOf(target, buckets);
  const bound = params;
  const counts = sql(db, REPLY_COUNTS[kind]).all(bound) as Array<{
    label: string;
    n: number;
    replied: number;
  }>;
  const medians = new Map(
    (sql(db, REPLY_MEDIANS[kind]).all(bound) as Array<{ label: string; median: number }>).map((r) => [
      r.label,
      r.median,
    ]),
  );
  const byLabel = new Map(counts.map((c) => [c.label, c]));
  return buckets.map((b) => {
    const reviews = byLabel.get(b.label)?.n ?? 0;
    const replied = byLabel.get(b.label)?.replied ?? 0;
    return {
      reviews,
      replied,
      replyRate: reviews ? round(replied / reviews, 4) : null,
      medianReplyHours: round(medians.get(b.label) ?? null, 2),
    };
  });
}
