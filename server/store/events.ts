import { type Clock, isoNow } from '../domain/clock';
import { newId } from '../domain/ids';
import { type Db, sql } from './db';

export type EventType =
  | 'opened'
  | 'rated'
  | 'platform_clicked'
  | 'feedback_submitted'
  | 'testimonial_submitted'
  | 'card_tapped';

export type NewEvent = {
  organizationId: string;
  businessId: string;
  type: EventType;
  visitId?: string | null;
  requestId?: string | null;
  cardId?: string | null;
  rating?: number | null;
  platform?: string | null;
};

/**
 * Records a funnel event; with a visit id, a step already recorded for that visit is ignored
 * (the `events_visit_step` unique index). Returns whether a row was written.
 */
export function recordEvent(db: Db, clock: Clock, event: NewEvent): boolean {
  const result = sql(
    db,
    `INSERT OR IGNORE INTO events (id, organization_id, business_id, type, visit_id, request_id, card_id, rating, platform, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    newId('evt'),
    event.organizationId,
    event.businessId,
    event.type,
    event.visitId ?? null,
    event.requestId ?? null,
    event.cardId ?? null,
    event.rating ?? null,
    event.platform ?? null,
    isoNow(clock),
  );
  return result.changes > 0;
}

/** A customer who changes their mind re-rates: the visit's one `rated` event follows the latest score. */
export function updateRatedEvent(db: Db, visitId: string, rating: number): void {
  sql(db, `UPDATE events SET rating = ? WHERE visit_id = ? AND type = 'rated'`).run(rating, visitId);
}

/** Events of one visit, oldest first (tests and support). */
export function listVisitEvents(
  db: Db,
  visitId: string,
): Array<{ type: EventType; rating: number | null; platform: string | null }> {
  return sql(
    db,
    'SELECT type, rating, platform FROM events WHERE visit_id = ? ORDER BY created_at, rowid',
  ).all(visitId) as Array<{
    type: EventType;
    rating: number | null;
    platform: string | null;
  }>;
}
