import type { InboxFilter } from '../../api';

/** The inbox filter fields, as the URL and `GET /inbox` name them. */
export const FILTER_KEYS = [
  'businessId',
  'type',
  'source',
  'rating',
  'sentiment',
  'responded',
  'showOnWidget',
  'dateFrom',
  'dateTo',
  'q',
  'unread',
] as const;

/** The filter the URL's query holds (unknown keys and empty values dropped). */
export function filterFromQuery(query: Record<string, string | undefined>): InboxFilter {
  const filter: InboxFilter = {};
  for (const key of FILTER_KEYS) {
    const value = query[key]?.trim();
    if (value) filter[key] = value;
  }
  return filter;
}

/** The page number in the URL (1 when absent or nonsense). */
export const pageFromQuery = (query: Record<string, string | undefined>): number =>
  Math.max(1, Number.parseInt(query.page ?? '1', 10) || 1);

/** The inbox URL for a filter and page: the filter lives in the URL, so it can be bookmarked and shared. */
export function inboxUrl(filter: InboxFilter, page = 1): string {
  const search = new URLSearchParams();
  for (const key of FILTER_KEYS) if (filter[key]) search.set(key, filter[key]);
  if (page > 1) search.set('page', String(page));
  const text = search.toString();
  return text ? `/dashboard?${text}` : '/dashboard';
}
