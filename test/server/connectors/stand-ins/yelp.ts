import { startHttpStandIn } from './http-stand-in';

/** A business as Yelp's `GET /v3/businesses/{id}` documents it (the fields Plaudit reads, plus a few). */
export type YelpBusinessRecord = {
  id: string;
  alias: string;
  name: string;
  url: string;
  rating: number;
  review_count: number;
  location: {
    address1: string;
    city: string;
    zip_code: string;
    country: string;
    state: string;
    display_address: string[];
  };
};

/** A review as Yelp's reviews endpoint documents it; `time_created` is Pacific wall-clock time. */
export type YelpReviewRecord = {
  id: string;
  url: string;
  text: string;
  rating: number;
  time_created: string;
  user: { id: string; profile_url: string; image_url: string | null; name: string };
};

export const YELP_KEY = 'yelp-test-key-0123456789';

/** One business with four reviews: the API answers only the three newest. */
export function yelpSeed() {
  const business: YelpBusinessRecord = {
    id: 'WavvLdfdP6g8aZTtbBQHTw',
    alias: 'harbor-bakery-san-francisco',
    name: 'Harbor Bakery',
    url: 'https://www.yelp.com/biz/harbor-bakery-san-francisco?adjust_creative=x&utm_source=x',
    rating: 4.5,
    review_count: 128,
    location: {
      address1: '800 N Point St',
      city: 'San Francisco',
      zip_code: '94109',
      country: 'US',
      state: 'CA',
      display_address: ['800 N Point St', 'San Francisco, CA 94109'],
    },
  };
  const review = (
    id: string,
    rating: number,
    time: string,
    name: string,
    text: string,
  ): YelpReviewRecord => ({
    id,
    url: `https://www.yelp.com/biz/harbor-bakery-san-francisco?adjust_creative=x&hrid=${id}`,
    text,
    rating,
    time_created: time,
    user: {
      id: `u-${id}`,
      profile_url: `https://www.yelp.com/user_details?userid=u-${id}`,
      image_url: `https://s3-media1.fl.yelpcdn.com/photo/${id}/o.jpg`,
      name,
    },
  });
  const reviews = [
    review('xAG4O7l-t1ubbwVAlPnDKg', 5, '2026-07-14 09:30:00', 'Ella A.', 'Best sourdough on the wharf...'),
    review('1JwlUH6pB1jQRQm8uN4BYQ', 2, '2026-01-20 18:05:10', 'Omar K.', 'Waited 20 minutes for a cold...'),
    review('8c2bE9tQyZk1dFf0nPq7Ww', 4, '2025-11-02 01:30:00', 'Mia T.', 'Lovely croissants, busy on...'),
    review('0ldReV1ewNeverShownAaAa', 3, '2025-06-01 12:00:00', 'Old R.', 'An older review the API hides.'),
  ];
  return { business, reviews };
}

const ERRORS: Record<number, { code: string; description: string }> = {
  401: { code: 'TOKEN_INVALID', description: 'Invalid access token or authorization header.' },
  404: { code: 'BUSINESS_NOT_FOUND', description: 'The requested business could not be found.' },
  429: {
    code: 'TOO_MANY_REQUESTS_PER_SECOND',
    description:
      'You have exceeded the queries-per-second limit for this endpoint. Try reducing the rate at which you make queries.',
  },
  500: {
    code: 'INTERNAL_ERROR',
    description: 'Something went wrong internally, please try your request again',
  },
};

const yelpError = (status: number) => ({ error: ERRORS[status] ?? ERRORS[500] });

/**
 * A loopback stand-in for Yelp's Places (Fusion) API: business details by id or alias, business search,
 * and the reviews endpoint answering the 3 newest reviews. A missing or wrong `Authorization: Bearer` key
 * gets Yelp's documented 401 `TOKEN_INVALID` body.
 */
export async function startYelpStandIn(options: { apiKey?: string } = {}) {
  const apiKey = options.apiKey ?? YELP_KEY;
  const seed = yelpSeed();
  const businesses: YelpBusinessRecord[] = [seed.business];
  const reviews = new Map<string, YelpReviewRecord[]>([[seed.business.id, seed.reviews]]);
  const find = (ref: string) => businesses.find((b) => b.id === ref || b.alias === ref);

  const base = await startHttpStandIn((request) => {
    if (request.headers.authorization !== `Bearer ${apiKey}`) return { status: 401, body: yelpError(401) };
    if (request.method !== 'GET') return { status: 405, body: yelpError(500) };
    if (request.path === '/v3/businesses/search') {
      const term = (request.query.term ?? '').toLowerCase();
      if (!request.query.location) {
        return {
          status: 400,
          body: {
            error: {
              code: 'VALIDATION_ERROR',
              description: 'Please specify a location or a latitude and longitude',
            },
          },
        };
      }
      const matches = businesses.filter((b) => b.name.toLowerCase().includes(term));
      return { status: 200, body: { businesses: matches, total: matches.length } };
    }
    if (request.path.startsWith('/v3/categories/')) {
      const alias = request.path.slice('/v3/categories/'.length);
      return {
        status: 200,
        body: {
          category: { alias, title: alias, parent_aliases: [], country_whitelist: [], country_blacklist: [] },
        },
      };
    }
    const match = /^\/v3\/businesses\/([^/]+)(\/reviews)?$/.exec(request.path);
    const business = match ? find(decodeURIComponent(match[1])) : undefined;
    if (!match || !business) return { status: 404, body: yelpError(404) };
    if (!match[2]) return { status: 200, body: business };
    // `sort_by=newest` answers the 3 newest; Yelp's default order ("yelp_sort") is its own relevance,
    // played here as highest rating first, so a connector that forgets to ask for newest misses new reviews.
    const newest = request.query.sort_by === 'newest';
    const all = [...(reviews.get(business.id) ?? [])].sort((a, b) =>
      newest ? b.time_created.localeCompare(a.time_created) : b.rating - a.rating,
    );
    return {
      status: 200,
      body: { reviews: all.slice(0, 3), total: business.review_count, possible_languages: ['en'] },
    };
  }, yelpError);

  return {
    ...base,
    apiKey,
    businesses,
    reviews,
    /** A new review appears on Yelp. */
    addReview(businessId: string, review: YelpReviewRecord) {
      reviews.set(businessId, [review, ...(reviews.get(businessId) ?? [])]);
    },
  };
}

export type YelpStandIn = Awaited<ReturnType<typeof startYelpStandIn>>;
