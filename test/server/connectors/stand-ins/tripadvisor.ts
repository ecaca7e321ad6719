import { startHttpStandIn } from './http-stand-in';

/** A location as the Content API's `GET /location/{id}/details` documents it (the fields Plaudit reads, plus a few). */
export type TripadvisorLocationRecord = {
  location_id: string;
  name: string;
  web_url: string;
  rating: string;
  num_reviews: string;
  address_obj: {
    street1: string;
    city: string;
    country: string;
    postalcode: string;
    address_string: string;
  };
};

/** A review as the Content API's `GET /location/{id}/reviews` documents it. */
export type TripadvisorReviewRecord = {
  id: number;
  lang: string;
  location_id: number;
  published_date: string;
  rating: number;
  helpful_votes: number;
  rating_image_url: string;
  url: string;
  text: string;
  title: string;
  trip_type: string;
  travel_date: string;
  is_machine_translated: boolean;
  user: {
    username: string;
    user_location?: { id: string; name: string };
    avatar: { thumbnail: string; small: string; medium: string; large: string; original: string };
  };
  subratings: Record<
    string,
    { name: string; localized_name: string; rating_image_url: string; value: number }
  >;
  owner_response?: {
    id: number;
    lang: string;
    text: string;
    title: string;
    author: string;
    published_date: string;
  };
};

export const TRIPADVISOR_KEY = 'TA0123456789ABCDEF0123456789ABCD';

/** A hotel avatar set in the shape the Content API sends. */
export function tripadvisorAvatar(name: string): TripadvisorReviewRecord['user']['avatar'] {
  const size = (letter: string) =>
    `https://media-cdn.tripadvisor.com/media/photo-${letter}/1a/f6/${name}.jpg`;
  return { thumbnail: size('t'), small: size('l'), medium: size('f'), large: size('p'), original: size('o') };
}

/** Builds a review of location 89575 published at `published` (ISO 8601). */
export function tripadvisorReview(
  id: number,
  rating: number,
  published: string,
  username: string,
  extra: Partial<TripadvisorReviewRecord> = {},
): TripadvisorReviewRecord {
  return {
    id,
    lang: 'en',
    location_id: 89575,
    published_date: published,
    rating,
    helpful_votes: 0,
    rating_image_url: `https://www.tripadvisor.com/img/cdsi/img2/ratings/traveler/s${rating}.0-66827-5.svg`,
    url: `https://www.tripadvisor.com/ShowUserReviews-g60745-d89575-r${id}-Reviews-Boston_Harbor_Hotel-Boston_Massachusetts.html?m=66827#review${id}`,
    text: `Review ${id} by ${username}.`,
    title: `Stay ${id}`,
    trip_type: 'Couples',
    travel_date: '2026-05-31',
    is_machine_translated: false,
    user: {
      username,
      user_location: { id: '56003', name: 'Houston, Texas' },
      avatar: tripadvisorAvatar(username),
    },
    subratings: {},
    ...extra,
  };
}

