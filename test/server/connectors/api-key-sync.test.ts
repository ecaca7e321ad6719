// Yelp and Tripadvisor through the whole engine: connect with an API key, map a place, sync, reply locally.
import { afterEach, describe, expect, it } from 'vitest';
import { TRIPADVISOR_MANAGEMENT_CENTER } from '../../../server/connectors/tripadvisor';
import { insertConnection } from '../../../server/store/connections';
import { type ConnectorEnv, connectorEnv } from './connector-env';
import { startTripadvisorStandIn, TRIPADVISOR_KEY, tripadvisorReview } from './stand-ins/tripadvisor';
import { startYelpStandIn, YELP_KEY, yelpSeed } from './stand-ins/yelp';

const HALF_HOUR = 30 * 60_000;
let env: ConnectorEnv;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await env.worker.stop();
  for (const close of cleanups.splice(0)) await close();
});

/** The owner connects the platform with a key, names a place and maps it to a new business; the first sync runs. */
async function connectAndBackfill(platform: 'yelp' | 'tripadvisor', apiKey: string, externalId: string) {
  const connected = await env.call('POST', `/api/v1/connections/${platform}`, {
    body: { apiKey, places: [externalId] },
  });
  expect(connected.status).toBe(201);
  expect(connected.json.placeSettings).toMatchObject({ places: [externalId] });
  const listed = await env.call('GET', `/api/v1/connections/${connected.json.id}/locations`);
  expect(listed.json.data.map((l: { externalId: string }) => l.externalId)).toEqual([externalId]);
  const location = await env.mapLocation(connected.json.id, externalId);
  await env.drain();
  return { connection: connected.json, businessId: location.businessId };
}

const lastRun = async (connectionId: string) =>
  (await env.call('GET', '/api/v1/connections')).json.data.find((c: { id: string }) => c.id === connectionId)
    .lastRuns[0];

/** Replies in Plaudit, then checks the reply stays local (and stays so after the next sync). */
async function replyStaysLocal(reviewId: string, businessId: string) {
  const replied = await env.call('POST', `/api/v1/reviews/${reviewId}/reply`, {
    body: { reply: 'Thank you, see you soon!' },
  });
  expect(replied.status).toBe(200);
  expect(replied.json.reply).toBe('Thank you, see you soon!');
  const stored = () => env.reviewsOf(businessId).find((r) => r.id === reviewId);
  expect(stored()).toMatchObject({ reply: 'Thank you, see you soon!', replyStatus: 'local' });
  expect(env.db.prepare("SELECT count(*) AS n FROM outbox WHERE kind = 'connector_reply'").get()).toEqual({
    n: 0,
  });
  env.clock.advance(HALF_HOUR);
  await env.drain();
  expect(stored()).toMatchObject({ reply: 'Thank you, see you soon!', replyStatus: 'local' });
}

describe('Yelp through the engine', () => {
  it('connects with a key, backfills 3 imported excerpts, re-syncs without duplicates, brings a new one, keeps replies local', async () => {
    const yelp = await startYelpStandIn();
    cleanups.push(yelp.close);
    env = connectorEnv({ platforms: { yelp: { baseUrl: yelp.url } } });
    await env.call('POST', '/api/v1/webhooks', {
      body: { url: 'https://hooks.example.com/p', events: ['*'] },
    });
    const { business } = yelpSeed();

    const { connection, businessId } = await connectAndBackfill('yelp', YELP_KEY, business.id);
    expect(connection).toMatchObject({ platform: 'yelp', canReply: false });
    expect(connection.limitation).toMatch(/only the 3 most recent reviews/);
    const backfilled = env.reviewsOf(businessId);
    expect(backfilled.map((r) => [r.externalId, r.imported])).toEqual([
      ['xAG4O7l-t1ubbwVAlPnDKg', 1],
      ['1JwlUH6pB1jQRQm8uN4BYQ', 1],
      ['8c2bE9tQyZk1dFf0nPq7Ww', 1],
    ]);
    const first = await env.call('GET', `/api/v1/reviews/${backfilled[0].id}`);
    expect(first.json).toMatchObject({
      source: 'yelp',
      rating: 5,
      authorName: 'Ella A.',
      publishedAt: '2026-07-14T16:30:00.000Z',
    });
    expect(await lastRun(connection.id)).toMatchObject({ fetched: 3, created: 3, error: null });
    expect(env.events()).toEqual([]);

    env.clock.advance(HALF_HOUR);
    await env.drain();
    expect(env.reviewsOf(businessId)).toHaveLength(3);
    expect(await lastRun(connection.id)).toMatchObject({ fetched: 3, created: 0, updated: 0 });

    const fresh = {
      ...yelpSeed().reviews[0],
      id: 'NeWrEv1eWfRoMnOvEmBeRr',
      time_created: '2026-11-20 10:00:00',
    };
    yelp.addReview(business.id, {
      ...fresh,
      rating: 4,
      text: 'New favourite spot',
      user: { ...fresh.user, name: 'Noor B.' },
    });
    env.clock.advance(HALF_HOUR);
    await env.drain();
    const after = env.reviewsOf(businessId);
    expect(after.map((r) => r.externalId)).toContain('NeWrEv1eWfRoMnOvEmBeRr');
    expect(after.find((r) => r.externalId === 'NeWrEv1eWfRoMnOvEmBeRr')).toMatchObject({
      imported: 0,
      hidden: 0,
    });
    // The review pushed out of Yelp's window of 3 is still there and shown.
    expect(after.find((r) => r.externalId === '8c2bE9tQyZk1dFf0nPq7Ww')).toMatchObject({ hidden: 0 });
    expect(env.events().map((e) => e.type)).toEqual(['review.created']);

    // Nor does the daily re-read take it for a deletion: Yelp never shows more than 3.
    env.clock.advance(24 * 3_600_000);
    await env.drain();
    expect(env.reviewsOf(businessId).find((r) => r.externalId === '8c2bE9tQyZk1dFf0nPq7Ww')).toMatchObject({
      hidden: 0,
      hiddenReason: null,
    });
    expect(await lastRun(connection.id)).toMatchObject({ hidden: 0, error: null });

    await replyStaysLocal(after[0].id, businessId);
    expect(yelp.requests.every((r) => r.method === 'GET')).toBe(true);
  });
});

