import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ConnectorEnv, connectorEnv } from './connector-env';
import { type GoogleStandIn, googleReview, startGoogleStandIn } from './google-stand-in';

const LOCATION = 'accounts/1/locations/10';
const HALF_HOUR = 30 * 60_000;

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

/** Connects, maps the location to a new business, runs the first sync; answers ids. */
async function connectedWith(count: number) {
  for (let n = 1; n <= count; n++) google.reviews().push(googleReview(n));
  const connection = await env.connectOAuth('google', google.approve);
  const location = await env.mapLocation(connection.id, LOCATION);
  await env.drain();
  return { connectionId: connection.id, businessId: location.businessId, locationId: location.id };
}

const reviewPages = () => google.requests.filter((r) => r.path.includes('/reviews?'));
const connectionOf = async (connectionId: string) =>
  (await env.call('GET', '/api/v1/connections')).json.data.find((c: { id: string }) => c.id === connectionId);
const lastRuns = async (connectionId: string) => (await connectionOf(connectionId)).lastRuns;

describe('syncing Google reviews', () => {
  it('backfills across 3 pages as imported reviews, with no webhook and no alert', async () => {
    env.member('owner@acme.example', 'owner');
    await env.call('POST', '/api/v1/webhooks', {
      body: { url: 'https://hooks.example.com/p', events: ['*'] },
    });
    const { connectionId, businessId } = await connectedWith(120);

    expect(reviewPages()).toHaveLength(3);
    expect(reviewPages().map((r) => new URL(r.path, 'http://x').searchParams.get('pageToken'))).toEqual([
      null,
      '50',
      '100',
    ]);
    const stored = env.reviewsOf(businessId);
    expect(stored).toHaveLength(120);
    expect(new Set(stored.map((r) => r.externalId)).size).toBe(120);
    expect(stored.every((r) => r.imported === 1)).toBe(true);
    const one = await env.call(
      'GET',
      `/api/v1/reviews/${stored.find((r) => r.externalId === 'g-review-7')?.id}`,
    );
    expect(one.json).toMatchObject({
      source: 'google',
      externalId: 'g-review-7',
      rating: 3,
      content: 'Review number 7',
      authorName: 'Reviewer 7',
      authorAvatarUrl: 'https://lh3.example/7.png',
      publishedAt: '2026-06-01T00:07:00.000Z',
    });
    expect(env.events()).toEqual([]);
    expect(env.emails).toEqual([]);
    expect(await lastRuns(connectionId)).toEqual([
      expect.objectContaining({
        fetched: 120,
        created: 120,
        updated: 0,
        hidden: 0,
        error: null,
        finishedAt: expect.any(String),
      }),
    ]);
  });

  it('a second sync creates nothing and reads one page; a new review then fires review.created and an alert', async () => {
    const owner = env.member('owner@acme.example', 'owner');
    await env.call('POST', '/api/v1/webhooks', {
      body: { url: 'https://hooks.example.com/p', events: ['*'] },
    });
    const { connectionId, businessId } = await connectedWith(60);
    const pagesBefore = reviewPages().length;
    const { updatedAt } = await connectionOf(connectionId);

    env.clock.advance(HALF_HOUR);
    await env.drain();
    expect(reviewPages().length - pagesBefore).toBe(1);
    // A sync that leaves the connection as it was does not count as a change to it.
    expect(await connectionOf(connectionId)).toMatchObject({ status: 'active', lastError: null, updatedAt });
    expect(env.reviewsOf(businessId)).toHaveLength(60);
    expect((await lastRuns(connectionId))[0]).toMatchObject({ created: 0, updated: 0 });
    expect(env.events()).toEqual([]);

    google.reviews().push(googleReview(500, { starRating: 'ONE', comment: 'Cold coffee' }));
    env.clock.advance(HALF_HOUR);
    await env.drain();
    expect(env.reviewsOf(businessId)).toHaveLength(61);
    expect(env.events().map((e) => e.type)).toEqual(['review.created']);
    expect(JSON.parse(env.events()[0].payload).data).toMatchObject({ externalId: 'g-review-500', rating: 1 });
    expect(env.emails.map((m) => [m.to, m.subject])).toEqual([
      [owner.email, 'New 1★ review for Joe’s Coffee on Main'],
    ]);
    expect(env.reviewsOf(businessId).find((r) => r.externalId === 'g-review-500')?.imported).toBe(0);
  });

  it('an edited review updates (review.updated); one deleted on Google is hidden with a reason at the daily re-read', async () => {
    await env.call('POST', '/api/v1/webhooks', {
      body: { url: 'https://hooks.example.com/p', events: ['*'] },
    });
    const { connectionId, businessId } = await connectedWith(130);
    const edited = google.reviews().find((r) => r.reviewId === 'g-review-3');
    Object.assign(edited ?? {}, {
      starRating: 'TWO',
      comment: 'Changed my mind',
      updateTime: '2026-06-20T00:00:00.000Z',
    });
    const gone = google.reviews().findIndex((r) => r.reviewId === 'g-review-120');
    google.reviews().splice(gone, 1);

    env.clock.advance(HALF_HOUR);
    await env.drain();
    const afterEdit = env.reviewsOf(businessId).find((r) => r.externalId === 'g-review-3');
    expect(afterEdit).toMatchObject({ rating: 2, content: 'Changed my mind', hidden: 0 });
    expect(env.events().map((e) => e.type)).toEqual(['review.updated']);
    expect(env.reviewsOf(businessId)).toHaveLength(130);
    // Incremental syncs do not look for deletions: the review is still shown.
    expect(env.reviewsOf(businessId).find((r) => r.externalId === 'g-review-120')?.hidden).toBe(0);

    env.clock.advance(24 * 3_600_000);
    await env.drain();
    const hidden = env.reviewsOf(businessId).filter((r) => r.hidden);
    expect(hidden.map((r) => [r.externalId, r.hiddenReason])).toEqual([
      ['g-review-120', 'no longer on google'],
    ]);
    // Never dropped: the review is still stored.
    expect(env.reviewsOf(businessId)).toHaveLength(130);
    expect((await lastRuns(connectionId))[0]).toMatchObject({ hidden: 1 });
  });

  it('refreshes an access token Google stopped accepting (401) once, and before it expires', async () => {
    const { connectionId, businessId } = await connectedWith(3);
    google.reviews().push(googleReview(200));
    google.expireAccessTokens();
    env.clock.advance(HALF_HOUR);
    await env.drain();
    const refreshes = () =>
      google.requests.filter((r) => r.path === '/token' && r.body.includes('grant_type=refresh_token'));
    expect(refreshes()).toHaveLength(1);
    expect(env.reviewsOf(businessId)).toHaveLength(4);
    const connection = (await env.call('GET', '/api/v1/connections')).json.data[0];
    expect(connection).toMatchObject({ id: connectionId, status: 'active', lastError: null });

    // The refreshed token lives 3599 s from when it was issued (real time, when this test began): 10 minutes
    // before that a sync uses it as it is, 4 minutes before it refreshes it first.
    env.clock.set(new Date(Date.parse(connection.tokenExpiresAt) - 10 * 60_000).toISOString());
    await env.call('POST', `/api/v1/connections/${connectionId}/sync`);
    await env.drain();
    expect(refreshes()).toHaveLength(1);
    env.clock.advance(6 * 60_000);
    await env.call('POST', `/api/v1/connections/${connectionId}/sync`);
    const before = google.requests.length;
    await env.drain();
    expect(refreshes()).toHaveLength(2);
    // Refreshed before the reviews call, so Google never saw the stale token: no 401 this time.
    expect(google.requests.slice(before).map((r) => r.path.split('?')[0])).toEqual([
      '/token',
      `/v4/${LOCATION}/reviews`,
    ]);
  });

  it('a revoked grant marks the connection broken, alerts its managers once and stops syncing', async () => {
    const owner = env.member('owner@acme.example', 'owner');
    env.member('staff@acme.example', 'staff');
    const { connectionId } = await connectedWith(2);
    google.revoke();
    env.clock.advance(HALF_HOUR);
    await env.drain();
    const connection = (await env.call('GET', '/api/v1/connections')).json.data[0];
    expect(connection).toMatchObject({
      id: connectionId,
      status: 'broken',
      lastError: expect.stringContaining('invalid_grant'),
    });
    expect(env.emails.map((m) => [m.to, m.subject])).toEqual([
      [owner.email, 'Your Google Business Profile connection stopped working'],
    ]);
    const calls = google.requests.length;
    env.clock.advance(HALF_HOUR * 4);
    await env.drain();
    expect(google.requests.length).toBe(calls);
  });

  it('429 with Retry-After postpones the sync to exactly then', async () => {
    const { connectionId, businessId } = await connectedWith(2);
    google.reviews().push(googleReview(300));
    google.failNext(/\/reviews$/, 429, { 'retry-after': '120' });
    env.clock.advance(HALF_HOUR);
    await env.drain();
    expect((await lastRuns(connectionId))[0].error).toContain('429');
    const job = env.db
      .prepare("SELECT due_at FROM outbox WHERE kind = 'connector_sync' AND status = 'pending'")
      .pluck()
      .get();
    expect(job).toBe(new Date(env.clock().getTime() + 120_000).toISOString());
    expect(env.reviewsOf(businessId)).toHaveLength(2);

    env.clock.advance(119_000);
    expect(await env.drain()).toBe(0);
    env.clock.advance(1_000);
    await env.drain();
    expect(env.reviewsOf(businessId)).toHaveLength(3);
    expect((await lastRuns(connectionId))[0]).toMatchObject({ error: null, created: 1 });
  });

  it('one failing location does not stop the others', async () => {
    const second = google.addLocation(20, 'Joe’s Coffee Uptown');
    google.reviews(second).push(googleReview(1, { reviewId: 'uptown-1' }));
    const { connectionId } = await connectedWith(1);
    const uptown = await env.mapLocation(connectionId, second);
    google.failNext(/locations\/10\/reviews$/, 500);
    env.clock.advance(60_000);
    await env.call('POST', `/api/v1/connections/${connectionId}/sync`);
    await env.drain();
    expect(env.reviewsOf(uptown.businessId).map((r) => r.externalId)).toEqual(['uptown-1']);
    expect(await connectionOf(connectionId)).toMatchObject({
      status: 'active',
      lastError: expect.stringContaining('500'),
      updatedAt: env.clock().toISOString(),
    });
    const runs = await lastRuns(connectionId);
    expect(
      runs
        .slice(0, 2)
        .map((r: { error: string | null }) => r.error === null)
        .sort(),
    ).toEqual([false, true]);
  });
});
