import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Connector, PlatformError, type TokenSet } from '../../../server/connectors/connector';
import { CONNECTORS } from '../../../server/connectors/registry';
import { createTrustpilotConnector, trustpilotTime } from '../../../server/connectors/trustpilot';
import { followConsent } from './stand-ins/http-stand-in';
import { startTrustpilotStandIn, type TrustpilotStandIn, tpReview } from './stand-ins/trustpilot';

const redirectUri = 'https://plaudit.test/api/v1/connections/callback';
const unitId = '46d6a890ffa235a75b00021d';
const unit = { externalId: unitId, name: 'Acme Shop' };

let tp: TrustpilotStandIn;
let connector: Connector;

beforeEach(async () => {
  tp = await startTrustpilotStandIn({ pageSize: 2 });
  connector = createTrustpilotConnector({ clientId: tp.apiKey, clientSecret: tp.apiSecret, baseUrl: tp.url });
});
afterEach(() => tp.close());

/** Connects with the stand-in's `approve` (what the engine's end-to-end tests use) in place of the browser. */
async function connect(): Promise<TokenSet> {
  const { code } = tp.approve(
    connector.oauth!.authorizeUrl({ state: 's1', codeVerifier: null, redirectUri }).href,
  );
  const tokens = await connector.oauth!.exchange({ code, codeVerifier: null, redirectUri });
  return { ...tokens, extra: { domains: 'acme.example' } };
}

async function failure(promise: Promise<unknown>): Promise<PlatformError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PlatformError);
  return error as PlatformError;
}

const basic = () => `Basic ${Buffer.from(`${tp.apiKey}:${tp.apiSecret}`).toString('base64')}`;

describe('Trustpilot connector: connecting', () => {
  it('is registered and sends the owner to authenticate.trustpilot.com with the API key, state and redirect', () => {
    expect(CONNECTORS.trustpilot).toBe(createTrustpilotConnector);
    const url = connector.oauth!.authorizeUrl({ state: 'st-77', codeVerifier: null, redirectUri });
    expect(`${url.origin}${url.pathname}`).toBe(`${tp.url}/`);
    expect(url.searchParams.get('client_id')).toBe(tp.apiKey);
    expect(url.searchParams.get('redirect_uri')).toBe(redirectUri);
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('state')).toBe('st-77');
    expect(url.searchParams.has('scope')).toBe(false);
    expect(connector.oauth!.usesPkce).toBe(false);

    const real = createTrustpilotConnector({ clientId: 'k', clientSecret: 's', baseUrl: null });
    const realUrl = real.oauth!.authorizeUrl({ state: 'x', codeVerifier: null, redirectUri });
    expect(realUrl.origin).toBe('https://authenticate.trustpilot.com');
  });

  it('exchanges the code with HTTP Basic API key:secret and reads the string expires_in', async () => {
    const back = await followConsent(
      connector.oauth!.authorizeUrl({ state: 'st-1', codeVerifier: null, redirectUri }),
    );
    expect(back.searchParams.get('state')).toBe('st-1');
    const before = Date.now();
    const tokens = await connector.oauth!.exchange({
      code: back.searchParams.get('code')!,
      codeVerifier: null,
      redirectUri,
    });
    const call = tp.requestsTo('/v1/oauth/oauth-business-users-for-applications/accesstoken')[0];
    expect(call.headers.authorization).toBe(basic());
    expect(call.form).toEqual({
      grant_type: 'authorization_code',
      code: back.searchParams.get('code'),
      redirect_uri: redirectUri,
    });
    expect(tokens.accessToken).toMatch(/^tp-access-/);
    expect(tokens.refreshToken).toMatch(/^tp-refresh-/);
    const expires = Date.parse(tokens.expiresAt!);
    expect(expires - before).toBeGreaterThanOrEqual(359_999_000 - 1000);
    expect(expires - Date.now()).toBeLessThanOrEqual(359_999_000);
  });

  it('refuses a wrong code as unauthorized (invalid_grant)', async () => {
    const error = await failure(
      connector.oauth!.exchange({ code: 'forged', codeVerifier: null, redirectUri }),
    );
    expect(error.kind).toBe('unauthorized');
    expect(error.message).toContain('invalid_grant');
  });

  it('refreshes through the refresh endpoint, keeping what the connection holds in extra', async () => {
    const tokens = await connect();
    const refreshed = await connector.oauth!.refresh!(tokens);
    const call = tp.requestsTo('/v1/oauth/oauth-business-users-for-applications/refresh')[0];
    expect(call.headers.authorization).toBe(basic());
    expect(call.form).toEqual({ grant_type: 'refresh_token', refresh_token: tokens.refreshToken });
    expect(refreshed.accessToken).not.toBe(tokens.accessToken);
    expect(refreshed.refreshToken).not.toBe(tokens.refreshToken);
    expect(refreshed.extra).toEqual({ domains: 'acme.example' });

    // The old refresh token was used up; a revoked grant refuses refresh as unauthorized.
    expect((await failure(connector.oauth!.refresh!(tokens))).kind).toBe('unauthorized');
    tp.revokeGrant();
    expect((await failure(connector.oauth!.refresh!(refreshed))).kind).toBe('unauthorized');
  });

  it('lists the business units of the domains the owner named, with the apikey header', async () => {
    const tokens = await connect();
    expect(await connector.listLocations({ tokens })).toEqual([
      { externalId: unitId, name: 'Acme Shop', url: 'https://www.trustpilot.com/review/acme.example' },
    ]);
    const find = tp.requestsTo('/v1/business-units/find')[0];
    expect(find.query).toEqual({ name: 'acme.example' });
    expect(find.headers.apikey).toBe(tp.apiKey);

    const none = await failure(connector.listLocations({ tokens: { ...tokens, extra: {} } }));
    expect(none.kind).toBe('rejected');
    const unknown = await failure(
      connector.listLocations({ tokens: { ...tokens, extra: { domains: 'nope.example' } } }),
    );
    expect(unknown.kind).toBe('not_found');
  });
});

