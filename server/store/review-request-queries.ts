import { type Db, pageSql, sql } from './db';
import {
  REQUEST_SELECT,
  type RequestMethod,
  type RequestStatus,
  type ReviewRequest,
  type ReviewRequestRow,
  toReviewRequest,
} from './review-requests';

export type ReviewRequestFilter = {
  status?: RequestStatus;
  /** Any of these statuses (for clients whose status names each cover several of Plaudit's). */
  statuses?: RequestStatus[];
  method?: RequestMethod;
  businessId?: string;
  customerId?: string;
  /** Inclusive lower bound on createdAt (ISO). */
  createdFrom?: string;
  /** Exclusive upper bound on createdAt (ISO). */
  createdBefore?: string;
  /** Bounds on when it was (or is) due to go out: sendAt, else createdAt (ISO, upper bound exclusive). */
  dueFrom?: string;
  dueBefore?: string;
  updatedFrom?: string;
  updatedBefore?: string;
  /** A person followed its link (openedAt set). */
  clicked?: boolean;
  bounced?: boolean;
  /** Oldest first instead of newest first. */
  oldestFirst?: boolean;
};

/** The WHERE clause for a filter, built from fixed fragments so each combination is one cached statement. */
function whereOf(organizationId: string, filter: ReviewRequestFilter): { where: string; args: unknown[] } {
  // With a business or customer, `+` keeps the organization check but lets SQLite pick the narrower index.
  const conditions = [
    filter.businessId || filter.customerId ? '+r.organization_id = ?' : 'r.organization_id = ?',
  ];
  const args: unknown[] = [organizationId];
  const add = (condition: string, value: unknown) => {
    if (value === undefined) return;
    conditions.push(condition);
    args.push(value);
  };
  add('r.business_id = ?', filter.businessId);
  add('r.customer_id = ?', filter.customerId);
  add('r.status = ?', filter.status);
  add('r.status IN (SELECT value FROM json_each(?))', filter.statuses && JSON.stringify(filter.statuses));
  add('r.method = ?', filter.method);
  add('r.created_at >= ?', filter.createdFrom);
  add('r.created_at < ?', filter.createdBefore);
  add('coalesce(r.send_at, r.created_at) >= ?', filter.dueFrom);
  add('coalesce(r.send_at, r.created_at) < ?', filter.dueBefore);
  add('r.updated_at >= ?', filter.updatedFrom);
  add('r.updated_at < ?', filter.updatedBefore);
  if (filter.clicked !== undefined) conditions.push(`r.opened_at IS ${filter.clicked ? 'NOT ' : ''}NULL`);
  if (filter.bounced !== undefined) conditions.push(`r.bounced_at IS ${filter.bounced ? 'NOT ' : ''}NULL`);
  return { where: conditions.join(' AND '), args };
}

/** One page of the organization's review requests matching `filter`, newest first, and the total. */
export function listReviewRequests(
  db: Db,
  organizationId: string,
  filter: ReviewRequestFilter,
  page: { limit: number; offset: number },
): { items: ReviewRequest[]; total: number } {
  const { where, args } = whereOf(organizationId, filter);
  const rows = sql(
    db,
    `${REQUEST_SELECT} WHERE ${where} ORDER BY ${filter.oldestFirst ? 'r.created_at, r.rowid' : 'r.created_at DESC, r.rowid DESC'} ${pageSql(page.limit)}`,
  ).all(...args, page.offset) as ReviewRequestRow[];
  const { total } = sql(db, `SELECT count(*) AS total FROM review_requests r WHERE ${where}`).get(
    ...args,
  ) as {
    total: number;
  };
  return { items: rows.map(toReviewRequest), total };
}