/** One location with seven English reviews and one French one: the API answers the five newest per language. */
export function tripadvisorSeed() {
  const location: TripadvisorLocationRecord = {
    location_id: '89575',
    name: 'Boston Harbor Hotel',
    web_url:
      'https://www.tripadvisor.com/Hotel_Review-g60745-d89575-Reviews-Boston_Harbor_Hotel-Boston_Massachusetts.html?m=66827',
    rating: '4.5',
    num_reviews: '1780',
    address_obj: {
      street1: '70 Rowes Wharf',
      city: 'Boston',
      country: 'United States',
      postalcode: '02110-3354',
      address_string: '70 Rowes Wharf, Boston, MA 02110-3354',
    },
  };
  const reviews = [
    tripadvisorReview(952222529, 3, '2026-05-24T21:28:40Z', 'discoqueen49', {
      title: 'Wi-Fi ridiculous !',
      text: 'There is no decent Wi-Fi coverage in the rooms...',
      owner_response: {
        id: 954613153,
        lang: 'en',
        title: 'Owner response',
        text: 'Dear Discoqueen49, thank you for taking the time...',
        author: 'Mitchell Mclachlan',
        published_date: '2026-06-11T01:42:55Z',
      },
    }),
    tripadvisorReview(951000001, 5, '2026-05-20T08:00:00Z', 'harbourfan'),
    tripadvisorReview(950000002, 4, '2026-05-02T10:15:00Z', 'weekender22'),
    tripadvisorReview(949000003, 2, '2026-04-11T19:45:00Z', 'grumpytraveler'),
    tripadvisorReview(948000004, 5, '2026-03-08T12:00:00Z', 'sunnydays'),
    tripadvisorReview(947000005, 4, '2026-02-01T09:00:00Z', 'olderguest'),
    tripadvisorReview(946000006, 1, '2026-01-15T09:00:00Z', 'oldestguest'),
    tripadvisorReview(952300000, 5, '2026-05-25T10:00:00Z', 'voyageur', {
      lang: 'fr',
      text: 'Superbe hôtel.',
    }),
  ];
  return { location, reviews };
}

const tripadvisorError = (status: number) => ({
  error: {
    message:
      status === 401
        ? 'Invalid or missing API key'
        : status === 404
          ? 'Location not found'
          : status === 429
            ? 'Rate limit exceeded'
            : 'Internal server error',
    type:
      status === 401 ? 'UnauthorizedException' : status === 429 ? 'TooManyRequestsException' : 'ApiException',
    code: status,
  },
});

/**
 * A loopback stand-in for Tripadvisor's Content API (`/api/v1`): location details, location search, and
 * location reviews answering the 5 newest in the requested language. A missing or wrong `key` gets a 401
 * in the documented `{error: {message, type, code}}` shape.
 */
export async function startTripadvisorStandIn(options: { apiKey?: string } = {}) {
  const apiKey = options.apiKey ?? TRIPADVISOR_KEY;
  const seed = tripadvisorSeed();
  const locations: TripadvisorLocationRecord[] = [seed.location];
  const reviews = new Map<string, TripadvisorReviewRecord[]>([[seed.location.location_id, seed.reviews]]);

  const base = await startHttpStandIn((request) => {
    if (request.query.key !== apiKey) return { status: 401, body: tripadvisorError(401) };
    if (request.method !== 'GET') return { status: 405, body: tripadvisorError(500) };
    if (request.path === '/api/v1/location/search') {
      const text = (request.query.searchQuery ?? '').toLowerCase();
      const data = locations
        .filter((l) => l.name.toLowerCase().includes(text))
        .map(({ location_id, name, address_obj }) => ({ location_id, name, address_obj }));
      return { status: 200, body: { data } };
    }
    const match = /^\/api\/v1\/location\/(\d+)\/(details|reviews)$/.exec(request.path);
    const location = match ? locations.find((l) => l.location_id === match[1]) : undefined;
    if (!match || !location) return { status: 404, body: tripadvisorError(404) };
    if (match[2] === 'details') return { status: 200, body: location };
    const language = request.query.language ?? 'en';
    const data = (reviews.get(location.location_id) ?? [])
      .filter((r) => r.lang === language)
      .sort((a, b) => b.published_date.localeCompare(a.published_date))
      .slice(0, 5);
    return { status: 200, body: { data } };
  }, tripadvisorError);

  return {
    ...base,
    apiKey,
    locations,
    reviews,
    /** A new review appears on Tripadvisor. */
    addReview(locationId: string, review: TripadvisorReviewRecord) {
      reviews.set(locationId, [review, ...(reviews.get(locationId) ?? [])]);
    },
  };
}

export type TripadvisorStandIn = Awaited<ReturnType<typeof startTripadvisorStandIn>>;
