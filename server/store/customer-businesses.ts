import { type Clock, isoNow } from '../domain/clock';
import { type Db, sql } from './db';

/** The ids of the businesses a customer belongs to, oldest link first. */
export function businessIdsOf(db: Db, organizationId: string, customerId: string): string[] {
  return sql(
    db,
    'SELECT business_id FROM customer_businesses WHERE customer_id = ? AND organization_id = ? ORDER BY created_at, business_id',
  )
    .pluck(true)
    .all(customerId, organizationId) as string[];
}

/** The business ids of many customers at once (a list page), by customer id. */
export function businessIdsOfMany(
  db: Db,
  organizationId: string,
  customerIds: string[],
): Map<string, string[]> {
  const links = new Map<string, string[]>(customerIds.map((id) => [id, []]));
  if (!customerIds.length) return links;
  const rows = sql(
    db,
    `SELECT customer_id, business_id FROM customer_businesses
     WHERE organization_id = ? AND customer_id IN (SELECT value FROM json_each(?)) ORDER BY created_at, business_id`,
  ).all(organizationId, JSON.stringify(customerIds)) as Array<{ customer_id: string; business_id: string }>;
  for (const row of rows) links.get(row.customer_id)?.push(row.business_id);
  return links;
}

/**
 * Adds and removes links of one customer; ids already linked (or not linked) are ignored. The caller has
 * checked that the customer and every business are the organization's. Call inside the caller's transaction.
 */
export function changeCustomerBusinesses(
  db: Db,
  clock: Clock,
  organizationId: string,
  customerId: string,
  change: { add?: string[]; remove?: string[] },
): void {
  const now = isoNow(clock);
  for (const businessId of change.add ?? []) {
    sql(
      db,
      `INSERT INTO customer_businesses (customer_id, business_id, organization_id, created_at)
       VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    ).run(customerId, businessId, organizationId, now);
  }
  for (const businessId of change.remove ?? []) {
    sql(
      db,
      'DELETE FROM customer_businesses WHERE customer_id = ? AND business_id = ? AND organization_id = ?',
    ).run(customerId, businessId, organizationId);
  }
}

/** Replaces a customer's links with exactly `businessIds` (checked by the caller). */
export function setCustomerBusinesses(
  db: Db,
  clock: Clock,
  organizationId: string,
  customerId: string,
  businessIds: string[],
): void {
  db.transaction(() => {
    const current = businessIdsOf(db, organizationId, customerId);
    changeCustomerBusinesses(db, clock, organizationId, customerId, {
      add: businessIds.filter((id) => !current.includes(id)),
      remove: current.filter((id) => !businessIds.includes(id)),
    });
  })();
}

/** The ids among `businessIds` that are not businesses of the organization. */
export function foreignBusinessIds(db: Db, organizationId: string, businessIds: string[]): string[] {
  return businessIds.filter(
    (id) => !sql(db, 'SELECT 1 FROM businesses WHERE id = ? AND organization_id = ?').get(id, organizationId),
  );
}
