import { describe, expect, it } from 'vitest';
import { setup } from '../helpers';
import { insertReviewRow, setRequestSteps } from '../rows';

/**
 * A hand-built dataset, "now" being 2026-06-15 (the test clock):
 * Joe's — before June: 5 (google, replied after 2 h), 3 (yelp, replied after 10 h), 1 (google, hidden);
 *          June: 4 (google), 5 (facebook, replied after 24 h, negative sentiment: a stray label on purpose);
 *          one published last year (2 stars, yelp) falls outside a 6-month window;
 * Other — May: 2 (google).
 */
async function dataset() {
  const t = setup();
  const joes = await t.createBusiness();
  const other = await t.createBusiness({ name: 'Other' });
  const review = (
    businessId: string,
    fields: Omit<Parameters<typeof insertReviewRow>[1], 'organizationId' | 'businessId'>,
  ) => insertReviewRow(t.db, { organizationId: t.org.id, businessId, ...fields });
  review(joes.id, {
    rating: 5,
    publishedAt: '2026-04-10T08:00:00.000Z',
    repliedAt: '2026-04-10T10:00:00.000Z',
  });
  review(joes.id, {
    rating: 3,
    publishedAt: '2026-05-31T23:59:59.999Z',
    repliedAt: '2026-06-01T09:59:59.999Z',
    source: 'yelp',
    sentiment: 'neutral',
  });
  review(joes.id, {
    rating: 1,
    publishedAt: '2026-05-02T08:00:00.000Z',
    hidden: true,
    sentiment: 'negative',
  });
  review(joes.id, { rating: 4, publishedAt: '2026-06-01T00:00:00.000Z' });
  review(joes.id, {
    rating: 5,
    publishedAt: '2026-06-14T12:00:00.000Z',
    repliedAt: '2026-06-15T12:00:00.000Z',
    source: 'facebook',
    sentiment: 'negative',
  });
  review(joes.id, {
    rating: 2,
    publishedAt: '2025-11-20T08:00:00.000Z',
    source: 'yelp',
    sentiment: 'negative',
  });
  review(other.id, { rating: 2, publishedAt: '2026-05-20T08:00:00.000Z', sentiment: 'negative' });

  const request = async (businessId: string, phone: string) =>
    (
      await t.call('POST', '/api/v1/review-requests', {
        body: { businessId, method: 'sms', customerPhone: phone },
      })
    ).json.id;
  const sent = '2026-06-10T10:00:00.000Z';
  setRequestSteps(t.db, await request(joes.id, '+14155550101'), {
    status: 'completed',
    sentAt: sent,
    completedAt: sent,
  });
  setRequestSteps(t.db, await request(joes.id, '+14155550102'), {
    status: 'opened',
    sentAt: sent,
    openedAt: sent,
  });
  setRequestSteps(t.db, await request(joes.id, '+14155550103'), { status: 'sent', sentAt: sent });
  await request(joes.id, '+14155550104'); // pending: not sent
  setRequestSteps(t.db, await request(other.id, '+14155550105'), {
    status: 'completed',
    sentAt: sent,
    completedAt: sent,
  });
  return { t, joes, other };
}

