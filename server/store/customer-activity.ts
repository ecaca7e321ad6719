import { type Db, sql } from './db';

/** What a customer's review requests say about them: where they were last invited, and how they answered. */
export type CustomerActivity = {
  /** The business of their latest request. */
  businessId: string;
  /** Requests whose message went out. */
  requestsSent: number;
  /** Requests they completed (clicked through to a platform or sent private feedback). */
  completed: number;
  /** When they last opened one of their request links. */
  lastOpenedAt: string | null;
};

// One grouped pass over the requests of the customers asked for, through the review_requests_customer index.
const ACTIVITY = `SELECT customer_id,
    (SELECT business_id FROM review_requests l WHERE l.customer_id = r.customer_id
     ORDER BY l.created_at DESC, l.rowid DESC LIMIT 1) AS business_id,
    total(sent_at IS NOT NULL) AS sent, total(completed_at IS NOT NULL) AS completed, max(opened_at) AS opened
  FROM review_requests r
  WHERE organization_id = ? AND customer_id IN (SELECT value FROM json_each(?))
  GROUP BY customer_id`;

/** The request activity of some of the organization's customers, by customer id (absent: never invited). */
export function customerActivity(
  db: Db,
  organizationId: string,
  customerIds: string[],
): Map<string, CustomerActivity> {
  if (customerIds.length === 0) return new Map();
  const rows = sql(db, ACTIVITY).all(organizationId, JSON.stringify(customerIds)) as Array<{
    customer_id: string;
    business_id: string;
    sent: number;
    completed: number;
    opened: string | null;
  }>;
  return new Map(
    rows.map((row) => [
      row.customer_id,
      {
        businessId: row.business_id,
        requestsSent: row.sent,
        completed: row.completed,
        lastOpenedAt: row.opened,
      },
    ]),
  );
}
