import { describe, expect, it } from 'vitest';
import { setup } from '../helpers';

describe('businesses API', () => {
  it('creates a business in soft gating mode with deep links built from its platforms', async () => {
    const t = setup();
    const res = await t.call('POST', '/api/v1/businesses', {
      body: {
        name: "Joe's Café",
        timezone: 'America/New_York',
        platforms: {
          google: { placeId: 'ChIJN1t_tDeuEmsRUsoyG83frY4' },
          yelp: { url: 'https://www.yelp.com/biz/joes-cafe-new-york' },
          facebook: { url: 'https://www.facebook.com/joescafe' },
          tripadvisor: {
            url: 'https://www.tripadvisor.com/Restaurant_Review-g60763-d1234567-Reviews-Joes.html',
          },
          trustpilot: { domain: 'joescafe.com' },
        },
      },
    });
    expect(res.status).toBe(201);
    expect(res.json.slug).toBe('joes-cafe');
    expect(res.json.gating).toMatchObject({ mode: 'soft', threshold: 4, scale: 'stars' });
    expect(res.json.reviewLink).toBe('http://plaudit.test/b/joes-cafe');
    expect(res.json.reviewLinks.map((l: { url: string }) => l.url)).toEqual([
      'https://search.google.com/local/writereview?placeid=ChIJN1t_tDeuEmsRUsoyG83frY4',
      'https://www.yelp.com/writeareview/biz/joes-cafe-new-york',
      'https://www.facebook.com/joescafe/reviews',
      'https://www.tripadvisor.com/UserReviewEdit-g60763-d1234567',
      'https://www.trustpilot.com/evaluate/joescafe.com',
    ]);
  });

  it('never creates a business in strict mode without the policy acknowledgement', async () => {
    const t = setup();
    const refused = await t.call('POST', '/api/v1/businesses', {
      body: { name: 'A', gating: { mode: 'strict' } },
    });
    expect(refused.status).toBe(400);
    expect(refused.json.code).toBe('VALIDATION_ERROR');
    expect(refused.json.details['gating.acknowledgePolicyRisk']).toBeDefined();
    const list = await t.call('GET', '/api/v1/businesses');
    expect(list.json.pagination.total).toBe(0);

    const strict = await t.createBusiness({ gating: { mode: 'strict', acknowledgePolicyRisk: true } });
    expect(strict.gating.mode).toBe('strict');
    expect(strict.gating.policyRiskAcknowledgedAt).toBeTruthy();
  });

  it('rejects bad fields with details and a taken slug with 409', async () => {
    const t = setup();
    const bad = await t.call('POST', '/api/v1/businesses', {
      body: {
        name: '',
        timezone: 'Mars/Olympus',
        brandColor: 'red',
        platforms: { yelp: { url: 'https://evil.example/x' } },
      },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.details)).toEqual(
      expect.arrayContaining(['name', 'timezone', 'brandColor', 'platforms.yelp']),
    );
    await t.createBusiness({ slug: 'joes' });
    const taken = await t.call('POST', '/api/v1/businesses', { body: { name: 'Other', slug: 'joes' } });
    expect(taken.status).toBe(409);
    const derived = await t.createBusiness({ name: 'Joes' });
    expect(derived.slug).toMatch(/^joes-[a-z0-9]{4}$/);
  });

  it('checks the threshold against the scale', async () => {
    const t = setup();
    const res = await t.call('POST', '/api/v1/businesses', {
      body: { name: 'A', gating: { scale: 'stars', threshold: 9 } },
    });
    expect(res.status).toBe(400);
    const nps = await t.createBusiness({ gating: { scale: 'nps' } });
    expect(nps.gating.threshold).toBe(9);
  });

  it('updates, gets with statistics, archives, and hides archived ones from the list', async () => {
    const t = setup();
    const biz = await t.createBusiness();
    const updated = await t.call('PATCH', `/api/v1/businesses/${biz.id}`, {
      body: { brandColor: '#AA3300', locale: 'fr' },
    });
    expect(updated.status).toBe(200);
    expect(updated.json).toMatchObject({ brandColor: '#aa3300', locale: 'fr', name: biz.name });
    const got = await t.call('GET', `/api/v1/businesses/${biz.id}`);
    expect(got.json).toMatchObject({ totalReviews: 0, averageRating: null, reviewBreakdown: { '5': 0 } });
    const archived = await t.call('DELETE', `/api/v1/businesses/${biz.id}`);
    expect(archived.json.archivedAt).toBeTruthy();
    expect((await t.call('GET', '/api/v1/businesses')).json.data).toEqual([]);
    expect((await t.call('GET', '/api/v1/businesses?archived=true')).json.data).toHaveLength(1);
  });

  it('answers 404 for another organization’s business and 401/403 for bad keys', async () => {
    const t = setup();
    const biz = await t.createBusiness();
    const other = t.otherOrg();
    for (const [method, body] of [['GET'], ['PATCH', { name: 'x' }], ['DELETE']] as const) {
      const res = await t.call(method, `/api/v1/businesses/${biz.id}`, { key: other.key, body });
      expect(res.status).toBe(404);
    }
    expect((await t.call('GET', '/api/v1/businesses', { key: null })).status).toBe(401);
    const readOnly = t.keyWithScopes(['businesses:read']);
    expect((await t.call('POST', '/api/v1/businesses', { key: readOnly, body: { name: 'x' } })).status).toBe(
      403,
    );
  });
});