describe('Trustpilot connector: reviews', () => {
  it('pages through the private reviews across 3 pages, newest first, and maps stars, title, text and reply', async () => {
    const replied = tpReview({
      createdAt: '2026-06-05T09:00:00',
      updatedAt: '2026-06-06T10:00:00',
      stars: 2,
      title: 'Late parcel',
      text: 'Took two weeks.',
      companyReply: { text: 'Sorry about that.', createdAt: '2026-06-07T08:00:00', updatedAt: null },
    });
    const others = [4, 3, 2, 1].map((day) =>
      tpReview({ createdAt: `2026-06-0${day}T09:00:00Z`, stars: day + 1 }),
    );
    tp.setReviews(unitId, [...others, replied]);
    const tokens = await connect();

    const first = await connector.fetchReviews({ tokens }, unit);
    const second = await connector.fetchReviews({ tokens }, unit, first.nextPageToken);
    const third = await connector.fetchReviews({ tokens }, unit, second.nextPageToken);
    expect([first.reviews.length, second.reviews.length, third.reviews.length]).toEqual([2, 2, 1]);
    expect([first.nextPageToken, second.nextPageToken, third.nextPageToken]).toEqual(['2', '3', null]);
    expect(first).toMatchObject({ averageRating: 4.5, totalReviewCount: 42 });

    const calls = tp.requestsTo(`/v1/private/business-units/${unitId}/reviews`);
    expect(calls.map((c) => c.query)).toEqual(
      ['1', '2', '3'].map((p) => ({ page: p, perPage: '100', orderBy: 'createdat.desc' })),
    );
    expect(calls[0].headers.authorization).toBe(`Bearer ${tokens.accessToken}`);
    expect(calls[0].headers.apikey).toBe(tp.apiKey);

    const all = [...first.reviews, ...second.reviews, ...third.reviews];
    expect(all.map((r) => r.rating)).toEqual([2, 5, 4, 3, 2]);
    expect(all[0]).toEqual({
      externalId: replied.id,
      rating: 2,
      title: 'Late parcel',
      content: 'Took two weeks.',
      authorName: 'Bo Jensen',
      url: `https://www.trustpilot.com/reviews/${replied.id}`,
      publishedAt: '2026-06-05T09:00:00.000Z',
      updatedAt: '2026-06-06T10:00:00.000Z',
      reply: { text: 'Sorry about that.', updatedAt: '2026-06-07T08:00:00.000Z' },
    });
    expect(all[1]).toMatchObject({ updatedAt: all[1].publishedAt, reply: null });
  });

  it('reads zone-less Trustpilot times as UTC', () => {
    expect(trustpilotTime('2013-09-07T13:37:00')).toBe('2013-09-07T13:37:00.000Z');
    expect(trustpilotTime('2013-09-07T13:37:00+02:00')).toBe('2013-09-07T11:37:00.000Z');
  });

  it('maps an expired access token (401) to unauthorized, and works again after refresh', async () => {
    tp.setReviews(unitId, [tpReview()]);
    const tokens = await connect();
    tp.expireAccessTokens();
    expect(await failure(connector.fetchReviews({ tokens }, unit))).toMatchObject({
      kind: 'unauthorized',
      status: 401,
    });
    const refreshed = await connector.oauth!.refresh!(tokens);
    expect((await connector.fetchReviews({ tokens: refreshed }, unit)).reviews).toHaveLength(1);
  });

  it('maps 429 with Retry-After to rate_limited and 500 to unavailable', async () => {
    const tokens = await connect();
    tp.fail({ status: 429, retryAfter: '120', match: (r) => r.path.includes('/private/') });
    expect(await failure(connector.fetchReviews({ tokens }, unit))).toMatchObject({
      kind: 'rate_limited',
      retryAfterMs: 120_000,
    });
    tp.fail({ status: 500 });
    expect((await failure(connector.fetchReviews({ tokens }, unit))).kind).toBe('unavailable');
  });
});

