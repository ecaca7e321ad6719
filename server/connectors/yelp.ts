/**
 * Yelp Places API (formerly Fusion, https://api.yelp.com/v3), read with the owner's API key. Sources:
 * - endpoints `GET /v3/businesses/{id_or_alias}`, `/v3/businesses/search?term&location`,
 *   `/v3/businesses/{id_or_alias}/reviews?sort_by=newest`, `Authorization: Bearer <API key>`:
 *   https://docs.developer.yelp.com/docs/places-intro, https://docs.developer.yelp.com/docs/places-authentication;
 * - the reviews payload `{reviews: [{id, url, text, rating, time_created, user: {id, profile_url, image_url,
 *   name}}], total, possible_languages}` and "time_created: review creation time in PST":
 *   github.com/api-evangelist/yelp json-schema/yelp-review-schema.json and Yelp client models on GitHub;
 * - error bodies `{error: {code, description}}` (401 TOKEN_INVALID, 429 TOO_MANY_REQUESTS_PER_SECOND /
 *   ACCESS_LIMIT_REACHED): https://docs.developer.yelp.com/docs/places-rate-limiting and yelp-fusion gem tests;
 * - "Respond to Reviews" page of Yelp for Business, `https://biz.yelp.com/r2r/{business id}`: links used by
 *   businesses on GitHub (Yelp's own reply API is for contracted partners only).
 * The API key grants no reply API, so this connector has no `postReply`.
 */
import type {
  ConnectorCall,
  ConnectorFactory,
  PlatformLocation,
  PlatformReview,
  ReviewPage,
} from './connector';
import { PlatformError } from './connector';
import { LOCATION_HINTS, locationSearch, namedLocationIds, uniqueByExternalId } from './location-hints';
import { newestFirst } from './newest-first';
import { platformJson } from './platform-http';
import { wallTimeToIso } from './wall-time';

export const YELP_ORIGIN = 'https://api.yelp.com';

/**
 * Yelp documents `time_created` as "PST" without an offset; we read it as US Pacific wall-clock time
 * (America/Los_Angeles, so PDT in summer), which is how Yelp's own site dates reviews. Should Yelp mean a
 * fixed UTC-8, summer dates would be one hour late, never a different review.
 */
export const YELP_REVIEW_TIME_ZONE = 'America/Los_Angeles';

export const YELP_LIMITATION =
  "Yelp's API shows only the 3 most recent reviews of each business, as shortened excerpts: older reviews, " +
  'the full text and owner replies never arrive, and replies must be written on Yelp for Business.';

type YelpBusiness = {
  id: string;
  alias?: string;
  name: string;
  url?: string;
  location?: { display_address?: string[] };
};

type YelpReview = {
  id: string;
  url?: string;
  text?: string | null;
  rating: number;
  time_created: string;
  user?: { name?: string | null; image_url?: string | null };
};

/** A Yelp business id or alias, also taken from a pasted `yelp.com/biz/<alias>` link. */
export function yelpBusinessRef(value: string): string | null {
  const link = /yelp\.[a-z.]+\/biz\/([^/?#\s]+)/i.exec(value);
  const ref = link ? decodeURIComponent(link[1]) : value.trim();
  return /^[\p{L}\p{N}_-]+$/u.test(ref) ? ref : null;
}

function toLocation(business: YelpBusiness): PlatformLocation {
  return {
    externalId: business.id,
    name: business.name,
    address: business.location?.display_address?.join(', ') || null,
    url: business.url ?? null,
  };
}

function toReview(review: YelpReview): PlatformReview {
  const publishedAt = wallTimeToIso(review.time_created, YELP_REVIEW_TIME_ZONE);
  if (!publishedAt) throw new PlatformError('rejected', `Yelp review ${review.id}: unreadable time_created`);
  return {
    externalId: review.id,
    rating: Math.min(5, Math.max(1, Math.round(review.rating))),
    title: null,
    content: review.text ?? null,
    authorName: review.user?.name?.trim() || 'Yelp user',
    authorAvatarUrl: review.user?.image_url ?? null,
    url: review.url ?? null,
    publishedAt,
    // Yelp reports no edit time: the published time stands in, and dedupe is by review id.
    updatedAt: publishedAt,
    reply: null,
  };
}

/** The Yelp connector: an API key, the businesses the owner names, their 3 newest review excerpts. */
export const yelpConnector: ConnectorFactory = (settings) => {
  const origin = (settings.baseUrl ?? YELP_ORIGIN).replace(/\/+$/, '');

  function get<T>(call: ConnectorCall, path: string, query: Record<string, string> = {}): Promise<T> {
    const url = new URL(`${origin}/v3${path}`);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    return platformJson<T>(url, { headers: { authorization: `Bearer ${call.tokens.accessToken}` } });
  }

  return {
    platform: 'yelp',
    auth: 'api_key',
    reviewWindow: 3,
    limitation: YELP_LIMITATION,

    async listLocations(call) {
      const found: PlatformLocation[] = [];
      for (const ref of namedLocationIds(call.tokens, yelpBusinessRef)) {
        found.push(toLocation(await get<YelpBusiness>(call, `/businesses/${encodeURIComponent(ref)}`)));
      }
      const search = locationSearch(call.tokens);
      if (search) {
        if (!search.near) {
          throw new PlatformError('rejected', `Yelp searches need a place: set ${LOCATION_HINTS.near}`);
        }
        const page = await get<{ businesses?: YelpBusiness[] }>(call, '/businesses/search', {
          term: search.query,
          location: search.near,
          limit: '10',
        });
        found.push(...(page.businesses ?? []).map(toLocation));
      }
      return uniqueByExternalId(found);
    },

    async checkKey(call) {
      // One category's details: the cheapest documented call that needs a valid key and names no place.
      await get(call, '/categories/restaurants');
    },

    async fetchReviews(call, location): Promise<ReviewPage> {
      // Yelp's default order is its own relevance; the sync engine needs the newest, newest first.
      const page = await get<{ reviews?: YelpReview[]; total?: number }>(
        call,
        `/businesses/${encodeURIComponent(location.externalId)}/reviews`,
        { sort_by: 'newest' },
      );
      return {
        reviews: newestFirst((page.reviews ?? []).map(toReview)),
        nextPageToken: null,
        totalReviewCount: page.total ?? null,
      };
    },

    replyUrl(location) {
      return `https://biz.yelp.com/r2r/${encodeURIComponent(location.externalId)}`;
    },
  };
};
