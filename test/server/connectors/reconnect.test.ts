// Reconnecting a connection (a new consent or key) revives it in place, keeping its location mappings; an API
// key is tried with one platform call before it is stored.
import { afterEach, describe, expect, it } from 'vitest';
import { openTokens } from '../../../server/connectors/connection-tokens';
import { type ConnectorEnv, connectorEnv } from './connector-env';
import { googleReview, startGoogleStandIn } from './google-stand-in';
import { startTripadvisorStandIn, TRIPADVISOR_KEY } from './stand-ins/tripadvisor';
import { startTrustpilotStandIn, tpReview } from './stand-ins/trustpilot';
import { startYelpStandIn, YELP_KEY, yelpSeed } from './stand-ins/yelp';

const LOCATION = 'accounts/1/locations/10';
const HALF_HOUR = 30 * 60_000;

let env: ConnectorEnv | undefined;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await env?.worker.stop();
  env = undefined;
  for (const close of cleanups.splice(0)) await close();
});

const connectionCount = (e: ConnectorEnv) =>
  e.db.prepare('SELECT count(*) FROM connections').pluck().get() as number;

describe('reconnecting a broken OAuth connection', () => {
  it('a consent started by POST /connections/{id}/reconnect revives the same connection, mappings kept', async () => {
    const google = await startGoogleStandIn();
    cleanups.push(() => google.close());
    const e = connectorEnv({ platforms: { google: { baseUrl: google.url } } });
    env = e;
    google.reviews().push(googleReview(1));
    const connection = await e.connectOAuth('google', google.approve);
    const mapped = await e.mapLocation(connection.id, LOCATION);
    await e.drain();
    google.revoke();
    e.clock.advance(HALF_HOUR);
    await e.drain();
    expect((await e.call('GET', `/api/v1/connections/${connection.id}`)).json.status).toBe('broken');

    const start = await e.call('POST', `/api/v1/connections/${connection.id}/reconnect`);
    expect(start.status).toBe(200);
    const { code, state } = google.approve(start.json.url);
    const back = await e.call(
      'GET',
      `/api/v1/connections/callback?code=${encodeURIComponent(code)}&state=${encodeURIComponent(state)}`,
      { key: null },
    );
    expect(back.status).toBe(200);
    expect(back.json).toMatchObject({ id: connection.id, status: 'active', lastError: null });
    expect(connectionCount(e)).toBe(1);
    const locations = await e.call('GET', `/api/v1/connections/${connection.id}/locations`);
    expect(locations.json.data.find((l: { externalId: string }) => l.externalId === LOCATION)).toMatchObject({
      id: mapped.id,
      businessId: mapped.businessId,
    });

    // The revived connection syncs again into the same business, with no duplicate.
    google.reviews().push(googleReview(2));
    await e.drain();
    expect(
      e
        .reviewsOf(mapped.businessId)
        .map((r) => r.externalId)
        .sort(),
    ).toEqual([googleReview(1).reviewId, googleReview(2).reviewId].sort());
  });

  it('Trustpilot: the named domains outlive the revoked grant; the new consent brings new tokens', async () => {
    const tp = await startTrustpilotStandIn();
    cleanups.push(tp.close);
    const e = connectorEnv({
      platforms: { trustpilot: { baseUrl: tp.url, clientId: tp.apiKey, clientSecret: tp.apiSecret } },
    });
    env = e;
    const unitId = tp.businessUnits[0].id;
    const connection = await e.connectOAuth('trustpilot', tp.approve);
    await e.call('PATCH', `/api/v1/connections/${connection.id}`, { body: { places: ['acme.example'] } });
    const mapped = await e.mapLocation(connection.id, unitId);
    await e.drain();
    const oldToken = openTokens(e, connection.id)?.accessToken;
    tp.revokeGrant();
    e.clock.advance(HALF_HOUR);
    await e.drain();
    expect((await e.call('GET', `/api/v1/connections/${connection.id}`)).json.status).toBe('broken');

    const start = await e.call('POST', `/api/v1/connections/${connection.id}/reconnect`);
    const { code, state } = tp.approve(start.json.url);
    const back = await e.call('GET', `/api/v1/connections/callback?code=${code}&state=${state}`, {
      key: null,
    });
    expect(back.json).toMatchObject({
      id: connection.id,
      status: 'active',
      placeSettings: { places: ['acme.example'] },
    });
    expect(openTokens(e, connection.id)?.accessToken).not.toBe(oldToken);
    tp.setReviews(unitId, [tpReview({ createdAt: '2026-06-05T09:00:00Z', text: 'Back again' })]);
    await e.drain();
    expect(e.reviewsOf(mapped.businessId).map((r) => r.content)).toEqual(['Back again']);
  });

  it('answers 404 for another organization’s connection and starts nothing', async () => {
    const google = await startGoogleStandIn();
    cleanups.push(() => google.close());
    const e = connectorEnv({ platforms: { google: { baseUrl: google.url } } });
    env = e;
    const connection = await e.connectOAuth('google', google.approve);
    const other = e.otherOrg();
    const res = await e.call('POST', `/api/v1/connections/${connection.id}/reconnect`, { key: other.key });
    expect(res.status).toBe(404);
    expect(
      e.db.prepare('SELECT count(*) FROM oauth_states WHERE connection_id IS NOT NULL').pluck().get(),
    ).toBe(0);
  });
});

