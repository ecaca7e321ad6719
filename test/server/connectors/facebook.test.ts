import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Connector, PlatformError, type TokenSet } from '../../../server/connectors/connector';
import { createFacebookConnector, FACEBOOK_SCOPES } from '../../../server/connectors/facebook';
import { graphFailure } from '../../../server/connectors/facebook-graph';
import { CONNECTORS } from '../../../server/connectors/registry';
import { type FacebookStandIn, fbRecommendation, startFacebookStandIn } from './stand-ins/facebook';
import { followConsent } from './stand-ins/http-stand-in';

const redirectUri = 'http://plaudit.test/api/v1/connections/callback';
const page = { externalId: '1001', name: 'Acme Bakery' };

let fb: FacebookStandIn;
let connector: Connector;

beforeEach(async () => {
  fb = await startFacebookStandIn({ pageSize: 2 });
  connector = createFacebookConnector({ clientId: fb.appId, clientSecret: fb.appSecret, baseUrl: fb.url });
});
afterEach(() => fb.close());

/** Connects with the stand-in's `approve` (what the engine's end-to-end tests use) in place of the browser. */
async function connect(): Promise<TokenSet> {
  const { code } = fb.approve(
    connector.oauth!.authorizeUrl({ state: 's1', codeVerifier: null, redirectUri }).href,
  );
  return connector.oauth!.exchange({ code, codeVerifier: null, redirectUri });
}

async function failure(promise: Promise<unknown>): Promise<PlatformError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PlatformError);
  return error as PlatformError;
}

describe('Facebook connector: connecting', () => {
  it('is registered and sends the owner to the Login dialog with state, the Page scopes and the redirect', () => {
    expect(CONNECTORS.facebook).toBe(createFacebookConnector);
    const url = connector.oauth!.authorizeUrl({ state: 'st-123', codeVerifier: null, redirectUri });
    expect(url.origin).toBe(fb.url);
    expect(url.pathname).toBe('/v23.0/dialog/oauth');
    expect(url.searchParams.get('client_id')).toBe(fb.appId);
    expect(url.searchParams.get('redirect_uri')).toBe(redirectUri);
    expect(url.searchParams.get('state')).toBe('st-123');
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('scope')?.split(' ').sort()).toEqual([
      'pages_manage_engagement',
      'pages_read_engagement',
      'pages_read_user_content',
      'pages_show_list',
    ]);
    expect(url.searchParams.has('code_challenge')).toBe(false);
    expect(connector.oauth!.usesPkce).toBe(false);

    const real = createFacebookConnector({ clientId: 'app', clientSecret: 's', baseUrl: null });
    const realUrl = real.oauth!.authorizeUrl({ state: 'x', codeVerifier: null, redirectUri });
    expect(`${realUrl.origin}${realUrl.pathname}`).toBe('https://www.facebook.com/v23.0/dialog/oauth');
  });

  it('exchanges the code, then trades the short-lived token for a long-lived one and keeps the Page tokens', async () => {
    const back = await followConsent(
      connector.oauth!.authorizeUrl({ state: 'st-9', codeVerifier: null, redirectUri }),
    );
    expect(back.searchParams.get('state')).toBe('st-9');
    const tokens = await connector.oauth!.exchange({
      code: back.searchParams.get('code')!,
      codeVerifier: null,
      redirectUri,
    });

    const [codeCall, longCall] = fb.requestsTo('/v23.0/oauth/access_token');
    expect(codeCall.query).toMatchObject({
      client_id: fb.appId,
      client_secret: fb.appSecret,
      redirect_uri: redirectUri,
      code: back.searchParams.get('code'),
    });
    expect(longCall.query.grant_type).toBe('fb_exchange_token');
    expect(longCall.query.fb_exchange_token).toMatch(/^fb-short-/);
    expect(tokens.accessToken).toMatch(/^fb-long-/);
    expect(tokens.expiresAt).toBeNull(); // Page tokens read with a long-lived user token never expire
    expect(tokens.scopes).toEqual(FACEBOOK_SCOPES);
    expect(tokens.extra?.['page:1001']).toBe(fb.pageToken('1001'));
    expect(Date.parse(tokens.extra!.userTokenExpiresAt)).toBeGreaterThan(Date.now() + 50 * 86_400_000);
    expect(connector.oauth!.refresh).toBeUndefined();
  });

  it('refuses a code that was not issued for this redirect', async () => {
    const back = await followConsent(
      connector.oauth!.authorizeUrl({ state: 's', codeVerifier: null, redirectUri }),
    );
    const error = await failure(
      connector.oauth!.exchange({
        code: back.searchParams.get('code')!,
        codeVerifier: null,
        redirectUri: 'http://evil.test/cb',
      }),
    );
    expect(error.kind).toBe('rejected');
  });

  it('lists the Pages the grant can see, with their reviews page', async () => {
    const tokens = await connect();
    const locations = await connector.listLocations({ tokens });
    expect(locations).toEqual([
      { externalId: '1001', name: 'Acme Bakery', url: 'https://www.facebook.com/1001/reviews' },
    ]);
    const call = fb.requestsTo('/v23.0/me/accounts')[0];
    expect(call.query.access_token).toBe(tokens.accessToken);
    expect(call.query.appsecret_proof).toBe(
      createHmac('sha256', fb.appSecret).update(tokens.accessToken).digest('hex'),
    );
  });
});

