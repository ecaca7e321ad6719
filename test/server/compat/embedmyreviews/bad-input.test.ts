import { describe, expect, it } from 'vitest';
import { emrSetup } from './harness';

type Call = {
  method: string;
  path: string;
  json?: unknown;
  form?: Record<string, string>;
  raw?: string;
  fields: string[];
};

/** A business, a testimonial and a campaign; then every route gets bad input. */
async function seeded() {
  const t = emrSetup();
  const biz = await t.business('Clinic');
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
    body: { businessId: biz.id, name: 'C', steps: [{ delayHours: 0 }] },
  });
  return { ...t, biz, review: review.json.data, campaign: campaign.json };
}

/** Everything a 422 could have changed, read through the native API. */
async function snapshot(t: Awaited<ReturnType<typeof seeded>>) {
  const [reviews, businesses, requests, customers] = await Promise.all(
    ['/api/v1/reviews', '/api/v1/businesses', '/api/v1/review-requests', '/api/v1/customers'].map((p) =>
      t.call('GET', p),
    ),
  );
  return [reviews.json, businesses.json, requests.json, customers.json];
}

describe('EmbedMyReviews compat: bad input is a 422 in the product’s shape and changes nothing', () => {
  it('on every route that takes input', async () => {
    const t = await seeded();
    const r = t.review.id;
    const o = t.biz.n;
    const calls: Call[] = [
      { method: 'GET', path: '/api/v1/reviews?rating=9', fields: ['rating'] },
      { method: 'GET', path: '/api/v1/reviews?page=0', fields: ['page'] },
      { method: 'GET', path: '/api/v1/organizations?page=x', fields: ['page'] },
      {
        method: 'POST',
        path: '/api/v1/reviews',
        json: {},
        fields: ['author', 'rating', 'published_on', 'organization_id', 'location_id', 'source'],
      },
      {
        method: 'POST',
        path: '/api/v1/reviews',
        form: {
          author: 'A',
          rating: '9',
          published_on: '15/01/2026',
          organization_id: String(o),
          location_id: String(o),
          source: '7',
        },
        fields: ['rating', 'published_on'],
      },
      {
        method: 'POST',
        path: '/api/v1/reviews',
        json: {
          author: 'A',
          rating: 5,
          published_on: '2026-01-02',
          organization_id: o,
          location_id: o + 1000,
          source: 7,
        },
        fields: ['location_id'],
      },
      {
        method: 'POST',
        path: '/api/v1/reviews',
        json: {
          author: 'A',
          rating: 5,
          published_on: '2026-01-02',
          organization_id: o,
          location_id: o,
          source: 7,
          avatar: 'http://not-https',
        },
        fields: ['avatar'],
      },
      { method: 'POST', path: '/api/v1/reviews', raw: '{"author":', fields: ['body'] },
      { method: 'PUT', path: `/api/v1/reviews/${r}`, form: { rating: 'five' }, fields: ['rating'] },
      { method: 'PUT', path: `/api/v1/reviews/${r}`, json: { source: 1 }, fields: ['source'] },
      { method: 'PUT', path: `/api/v1/reviews/${r}`, json: { author: 'x'.repeat(256) }, fields: ['author'] },
      { method: 'POST', path: '/api/v1/organizations', json: {}, fields: ['name'] },
      { method: 'POST', path: '/api/v1/organizations', json: { name: 'x'.repeat(256) }, fields: ['name'] },
      { method: 'POST', path: '/api/v1/organizations', json: { name: 'clinic' }, fields: ['name'] },
      { method: 'PUT', path: `/api/v1/organizations/${o}`, json: { name: '' }, fields: ['name'] },
      {
        method: 'POST',
        path: `/api/v1/request-reviews/campaigns/${t.campaign.id}/invite`,
        json: {},
        fields: ['email', 'phone'],
      },
      {
        method: 'POST',
        path: `/api/v1/request-reviews/campaigns/${t.campaign.id}/invite`,
        json: { email: 'not-an-email' },
        fields: ['email'],
      },
      {
        method: 'POST',
        path: `/api/v1/request-reviews/campaigns/${t.campaign.id}/invite`,
        json: { phone: '12' },
        fields: ['phone'],
      },
      {
        method: 'POST',
        path: `/api/v1/request-reviews/campaigns/${t.campaign.id}/invite`,
        json: { email: 'a@example.com', send_after_hours: -1 },
        fields: ['send_after_hours'],
      },
    ];
    const before = await snapshot(t);
    for (const call of calls) {
      const label = `${call.method} ${call.path} ${JSON.stringify(call.json ?? call.form ?? call.raw)}`;
      const res = await t.emr(call.method, call.path, { json: call.json, form: call.form, raw: call.raw });
      expect(res.status, label).toBe(422);
      expect(typeof res.json.message, label).toBe('string');
      expect(Object.keys(res.json.errors).sort(), label).toEqual([...call.fields].sort());
      for (const messages of Object.values(res.json.errors))
        expect(messages, label).toEqual([expect.any(String)]);
    }
    expect(await snapshot(t)).toEqual(before);
  });
});
