// What the engine must do for every platform where it applies, through the API, the outbox and the loopback
// stand-ins: the consent's state (Facebook, Trustpilot; Google in google-oauth), an edited and a deleted review,
// 429 with Retry-After, a reply that fails then succeeds on retry, and a refused grant → broken + owner alert.
import { afterEach, describe, expect, it } from 'vitest';
import { type ConnectorEnv, connectorEnv } from './connector-env';
import { fbRecommendation, startFacebookStandIn } from './stand-ins/facebook';
import { startTripadvisorStandIn, TRIPADVISOR_KEY } from './stand-ins/tripadvisor';
import { startTrustpilotStandIn, tpReview } from './stand-ins/trustpilot';
import { startYelpStandIn, YELP_KEY, yelpSeed } from './stand-ins/yelp';

const HALF_HOUR = 30 * 60_000;
const DAY = 24 * 60 * 60_000;

let env: ConnectorEnv | undefined;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await env?.worker.stop();
  env = undefined;
  for (const close of cleanups.splice(0)) await close();
});

type Fail = (f: { status: number; retryAfter?: string; times?: number }) => void;
type Platform = {
  e: ConnectorEnv;
  fail: Fail;
  /** Connects, maps the place to a new business and backfills; answers ids. */
  connect(): Promise<{ connectionId: string; businessId: string }>;
  revoke(): void;
  label: string;
};

type Replying = Platform & {
  edit(): void;
  replyOn(externalId: string): string | null;
  reviewPages(): number;
};

async function facebook(pageSize?: number): Promise<Replying> {
  const fb = await startFacebookStandIn({ pageSize });
  cleanups.push(fb.close);
  const e = connectorEnv({
    platforms: { facebook: { baseUrl: fb.url, clientId: fb.appId, clientSecret: fb.appSecret } },
  });
  env = e;
  const items = [
    fbRecommendation({
      created_time: '2026-06-03T09:00:00+0000',
      review_text: 'Lovely bread',
      storyId: 's3',
    }),
    fbRecommendation({ created_time: '2026-06-02T09:00:00+0000', review_text: 'Fine', storyId: 's2' }),
    fbRecommendation({ created_time: '2026-06-01T09:00:00+0000', review_text: 'Good', storyId: 's1' }),
  ];
  fb.setRatings('1001', items);
  return {
    e,
    label: 'Facebook',
    fail: (f) => fb.fail(f),
    async connect() {
      const c = await e.connectOAuth('facebook', fb.approve);
      const m = await e.mapLocation(c.id, '1001');
      await e.drain();
      return { connectionId: c.id, businessId: m.businessId };
    },
    revoke: () => fb.revokeTokens(),
    reviewPages: () => fb.requestsTo('/v23.0/1001/ratings').length,
    replyOn: (storyId) => fb.commentsOn(storyId).find((c) => c.from?.id === '1001')?.message ?? null,
    // s3 turns negative with new text; s2 is deleted.
    edit: () =>
      fb.setRatings('1001', [
        { ...items[0], recommendation_type: 'negative', review_text: 'Stale bread today' },
        items[2],
      ]),
  };
}

async function trustpilot(pageSize?: number): Promise<Replying> {
  const tp = await startTrustpilotStandIn({ pageSize });
  cleanups.push(tp.close);
  const e = connectorEnv({
    platforms: { trustpilot: { baseUrl: tp.url, clientId: tp.apiKey, clientSecret: tp.apiSecret } },
  });
  env = e;
  const unitId = tp.businessUnits[0].id;
  const items = [
    tpReview({ createdAt: '2026-06-03T09:00:00Z', stars: 5, text: 'Lovely bread' }),
    tpReview({ createdAt: '2026-06-02T09:00:00Z', stars: 4, text: 'Fine' }),
    tpReview({ createdAt: '2026-06-01T09:00:00Z', stars: 4, text: 'Good' }),
  ];
  tp.setReviews(unitId, items);
  return {
    e,
    label: 'Trustpilot',
    fail: (f) => tp.fail(f),
    async connect() {
      const c = await e.connectOAuth('trustpilot', tp.approve);
      await e.call('PATCH', `/api/v1/connections/${c.id}`, { body: { places: ['acme.example'] } });
      const m = await e.mapLocation(c.id, unitId);
      await e.drain();
      return { connectionId: c.id, businessId: m.businessId };
    },
    revoke: () => tp.revokeGrant(),
    reviewPages: () => tp.requestsTo(`/v1/private/business-units/${unitId}/reviews`).length,
    replyOn: (id) => tp.review(id)?.companyReply?.text ?? null,
    edit: () =>
      tp.setReviews(unitId, [
        { ...items[0], stars: 1, text: 'Stale bread today', updatedAt: '2026-06-10T09:00:00Z' },
        items[2],
      ]),
  };
}

