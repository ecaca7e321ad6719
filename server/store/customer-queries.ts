import { type Customer, type CustomerRow, toCustomer } from './customers';
import { type Db, sql } from './db';

export type CustomerFilter = {
  /** Customers with a request, a review or feedback at this business (already checked to be the caller's). */
  businessId?: string;
  /** Part of the name or email, or digits of the phone. */
  search?: string;
  /** Customers carrying any of these tags. */
  tags?: string[];
  optOut?: boolean;
};

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

// One statement for every filter combination: each condition is switched off by a NULL argument.
// The business condition is an uncorrelated IN: SQLite builds the set of ids once, through the business indexes.
const WHERE = `c.organization_id = :org AND c.deleted_at IS NULL
  AND (:biz IS NULL OR c.id IN (
    SELECT customer_id FROM review_requests WHERE business_id = :biz
    UNION SELECT customer_id FROM reviews WHERE business_id = :biz AND customer_id IS NOT NULL
    UNION SELECT customer_id FROM feedback WHERE business_id = :biz AND customer_id IS NOT NULL))
  AND (:like IS NULL OR c.name LIKE :like ESCAPE '\\' OR c.email LIKE :like ESCAPE '\\'
    OR (:digits IS NOT NULL AND c.phone LIKE :digits))
  AND (:tags IS NULL OR EXISTS (SELECT 1 FROM json_each(c.tags) t WHERE t.value IN (SELECT value FROM json_each(:tags))))
  AND (:optOut IS NULL OR c.opt_out = :optOut)`;

/** One page of the organization's live customers matching `filter`, newest first, and the total. */
export function listCustomers(
  db: Db,
  organizationId: string,
  filter: CustomerFilter,
  page: { limit: number; offset: number },
): { items: Customer[]; total: number } {
  const search = filter.search?.trim() || undefined;
  const digits = search?.replace(/\D/g, '') ?? '';
  const args = {
    org: organizationId,
    biz: filter.businessId ?? null,
    like: search ? likePattern(search) : null,
    // Phones are stored as +digits: "(415) 555" finds +14155550123.
    digits: digits.length >= 3 ? `%${digits}%` : null,
    tags: filter.tags?.length ? JSON.stringify(filter.tags) : null,
    optOut: filter.optOut === undefined ? null : filter.optOut ? 1 : 0,
  };
  const rows = sql(
    db,
    `SELECT c.* FROM customers c WHERE ${WHERE} ORDER BY c.created_at DESC, c.rowid DESC LIMIT :limit OFFSET :offset`,
  ).all({ ...args, ...page }) as CustomerRow[];
  const { total } = sql(db, `SELECT count(*) AS total FROM customers c WHERE ${WHERE}`).get(args) as {
    total: number;
  };
  return { items: rows.map(toCustomer), total };
}
