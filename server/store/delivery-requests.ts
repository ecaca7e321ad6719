import { type Clock, isoNow } from '../domain/clock';
import { type Db, sql } from './db';

/** A review request as delivery sees it: the request, its customer's contact and flags, and its campaign. */
export type DeliveryRequest = {
  id: string;
  organizationId: string;
  businessId: string;
  customerId: string;
  method: 'sms' | 'email' | 'whatsapp';
  code: string;
  status: string;
  sandbox: boolean;
  suppressMessage: boolean;
  sendAt: string | null;
  campaignId: string | null;
  customer: {
    name: string | null;
    email: string | null;
    phone: string | null;
    optOut: boolean;
    invalid: boolean;
    invalidReason: string | null;
  };
};

type Row = {
  id: string;
  organization_id: string;
  business_id: string;
  customer_id: string;
  method: 'sms' | 'email' | 'whatsapp';
  code: string;
  status: string;
  sandbox: number;
  suppress_message: number;
  send_at: string | null;
  campaign_id: string | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  opt_out: number;
  invalid: number;
  invalid_reason: string | null;
};

/** The request with what delivery needs to decide and render, or undefined. */
export function getDeliveryRequest(db: Db, requestId: string): DeliveryRequest | undefined {
  const row = sql(
    db,
    `SELECT r.id, r.organization_id, r.business_id, r.customer_id, r.method, r.code, r.status, r.sandbox, r.suppress_message,
       r.send_at, rc.campaign_id, c.name, c.email, c.phone, c.opt_out, c.invalid, c.invalid_reason
     FROM review_requests r JOIN customers c ON c.id = r.customer_id
     LEFT JOIN request_campaigns rc ON rc.request_id = r.id WHERE r.id = ?`,
  ).get(requestId) as Row | undefined;
  if (!row) return undefined;
  return {
    id: row.id,
    organizationId: row.organization_id,
    businessId: row.business_id,
    customerId: row.customer_id,
    method: row.method,
    code: row.code,
    status: row.status,
    sandbox: row.sandbox === 1,
    suppressMessage: row.suppress_message === 1,
    sendAt: row.send_at,
    campaignId: row.campaign_id,
    customer: {
      name: row.name,
      email: row.email,
      phone: row.phone,
      optOut: row.opt_out === 1,
      invalid: row.invalid === 1,
      invalidReason: row.invalid_reason,
    },
  };
}

/** Ties a request to its campaign (reminders and funnel). */
export function linkRequestToCampaign(db: Db, requestId: string, campaignId: string): void {
  sql(db, 'INSERT OR REPLACE INTO request_campaigns (request_id, campaign_id) VALUES (?, ?)').run(
    requestId,
    campaignId,
  );
}

/** The request will not be messaged, with why (opted out, invalid, suppressed, no address). */
export function markRequestSuppressed(db: Db, clock: Clock, requestId: string, reason: string): void {
  sql(
    db,
    `UPDATE review_requests SET status = 'suppressed', suppressed_reason = ?, updated_at = ?
     WHERE id = ? AND status IN ('pending', 'scheduled')`,
  ).run(reason, isoNow(clock), requestId);
}

/** The first message waits for `sendAt` (the send window or an explicit schedule). */
export function markRequestScheduled(db: Db, clock: Clock, requestId: string, sendAt: string): void {
  sql(
    db,
    `UPDATE review_requests SET status = 'scheduled', send_at = ?, updated_at = ? WHERE id = ? AND status IN ('pending', 'scheduled')`,
  ).run(sendAt, isoNow(clock), requestId);
}

/** `pending/scheduled → sent`; returns whether it moved (so `request.sent` fires once). */
export function markRequestSent(db: Db, clock: Clock, requestId: string): boolean {
  const now = isoNow(clock);
  return (
    sql(
      db,
      `UPDATE review_requests SET status = 'sent', sent_at = ?, updated_at = ? WHERE id = ? AND status IN ('pending', 'scheduled')`,
    ).run(now, now, requestId).changes > 0
  );
}

/** The message could not be delivered; a request already opened or completed keeps its progress. */
export function markRequestFailed(db: Db, clock: Clock, requestId: string, reason: string): boolean {
  const now = isoNow(clock);
  return (
    sql(
      db,
      `UPDATE review_requests SET status = 'failed', failed_at = ?, failure_reason = ?, updated_at = ?
       WHERE id = ? AND status IN ('pending', 'scheduled', 'sent')`,
    ).run(now, reason, now, requestId).changes > 0
  );
}

/** The request's email bounced (a permanent SMTP refusal): stamped once, with the server's reason. */
export function markRequestBounced(db: Db, clock: Clock, requestId: string, reason: string): void {
  sql(
    db,
    'UPDATE review_requests SET bounced_at = ?, bounce_reason = ?, updated_at = ? WHERE id = ? AND bounced_at IS NULL',
  ).run(isoNow(clock), reason, isoNow(clock), requestId);
}

/**
 * The open request for this customer at this business created since `since`, if any: inviting them again
 * inside the dedup window answers it instead of sending twice. Suppressed and failed ones do not count.
 */
export function findRecentRequest(
  db: Db,
  organizationId: string,
  businessId: string,
  customerId: string,
  since: string,
  exceptId: string | null = null,
): { id: string } | undefined {
  return sql(
    db,
    `SELECT id FROM review_requests WHERE organization_id = ? AND business_id = ? AND customer_id = ? AND created_at >= ?
       AND status NOT IN ('suppressed', 'failed') AND id IS NOT ? ORDER BY created_at DESC LIMIT 1`,
  ).get(organizationId, businessId, customerId, since, exceptId) as { id: string } | undefined;
}
