import type { Clock } from '../domain/clock';
import { type Db, sql } from './db';

// Every step of each old visit, summed into its business, card and day (the day the visit began). A visit's
// completion (a platform click or private feedback) and click are counted once, as the live figures do.
// CROSS JOIN keeps visits the outer loop, so only the old visits' events are read, by their index.
const ROLL_UP = `INSERT INTO visit_daily (business_id, card_id, day, organization_id, opens, taps, rated, rating_sum,
    clicked, feedback, testimonials, completed)
  SELECT v.business_id, coalesce(v.card_id, ''), substr(v.created_at, 1, 10), v.organization_id,
    count(*) FILTER (WHERE e.type = 'opened'),
    count(*) FILTER (WHERE e.type = 'card_tapped'),
    count(*) FILTER (WHERE e.type = 'rated'),
    coalesce(sum(e.rating) FILTER (WHERE e.type = 'rated'), 0),
    count(DISTINCT v.id) FILTER (WHERE e.type = 'platform_clicked'),
    count(*) FILTER (WHERE e.type = 'feedback_submitted'),
    count(*) FILTER (WHERE e.type = 'testimonial_submitted'),
    count(DISTINCT v.id) FILTER (WHERE e.type IN ('platform_clicked', 'feedback_submitted'))
  FROM visits v CROSS JOIN events e ON e.visit_id = v.id
  WHERE v.created_at < :cutoff AND v.request_id IS NULL
  GROUP BY v.business_id, v.card_id, substr(v.created_at, 1, 10), v.organization_id
  ON CONFLICT (business_id, card_id, day) DO UPDATE SET opens = opens + excluded.opens,
    taps = taps + excluded.taps, rated = rated + excluded.rated, rating_sum = rating_sum + excluded.rating_sum,
    clicked = clicked + excluded.clicked, feedback = feedback + excluded.feedback,
    testimonials = testimonials + excluded.testimonials, completed = completed + excluded.completed`;

/**
 * Rolls visits that began before `cutoff` (ISO) into `visit_daily` and deletes them with their events, in
 * one transaction (a crash leaves either both or neither). A request's events stay: they belong to the
 * request (its campaign funnel, the customer's export and erasure) and are bounded by the requests sent.
 */
export function rollUpVisitsBefore(db: Db, cutoff: string): { visits: number; events: number } {
  return db.transaction(() => {
    sql(db, ROLL_UP).run({ cutoff });
    const events = sql(
      db,
      `DELETE FROM events WHERE visit_id IN
         (SELECT id FROM visits WHERE created_at < ? AND request_id IS NULL)`,
    ).run(cutoff).changes;
    const visits = sql(db, 'DELETE FROM visits WHERE created_at < ?').run(cutoff).changes;
    return { visits, events };
  })();
}

/** Rolls up and deletes the visits older than `retentionDays` as of the clock's now (the scheduled job). */
export function pruneOldVisits(
  db: Db,
  clock: Clock,
  retentionDays: number,
): { visits: number; events: number } {
  return rollUpVisitsBefore(db, new Date(clock().getTime() - retentionDays * 86_400_000).toISOString());
}
