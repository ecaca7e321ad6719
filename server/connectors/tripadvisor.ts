/**
 * Tripadvisor Content API (https://api.content.tripadvisor.com/api/v1), read with the owner's API key in the
 * `key` query parameter. Sources:
 * - endpoints `GET /location/{locationId}/details`, `/location/search?searchQuery`, `/location/{locationId}/
 *   reviews?language` ("up to 5 of the most recent reviews"), base URL and `key`:
 *   https://tripadvisor-content-api.readme.io/reference/overview and its OpenAPI as mirrored at
 *   https://apis.apis.io/apis/tripadvisor/content-api/;
 * - the review payload `{data: [{id, lang, location_id, published_date, rating, helpful_votes, rating_image_url,
 *   url, trip_type, travel_date, text, title, owner_response?: {id, lang, text, title, author,
 *   published_date}, is_machine_translated, user: {username, user_location, review_count, reviewer_badge,
 *   avatar: {thumbnail, small, medium, large, original}}, subratings}], error?: {message, type, code}}`:
 *   the readme's response schema and a recorded response (published_date "2024-05-24T21:28:40Z");
 * - details `{location_id, name, web_url, address_obj: {address_string}, …}`, search `{data: [{location_id,
 *   name, address_obj}]}`: the same reference;
 * - answering reviews happens in the Management Center (https://www.tripadvisor.com/ManagementCenter,
 *   "Reviews" tab, per tripadvisor.com/TripAdvisorInsights); the Content API has no reply endpoint.
 */
import type {
  ConnectorCall,
  ConnectorFactory,
  PlatformLocation,
  PlatformReview,
  ReviewPage,
} from './connector';
import { PlatformError } from './connector';
import { hint, LOCATION_HINTS, locationSearch, namedLocationIds, uniqueByExternalId } from './location-hints';
import { newestFirst } from './newest-first';
import { platformJson } from './platform-http';

export const TRIPADVISOR_ORIGIN = 'https://api.content.tripadvisor.com';
export const TRIPADVISOR_MANAGEMENT_CENTER = 'https://www.tripadvisor.com/ManagementCenter';

export const TRIPADVISOR_LIMITATION =
  "Tripadvisor's Content API shows only the 5 most recent reviews of each location, in one language: older " +
  'reviews never arrive, and replies must be written in the Tripadvisor Management Center.';

type TripadvisorLocation = {
  location_id: string | number;
  name: string;
  web_url?: string;
  address_obj?: { address_string?: string };
};

type TripadvisorReview = {
  id: string | number;
  published_date: string;
  rating: number;
  url?: string;
  title?: string | null;
  text?: string | null;
  owner_response?: { text?: string | null; published_date?: string } | null;
  user?: { username?: string | null; avatar?: Record<string, string | null> | null } | null;
};

/** A Tripadvisor location id, also taken from a pasted listing link (`…-d89575-Reviews-…`). */
export function tripadvisorLocationId(value: string): string | null {
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return trimmed;
  return /tripadvisor\.[a-z.]+\/.*-d(\d+)-/i.exec(trimmed)?.[1] ?? null;
}

/** Tripadvisor dates are ISO 8601; older payloads write the offset without a colon (`-0500`). */
function isoDate(value: string | undefined, what: string): string {
  const normalized = (value ?? '').trim().replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const time = Date.parse(normalized);
  if (Number.isNaN(time)) throw new PlatformError('rejected', `Tripadvisor ${what}: unreadable date`);
  return new Date(time).toISOString();
}

function toLocation(location: TripadvisorLocation): PlatformLocation {
  return {
    externalId: String(location.location_id),
    name: location.name,
    address: location.address_obj?.address_string || null,
    url: location.web_url ?? null,
  };
}

function avatarOf(review: TripadvisorReview): string | null {
  const avatar = review.user?.avatar ?? {};
  return avatar.small || avatar.thumbnail || avatar.medium || avatar.large || avatar.original || null;
}

function toReview(review: TripadvisorReview): PlatformReview {
  const publishedAt = isoDate(review.published_date, `review ${review.id}`);
  const response = review.owner_response;
  return {
    externalId: String(review.id),
    rating: Math.min(5, Math.max(1, Math.round(review.rating))),
    title: review.title || null,
    content: review.text ?? null,
    authorName: review.user?.username?.trim() || 'Tripadvisor traveler',
    authorAvatarUrl: avatarOf(review),
    url: review.url ?? null,
    publishedAt,
    // The Content API reports no edit time: the published time stands in, and dedupe is by review id.
    updatedAt: publishedAt,
    reply: response?.text
      ? {
          text: response.text,
          updatedAt: isoDate(response.published_date ?? review.published_date, `reply ${review.id}`),
        }
      : null,
  };
}

/** The Tripadvisor connector: an API key, the locations the owner names, their 5 newest reviews. */
export const tripadvisorConnector: ConnectorFactory = (settings) => {
  const origin = (settings.baseUrl ?? TRIPADVISOR_ORIGIN).replace(/\/+$/, '');

  function get<T>(call: ConnectorCall, path: string, query: Record<string, string> = {}): Promise<T> {
    const url = new URL(`${origin}/api/v1${path}`);
    url.searchParams.set('key', call.tokens.accessToken);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    return platformJson<T>(url);
  }

  return {
    platform: 'tripadvisor',
    auth: 'api_key',
    reviewWindow: 5,
    limitation: TRIPADVISOR_LIMITATION,

    async listLocations(call) {
      const language = hint(call.tokens, LOCATION_HINTS.language, 'en');
      const found: PlatformLocation[] = [];
      for (const id of namedLocationIds(call.tokens, tripadvisorLocationId)) {
        const details = await get<TripadvisorLocation>(call, `/location/${id}/details`, { language });
        found.push(toLocation(details));
      }
      const search = locationSearch(call.tokens);
      if (search) {
        const query: Record<string, string> = { searchQuery: search.query, language };
        if (search.near) query.address = search.near;
        const page = await get<{ data?: TripadvisorLocation[] }>(call, '/location/search', query);
        found.push(...(page.data ?? []).map(toLocation));
      }
      return uniqueByExternalId(found);
    },

    async checkKey(call) {
      // The Content API has no ping: a one-word location search is its cheapest keyed call.
      await get(call, '/location/search', { searchQuery: 'hotel', language: 'en' });
    },

    async fetchReviews(call, location): Promise<ReviewPage> {
      const language = hint(call.tokens, LOCATION_HINTS.language, 'en');
      const page = await get<{ data?: TripadvisorReview[] }>(
        call,
        `/location/${encodeURIComponent(location.externalId)}/reviews`,
        { language },
      );
      return { reviews: newestFirst((page.data ?? []).map(toReview)), nextPageToken: null };
    },

    replyUrl() {
      return TRIPADVISOR_MANAGEMENT_CENTER;
    },
  };
};
