import { type Clock, isoNow } from '../domain/clock';
import { newId, newPublicCode } from '../domain/ids';
import { upsertCustomer } from './customers';
import { type Db, sql } from './db';

export type RequestMethod = 'sms' | 'email' | 'whatsapp';
export type RequestStatus =
  | 'pending'
  | 'scheduled'
  | 'sent'
  | 'opened'
  | 'completed'
  | 'failed'
  | 'suppressed';

export type ReviewRequest = {
  id: string;
  organizationId: string;
  businessId: string;
  customerId: string;
  customer: {
    id: string;
    name: string | null;
    email: string | null;
    phone: string | null;
    optOut: boolean;
  } | null;
  method: RequestMethod;
  code: string;
  status: RequestStatus;
  sandbox: boolean;
  suppressMessage: boolean;
  sendAt: string | null;
  sentAt: string | null;
  openedAt: string | null;
  completedAt: string | null;
  failedAt: string | null;
  failureReason: string | null;
  suppressedReason: string | null;
  /**
   * A person followed the link in the message (robots excluded): the moment is `openedAt`. Plaudit has no
   * open-tracking pixel, so this is the only sign a message was read.
   */
  clicked: boolean;
  /** The email was refused for good by the receiving server (an SMTP 5xx at send time). */
  bounced: boolean;
  bouncedAt: string | null;
  bounceReason: string | null;
  rating: number | null;
  createdAt: string;
  updatedAt: string;
};

export type ReviewRequestRow = {
  id: string;
  organization_id: string;
  business_id: string;
  customer_id: string;
  method: RequestMethod;
  code: string;
  status: RequestStatus;
  sandbox: number;
  suppress_message: number;
  send_at: string | null;
  sent_at: string | null;
  opened_at: string | null;
  completed_at: string | null;
  failed_at: string | null;
  failure_reason: string | null;
  suppressed_reason: string | null;
  bounced_at: string | null;
  bounce_reason: string | null;
  rating: number | null;
  created_at: string;
  updated_at: string;
  /** From the customers join (NULL when the customer was deleted). */
  c_name: string | null;
  c_email: string | null;
  c_phone: string | null;
  c_opt_out: number | null;
  c_live: number | null;
};

/** Request columns plus the customer summary; every read of a request goes through this. */
export const REQUEST_SELECT = `SELECT r.*, c.name AS c_name, c.email AS c_email, c.phone AS c_phone,
  c.opt_out AS c_opt_out, (c.deleted_at IS NULL) AS c_live
  FROM review_requests r JOIN customers c ON c.id = r.customer_id`;

export function toReviewRequest(row: ReviewRequestRow): ReviewRequest {
  return {
    id: row.id,
    organizationId: row.organization_id,
    businessId: row.business_id,
    customerId: row.customer_id,
    customer: row.c_live
      ? {
          id: row.customer_id,
          name: row.c_name,
          email: row.c_email,
          phone: row.c_phone,
          optOut: row.c_opt_out === 1,
        }
      : null,
    method: row.method,
    code: row.code,
    status: row.status,
    sandbox: row.sandbox === 1,
    suppressMessage: row.suppress_message === 1,
    sendAt: row.send_at,
    sentAt: row.sent_at,
    openedAt: row.opened_at,
    completedAt: row.completed_at,
    failedAt: row.failed_at,
    failureReason: row.failure_reason,
    suppressedReason: row.suppressed_reason,
    clicked: row.opened_at !== null,
    bounced: row.bounced_at !== null,
    bouncedAt: row.bounced_at,
    bounceReason: row.bounce_reason,
    rating: row.rating,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export type NewReviewRequest = {
  /** Already checked to be an active business of the organization. */
  businessId: string;
  customer: { name?: string; email?: string; phone?: string; source?: string; sourceContactId?: string };
  method: RequestMethod;
  /** ISO UTC; makes the request `scheduled`. */
  sendAt?: string;
  /** Create the link but never message the customer (the business shares it itself). */
  suppressMessage: boolean;
  /** Made with a `sk_test_` key: never transmitted. */
  sandbox: boolean;
};

/**
 * Creates one review request in one transaction: finds or creates the customer (same dedupe as
 * `upsertCustomer`, may throw CustomerConflictError), draws the public code, and inserts the row —
 * `pending`, `scheduled` with a `sendAt`, or `suppressed` when the customer has opted out.
 */
export function createReviewRequest(
  db: Db,
  clock: Clock,
  organizationId: string,
  input: NewReviewRequest,
): ReviewRequest {
  return db.transaction(() => {
    const { customer } = upsertCustomer(db, clock, organizationId, input.customer);
    const now = isoNow(clock);
    const status: RequestStatus = customer.optOut ? 'suppressed' : input.sendAt ? 'scheduled' : 'pending';
    const id = newId('rr');
    sql(
      db,
      `INSERT INTO review_requests (id, organization_id, business_id, customer_id, method, code, status, sandbox,
         suppress_message, send_at, suppressed_reason, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      organizationId,
      input.businessId,
      customer.id,
      input.method,
      newPublicCode(),
      status,
      input.sandbox ? 1 : 0,
      input.suppressMessage ? 1 : 0,
      input.sendAt ?? null,
      customer.optOut ? 'opted_out' : null,
      now,
      now,
    );
    return getReviewRequest(db, organizationId, id)!;
  })();
}

/** A review request of the organization, with its customer summary. */
export function getReviewRequest(db: Db, organizationId: string, id: string): ReviewRequest | undefined {
  const row = sql(db, `${REQUEST_SELECT} WHERE r.id = ? AND r.organization_id = ?`).get(id, organizationId) as
    | ReviewRequestRow
    | undefined;
  return row && toReviewRequest(row);
}