describe('Facebook connector: reviews', () => {
  it('pages through the ratings edge across 3 pages and maps ratings, recommendations and the Page reply', async () => {
    const legacy = fbRecommendation({
      created_time: '2026-06-05T09:00:00+0000',
      rating: 4,
      review_text: 'Good bread',
    });
    const negative = fbRecommendation({
      created_time: '2026-06-04T09:00:00+0000',
      recommendation_type: 'negative',
      review_text: 'Cold coffee',
    });
    const positive = fbRecommendation({ created_time: '2026-06-03T09:00:00+0000', review_text: 'Lovely' });
    const anonymous = fbRecommendation({ created_time: '2026-06-02T09:00:00+0000', reviewer: undefined });
    const replied = fbRecommendation({ created_time: '2026-06-01T09:00:00+0000', review_text: 'Nice staff' });
    fb.setRatings('1001', [replied, anonymous, positive, negative, legacy]);
    fb.setComments(replied.open_graph_story.id, [
      {
        id: 'c1',
        message: 'Me too!',
        created_time: '2026-06-01T10:00:00+0000',
        from: { id: '42', name: 'Friend' },
      },
      {
        id: 'c2',
        message: 'Thank you!',
        created_time: '2026-06-01T11:00:00+0000',
        from: { id: '1001', name: 'Acme' },
      },
    ]);
    const tokens = await connect();

    const first = await connector.fetchReviews({ tokens }, page);
    const second = await connector.fetchReviews({ tokens }, page, first.nextPageToken);
    const third = await connector.fetchReviews({ tokens }, page, second.nextPageToken);
    expect([first.reviews.length, second.reviews.length, third.reviews.length]).toEqual([2, 2, 1]);
    expect(first.nextPageToken).toBeTruthy();
    expect(second.nextPageToken).toBeTruthy();
    expect(third.nextPageToken).toBeNull();
    expect(first.averageRating).toBe(4.5);
    expect(first.totalReviewCount).toBe(12);
    expect(second.averageRating).toBeUndefined();

    const calls = fb.requestsTo('/v23.0/1001/ratings');
    expect(calls.map((c) => c.query.after ?? null)).toEqual([
      null,
      first.nextPageToken,
      second.nextPageToken,
    ]);
    expect(calls[0].query.access_token).toBe(fb.pageToken('1001'));
    expect(calls[0].query.fields).toContain('recommendation_type');
    expect(calls[0].query.fields).toContain('open_graph_story{id,comments');

    const all = [...first.reviews, ...second.reviews, ...third.reviews];
    expect(all.map((r) => r.rating)).toEqual([4, 1, 5, 5, 5]);
    expect(all[0]).toEqual({
      externalId: legacy.open_graph_story.id,
      rating: 4,
      content: 'Good bread',
      authorName: 'Ann Lee',
      url: null,
      publishedAt: '2026-06-05T09:00:00.000Z',
      updatedAt: '2026-06-05T09:00:00.000Z',
      reply: null,
    });
    expect(all[1].content).toBe('Cold coffee');
    expect(all[3]).toMatchObject({ authorName: 'Facebook user', content: null });
    expect(all[4].reply).toEqual({ text: 'Thank you!', updatedAt: '2026-06-01T11:00:00.000Z' });
  });

  it('reads the Page token when the connection does not hold it yet', async () => {
    fb.setRatings('1001', [fbRecommendation()]);
    const tokens: TokenSet = { accessToken: fb.issueUserToken() };
    const result = await connector.fetchReviews({ tokens }, page);
    expect(result.reviews).toHaveLength(1);
    expect(fb.requestsTo('/v23.0/1001')[0].query).toMatchObject({ fields: 'access_token' });
    expect(tokens.extra?.['page:1001']).toBe(fb.pageToken('1001'));
  });

  it('maps an expired or revoked token (OAuthException 190, HTTP 400 or 401) to unauthorized', async () => {
    const tokens = await connect();
    fb.revokeTokens();
    expect((await failure(connector.fetchReviews({ tokens }, page))).kind).toBe('unauthorized');
    expect((await failure(connector.listLocations({ tokens }))).kind).toBe('unauthorized');

    const fresh = await connect();
    fb.fail({ status: 401 });
    const error = await failure(connector.fetchReviews({ tokens: fresh }, page));
    expect(error).toMatchObject({ kind: 'unauthorized', status: 401 });
  });

  it('maps 429 with Retry-After to rate_limited, Graph rate-limit codes too, and 500 to unavailable', async () => {
    const tokens = await connect();
    fb.fail({ status: 429, retryAfter: '30' });
    expect(await failure(connector.fetchReviews({ tokens }, page))).toMatchObject({
      kind: 'rate_limited',
      status: 429,
      retryAfterMs: 30_000,
    });
    fb.fail({ status: 400, body: { error: { message: 'Page request limit reached', code: 32 } } });
    expect((await failure(connector.fetchReviews({ tokens }, page))).kind).toBe('rate_limited');
    fb.fail({ status: 500 });
    expect((await failure(connector.fetchReviews({ tokens }, page))).kind).toBe('unavailable');
    expect((await connector.fetchReviews({ tokens }, page)).reviews).toEqual([]);
  });

  it('reads Graph error codes before the HTTP status', () => {
    expect(graphFailure(400, { code: 190, error_subcode: 463 }, null).kind).toBe('unauthorized');
    expect(graphFailure(403, { code: 200 }, null).kind).toBe('unauthorized');
    expect(graphFailure(400, { code: 17 }, null).kind).toBe('rate_limited');
    expect(graphFailure(400, { code: 2 }, null).kind).toBe('unavailable');
    expect(graphFailure(400, { code: 100, error_subcode: 33 }, null).kind).toBe('not_found');
    expect(graphFailure(400, { code: 100 }, null).kind).toBe('rejected');
    expect(graphFailure(503, undefined, 5000)).toMatchObject({ kind: 'unavailable', retryAfterMs: 5000 });
  });
});

