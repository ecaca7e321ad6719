import { type Clock, isoNow } from '../domain/clock';
import { sha256 } from '../domain/ids';
import { type Db, sql } from './db';

/** The hash kept for an erased or suppressed contact: SHA-256 of the lowercased email or the E.164 phone. */
export const contactHash = (contact: string) => sha256(`contact:${contact.trim().toLowerCase()}`);

/** Adds a hashed suppression (idempotent). */
export function addSuppression(
  db: Db,
  clock: Clock,
  organizationId: string,
  contact: string,
  reason: string,
): void {
  sql(
    db,
    'INSERT OR IGNORE INTO suppressions (organization_id, hash, reason, created_at) VALUES (?, ?, ?, ?)',
  ).run(organizationId, contactHash(contact), reason, isoNow(clock));
}

/** Whether this email or phone is on the organization's suppression list. */
export function isSuppressed(db: Db, organizationId: string, contact: string): boolean {
  return !!sql(db, 'SELECT 1 FROM suppressions WHERE organization_id = ? AND hash = ?').get(
    organizationId,
    contactHash(contact),
  );
}

/** Opts a customer out (or back in); returns whether it changed. Opt-out is stamped once. */
export function setCustomerOptOut(db: Db, clock: Clock, customerId: string, optOut: boolean): boolean {
  const now = isoNow(clock);
  return (
    sql(
      db,
      `UPDATE customers SET opt_out = ?, opted_out_at = CASE WHEN ? = 1 THEN coalesce(opted_out_at, ?) ELSE NULL END,
         updated_at = ? WHERE id = ? AND opt_out <> ? AND deleted_at IS NULL`,
    ).run(optOut ? 1 : 0, optOut ? 1 : 0, now, now, customerId, optOut ? 1 : 0).changes > 0
  );
}

/** A hard bounce: the address or number does not exist, so it is never tried again. */
export function markCustomerInvalid(db: Db, clock: Clock, customerId: string, reason: string): void {
  sql(db, 'UPDATE customers SET invalid = 1, invalid_reason = ?, updated_at = ? WHERE id = ?').run(
    reason,
    isoNow(clock),
    customerId,
  );
}

/** Live customers with this phone in any organization (an SMS reply comes from the number, not a tenant). */
export function customersWithPhone(
  db: Db,
  phone: string,
): Array<{ id: string; organizationId: string; optOut: boolean }> {
  return (
    sql(db, 'SELECT id, organization_id, opt_out FROM customers WHERE phone = ? AND deleted_at IS NULL').all(
      phone,
    ) as Array<{
      id: string;
      organization_id: string;
      opt_out: number;
    }>
  ).map((row) => ({ id: row.id, organizationId: row.organization_id, optOut: row.opt_out === 1 }));
}
