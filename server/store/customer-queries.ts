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
  /** Customers linked to this business (customer_businesses), already checked to be the caller's. */
  linkedBusinessId?: string;
  /** Customers linked to this business or with a request, review or feedback at it (checked to be the caller's). */
  relatedBusinessId?: string;
  /** Exact email (stored lowercased) or phone (E.164). */
  email?: string;
  phone?: string;
  invalid?: boolean;
  /** The first or last word of the name (case-insensitive for ASCII). */
  firstName?: string;
  lastName?: string;
  /** Inclusive lower and exclusive upper bounds on createdAt (ISO). */
  createdFrom?: string;
  createdBefore?: string;
  /** Oldest first instead of newest first. */
  oldestFirst?: boolean;
};

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const likePattern = (text: string) => `%${escapeLike(text)}%`;

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
  AND (:optOut IS NULL OR c.opt_out = :optOut)
  AND (:linked IS NULL OR c.id IN (SELECT customer_id FROM customer_businesses WHERE business_id = :linked))
  AND (:related IS NULL OR c.id IN (
    SELECT customer_id FROM customer_businesses WHERE business_id = :related
    UNION SELECT customer_id FROM review_requests WHERE business_id = :related
    UNION SELECT customer_id FROM reviews WHERE business_id = :related AND customer_id IS NOT NULL
    UNION SELECT customer_id FROM feedback WHERE business_id = :related AND customer_id IS NOT NULL))
  AND (:email IS NULL OR c.email = :email)
  AND (:phone IS NULL OR c.phone = :phone)
  AND (:invalid IS NULL OR c.invalid = :invalid)
  AND (:first IS NULL OR c.name LIKE :first ESCAPE '\\' OR c.name LIKE :first || ' %' ESCAPE '\\')
  AND (:last IS NULL OR c.name LIKE :last ESCAPE '\\' OR c.name LIKE '% ' || :last ESCAPE '\\')
  AND (:from IS NULL OR c.created_at >= :from)
  AND (:before IS NULL OR c.created_at < :before)`;

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
    linked: filter.linkedBusinessId ?? null,
    related: filter.relatedBusinessId ?? null,
    email: filter.email ?? null,
    phone: filter.phone ?? null,
    invalid: filter.invalid === undefined ? null : filter.invalid ? 1 : 0,
    first: filter.firstName ? escapeLike(filter.firstName) : null,
    last: filter.lastName ? escapeLike(filter.lastName) : null,
    from: filter.createdFrom ?? null,
    before: filter.createdBefore ?? null,
  };
  const rows = sql(
    db,
    `SELECT c.* FROM customers c WHERE ${WHERE} ORDER BY ${filter.oldestFirst ? 'c.created_at, c.rowid' : 'c.created_at DESC, c.rowid DESC'} LIMIT :limit OFFSET :offset`,
  ).all({ ...args, ...page }) as CustomerRow[];
  const { total } = sql(db, `SELECT count(*) AS total FROM customers c WHERE ${WHERE}`).get(args) as {
    total: number;
  };
  return { items: rows.map(toCustomer), total };
}
