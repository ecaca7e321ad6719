import { describe, expect, it } from 'vitest';
import { emrSetup } from './harness';

/** Organization A with a business, a testimonial and a campaign; B's key tries everything of A's. */
async function twoTenants() {
  const t = emrSetup();
  const biz = await t.business('A Clinic');
  const review = await t.emr('POST', '/api/v1/reviews', {
    json: {
      author: 'Ann',
      rating: 5,
      published_on: '2026-01-02',
      organization_id: biz.n,
      location_id: biz.n,
      source: 7,
    },
  });
  const campaign = await t.call('POST', '/api/v1/campaigns', {
    body: { businessId: biz.id, name: 'A campaign', steps: [{ delayHours: 0 }] },
  });
  const other = t.otherOrg();
  return { ...t, biz, review: review.json.data, campaign: campaign.json, otherKey: other.key };
}

describe('EmbedMyReviews compat tenancy: a key of B reaches nothing of A', () => {
  it('answers 404 or an empty list on every route, and changes nothing of A', async () => {
    const t = await twoTenants();
    const key = t.otherKey;
    const n = t.review.id;
    const lists = [
      '/api/v1/reviews',
      `/api/v1/reviews?organization_id=${t.biz.n}`,
      `/api/v1/reviews?location_id=${t.biz.n}`,
      `/api/v1/reviews/sources?organization_id=${t.biz.n}`,
      '/api/v1/organizations',
      '/api/v1/request-reviews/campaigns',
      `/api/v1/request-reviews/campaigns?organization_id=${t.biz.n}`,
    ];
    for (const path of lists) {
      const res = await t.emr('GET', path, { key });
      expect(res.status, path).toBe(200);
      expect(res.json.data, path).toEqual([]);
      expect(res.json.meta.total, path).toBe(0);
    }
    const misses: Array<[string, string, Record<string, unknown>?]> = [
      ['GET', `/api/v1/reviews/${n}`],
      ['PUT', `/api/v1/reviews/${n}`, { rating: 1 }],
      ['DELETE', `/api/v1/reviews/${n}`],
      ['GET', `/api/v1/organizations/${t.biz.n}`],
      ['PUT', `/api/v1/organizations/${t.biz.n}`, { name: 'Mine now' }],
      ['DELETE', `/api/v1/organizations/${t.biz.n}`],
      ['POST', `/api/v1/request-reviews/campaigns/${t.campaign.id}/invite`, { email: 'x@example.com' }],
    ];
    for (const [method, path, json] of misses) {
      const res = await t.emr(method, path, { key, json });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(Object.keys(res.json), `${method} ${path}`).toEqual(['message']);
    }
    const into = await t.emr('POST', '/api/v1/reviews', {
      key,
      json: {
        author: 'Eve',
        rating: 1,
        published_on: '2026-01-02',
        organization_id: t.biz.n,
        location_id: t.biz.n,
        source: 7,
      },
    });
    expect(into.status).toBe(422);
    expect(Object.keys(into.json.errors)).toEqual(['organization_id']);

    const still = await t.emr('GET', `/api/v1/reviews/${n}`);
    expect(still.json.data).toMatchObject({ rating: 5, author: 'Ann' });
    expect((await t.emr('GET', `/api/v1/organizations/${t.biz.n}`)).json.name).toBe('A Clinic');
    expect((await t.call('GET', '/api/v1/review-requests')).json.data).toEqual([]);
    expect((await t.call('GET', '/api/v1/reviews')).json.pagination.total).toBe(1);
  });
});