describe('Tripadvisor through the engine', () => {
  it('connects with a key, backfills the 5 newest as imported, re-syncs without duplicates, brings a new one, keeps replies local', async () => {
    const ta = await startTripadvisorStandIn();
    cleanups.push(ta.close);
    env = connectorEnv({ platforms: { tripadvisor: { baseUrl: ta.url } } });
    await env.call('POST', '/api/v1/webhooks', {
      body: { url: 'https://hooks.example.com/p', events: ['*'] },
    });

    const { connection, businessId } = await connectAndBackfill('tripadvisor', TRIPADVISOR_KEY, '89575');
    expect(connection).toMatchObject({ platform: 'tripadvisor', canReply: false });
    expect(connection.limitation).toMatch(/only the 5 most recent reviews/);
    const backfilled = env.reviewsOf(businessId);
    expect(backfilled).toHaveLength(5);
    expect(backfilled.every((r) => r.imported === 1)).toBe(true);
    // The owner's response already on Tripadvisor comes along as the review's reply.
    expect(backfilled[0]).toMatchObject({
      externalId: '952222529',
      reply: 'Dear Discoqueen49, thank you for taking the time...',
    });
    expect(await lastRun(connection.id)).toMatchObject({ fetched: 5, created: 5, error: null });

    env.clock.advance(HALF_HOUR);
    await env.drain();
    expect(env.reviewsOf(businessId)).toHaveLength(5);
    expect(await lastRun(connection.id)).toMatchObject({ fetched: 5, created: 0, updated: 0 });
    expect(env.events()).toEqual([]);

    ta.addReview('89575', tripadvisorReview(953500000, 2, '2026-11-21T18:00:00Z', 'rainyguest'));
    env.clock.advance(HALF_HOUR);
    await env.drain();
    const after = env.reviewsOf(businessId);
    expect(after).toHaveLength(6);
    expect(after[0]).toMatchObject({ externalId: '953500000', rating: 2, imported: 0, hidden: 0 });
    expect(env.events().map((e) => e.type)).toEqual(['review.created']);

    // At the daily re-read, a review deleted among the 5 shown is hidden with a reason; one pushed out of the 5
    // by newer reviews (948000004, once 953600000 arrives too) is not.
    const reviews = ta.reviews.get('89575') ?? [];
    reviews.splice(
      reviews.findIndex((r) => r.id === 951000001),
      1,
    );
    ta.addReview('89575', tripadvisorReview(953600000, 5, '2026-11-22T09:00:00Z', 'sunnyagain'));
    env.clock.advance(24 * 3_600_000);
    await env.drain();
    const reread = env.reviewsOf(businessId);
    expect(reread.find((r) => r.externalId === '951000001')).toMatchObject({
      hidden: 1,
      hiddenReason: 'no longer on tripadvisor',
    });
    expect(reread.filter((r) => r.hidden === 1).map((r) => r.externalId)).toEqual(['951000001']);
    expect(reread.find((r) => r.externalId === '948000004')).toMatchObject({ hidden: 0, hiddenReason: null });

    await replyStaysLocal(after[0].id, businessId);
  });
});

