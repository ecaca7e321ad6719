import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlatformError, type TokenSet } from '../../../server/connectors/connector';
import { CONNECTORS } from '../../../server/connectors/registry';
import { YELP_ORIGIN, yelpBusinessRef, yelpConnector } from '../../../server/connectors/yelp';
import { startYelpStandIn, YELP_KEY, type YelpStandIn, yelpSeed } from './stand-ins/yelp';

const seed = yelpSeed();
const location = { externalId: seed.business.id, name: seed.business.name };
let yelp: YelpStandIn;

const connector = () => yelpConnector({ clientId: null, clientSecret: null, baseUrl: yelp.url });
const call = (extra?: Record<string, string>, accessToken = YELP_KEY) => ({
  tokens: { accessToken, extra } satisfies TokenSet,
});

async function failure(promise: Promise<unknown>): Promise<PlatformError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PlatformError);
  return error as PlatformError;
}

beforeEach(async () => {
  yelp = await startYelpStandIn();
});
afterEach(() => yelp.close());

describe('Yelp connector', () => {
  it('is registered as an API-key platform with the 3-excerpt limitation and no reply API', () => {
    const yelpConnectorInstance = CONNECTORS.yelp?.({ clientId: null, clientSecret: null, baseUrl: null });
    expect(yelpConnectorInstance?.platform).toBe('yelp');
    expect(yelpConnectorInstance?.auth).toBe('api_key');
    expect(yelpConnectorInstance?.oauth).toBeUndefined();
    expect(yelpConnectorInstance?.postReply).toBeUndefined();
    expect(yelpConnectorInstance?.deleteReply).toBeUndefined();
    expect(yelpConnectorInstance?.limitation).toMatch(/only the 3 most recent reviews/);
    expect(yelpConnectorInstance?.limitation).toMatch(/excerpts/);
    expect(YELP_ORIGIN).toBe('https://api.yelp.com');
  });

  it('links the owner to the Respond to Reviews page of Yelp for Business', () => {
    const url = new URL(connector().replyUrl?.(location) ?? '');
    expect(url.origin).toBe('https://biz.yelp.com');
    expect(url.pathname).toBe(`/r2r/${seed.business.id}`);
  });

  it('lists the businesses the owner names by id, alias or yelp.com link, once each', async () => {
    const named = `${seed.business.id}, ${seed.business.alias}\nhttps://www.yelp.com/biz/${seed.business.alias}?osq=Bakery`;
    const locations = await connector().listLocations(call({ locationIds: named }));
    expect(locations).toEqual([
      {
        externalId: seed.business.id,
        name: 'Harbor Bakery',
        address: '800 N Point St, San Francisco, CA 94109',
        url: seed.business.url,
      },
    ]);
    expect(yelp.requests.map((r) => r.path)).toEqual([
      `/v3/businesses/${seed.business.id}`,
      `/v3/businesses/${seed.business.alias}`,
    ]);
    expect(yelp.requests.every((r) => r.headers.authorization === `Bearer ${YELP_KEY}`)).toBe(true);
  });

  it('lists the results of a name search near a place', async () => {
    const locations = await connector().listLocations(
      call({ searchQuery: 'harbor bakery', searchLocation: 'San Francisco, CA' }),
    );
    expect(locations.map((l) => l.externalId)).toEqual([seed.business.id]);
    expect(yelp.requests[0]).toMatchObject({
      path: '/v3/businesses/search',
      query: { term: 'harbor bakery', location: 'San Francisco, CA', limit: '10' },
    });
  });

  it('asks for a place before searching, and lists nothing when the owner named nothing', async () => {
    expect((await failure(connector().listLocations(call({ searchQuery: 'bakery' })))).kind).toBe('rejected');
    expect(await connector().listLocations(call())).toEqual([]);
    expect(yelp.requests).toEqual([]);
  });

  it('refuses a link or id it cannot read instead of calling Yelp with it', () => {
    expect(yelpBusinessRef('https://www.yelp.com/biz/caf%C3%A9-luna-paris')).toBe('café-luna-paris');
    expect(yelpBusinessRef('../../v3/autocomplete')).toBeNull();
  });

  it('maps the 3 review excerpts Yelp shows: rating, text, author, avatar, link, Pacific time in UTC', async () => {
    const page = await connector().fetchReviews(call(), location);
    expect(yelp.requests[0]).toMatchObject({
      path: `/v3/businesses/${seed.business.id}/reviews`,
      query: { sort_by: 'newest' },
    });
    expect(page.nextPageToken).toBeNull();
    expect(page.totalReviewCount).toBe(128);
    expect(page.reviews).toHaveLength(3);
    const [summer, winter] = page.reviews;
    expect(summer).toEqual({
      externalId: 'xAG4O7l-t1ubbwVAlPnDKg',
      rating: 5,
      title: null,
      content: 'Best sourdough on the wharf...',
      authorName: 'Ella A.',
      authorAvatarUrl: 'https://s3-media1.fl.yelpcdn.com/photo/xAG4O7l-t1ubbwVAlPnDKg/o.jpg',
      url: seed.reviews[0].url,
      // 09:30 in July is PDT (UTC-7).
      publishedAt: '2026-07-14T16:30:00.000Z',
      updatedAt: '2026-07-14T16:30:00.000Z',
      reply: null,
    });
    // 18:05:10 in January is PST (UTC-8).
    expect(winter.publishedAt).toBe('2026-01-21T02:05:10.000Z');
    // 01:30 on the night clocks fall back is read as the first (PDT) 01:30.
    expect(page.reviews[2].publishedAt).toBe('2025-11-02T08:30:00.000Z');
    expect(page.reviews.map((r) => r.externalId)).not.toContain('0ldReV1ewNeverShownAaAa');
  });

  it('falls back to a neutral author and no avatar when Yelp sends none', async () => {
    const review = {
      ...seed.reviews[0],
      id: 'anon',
      user: { ...seed.reviews[0].user, name: ' ', image_url: null },
    };
    yelp.addReview(seed.business.id, { ...review, time_created: '2026-08-01 10:00:00' });
    const [first] = (await connector().fetchReviews(call(), location)).reviews;
    expect(first).toMatchObject({ externalId: 'anon', authorName: 'Yelp user', authorAvatarUrl: null });
  });

  it("turns a wrong key into unauthorized, with Yelp's TOKEN_INVALID body", async () => {
    const error = await failure(connector().fetchReviews(call(undefined, 'not-the-key'), location));
    expect(error.kind).toBe('unauthorized');
    expect(error.status).toBe(401);
    expect(error.message).toContain('TOKEN_INVALID');
  });

  it('turns 429 into rate_limited with the Retry-After delay', async () => {
    yelp.fail({ status: 429, retryAfter: '7' });
    const error = await failure(connector().fetchReviews(call(), location));
    expect(error).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterMs: 7000 });
    expect(error.message).toContain('TOO_MANY_REQUESTS_PER_SECOND');
    expect((await connector().fetchReviews(call(), location)).reviews).toHaveLength(3);
  });

  it('turns 500 into unavailable and an unknown business into not_found', async () => {
    yelp.fail({ status: 500 });
    expect((await failure(connector().fetchReviews(call(), location))).kind).toBe('unavailable');
    const gone = await failure(connector().fetchReviews(call(), { externalId: 'no-such-biz', name: 'x' }));
    expect(gone).toMatchObject({ kind: 'not_found', status: 404 });
  });
});
