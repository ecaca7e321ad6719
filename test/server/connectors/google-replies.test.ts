import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ConnectorEnv, connectorEnv } from './connector-env';
import { type GoogleStandIn, googleReview, startGoogleStandIn } from './google-stand-in';

const LOCATION = 'accounts/1/locations/10';

let google: GoogleStandIn;
let env: ConnectorEnv;
let reviewId: string;
beforeEach(async () => {
  google = await startGoogleStandIn();
  env = connectorEnv({ platforms: { google: { baseUrl: google.url } } });
  google.reviews().push(googleReview(1), googleReview(2));
  const connection = await env.connectOAuth('google', google.approve);
  const location = await env.mapLocation(connection.id, LOCATION);
  await env.drain();
  reviewId = env.reviewsOf(location.businessId).find((r) => r.externalId === 'g-review-2')?.id as string;
});
afterEach(async () => {
  await env.worker.stop();
  await google.close();
});

const onGoogle = () => google.reviews().find((r) => r.reviewId === 'g-review-2');
const replyCalls = () => google.requests.filter((r) => r.path.endsWith('/reviews/g-review-2/reply'));

describe('replies go back to Google', () => {
  it('a reply is queued (pending) and posted with PUT …/reply; the review then says posted', async () => {
    const res = await env.call('POST', `/api/v1/reviews/${reviewId}/reply`, {
      body: { reply: 'Thank you, Reviewer 2!' },
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      reply: 'Thank you, Reviewer 2!',
      replyStatus: 'pending',
      replyError: null,
    });
    expect(replyCalls()).toEqual([]);

    await env.drain();
    expect(replyCalls().map((r) => [r.method, JSON.parse(r.body)])).toEqual([
      ['PUT', { comment: 'Thank you, Reviewer 2!' }],
    ]);
    expect(onGoogle()?.reviewReply?.comment).toBe('Thank you, Reviewer 2!');
    const after = await env.call('GET', `/api/v1/reviews/${reviewId}`);
    expect(after.json).toMatchObject({ replyStatus: 'posted', replyError: null, replyUrl: null });
    const list = await env.call('GET', '/api/v1/reviews');
    expect(list.json.data.find((r: { id: string }) => r.id === reviewId)).toMatchObject({
      replyStatus: 'posted',
    });

    // The next sync reads the reply back from Google and leaves it as it is.
    env.clock.advance(30 * 60_000);
    await env.drain();
    expect((await env.call('GET', `/api/v1/reviews/${reviewId}`)).json).toMatchObject({
      reply: 'Thank you, Reviewer 2!',
      replyStatus: 'posted',
    });
  });

  it('a reply Google fails (503) is retried and then posted', async () => {
    google.failNext(/\/reply$/, 503);
    await env.call('POST', `/api/v1/reviews/${reviewId}/reply`, { body: { reply: 'Sorry about that' } });
    await env.drain();
    expect(replyCalls()).toHaveLength(1);
    expect(onGoogle()?.reviewReply).toBeUndefined();
    expect((await env.call('GET', `/api/v1/reviews/${reviewId}`)).json.replyStatus).toBe('pending');

    env.clock.advance(60_000);
    await env.drain();
    expect(replyCalls()).toHaveLength(2);
    expect(onGoogle()?.reviewReply?.comment).toBe('Sorry about that');
    expect((await env.call('GET', `/api/v1/reviews/${reviewId}`)).json.replyStatus).toBe('posted');
  });

  it('a reply Google refuses is failed with the reason; a sync meanwhile keeps the owner’s text', async () => {
    google.failNext(/\/reply$/, 400);
    await env.call('POST', `/api/v1/reviews/${reviewId}/reply`, { body: { reply: 'Thanks' } });
    await env.drain();
    const failed = (await env.call('GET', `/api/v1/reviews/${reviewId}`)).json;
    expect(failed).toMatchObject({
      reply: 'Thanks',
      replyStatus: 'failed',
      replyError: expect.stringContaining('HTTP 400'),
    });
    env.clock.advance(30 * 60_000);
    await env.drain();
    expect((await env.call('GET', `/api/v1/reviews/${reviewId}`)).json).toMatchObject({
      reply: 'Thanks',
      replyStatus: 'failed',
    });
  });

  it('deleting the reply deletes it on Google too', async () => {
    await env.call('POST', `/api/v1/reviews/${reviewId}/reply`, { body: { reply: 'Thanks' } });
    await env.drain();
    const res = await env.call('DELETE', `/api/v1/reviews/${reviewId}/reply`);
    expect(res.json).toMatchObject({ reply: null, replyStatus: 'pending' });
    await env.drain();
    expect(replyCalls().map((r) => r.method)).toEqual(['PUT', 'DELETE']);
    expect(onGoogle()?.reviewReply).toBeUndefined();
    expect((await env.call('GET', `/api/v1/reviews/${reviewId}`)).json).toMatchObject({
      reply: null,
      replyStatus: null,
    });
  });

  it('reviews no connection brought carry no replyStatus', async () => {
    const business = await env.createBusiness();
    const own = await env.call('POST', '/api/v1/reviews', {
      body: { businessId: business.id, source: 'direct', rating: 5, authorName: 'Ana' },
    });
    const replied = await env.call('POST', `/api/v1/reviews/${own.json.id}/reply`, {
      body: { reply: 'Thanks' },
    });
    expect(replied.json).not.toHaveProperty('replyStatus');
    await env.drain();
    expect(google.requests.filter((r) => r.path.endsWith('/reply'))).toEqual([]);
  });
});
