import { z } from '@hono/zod-openapi';

const isoDateOrTime = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], { error: 'must be an ISO 8601 date or date-time' })
  .openapi({ example: '2026-05-01' });

const isDate = (value: string) => value.length === 10;

/**
 * `dateFrom` / `dateTo` query parameters on `what`, as a half-open UTC range `[from, before)`:
 * a date means its whole day (UTC), a date-time is exact. `dateFrom` after `dateTo` is a 400.
 */
export function dateRangeQuery(what: string) {
  return {
    dateFrom: isoDateOrTime
      .optional()
      .openapi({ description: `${what} at or after (a date means its start, UTC)` }),
    dateTo: isoDateOrTime
      .optional()
      .openapi({ description: `${what} at or before (a date includes the whole day, UTC)` }),
  };
}

/** The validated `dateFrom`/`dateTo` as ISO bounds: `from` inclusive, `before` exclusive. */
export function dateBounds(range: { dateFrom?: string; dateTo?: string }): {
  from?: string;
  before?: string;
} {
  const from = range.dateFrom
    ? new Date(isDate(range.dateFrom) ? `${range.dateFrom}T00:00:00Z` : range.dateFrom)
    : undefined;
  let before: Date | undefined;
  if (range.dateTo) {
    const to = new Date(isDate(range.dateTo) ? `${range.dateTo}T00:00:00Z` : range.dateTo);
    before = new Date(to.getTime() + (isDate(range.dateTo) ? 86_400_000 : 1));
  }
  return { from: from?.toISOString(), before: before?.toISOString() };
}

/** A refinement for a query object holding `dateFrom`/`dateTo`: the range must not be backwards. */
export const rangeInOrder = (q: { dateFrom?: string; dateTo?: string }) => {
  const { from, before } = dateBounds(q);
  return !from || !before || from < before;
};

export const rangeInOrderMessage = { message: 'must not be after dateTo', path: ['dateFrom'] };