async function keyPlatform(platform: 'yelp' | 'tripadvisor'): Promise<Platform> {
  const standIn = platform === 'yelp' ? await startYelpStandIn() : await startTripadvisorStandIn();
  cleanups.push(standIn.close);
  const e = connectorEnv({ platforms: { [platform]: { baseUrl: standIn.url } } });
  env = e;
  const place =
    platform === 'yelp'
      ? yelpSeed().business.id
      : (standIn as Awaited<ReturnType<typeof startTripadvisorStandIn>>).locations[0].location_id;
  let refused = false;
  return {
    e,
    label: platform === 'yelp' ? 'Yelp' : 'Tripadvisor',
    fail: (f) => standIn.fail(f),
    async connect() {
      const c = await e.call('POST', `/api/v1/connections/${platform}`, {
        body: { apiKey: platform === 'yelp' ? YELP_KEY : TRIPADVISOR_KEY, places: [place] },
      });
      const m = await e.mapLocation(c.json.id, place);
      await e.drain();
      return { connectionId: c.json.id, businessId: m.businessId };
    },
    // The owner deleted the key on the platform: every call is refused from now on.
    revoke: () => {
      if (!refused) standIn.fail({ status: 401, times: 1000 });
      refused = true;
    },
  };
}

const PLATFORMS = {
  facebook,
  trustpilot,
  yelp: (_pageSize?: number) => keyPlatform('yelp'),
  tripadvisor: (_pageSize?: number) => keyPlatform('tripadvisor'),
};

const lastRuns = async (e: ConnectorEnv, connectionId: string) =>
  (await e.call('GET', `/api/v1/connections/${connectionId}`)).json.lastRuns;