describe('Trustpilot connector: replies', () => {
  it('posts the reply to the review and deletes it through the reply endpoint', async () => {
    const review = tpReview();
    tp.setReviews(unitId, [review]);
    const tokens = await connect();

    await connector.postReply!({ tokens }, unit, review.id, 'Thank you, Bo!');
    const post = tp.requestsTo(`/v1/private/reviews/${review.id}/reply`, 'POST')[0];
    expect(post.json).toEqual({ message: 'Thank you, Bo!' });
    expect(post.headers.authorization).toBe(`Bearer ${tokens.accessToken}`);
    expect(post.headers['content-type']).toBe('application/json');
    expect(tp.review(review.id)?.companyReply?.text).toBe('Thank you, Bo!');

    const withAuthor = { ...tokens, extra: { ...tokens.extra, businessUserId: 'bu-user-1' } };
    await connector.postReply!({ tokens: withAuthor }, unit, review.id, 'Edited');
    expect(tp.requestsTo(`/v1/private/reviews/${review.id}/reply`, 'POST')[1].json).toEqual({
      message: 'Edited',
      authorBusinessUserId: 'bu-user-1',
    });

    await connector.deleteReply!({ tokens }, unit, review.id);
    expect(tp.requestsTo(`/v1/private/reviews/${review.id}/reply`, 'DELETE')).toHaveLength(1);
    expect(tp.review(review.id)?.companyReply).toBeNull();
  });

  it('a reply to a review the platform does not know is not_found', async () => {
    const tokens = await connect();
    expect((await failure(connector.postReply!({ tokens }, unit, 'missing', 'Hi'))).kind).toBe('not_found');
  });
});
