import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ConnectorEnv, connectorEnv } from './connector-env';
import { type GoogleStandIn, startGoogleStandIn } from './google-stand-in';

let google: GoogleStandIn;
let env: ConnectorEnv;
beforeEach(async () => {
  google = await startGoogleStandIn();
  env = connectorEnv({ platforms: { google: { baseUrl: google.url } } });
});
afterEach(async () => {
  await env.worker.stop();
  await google.close();
});

describe('connecting Google Business Profile', () => {
  it('answers a consent URL with state, PKCE S256, offline access and the business.manage scope', async () => {
    const res = await env.call('POST', '/api/v1/connections/google/authorize');
    expect(res.status).toBe(200);
    const url = new URL(res.json.url);
    expect(url.origin + url.pathname).toBe(`${google.url}/o/oauth2/v2/auth`);
    expect(url.searchParams.get('client_id')).toBe('google-client-id');
    expect(url.searchParams.get('scope')).toBe('https://www.googleapis.com/auth/business.manage');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('access_type')).toBe('offline');
    expect(url.searchParams.get('prompt')).toBe('consent');
    expect(url.searchParams.get('redirect_uri')).toBe('http://plaudit.test/api/v1/connections/callback');
    expect(url.searchParams.get('state')?.length).toBeGreaterThanOrEqual(32);
    // Only the state's hash is stored.
    const stored = env.db.prepare('SELECT state_hash FROM oauth_states').pluck().all();
    expect(stored).toHaveLength(1);
    expect(stored[0]).not.toBe(url.searchParams.get('state'));
  });

  it('exchanges the code on the callback, stores the tokens and lists the grant’s locations', async () => {
    const connection = await env.connectOAuth('google', google.approve);
    expect(connection).toMatchObject({
      platform: 'google',
      status: 'active',
      label: 'Google Business Profile',
    });
    const token = google.requests.find((r) => r.path === '/token');
    expect(new URLSearchParams(token?.body).get('code_verifier')).toMatch(/^[A-Za-z0-9_-]{43,128}$/);

    const locations = await env.call('GET', `/api/v1/connections/${connection.id}/locations`);
    expect(locations.status).toBe(200);
    expect(locations.json.data).toEqual([
      expect.objectContaining({
        id: null,
        externalId: 'accounts/1/locations/10',
        name: 'Joe’s Coffee on Main',
        address: '1 Main St, 12345 Springfield',
        placeId: 'ChIJN1t_tDeuEmsRUsoyG83frY4',
        businessId: null,
      }),
    ]);
    const list = await env.call('GET', '/api/v1/connections');
    expect(list.json.data).toEqual([
      expect.objectContaining({ id: connection.id, status: 'active', canReply: true }),
    ]);
    expect(JSON.stringify(list.json)).not.toContain('ya29.');
  });

  it('maps a location to a new business whose Google review link is the location’s place', async () => {
    const connection = await env.connectOAuth('google', google.approve);
    const mapped = await env.mapLocation(connection.id, 'accounts/1/locations/10');
    const business = await env.call('GET', `/api/v1/businesses/${mapped.businessId}`);
    expect(business.json.name).toBe('Joe’s Coffee on Main');
    expect(business.json.reviewLinks).toContainEqual(
      expect.objectContaining({
        platform: 'google',
        url: 'https://search.google.com/local/writereview?placeid=ChIJN1t_tDeuEmsRUsoyG83frY4',
      }),
    );
  });

  it('fills an existing business’s Google link when it has none', async () => {
    const connection = await env.connectOAuth('google', google.approve);
    const business = await env.createBusiness({ name: 'Joe' });
    await env.mapLocation(connection.id, 'accounts/1/locations/10', business.id);
    const after = await env.call('GET', `/api/v1/businesses/${business.id}`);
    expect(after.json.platforms.google).toEqual({ placeId: 'ChIJN1t_tDeuEmsRUsoyG83frY4' });
  });

  it('makes a business from a location as POST /businesses would: within the cap, announced to webhooks', async () => {
    const connection = await env.connectOAuth('google', google.approve);
    await env.call('POST', '/api/v1/webhooks', {
      body: { url: 'https://hooks.example.com/plaudit', events: ['business.created', 'business.updated'] },
    });
    const limits = (businessLimit: number | null) =>
      env.call('PUT', `/api/v1/organizations/${env.org.id}/limits`, {
        key: env.admin,
        body: { smsPerMonth: null, emailPerMonth: null, businessLimit },
      });
    expect((await limits(0)).status).toBe(200);
    const path = `/api/v1/connections/${connection.id}/locations`;
    const refused = await env.call('PUT', path, {
      body: { externalId: 'accounts/1/locations/10', createBusiness: true },
    });
    expect(refused.status).toBe(409);
    expect(refused.json).toMatchObject({ code: 'CONFLICT', details: { businesses: 'at most 0' } });
    expect((await env.call('GET', '/api/v1/businesses')).json.data).toEqual([]);
    expect((await env.call('GET', path)).json.data[0].businessId).toBeNull();
    expect(env.events('business')).toEqual([]);

    expect((await limits(null)).status).toBe(200);
    const mapped = await env.mapLocation(connection.id, 'accounts/1/locations/10');
    const created = env.events('business').map((event) => [event.type, JSON.parse(event.payload).data]);
    expect(created).toEqual([
      [
        'business.created',
        expect.objectContaining({
          id: mapped.businessId,
          name: 'Joe’s Coffee on Main',
          address: '1 Main St, 12345 Springfield',
        }),
      ],
    ]);

    // Filling an existing business's Google link is an update, and says so.
    const joe = await env.createBusiness({ name: 'Joe' });
    await env.mapLocation(connection.id, 'accounts/1/locations/10', joe.id);
    const last = env.events('business').at(-1);
    expect(last?.type).toBe('business.updated');
    expect(JSON.parse(last?.payload ?? '{}').data).toMatchObject({
      id: joe.id,
      platforms: { google: { placeId: 'ChIJN1t_tDeuEmsRUsoyG83frY4' } },
    });
  });

  it('refuses a wrong, a reused and an expired state with 400, storing nothing', async () => {
    const start = await env.call('POST', '/api/v1/connections/google/authorize');
    const { code, state } = google.approve(start.json.url);
    const wrong = await env.call('GET', `/api/v1/connections/callback?code=${code}&state=not-the-state`, {
      key: null,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json).toMatchObject({ code: 'VALIDATION_ERROR', details: { state: expect.any(String) } });
    expect(env.db.prepare('SELECT count(*) FROM connections').pluck().get()).toBe(0);

    const ok = await env.call('GET', `/api/v1/connections/callback?code=${code}&state=${state}`, {
      key: null,
    });
    expect(ok.status).toBe(200);
    const again = await env.call('GET', `/api/v1/connections/callback?code=${code}&state=${state}`, {
      key: null,
    });
    expect(again.status).toBe(400);

    const late = await env.call('POST', '/api/v1/connections/google/authorize');
    const approved = google.approve(late.json.url);
    env.clock.advance(11 * 60_000);
    const expired = await env.call(
      'GET',
      `/api/v1/connections/callback?code=${approved.code}&state=${approved.state}`,
      { key: null },
    );
    expect(expired.status).toBe(400);
    expect(env.db.prepare('SELECT count(*) FROM connections').pluck().get()).toBe(1);
  });

  it('redirects a browser to the dashboard', async () => {
    const start = await env.call('POST', '/api/v1/connections/google/authorize');
    const { code, state } = google.approve(start.json.url);
    const res = await env.call('GET', `/api/v1/connections/callback?code=${code}&state=${state}`, {
      key: null,
      headers: { accept: 'text/html,application/xhtml+xml' },
    });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toMatch(
      /^http:\/\/plaudit\.test\/dashboard\/connections\?connected=conn_/,
    );
  });

  it('says what to configure when the platform has no client id', async () => {
    const bare = connectorEnv({ platforms: {} });
    const res = await bare.call('POST', '/api/v1/connections/google/authorize');
    expect(res.status).toBe(400);
    expect(res.json.details.platform).toContain('PLAUDIT_GOOGLE_CLIENT_ID');
    await bare.worker.stop();
  });

  it('disconnecting deletes the tokens and stops the sync job', async () => {
    const connection = await env.connectOAuth('google', google.approve);
    const res = await env.call('DELETE', `/api/v1/connections/${connection.id}`);
    expect(res.status).toBe(200);
    expect(res.json.status).toBe('disconnected');
    expect(env.db.prepare('SELECT tokens FROM connections').pluck().get()).toBeNull();
    expect(
      env.db
        .prepare("SELECT count(*) FROM outbox WHERE kind = 'connector_sync' AND status = 'pending'")
        .pluck()
        .get(),
    ).toBe(0);
  });
});
