import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlatformError, type TokenSet } from '../../../server/connectors/connector';
import { CONNECTORS } from '../../../server/connectors/registry';
import {
  TRIPADVISOR_ORIGIN,
  tripadvisorConnector,
  tripadvisorLocationId,
} from '../../../server/connectors/tripadvisor';
import {
  startTripadvisorStandIn,
  TRIPADVISOR_KEY,
  type TripadvisorStandIn,
  tripadvisorReview,
  tripadvisorSeed,
} from './stand-ins/tripadvisor';

const seed = tripadvisorSeed();
const location = { externalId: '89575', name: 'Boston Harbor Hotel' };
let ta: TripadvisorStandIn;

const connector = () => tripadvisorConnector({ clientId: null, clientSecret: null, baseUrl: ta.url });
const call = (extra?: Record<string, string>, accessToken = TRIPADVISOR_KEY) => ({
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
  ta = await startTripadvisorStandIn();
});
afterEach(() => ta.close());

describe('Tripadvisor connector', () => {
  it('is registered as an API-key platform with the 5-review limitation and no reply API', () => {
    const instance = CONNECTORS.tripadvisor?.({ clientId: null, clientSecret: null, baseUrl: null });
    expect(instance?.platform).toBe('tripadvisor');
    expect(instance?.auth).toBe('api_key');
    expect(instance?.oauth).toBeUndefined();
    expect(instance?.postReply).toBeUndefined();
    expect(instance?.deleteReply).toBeUndefined();
    expect(instance?.limitation).toMatch(/only the 5 most recent reviews/);
    expect(TRIPADVISOR_ORIGIN).toBe('https://api.content.tripadvisor.com');
  });

  it('links the owner to the Management Center to answer', () => {
    const url = new URL(connector().replyUrl?.(location) ?? '');
    expect(url.href).toBe('https://www.tripadvisor.com/ManagementCenter');
  });

  it('lists the locations the owner names by id or tripadvisor.com link, once each, with the key as `key`', async () => {
    const named = `89575 https://www.tripadvisor.com/Hotel_Review-g60745-d89575-Reviews-Boston_Harbor_Hotel.html`;
    const locations = await connector().listLocations(call({ locationIds: named }));
    expect(locations).toEqual([
      {
        externalId: '89575',
        name: 'Boston Harbor Hotel',
        address: '70 Rowes Wharf, Boston, MA 02110-3354',
        url: seed.location.web_url,
      },
    ]);
    expect(ta.requests).toHaveLength(1);
    expect(ta.requests[0]).toMatchObject({
      path: '/api/v1/location/89575/details',
      query: { key: TRIPADVISOR_KEY, language: 'en' },
    });
  });

  it('lists the results of a name search, with the address when given', async () => {
    const locations = await connector().listLocations(
      call({ searchQuery: 'Boston Harbor', searchLocation: 'Boston, MA' }),
    );
    expect(locations).toEqual([
      {
        externalId: '89575',
        name: 'Boston Harbor Hotel',
        address: seed.location.address_obj.address_string,
        url: null,
      },
    ]);
    expect(ta.requests[0]).toMatchObject({
      path: '/api/v1/location/search',
      query: { key: TRIPADVISOR_KEY, searchQuery: 'Boston Harbor', address: 'Boston, MA' },
    });
    expect(await connector().listLocations(call())).toEqual([]);
  });

  it('reads only location ids out of what the owner pastes', () => {
    expect(tripadvisorLocationId(' 89575 ')).toBe('89575');
    expect(
      tripadvisorLocationId('https://www.tripadvisor.co.uk/Restaurant_Review-g186338-d1234-Reviews-X.html'),
    ).toBe('1234');
    expect(tripadvisorLocationId('../search')).toBeNull();
  });

  it('maps the 5 newest reviews: rating, title, text, author, avatar, link, date, owner response', async () => {
    const page = await connector().fetchReviews(call(), location);
    expect(ta.requests[0]).toMatchObject({
      path: '/api/v1/location/89575/reviews',
      query: { key: TRIPADVISOR_KEY, language: 'en' },
    });
    expect(page.nextPageToken).toBeNull();
    expect(page.reviews.map((r) => r.externalId)).toEqual([
      '952222529',
      '951000001',
      '950000002',
      '949000003',
      '948000004',
    ]);
    expect(page.reviews[0]).toEqual({
      externalId: '952222529',
      rating: 3,
      title: 'Wi-Fi ridiculous !',
      content: 'There is no decent Wi-Fi coverage in the rooms...',
      authorName: 'discoqueen49',
      authorAvatarUrl: 'https://media-cdn.tripadvisor.com/media/photo-l/1a/f6/discoqueen49.jpg',
      url: seed.reviews[0].url,
      publishedAt: '2026-05-24T21:28:40.000Z',
      updatedAt: '2026-05-24T21:28:40.000Z',
      reply: {
        text: 'Dear Discoqueen49, thank you for taking the time...',
        updatedAt: '2026-06-11T01:42:55.000Z',
      },
    });
    expect(page.reviews[1].reply).toBeNull();
  });

  it('asks for the language the owner chose', async () => {
    const page = await connector().fetchReviews(call({ language: 'fr' }), location);
    expect(ta.requests[0].query.language).toBe('fr');
    expect(page.reviews.map((r) => r.content)).toEqual(['Superbe hôtel.']);
  });

  it('reads offsets written without a colon and falls back when the traveler has no name or avatar', async () => {
    const odd = tripadvisorReview(953000000, 4, '2026-06-01T08:56:07-0500', ' ');
    ta.addReview('89575', { ...odd, user: { ...odd.user, avatar: {} as never } });
    const [first] = (await connector().fetchReviews(call(), location)).reviews;
    expect(first).toMatchObject({
      externalId: '953000000',
      publishedAt: '2026-06-01T13:56:07.000Z',
      authorName: 'Tripadvisor traveler',
      authorAvatarUrl: null,
    });
  });

  it('turns a wrong key into unauthorized, with the documented error body', async () => {
    const error = await failure(connector().fetchReviews(call(undefined, 'WRONG'), location));
    expect(error).toMatchObject({ kind: 'unauthorized', status: 401 });
    expect(error.message).toContain('UnauthorizedException');
    expect(error.message).not.toContain('WRONG');
  });

  it('turns 429 into rate_limited with the Retry-After delay, then works again', async () => {
    ta.fail({ status: 429, retryAfter: '30' });
    const error = await failure(connector().fetchReviews(call(), location));
    expect(error).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterMs: 30_000 });
    expect((await connector().fetchReviews(call(), location)).reviews).toHaveLength(5);
  });

  it('turns 500 into unavailable and an unknown location into not_found', async () => {
    ta.fail({ status: 500 });
    expect((await failure(connector().fetchReviews(call(), location))).kind).toBe('unavailable');
    const gone = await failure(connector().fetchReviews(call(), { externalId: '1', name: 'x' }));
    expect(gone).toMatchObject({ kind: 'not_found', status: 404 });
  });
});
