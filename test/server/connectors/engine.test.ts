import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Connector } from '../../../server/connectors/connector';
import { CONNECTORS } from '../../../server/connectors/registry';
import { openDb } from '../../../server/store/db';
import { connectorEnv } from './connector-env';
import { googleReview, startGoogleStandIn } from './google-stand-in';

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** A platform with an API key and no reply API, as Yelp and Tripadvisor are. */
const keyOnlyPlatform = (): Connector => ({
  platform: 'yelp',
  auth: 'api_key',
  limitation: 'Shows only the 3 newest reviews',
  async listLocations({ tokens }) {
    if (tokens.accessToken !== 'yelp-key-123456') throw new Error('wrong key');
    return [{ externalId: 'joes-coffee', name: 'Joe’s Coffee', url: 'https://www.yelp.com/biz/joes-coffee' }];
  },
  async fetchReviews() {
    return {
      reviews: [
        {
          externalId: 'y1',
          rating: 4,
          content: 'Nice',
          authorName: 'Yan',
          publishedAt: '2026-06-01T00:00:00.000Z',
          updatedAt: '2026-06-01T00:00:00.000Z',
        },
      ],
    };
  },
});

describe('the connector engine', () => {
  it('stores tokens the database file does not show without the key', async () => {
    const google = await startGoogleStandIn();
    cleanup.push(google.close);
    const dir = mkdtempSync(join(tmpdir(), 'plaudit-vault-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const db = openDb(join(dir, 'plaudit.db'));
    cleanup.push(() => db.close());
    const env = connectorEnv({ platforms: { google: { baseUrl: google.url } }, db });
    cleanup.push(() => env.worker.stop());
    google.reviews().push(googleReview(1));
    const connection = await env.connectOAuth('google', google.approve);
    await env.mapLocation(connection.id, 'accounts/1/locations/10');
    await env.drain();

    const token = google.requests
      .find((r) => r.authorization?.startsWith('Bearer'))
      ?.authorization?.replace('Bearer ', '') as string;
    expect(token).toMatch(/^ya29\./);
    const row = db.prepare('SELECT * FROM connections').get() as Record<string, unknown>;
    expect(Buffer.isBuffer(row.tokens)).toBe(true);
    expect(JSON.stringify(row)).not.toContain('ya29.');
    db.pragma('wal_checkpoint(TRUNCATE)');
    const file = readFileSync(join(dir, 'plaudit.db'));
    expect(file.includes(token)).toBe(false);
    expect(file.includes('ya29.')).toBe(false);
    expect(file.includes('1//refresh-')).toBe(false);
    expect(file.includes('google-client-secret')).toBe(false);
  });

  it('connects an API-key platform; replies to its reviews stay local with the link to answer there', async () => {
    CONNECTORS.yelp = keyOnlyPlatform;
    cleanup.push(() => delete CONNECTORS.yelp);
    const env = connectorEnv({ platforms: { yelp: {} } });
    cleanup.push(() => env.worker.stop());
    const refused = await env.call('POST', '/api/v1/connections/yelp/authorize');
    expect(refused.status).toBe(400);
    const res = await env.call('POST', '/api/v1/connections/yelp', { body: { apiKey: 'yelp-key-123456' } });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      platform: 'yelp',
      canReply: false,
      limitation: 'Shows only the 3 newest reviews',
    });
    const location = await env.mapLocation(res.json.id, 'joes-coffee');
    await env.drain();
    const [review] = env.reviewsOf(location.businessId);
    const replied = await env.call('POST', `/api/v1/reviews/${review.id}/reply`, {
      body: { reply: 'Thanks Yan' },
    });
    expect(replied.json).toMatchObject({
      replyStatus: 'local',
      replyUrl: 'https://www.yelp.com/biz/joes-coffee',
    });
    expect(env.db.prepare("SELECT count(*) FROM outbox WHERE kind = 'connector_reply'").pluck().get()).toBe(
      0,
    );
    const list = await env.call('GET', '/api/v1/reviews');
    expect(list.json.data[0]).toMatchObject({
      replyStatus: 'local',
      replyUrl: 'https://www.yelp.com/biz/joes-coffee',
    });
    // A later sync (the platform shows no reply) keeps the reply written in Plaudit.
    env.clock.advance(30 * 60_000);
    await env.drain();
    expect(env.reviewsOf(location.businessId)[0]).toMatchObject({
      reply: 'Thanks Yan',
      replyStatus: 'local',
    });
  });

  it('shows another organization nothing and answers 404 on every connection route', async () => {
    const google = await startGoogleStandIn();
    cleanup.push(google.close);
    const env = connectorEnv({ platforms: { google: { baseUrl: google.url } } });
    cleanup.push(() => env.worker.stop());
    const connection = await env.connectOAuth('google', google.approve);
    const other = env.otherOrg();
    const as = { key: other.key };
    expect((await env.call('GET', '/api/v1/connections', as)).json.data).toEqual([]);
    const routes: Array<[string, string, unknown]> = [
      ['GET', `/api/v1/connections/${connection.id}/locations`, undefined],
      [
        'PUT',
        `/api/v1/connections/${connection.id}/locations`,
        { externalId: 'accounts/1/locations/10', createBusiness: true },
      ],
      ['POST', `/api/v1/connections/${connection.id}/sync`, undefined],
      ['DELETE', `/api/v1/connections/${connection.id}`, undefined],
    ];
    for (const [method, path, body] of routes) {
      const res = await env.call(method, path, { ...as, body });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    expect((await env.call('GET', '/api/v1/connections')).json.data[0]).toMatchObject({
      status: 'active',
      locations: [],
    });
    // A consent started by the other organization connects the other organization only.
    const start = await env.call('POST', '/api/v1/connections/google/authorize', as);
    const approved = google.approve(start.json.url);
    await env.call('GET', `/api/v1/connections/callback?code=${approved.code}&state=${approved.state}`, {
      key: null,
    });
    expect((await env.call('GET', '/api/v1/connections')).json.data).toHaveLength(1);
    expect((await env.call('GET', '/api/v1/connections', as)).json.data).toHaveLength(1);
  });

  it('keeps connections away from staff and from keys without the connections scopes', async () => {
    const env = connectorEnv({ platforms: {} });
    cleanup.push(() => env.worker.stop());
    const readOnly = env.keyWithScopes(['reviews:read', 'connections:read']);
    expect((await env.call('GET', '/api/v1/connections', { key: readOnly })).status).toBe(200);
    expect((await env.call('POST', '/api/v1/connections/google/authorize', { key: readOnly })).status).toBe(
      403,
    );
    expect(
      (await env.call('GET', '/api/v1/connections', { key: env.keyWithScopes(['reviews:read']) })).status,
    ).toBe(403);
  });
});