describe('where to answer by hand', () => {
  it('a review list and a single read give the same replyUrl: the connector’s link for the place', async () => {
    const yelp = await startYelpStandIn();
    const ta = await startTripadvisorStandIn();
    cleanups.push(yelp.close, ta.close);
    env = connectorEnv({
      platforms: { yelp: { baseUrl: yelp.url }, tripadvisor: { baseUrl: ta.url } },
    });
    const cases = [
      ['yelp', YELP_KEY, yelpSeed().business.id, `https://biz.yelp.com/r2r/${yelpSeed().business.id}`],
      ['tripadvisor', TRIPADVISOR_KEY, ta.locations[0].location_id, TRIPADVISOR_MANAGEMENT_CENTER],
    ] as const;
    for (const [platform, key, place, expected] of cases) {
      const { businessId } = await connectAndBackfill(platform, key, place);
      const target = env.reviewsOf(businessId)[0];
      await env.call('POST', `/api/v1/reviews/${target.id}/reply`, { body: { reply: 'Thanks!' } });
      const single = await env.call('GET', `/api/v1/reviews/${target.id}`);
      const list = await env.call('GET', `/api/v1/reviews?businessId=${businessId}`);
      const listed = list.json.data.find((r: { id: string }) => r.id === target.id);
      expect(single.json).toMatchObject({ replyStatus: 'local', replyUrl: expected });
      expect(listed).toMatchObject({ replyStatus: 'local', replyUrl: expected });
    }
  });
});

describe('naming the places a connection watches', () => {
  it('PATCH changes the named places and search, GET …/locations follows, and only where places are named', async () => {
    const yelp = await startYelpStandIn();
    cleanups.push(yelp.close);
    env = connectorEnv({ platforms: { yelp: { baseUrl: yelp.url } } });
    const business = yelpSeed().business;
    const connected = await env.call('POST', '/api/v1/connections/yelp', { body: { apiKey: YELP_KEY } });
    expect(connected.json.placeSettings).toEqual({
      places: [],
      searchQuery: null,
      searchLocation: null,
      language: null,
    });
    const locations = async () =>
      (await env.call('GET', `/api/v1/connections/${connected.json.id}/locations`)).json.data.map(
        (l: { externalId: string }) => l.externalId,
      );
    expect(await locations()).toEqual([]);

    const byAlias = await env.call('PATCH', `/api/v1/connections/${connected.json.id}`, {
      body: { places: [business.alias] },
    });
    expect(byAlias.status).toBe(200);
    expect(byAlias.json.placeSettings.places).toEqual([business.alias]);
    expect(await locations()).toEqual([business.id]);

    const search = await env.call('PATCH', `/api/v1/connections/${connected.json.id}`, {
      body: { places: [], searchQuery: business.name, searchLocation: 'San Francisco, CA' },
    });
    expect(search.json.placeSettings).toMatchObject({ places: [], searchQuery: business.name });
    expect(await locations()).toEqual([business.id]);
    const cleared = await env.call('PATCH', `/api/v1/connections/${connected.json.id}`, {
      body: { searchQuery: null },
    });
    expect(cleared.json.placeSettings).toMatchObject({
      searchQuery: null,
      searchLocation: 'San Francisco, CA',
    });
    expect(await locations()).toEqual([]);

    const bad = await env.call('PATCH', `/api/v1/connections/${connected.json.id}`, {
      body: { language: 'english' },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.details)).toEqual(['language']);

    const google = insertConnection(env.db, env.clock, {
      id: 'conn_googleConnection01',
      organizationId: env.org.id,
      platform: 'google',
      label: 'Google Business Profile',
      syncIntervalMinutes: 30,
      tokens: Buffer.from('sealed'),
      tokenExpiresAt: null,
    });
    const listsItself = await env.call('PATCH', `/api/v1/connections/${google.id}`, {
      body: { places: ['somewhere'] },
    });
    expect(listsItself.status).toBe(400);
    expect(listsItself.json.error).toMatch(/lists the locations the grant can see/);

    expect((await env.call('DELETE', `/api/v1/connections/${connected.json.id}`)).status).toBe(200);
    const gone = await env.call('PATCH', `/api/v1/connections/${connected.json.id}`, {
      body: { places: [business.id] },
    });
    expect(gone.status).toBe(409);
    expect((await env.call('GET', `/api/v1/connections/${connected.json.id}`)).json.placeSettings).toBeNull();
  });
});
