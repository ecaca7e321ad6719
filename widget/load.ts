import type { WidgetOptions } from './config';
import type { WidgetData, WidgetReview } from './types';
import { warn } from './warn';

const requests = new Map<string, Promise<WidgetData | null>>();

/**
 * The one request for a business, shared by every widget that shows it. `wanted` are the options of all the
 * widgets of that business known when the first one needs data: the request covers all of them.
 */
export function loadBusiness(
  base: string,
  businessId: string,
  wanted: WidgetOptions[],
): Promise<WidgetData | null> {
  let request = requests.get(businessId);
  if (!request) {
    request = fetchData(dataUrl(base, businessId, wanted), businessId);
    requests.set(businessId, request);
  }
  return request;
}

/** The data URL for a business; when its widgets filter differently, ask wide and let each widget filter. */
export function dataUrl(base: string, businessId: string, wanted: WidgetOptions[]): string {
  const url = new URL(`widget/v1/${encodeURIComponent(businessId)}.json`, base);
  const first = wanted[0];
  const key = (o: WidgetOptions) => `${o.minRating}|${o.sources ?? ''}`;
  if (first && wanted.every((o) => key(o) === key(first))) {
    url.searchParams.set('limit', String(Math.max(...wanted.map((o) => o.limit))));
    if (first.minRating > 1) url.searchParams.set('minRating', String(first.minRating));
    if (first.sources) url.searchParams.set('sources', first.sources.join(','));
  } else {
    url.searchParams.set('limit', '100');
  }
  return url.href;
}

async function fetchData(url: string, businessId: string): Promise<WidgetData | null> {
  try {
    const response = await fetch(url, { credentials: 'omit', mode: 'cors' });
    if (!response.ok) {
      warn(
        response.status === 404
          ? `no business "${businessId}" (404)`
          : `could not load reviews for "${businessId}" (HTTP ${response.status})`,
      );
      return null;
    }
    const data = parseData(await response.json());
    if (!data) warn(`unexpected response for "${businessId}"`);
    return data;
  } catch {
    warn(`could not load reviews for "${businessId}"`);
    return null;
  }
}

const isReview = (r: WidgetReview): boolean =>
  !!r &&
  typeof r.id === 'string' &&
  typeof r.rating === 'number' &&
  typeof r.content === 'string' &&
  typeof r.authorName === 'string';

/** Trusts nothing it did not check: a malformed document is null, malformed reviews are dropped. */
export function parseData(value: unknown): WidgetData | null {
  const data = value as WidgetData | null;
  if (
    !data ||
    typeof data !== 'object' ||
    typeof data.business?.name !== 'string' ||
    typeof data.summary?.totalReviews !== 'number' ||
    !Array.isArray(data.reviews)
  ) {
    return null;
  }
  return { ...data, reviews: data.reviews.filter(isReview) };
}