describe('Facebook connector: replies', () => {
  it('posts the reply as the Page comment on the review story, and an edit changes that comment', async () => {
    const review = fbRecommendation();
    fb.setRatings('1001', [review]);
    const story = review.open_graph_story.id;
    const tokens = await connect();

    await connector.postReply!({ tokens }, page, story, 'Thanks for coming!');
    const post = fb.requestsTo(`/v23.0/${story}/comments`, 'POST')[0];
    expect(post.form.message).toBe('Thanks for coming!');
    expect(post.form.access_token).toBe(fb.pageToken('1001'));
    expect(fb.commentsOn(story)).toMatchObject([{ message: 'Thanks for coming!', from: { id: '1001' } }]);

    await connector.postReply!({ tokens }, page, story, 'Thanks, see you soon!');
    const commentId = fb.commentsOn(story)[0].id;
    expect(fb.requestsTo(`/v23.0/${commentId}`, 'POST')[0].form.message).toBe('Thanks, see you soon!');
    expect(fb.commentsOn(story)).toHaveLength(1);
    expect(fb.commentsOn(story)[0].message).toBe('Thanks, see you soon!');
  });

  it("deletes the Page's reply and leaves other people's comments", async () => {
    const review = fbRecommendation();
    fb.setRatings('1001', [review]);
    const story = review.open_graph_story.id;
    fb.setComments(story, [
      {
        id: 'other',
        message: 'Agreed',
        created_time: '2026-06-01T10:00:00+0000',
        from: { id: '42', name: 'Friend' },
      },
      {
        id: 'ours',
        message: 'Thank you',
        created_time: '2026-06-01T11:00:00+0000',
        from: { id: '1001', name: 'Acme' },
      },
    ]);
    const tokens = await connect();

    await connector.deleteReply!({ tokens }, page, story);
    expect(fb.requestsTo('/v23.0/ours', 'DELETE')).toHaveLength(1);
    expect(fb.requestsTo('/v23.0/other', 'DELETE')).toHaveLength(0);
    expect(fb.commentsOn(story).map((c) => c.id)).toEqual(['other']);
  });
});
