import type { WidgetReview } from '../../widget/types';
import { type Db, sql } from './db';

export type WidgetFilter = { limit: number; minRating: number; sources: string[] | null };

type WidgetReviewRow = {
  id: string;
  rating: number;
  title: string | null;
  content: string;
  author_name: string;
  author_avatar_url: string | null;
  source: string;
  url: string | null;
  published_at: string;
  reply: string | null;
  replied_at: string | null;
  verified: number;
};

const toWidgetReview = (row: WidgetReviewRow): WidgetReview => ({
  id: row.id,
  rating: row.rating,
  title: row.title,
  content: row.content,
  authorName: row.author_name,
  authorAvatarUrl: row.author_avatar_url,
  source: row.source,
  url: row.url,
  publishedAt: row.published_at,
  reply: row.reply,
  repliedAt: row.replied_at,
  verified: row.verified === 1,
});

/** Average and count over every review of the business that is not hidden — not only those picked for the widget. */
export function visibleReviewSummary(
  db: Db,
  businessId: string,
): { averageRating: number | null; totalReviews: number } {
  const row = sql(
    db,
    'SELECT count(*) AS total, avg(rating) AS average FROM reviews WHERE business_id = ? AND hidden = 0',
  ).get(businessId) as { total: number; average: number | null };
  return {
    averageRating: row.average === null ? null : Math.round(row.average * 100) / 100,
    totalReviews: row.total,
  };
}

/** The reviews the owner picked for the widget (shown, not hidden), newest first, filtered. */
export function listWidgetReviews(db: Db, businessId: string, filter: WidgetFilter): WidgetReview[] {
  // One statement for every filter: a NULL source list means all sources.
  const rows = sql(
    db,
    `SELECT id, rating, title, content, author_name, author_avatar_url, source, url, published_at, reply, replied_at, verified
     FROM reviews
     WHERE business_id = @businessId AND show_on_widget = 1 AND hidden = 0 AND rating >= @minRating
       AND (@sources IS NULL OR source IN (SELECT value FROM json_each(@sources)))
     ORDER BY published_at DESC, id DESC
     LIMIT @limit`,
  ).all({
    businessId,
    minRating: filter.minRating,
    sources: filter.sources ? JSON.stringify(filter.sources) : null,
    limit: filter.limit,
  }) as WidgetReviewRow[];
  return rows.map(toWidgetReview);
}