describe('analytics API', () => {
  it('computes the overview of one business from a hand-built dataset', async () => {
    const { t, joes } = await dataset();
    const res = await t.call('GET', `/api/v1/analytics/overview?businessId=${joes.id}`);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      totalReviews: 5, // the hidden one left out
      averageRating: 3.8, // (5+3+4+5+2)/5
      responseRate: 0.6, // 3 of 5 replied
      averageResponseTimeHours: 12, // (2+10+24)/3
      requestsSent: 3,
      requestConversionRate: 0.3333, // 1 of 3
      sentimentBreakdown: { positive: 2, neutral: 1, negative: 2 },
      platformBreakdown: { google: 2, yelp: 2, facebook: 1 },
      reviewsThisMonth: 2,
      ratingChangeThisMonth: 1.17, // June 4.5 − before (5+3+2)/3 = 3.333…
    });
  });

  it('computes the overview of the whole organization', async () => {
    const { t } = await dataset();
    const res = await t.call('GET', '/api/v1/analytics/overview');
    expect(res.json).toMatchObject({
      totalReviews: 6,
      averageRating: 3.5,
      responseRate: 0.5,
      requestsSent: 4,
      requestConversionRate: 0.5,
      platformBreakdown: { google: 3, yelp: 2, facebook: 1 },
      reviewsThisMonth: 2,
      ratingChangeThisMonth: 1.5, // 4.5 − (5+3+2+2)/4
    });
  });

  it('answers nulls, not zeros, where there is nothing to divide', async () => {
    const t = setup();
    const biz = await t.createBusiness();
    const empty = await t.call('GET', `/api/v1/analytics/overview?businessId=${biz.id}`);
    expect(empty.json).toEqual({
      totalReviews: 0,
      averageRating: null,
      responseRate: null,
      averageResponseTimeHours: null,
      requestsSent: 0,
      requestConversionRate: null,
      sentimentBreakdown: { positive: 0, neutral: 0, negative: 0 },
      platformBreakdown: {},
      reviewsThisMonth: 0,
      ratingChangeThisMonth: null,
    });
    insertReviewRow(t.db, {
      organizationId: t.org.id,
      businessId: biz.id,
      rating: 4,
      publishedAt: '2026-06-02T00:00:00.000Z',
    });
    expect((await t.call('GET', '/api/v1/analytics/overview')).json).toMatchObject({
      reviewsThisMonth: 1,
      ratingChangeThisMonth: null,
    });
  });

  it('follows the injected clock for "this month"', async () => {
    const { t, joes } = await dataset();
    t.clock.set('2026-07-01T00:00:00.000Z');
    const july = await t.call('GET', `/api/v1/analytics/overview?businessId=${joes.id}`);
    expect(july.json).toMatchObject({ reviewsThisMonth: 0, ratingChangeThisMonth: null });
    t.clock.set('2026-05-31T23:59:59.999Z');
    const may = await t.call('GET', `/api/v1/analytics/overview?businessId=${joes.id}`);
    expect(may.json).toMatchObject({ reviewsThisMonth: 1, ratingChangeThisMonth: -0.5 }); // 3 − (5+2)/2
  });

  it('gives monthly ratings with empty months, oldest first', async () => {
    const { t, joes } = await dataset();
    const res = await t.call('GET', `/api/v1/analytics/ratings?businessId=${joes.id}`);
    expect(res.status).toBe(200);
    expect(res.json).toEqual([
      { month: '2026-01', averageRating: null, count: 0 },
      { month: '2026-02', averageRating: null, count: 0 },
      { month: '2026-03', averageRating: null, count: 0 },
      { month: '2026-04', averageRating: 5, count: 1 },
      { month: '2026-05', averageRating: 3, count: 1 },
      { month: '2026-06', averageRating: 4.5, count: 2 },
    ]);
    const year = await t.call('GET', '/api/v1/analytics/ratings?months=8');
    expect(year.json).toHaveLength(8);
    expect(year.json[0]).toEqual({ month: '2025-11', averageRating: 2, count: 1 });
    expect(year.json[6]).toEqual({ month: '2026-05', averageRating: 2.5, count: 2 });
    expect((await t.call('GET', '/api/v1/analytics/ratings?months=24')).json[0].month).toBe('2024-07');
  });

  it('validates months and answers 401, 403 and 404 for another organization’s business', async () => {
    const { t, joes } = await dataset();
    for (const months of ['0', '25', 'six']) {
      const bad = await t.call('GET', `/api/v1/analytics/ratings?months=${months}`);
      expect(bad.status).toBe(400);
      expect(bad.json.details.months).toBeDefined();
    }
    expect((await t.call('GET', '/api/v1/analytics/overview', { key: null })).status).toBe(401);
    const noScope = t.keyWithScopes(['reviews:read']);
    expect((await t.call('GET', '/api/v1/analytics/overview', { key: noScope })).status).toBe(403);
    expect((await t.call('GET', '/api/v1/analytics/ratings', { key: noScope })).status).toBe(403);
    const other = t.otherOrg();
    for (const path of ['overview', 'ratings']) {
      const res = await t.call('GET', `/api/v1/analytics/${path}?businessId=${joes.id}`, { key: other.key });
      expect(res.status).toBe(404);
    }
    expect((await t.call('GET', '/api/v1/analytics/overview', { key: other.key })).json.totalReviews).toBe(0);
  });
});
