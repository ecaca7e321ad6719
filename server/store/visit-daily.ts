import { type Clock, isoNow } from '../domain/clock';
import { type Db, sql } from './db';

export type ViewCount = { organizationId: string; businessId: string; cardId: string | null };

/** The UTC day (`YYYY-MM-DD`) of an ISO timestamp: the grain of `visit_daily`. */
export const dayOf = (iso: string) => iso.slice(0, 10);

/**
 * Counts one open (and, through a card, one tap) in the day's row for the business and card: an upsert, so
 * the table grows by one row per business, card and day however many people come.
 */
export function countView(db: Db, clock: Clock, view: ViewCount): void {
  const taps = view.cardId ? 1 : 0;
  sql(
    db,
    `INSERT INTO visit_daily (business_id, card_id, day, organization_id, opens, taps) VALUES (?, ?, ?, ?, 1, ?)
     ON CONFLICT (business_id, card_id, day) DO UPDATE SET opens = opens + 1, taps = taps + excluded.taps`,
  ).run(view.businessId, view.cardId ?? '', dayOf(isoNow(clock)), view.organizationId, taps);
}
