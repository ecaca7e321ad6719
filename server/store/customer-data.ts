import { type Clock, isoNow } from '../domain/clock';
import { type Db, sql } from './db';
import { messagesOfCustomer } from './messages';
import { cancelJobsFor } from './outbox';
import { REVIEW_COLUMNS } from './reviews';
import { addSuppression } from './suppressions';

type Row = Record<string, unknown>;

/** The customer row, deleted or not (erasure applies to both), or undefined when not the organization's. */
export function findCustomerForData(db: Db, organizationId: string, id: string): Row | undefined {
  return sql(db, 'SELECT * FROM customers WHERE id = ? AND organization_id = ?').get(id, organizationId) as
    | Row
    | undefined;
}

const requestsOf = (db: Db, customerId: string) =>
  sql(db, 'SELECT * FROM review_requests WHERE customer_id = ? ORDER BY created_at, rowid').all(
    customerId,
  ) as Row[];

const eventsOf = (db: Db, customerId: string) =>
  sql(
    db,
    `SELECT e.* FROM events e JOIN review_requests r ON r.id = e.request_id WHERE r.customer_id = ? ORDER BY e.created_at, e.rowid`,
  ).all(customerId) as Row[];

const feedbackOf = (db: Db, customerId: string) =>
  sql(
    db,
    `SELECT * FROM feedback WHERE customer_id = ? OR request_id IN (SELECT id FROM review_requests WHERE customer_id = ?)
     ORDER BY created_at, rowid`,
  ).all(customerId, customerId) as Row[];

const reviewsOf = (db: Db, customerId: string) =>
  sql(db, `SELECT ${REVIEW_COLUMNS} FROM reviews WHERE customer_id = ? ORDER BY created_at, rowid`).all(
    customerId,
  ) as Row[];

export type ActivityItem = {
  at: string;
  type: string;
  requestId: string | null;
  details: Record<string, unknown>;
};

/** Every message, open, click, rating, feedback and review of a customer, oldest first. */
export function customerActivity(db: Db, organizationId: string, customerId: string): ActivityItem[] {
  const items: ActivityItem[] = [];
  for (const m of messagesOfCustomer(db, organizationId, customerId)) {
    items.push({
      at: m.sentAt ?? m.failedAt ?? m.createdAt,
      type: `message.${m.status}`,
      requestId: m.requestId,
      details: { messageId: m.id, channel: m.channel, step: m.step, subject: m.subject, error: m.error },
    });
  }
  for (const e of eventsOf(db, customerId)) {
    items.push({
      at: String(e.created_at),
      type: String(e.type),
      requestId: e.request_id as string | null,
      details: { rating: e.rating, platform: e.platform },
    });
  }
  for (const f of feedbackOf(db, customerId)) {
    items.push({
      at: String(f.created_at),
      type: 'feedback',
      requestId: f.request_id as string | null,
      details: { feedbackId: f.id, type: f.type, score: f.score, comments: f.comments },
    });
  }
  for (const r of reviewsOf(db, customerId)) {
    items.push({
      at: String(r.created_at),
      type: 'review',
      requestId: null,
      details: { reviewId: r.id, source: r.source, rating: r.rating },
    });
  }
  return items.sort((a, b) => a.at.localeCompare(b.at));
}

/** Everything held about a customer, as stored (snake_case columns become the export's camelCase keys). */
export function customerExport(db: Db, organizationId: string, customerId: string) {
  const camel = (row: Row) =>
    Object.fromEntries(
      Object.entries(row).map(([k, v]) => [k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), v]),
    );
  return {
    customer: camel(findCustomerForData(db, organizationId, customerId) ?? {}),
    requests: requestsOf(db, customerId).map(camel),
    messages: messagesOfCustomer(db, organizationId, customerId),
    events: eventsOf(db, customerId).map(camel),
    feedback: feedbackOf(db, customerId).map(camel),
    reviews: reviewsOf(db, customerId).map(camel),
  };
}

/**
 * Erases a customer's personal data everywhere — messages, feedback contact fields, funnel events, the
 * contact itself — and keeps only hashed suppression entries for the email and phone so they are never
 * messaged again. The request rows stay (counts), pointing at an anonymous customer.
 */
export function eraseCustomer(db: Db, clock: Clock, organizationId: string, customerId: string): boolean {
  return db.transaction(() => {
    const row = findCustomerForData(db, organizationId, customerId);
    if (!row) return false;
    for (const contact of [row.email, row.phone]) {
      if (typeof contact === 'string' && contact)
        addSuppression(db, clock, organizationId, contact, 'erased');
    }
    const messageIds = messagesOfCustomer(db, organizationId, customerId).map((m) => m.id);
    cancelJobsFor(db, clock, messageIds);
    sql(db, 'DELETE FROM messages WHERE organization_id = ? AND customer_id = ?').run(
      organizationId,
      customerId,
    );
    sql(
      db,
      `UPDATE feedback SET contact_name = NULL, contact_email = NULL, contact_phone = NULL, customer_id = NULL
       WHERE customer_id = ? OR request_id IN (SELECT id FROM review_requests WHERE customer_id = ?)`,
    ).run(customerId, customerId);
    sql(
      db,
      'DELETE FROM events WHERE request_id IN (SELECT id FROM review_requests WHERE customer_id = ?)',
    ).run(customerId);
    sql(db, 'UPDATE reviews SET customer_id = NULL WHERE customer_id = ?').run(customerId);
    const now = isoNow(clock);
    sql(
      db,
      `UPDATE customers SET name = NULL, email = NULL, phone = NULL, notes = NULL, tags = '[]', opt_out = 1,
         opted_out_at = coalesce(opted_out_at, ?), deleted_at = coalesce(deleted_at, ?), updated_at = ? WHERE id = ?`,
    ).run(now, now, now, customerId);
    return true;
  })();
}
