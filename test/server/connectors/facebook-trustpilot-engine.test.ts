// Facebook and Trustpilot through the whole engine: consent via the API and the callback, mapping, outbox
// syncs and a reply posted through the API, against the loopback stand-ins.
import { afterEach, describe, expect, it } from 'vitest';
import { openTokens } from '../../../server/connectors/connection-tokens';
import { type ConnectorEnv, connectorEnv } from './connector-env';
import { type FacebookStandIn, fbRecommendation, startFacebookStandIn } from './stand-ins/facebook';
import { startTrustpilotStandIn, type TrustpilotStandIn, tpReview } from './stand-ins/trustpilot';

const HALF_HOUR = 30 * 60_000;

let env: ConnectorEnv | undefined;
let standIn: FacebookStandIn | TrustpilotStandIn | undefined;
afterEach(async () => {
  await env?.worker.stop();
  await standIn?.close();
  env = undefined;
  standIn = undefined;
});

const lastRuns = async (e: ConnectorEnv, connectionId: string) =>
  (await e.call('GET', '/api/v1/connections')).json.data.find((c: { id: string }) => c.id === connectionId)
    .lastRuns;

/** Half an hour later the scheduled sync runs again and finds nothing new. */
async function expectResyncFindsNothingNew(e: ConnectorEnv, connectionId: string, businessId: string) {
  e.clock.advance(HALF_HOUR);
  await e.drain();
  expect(e.reviewsOf(businessId)).toHaveLength(3);
  expect((await lastRuns(e, connectionId))[0]).toMatchObject({ created: 0, updated: 0, error: null });
}

/** Replies to the business's `index`-th review through the API: pending at once, posted once the outbox runs. */
async function replyThroughApi(e: ConnectorEnv, businessId: string, index: number, reply: string) {
  const target = e.reviewsOf(businessId)[index];
  const replied = await e.call('POST', `/api/v1/reviews/${target.id}/reply`, { body: { reply } });
  expect(replied.status).toBe(200);
  expect(e.reviewsOf(businessId)[index].replyStatus).toBe('pending');
  await e.drain();
  expect(e.reviewsOf(businessId)[index].replyStatus).toBe('posted');
  return target;
}

describe('Facebook through the engine', () => {
  it('connects, maps a Page, syncs its reviews once, and posts a reply written in Plaudit', async () => {
    const fb = await startFacebookStandIn({ pageSize: 2 });
    standIn = fb;
    const e = connectorEnv({
      platforms: { facebook: { baseUrl: fb.url, clientId: fb.appId, clientSecret: fb.appSecret } },
    });
    env = e;
    fb.setRatings('1001', [
      fbRecommendation({ created_time: '2026-06-03T09:00:00+0000', review_text: 'Lovely bread' }),
      fbRecommendation({ created_time: '2026-06-02T09:00:00+0000', recommendation_type: 'negative' }),
      fbRecommendation({ created_time: '2026-06-01T09:00:00+0000', rating: 4 }),
    ]);

    const authorize = await e.call('POST', '/api/v1/connections/facebook/authorize');
    expect(new URL(authorize.json.url).pathname).toBe('/v23.0/dialog/oauth');
    const connection = await e.connectOAuth('facebook', fb.approve);
    expect(connection).toMatchObject({ platform: 'facebook', status: 'active' });
    expect(fb.requestsTo('/v23.0/oauth/access_token').map((r) => r.query.grant_type ?? 'code')).toEqual([
      'code',
      'fb_exchange_token',
    ]);

    const mapped = await e.mapLocation(connection.id, '1001');
    await e.drain();
    const stored = e.reviewsOf(mapped.businessId);
    expect(stored.map((r) => [r.rating, r.content, r.imported])).toEqual([
      [5, 'Lovely bread', 1],
      // A recommendation without text is stored with empty content.
      [1, '', 1],
      [4, '', 1],
    ]);
    expect(fb.requestsTo('/v23.0/1001/ratings')).toHaveLength(2);

    await expectResyncFindsNothingNew(e, connection.id, mapped.businessId);
    const target = await replyThroughApi(e, mapped.businessId, 0, 'Thank you!');
    expect(target.id).toBe(stored[0].id);
    expect(fb.commentsOn(target.externalId)).toMatchObject([{ message: 'Thank you!', from: { id: '1001' } }]);
  });

  it('a revoked Facebook grant (Graph code 190) marks the connection broken: there is no refresh to try', async () => {
    const fb = await startFacebookStandIn();
    standIn = fb;
    const e = connectorEnv({
      platforms: { facebook: { baseUrl: fb.url, clientId: fb.appId, clientSecret: fb.appSecret } },
    });
    env = e;
    const connection = await e.connectOAuth('facebook', fb.approve);
    await e.mapLocation(connection.id, '1001');
    await e.drain();
    fb.revokeTokens();
    e.clock.advance(HALF_HOUR);
    await e.drain();
    const after = (await e.call('GET', '/api/v1/connections')).json.data[0];
    expect(after).toMatchObject({ status: 'broken', lastError: expect.stringContaining('190') });
  });
});

