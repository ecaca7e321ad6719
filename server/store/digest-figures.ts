import { type Db, sql } from './db';

/** One organization's figures for a daily digest: the day's arrivals, and what still waits for an answer. */
export type DigestFigures = {
  newReviews: number;
  averageRating: number | null;
  newFeedback: number;
  unansweredReviews: number;
  openFeedback: number;
};

/** The figures for reviews published and feedback received in [from, to) (ISO instants), and open items now. */
export function digestFigures(db: Db, organizationId: string, from: string, to: string): DigestFigures {
  const reviews = sql(
    db,
    `SELECT count(*) AS n, avg(rating) AS average FROM reviews
     WHERE organization_id = ? AND published_at >= ? AND published_at < ?`,
  ).get(organizationId, from, to) as { n: number; average: number | null };
  const feedback = sql(
    db,
    'SELECT count(*) AS n FROM feedback WHERE organization_id = ? AND created_at >= ? AND created_at < ?',
  ).get(organizationId, from, to) as { n: number };
  const unanswered = sql(
    db,
    'SELECT count(*) AS n FROM reviews WHERE organization_id = ? AND reply IS NULL AND hidden = 0',
  ).get(organizationId) as { n: number };
  const open = sql(db, `SELECT count(*) AS n FROM feedback WHERE organization_id = ? AND status = 'new'`).get(
    organizationId,
  ) as { n: number };
  return {
    newReviews: reviews.n,
    averageRating: reviews.average === null ? null : Math.round(reviews.average * 10) / 10,
    newFeedback: feedback.n,
    unansweredReviews: unanswered.n,
    openFeedback: open.n,
  };
}
