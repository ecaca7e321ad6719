import { type Clock, isoNow } from '../domain/clock';
import { type Db, sql } from './db';

export type LandingRequest = {
  id: string;
  organizationId: string;
  businessId: string;
  status: string;
  customerName: string | null;
  createdAt: string;
};

/** The review request behind a `/r/:code` link, with the customer's name for the greeting. */
export function findRequestByCode(db: Db, code: string): LandingRequest | undefined {
  const row = sql(
    db,
    `SELECT r.id, r.organization_id, r.business_id, r.status, r.created_at, c.name AS customer_name
     FROM review_requests r LEFT JOIN customers c ON c.id = r.customer_id AND c.deleted_at IS NULL
     WHERE r.code = ?`,
  ).get(code) as
    | {
        id: string;
        organization_id: string;
        business_id: string;
        status: string;
        created_at: string;
        customer_name: string | null;
      }
    | undefined;
  return (
    row && {
      id: row.id,
      organizationId: row.organization_id,
      businessId: row.business_id,
      status: row.status,
      customerName: row.customer_name,
      createdAt: row.created_at,
    }
  );
}

/**
 * `sent → opened`, once: returns true only for the open that moved it. A request that never reached
 * "sent" (pending, scheduled, failed) but is opened was evidently delivered, so it moves too;
 * opened and completed ones never move back.
 */
export function markRequestOpened(db: Db, clock: Clock, requestId: string): boolean {
  const now = isoNow(clock);
  return (
    sql(
      db,
      `UPDATE review_requests SET status = CASE WHEN status IN ('pending', 'scheduled', 'sent', 'failed') THEN 'opened' ELSE status END,
         opened_at = ?, updated_at = ?
       WHERE id = ? AND opened_at IS NULL AND status <> 'suppressed'`,
    ).run(now, now, requestId).changes > 0
  );
}

/** `→ completed` (a platform click or feedback sent), once; also stamps `opened_at` if a step was skipped. */
export function markRequestCompleted(db: Db, clock: Clock, requestId: string): boolean {
  const now = isoNow(clock);
  return (
    sql(
      db,
      `UPDATE review_requests SET status = 'completed', completed_at = ?, opened_at = coalesce(opened_at, ?), updated_at = ?
       WHERE id = ? AND status <> 'completed' AND status <> 'suppressed'`,
    ).run(now, now, now, requestId).changes > 0
  );
}

/** The rating a request's customer gave (the latest one, if they changed it). */
export function setRequestRating(db: Db, clock: Clock, requestId: string, rating: number): void {
  sql(db, 'UPDATE review_requests SET rating = ?, updated_at = ? WHERE id = ?').run(
    rating,
    isoNow(clock),
    requestId,
  );
}

/** The customer a request was sent to (a testimonial from its link is theirs). */
export function requestCustomerId(db: Db, requestId: string): string | null {
  const row = sql(db, 'SELECT customer_id FROM review_requests WHERE id = ?').get(requestId) as
    | { customer_id: string }
    | undefined;
  return row?.customer_id ?? null;
}