describe('Trustpilot through the engine', () => {
  it('connects, maps a business unit, syncs its reviews once, and posts a reply written in Plaudit', async () => {
    const tp = await startTrustpilotStandIn({ pageSize: 2 });
    standIn = tp;
    const e = connectorEnv({
      platforms: { trustpilot: { baseUrl: tp.url, clientId: tp.apiKey, clientSecret: tp.apiSecret } },
    });
    env = e;
    const unitId = tp.businessUnits[0].id;
    tp.setReviews(unitId, [
      tpReview({ createdAt: '2026-06-03T09:00:00Z', stars: 5, text: 'Fast delivery' }),
      tpReview({ createdAt: '2026-06-02T09:00:00Z', stars: 2, text: 'Box was damaged' }),
      tpReview({ createdAt: '2026-06-01T09:00:00Z', stars: 4, text: 'Good' }),
    ]);

    const connection = await e.connectOAuth('trustpilot', tp.approve);
    expect(connection).toMatchObject({ platform: 'trustpilot', status: 'active' });
    const exchange = tp.requestsTo('/v1/oauth/oauth-business-users-for-applications/accesstoken')[0];
    expect(exchange.form.grant_type).toBe('authorization_code');

    // Trustpilot cannot list a user's business units: the owner names the domain, then maps what it finds.
    const unnamed = await e.call('GET', `/api/v1/connections/${connection.id}/locations`);
    expect(unnamed.status).toBe(409);
    expect(unnamed.json.error).toMatch(/name the domain/);
    const named = await e.call('PATCH', `/api/v1/connections/${connection.id}`, {
      body: { places: ['acme.example'] },
    });
    expect(named.status).toBe(200);
    expect(named.json.placeSettings).toMatchObject({ places: ['acme.example'] });
    const found = await e.call('GET', `/api/v1/connections/${connection.id}/locations`);
    expect(found.json.data.map((l: { externalId: string }) => l.externalId)).toEqual([unitId]);

    const mapped = await e.mapLocation(connection.id, unitId);
    await e.drain();
    const stored = e.reviewsOf(mapped.businessId);
    expect(stored.map((r) => [r.rating, r.content, r.imported])).toEqual([
      [5, 'Fast delivery', 1],
      [2, 'Box was damaged', 1],
      [4, 'Good', 1],
    ]);
    expect(tp.requestsTo(`/v1/private/business-units/${unitId}/reviews`)).toHaveLength(2);

    await expectResyncFindsNothingNew(e, connection.id, mapped.businessId);
    const target = await replyThroughApi(e, mapped.businessId, 1, 'Sorry, a new one is on its way.');
    expect(target.id).toBe(stored[1].id);
    expect(tp.requestsTo(`/v1/private/reviews/${target.externalId}/reply`, 'POST')[0].json).toEqual({
      message: 'Sorry, a new one is on its way.',
    });
    expect(tp.review(target.externalId)?.companyReply?.text).toBe('Sorry, a new one is on its way.');
  });

  it('an expired Trustpilot access token (401) is refreshed once and the sync goes on', async () => {
    const tp = await startTrustpilotStandIn();
    standIn = tp;
    const e = connectorEnv({
      platforms: { trustpilot: { baseUrl: tp.url, clientId: tp.apiKey, clientSecret: tp.apiSecret } },
    });
    env = e;
    const unitId = tp.businessUnits[0].id;
    const connection = await e.connectOAuth('trustpilot', tp.approve);
    await e.call('PATCH', `/api/v1/connections/${connection.id}`, { body: { places: ['acme.example'] } });
    const mapped = await e.mapLocation(connection.id, unitId);
    await e.drain();

    tp.setReviews(unitId, [tpReview({ createdAt: '2026-06-05T09:00:00Z' })]);
    tp.expireAccessTokens();
    e.clock.advance(HALF_HOUR);
    await e.drain();
    expect(tp.requestsTo('/v1/oauth/oauth-business-users-for-applications/refresh')).toHaveLength(1);
    expect(e.reviewsOf(mapped.businessId)).toHaveLength(1);
    const after = (await e.call('GET', '/api/v1/connections')).json.data[0];
    expect(after).toMatchObject({ status: 'active', lastError: null });
    expect(openTokens(e, connection.id)?.extra).toEqual({ domains: 'acme.example' });
  });
});

describe('Facebook Page tokens', () => {
  it('a Page found after the consent keeps the Page token the listing brought: syncs do not ask again', async () => {
    const fb = await startFacebookStandIn();
    standIn = fb;
    const e = connectorEnv({
      platforms: { facebook: { baseUrl: fb.url, clientId: fb.appId, clientSecret: fb.appSecret } },
    });
    env = e;
    const connection = await e.connectOAuth('facebook', fb.approve);
    expect(Object.keys(openTokens(e, connection.id)?.extra ?? {})).toContain('page:1001');

    fb.pages.push({ id: '2002', name: 'Acme Bakery Uptown', overall_star_rating: 5, rating_count: 1 });
    fb.setRatings('2002', [fbRecommendation({ review_text: 'Great croissants' })]);
    const mapped = await e.mapLocation(connection.id, '2002');
    expect(openTokens(e, connection.id)?.extra?.['page:2002']).toBe(fb.pageToken('2002'));

    await e.drain();
    expect(e.reviewsOf(mapped.businessId).map((r) => r.content)).toEqual(['Great croissants']);
    // The sync used the kept Page token: it never read the Page's token again with the user token.
    expect(fb.requestsTo('/v23.0/2002').filter((r) => r.query.fields === 'access_token')).toHaveLength(0);
  });
});