describe('API keys are tried before they are stored', () => {
  it('Yelp: a wrong key is 400 with Yelp’s answer and stores nothing; reconnecting takes a new key in place', async () => {
    const yelp = await startYelpStandIn();
    cleanups.push(() => yelp.close());
    const e = connectorEnv({ platforms: { yelp: { baseUrl: yelp.url } } });
    env = e;
    const wrong = await e.call('POST', '/api/v1/connections/yelp', { body: { apiKey: 'not-the-yelp-key' } });
    expect(wrong.status).toBe(400);
    expect(wrong.json).toMatchObject({
      code: 'VALIDATION_ERROR',
      details: { apiKey: 'refused by the platform' },
    });
    expect(wrong.json.error).toContain('TOKEN_INVALID');
    expect(connectionCount(e)).toBe(0);

    const place = yelpSeed().business.id;
    const ok = await e.call('POST', '/api/v1/connections/yelp', {
      body: { apiKey: YELP_KEY, places: [place] },
    });
    expect(ok.status).toBe(201);
    const mapped = await e.mapLocation(ok.json.id, place);

    const badAgain = await e.call('POST', `/api/v1/connections/${ok.json.id}/reconnect`, {
      body: { apiKey: 'still-not-the-key' },
    });
    expect(badAgain.status).toBe(400);
    expect(openTokens(e, ok.json.id)?.accessToken).toBe(YELP_KEY);
    const noKey = await e.call('POST', `/api/v1/connections/${ok.json.id}/reconnect`);
    expect(noKey.status).toBe(400);

    e.db
      .prepare("UPDATE connections SET status = 'broken', last_error = 'HTTP 401' WHERE id = ?")
      .run(ok.json.id);
    const renewed = await e.call('POST', `/api/v1/connections/${ok.json.id}/reconnect`, {
      body: { apiKey: YELP_KEY },
    });
    expect(renewed.status).toBe(200);
    expect(renewed.json.connection).toMatchObject({
      id: ok.json.id,
      status: 'active',
      placeSettings: { places: [place] },
    });
    expect(connectionCount(e)).toBe(1);
    const locations = await e.call('GET', `/api/v1/connections/${ok.json.id}/locations`);
    expect(locations.json.data[0]).toMatchObject({ id: mapped.id, businessId: mapped.businessId });
  });

  it('Tripadvisor: a wrong key is 400 with Tripadvisor’s answer; the right one connects', async () => {
    const ta = await startTripadvisorStandIn();
    cleanups.push(() => ta.close());
    const e = connectorEnv({ platforms: { tripadvisor: { baseUrl: ta.url } } });
    env = e;
    const wrong = await e.call('POST', '/api/v1/connections/tripadvisor', {
      body: { apiKey: 'not-the-ta-key' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error).toContain('Invalid or missing API key');
    expect(connectionCount(e)).toBe(0);
    const ok = await e.call('POST', '/api/v1/connections/tripadvisor', { body: { apiKey: TRIPADVISOR_KEY } });
    expect(ok.status).toBe(201);
  });
});
