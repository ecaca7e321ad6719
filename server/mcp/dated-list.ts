import { z } from 'zod';
import { dateBounds } from '../api/date-range-schemas';
import { notFound } from '../http/errors';
import { businessBelongsTo } from '../store/businesses';
import type { Db } from '../store/db';
import { type McpContext, orgOf } from './context';

const isoDate = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);

/** The inputs every "list, newest first" tool takes: a business, a date range and a page. */
export const datedListInput = {
  businessId: z.string().min(1).max(64).optional(),
  dateFrom: isoDate.optional(),
  dateTo: isoDate.optional(),
  page: z.number().int().min(1).default(1),
  perPage: z.number().int().min(1).max(100).default(25),
};

type DatedListArgs = {
  businessId?: string;
  dateFrom?: string;
  dateTo?: string;
  page: number;
  perPage: number;
};

/**
 * One page of a list tool in the caller's organization: a business of another organization is a 404 (not
 * an empty page), the dates become creation bounds, and `present` shapes (and redacts) the items.
 */
export function datedList<A extends DatedListArgs, T, R>(
  ctx: McpContext,
  args: A,
  list: (
    db: Db,
    organizationId: string,
    filter: Omit<A, 'page' | 'perPage' | 'dateFrom' | 'dateTo'> & {
      createdFrom?: string;
      createdBefore?: string;
    },
    page: { limit: number; offset: number },
  ) => { items: T[]; total: number },
  present: (items: T[]) => R[],
) {
  const { page, perPage, dateFrom, dateTo, ...filter } = args;
  const orgId = orgOf(ctx);
  if (filter.businessId && !businessBelongsTo(ctx.deps.db, orgId, filter.businessId))
    throw notFound('Business');
  const { from, before } = dateBounds({ dateFrom, dateTo });
  const { items, total } = list(
    ctx.deps.db,
    orgId,
    { ...filter, createdFrom: from, createdBefore: before },
    { limit: perPage, offset: (page - 1) * perPage },
  );
  return { data: { data: present(items), pagination: { page, perPage, total } } };
}
