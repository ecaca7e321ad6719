import type { Context } from 'hono';

/** The product's page size: 10 items per page. */
export const PER_PAGE = 10;

/** The `limit`/`offset` of a page. */
export const windowOf = (page: number) => ({ limit: PER_PAGE, offset: (page - 1) * PER_PAGE });

/**
 * The product's list envelope: `data`, `links` (first/last/prev/next, absolute, keeping the other query
 * parameters) and `meta` (current_page, from, last_page, per_page, to, total).
 */
export function paginatedEnvelope<T>(c: Context, publicUrl: string, items: T[], total: number, page: number) {
  const lastPage = Math.max(1, Math.ceil(total / PER_PAGE));
  const url = new URL(c.req.url);
  const link = (n: number) => {
    const query = new URLSearchParams(url.search);
    query.set('page', String(n));
    return `${publicUrl}${url.pathname}?${query}`;
  };
  const from = items.length ? (page - 1) * PER_PAGE + 1 : null;
  return {
    data: items,
    links: {
      first: link(1),
      last: link(lastPage),
      prev: page > 1 ? link(Math.min(page - 1, lastPage)) : null,
      next: page < lastPage ? link(page + 1) : null,
    },
    meta: {
      current_page: page,
      from,
      last_page: lastPage,
      per_page: PER_PAGE,
      to: from === null ? null : from + items.length - 1,
      total,
    },
  };
}