describe.each(['facebook', 'trustpilot'] as const)('%s consent', (name) => {
  it('refuses a wrong state and a replayed one with 400, storing nothing', async () => {
    const p = await PLATFORMS[name]();
    const start = await p.e.call('POST', `/api/v1/connections/${name}/authorize`);
    expect(start.status).toBe(200);
    const url = new URL(start.json.url);
    expect(url.searchParams.get('state')).toMatch(/^[A-Za-z0-9]{32}$/);
    const wrong = await p.e.call('GET', '/api/v1/connections/callback?code=abc&state=not-the-state', {
      key: null,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json.details).toEqual({ state: 'unknown, expired or already used' });
    expect(p.e.db.prepare('SELECT count(*) FROM connections').pluck().get()).toBe(0);

    const { connectionId } = await p.connect();
    const state = p.e.db.prepare('SELECT count(*) FROM oauth_states WHERE used_at IS NOT NULL').pluck().get();
    expect(state).toBe(1);
    // The state the provider just sent back works once: replayed, it is refused.
    const used = p.e.db
      .prepare('SELECT state_hash FROM oauth_states WHERE used_at IS NOT NULL')
      .pluck()
      .get();
    expect(used).toBeTruthy();
    const again = await p.e.call('POST', `/api/v1/connections/${name}/authorize`);
    const replayState = new URL(again.json.url).searchParams.get('state') as string;
    const first = await p.e.call(
      'GET',
      `/api/v1/connections/callback?code=bad-code&state=${encodeURIComponent(replayState)}`,
      { key: null },
    );
    expect(first.status).toBe(400);
    const replay = await p.e.call(
      'GET',
      `/api/v1/connections/callback?code=bad-code&state=${encodeURIComponent(replayState)}`,
      { key: null },
    );
    expect(replay.status).toBe(400);
    expect(replay.json.details).toEqual({ state: 'unknown, expired or already used' });
    expect(p.e.db.prepare('SELECT id FROM connections').pluck().all()).toEqual([connectionId]);
  });
});

describe.each(['facebook', 'trustpilot'] as const)('%s paging', (name) => {
  it('the backfill reads 3 pages, all imported; the next sync reads one page and creates nothing', async () => {
    const p = await PLATFORMS[name](1);
    const { connectionId, businessId } = await p.connect();
    expect(p.reviewPages()).toBe(3);
    expect(p.e.reviewsOf(businessId).map((r) => [r.content, r.imported])).toEqual([
      ['Lovely bread', 1],
      ['Fine', 1],
      ['Good', 1],
    ]);
    p.e.clock.advance(HALF_HOUR);
    await p.e.drain();
    expect(p.reviewPages()).toBe(4);
    expect((await lastRuns(p.e, connectionId))[0]).toMatchObject({ fetched: 1, created: 0, updated: 0 });
  });
});

describe.each(['facebook', 'trustpilot'] as const)('%s edits and deletions', (name) => {
  it('an edited review updates; one deleted on the platform is hidden with a reason at the daily re-read', async () => {
    const p = await PLATFORMS[name]();
    const { businessId } = await p.connect();
    expect(p.e.reviewsOf(businessId)).toHaveLength(3);
    p.edit();
    p.e.clock.advance(DAY);
    await p.e.drain();
    const after = p.e.reviewsOf(businessId);
    expect(after).toHaveLength(3);
    expect(after[0]).toMatchObject({ rating: 1, content: 'Stale bread today', hidden: 0 });
    expect(after[1]).toMatchObject({ content: 'Fine', hidden: 1, hiddenReason: `no longer on ${name}` });
    expect(after[2]).toMatchObject({ content: 'Good', hidden: 0 });
    expect((await p.e.call('GET', `/api/v1/reviews/${after[1].id}`)).json.hidden).toBe(true);
  });
});

describe.each(Object.keys(PLATFORMS) as Array<keyof typeof PLATFORMS>)('%s platform errors', (name) => {
  it('429 with Retry-After postpones the sync to exactly then, and it then goes on', async () => {
    const p = await PLATFORMS[name]();
    const { connectionId } = await p.connect();
    p.fail({ status: 429, retryAfter: '120' });
    p.e.clock.advance(HALF_HOUR);
    await p.e.drain();
    expect((await lastRuns(p.e, connectionId))[0].error).toContain('429');
    const due = p.e.db
      .prepare("SELECT due_at FROM outbox WHERE kind = 'connector_sync' AND status = 'pending'")
      .pluck()
      .get();
    expect(due).toBe(new Date(p.e.clock().getTime() + 120_000).toISOString());
    p.e.clock.advance(120_000);
    await p.e.drain();
    expect((await lastRuns(p.e, connectionId))[0]).toMatchObject({ error: null, created: 0 });
  });

  it('a refused grant marks the connection broken and alerts the owner once', async () => {
    const p = await PLATFORMS[name]();
    const owner = p.e.member('owner@acme.example', 'owner');
    const { connectionId } = await p.connect();
    p.revoke();
    p.e.clock.advance(HALF_HOUR);
    await p.e.drain();
    expect((await p.e.call('GET', `/api/v1/connections/${connectionId}`)).json.status).toBe('broken');
    p.e.clock.advance(HALF_HOUR * 4);
    await p.e.drain();
    expect(p.e.emails.map((m) => [m.to, m.subject])).toEqual([
      [owner.email, `Your ${p.label} connection stopped working`],
    ]);
  });
});

describe.each(['facebook', 'trustpilot'] as const)('%s replies', (name) => {
  it('a reply the platform fails (503) stays pending, is retried and posted; an edit and a removal go back', async () => {
    const p = await PLATFORMS[name]();
    const { businessId } = await p.connect();
    const target = p.e.reviewsOf(businessId)[0];
    p.fail({ status: 503 });
    const replied = await p.e.call('POST', `/api/v1/reviews/${target.id}/reply`, {
      body: { reply: 'Thanks!' },
    });
    expect(replied.status).toBe(200);
    await p.e.drain();
    expect((await p.e.call('GET', `/api/v1/reviews/${target.id}`)).json.replyStatus).toBe('pending');
    p.e.clock.advance(60_000);
    await p.e.drain();
    expect((await p.e.call('GET', `/api/v1/reviews/${target.id}`)).json).toMatchObject({
      replyStatus: 'posted',
      replyError: null,
    });
    expect(p.replyOn(target.externalId)).toBe('Thanks!');

    // An edit and a removal go back too.
    await p.e.call('POST', `/api/v1/reviews/${target.id}/reply`, { body: { reply: 'Thanks a lot!' } });
    await p.e.drain();
    expect(p.replyOn(target.externalId)).toBe('Thanks a lot!');
    const removed = await p.e.call('DELETE', `/api/v1/reviews/${target.id}/reply`);
    expect(removed.status).toBe(200);
    await p.e.drain();
    expect(p.replyOn(target.externalId)).toBeNull();
  });
});
