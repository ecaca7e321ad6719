import { describe, expect, it } from 'vitest';
import { subscribeBusinessChanged } from '../../../server/store/changes';
import { setup } from '../helpers';

const review = (businessId: string, extra: Record<string, unknown> = {}) => ({
  businessId,
  source: 'direct',
  rating: 5,
  authorName: 'Ana',
  content: 'Wonderful coffee and friendly staff, amazing pastries',
  ...extra,
});

async function withBusiness() {
  const t = setup();
  const biz = await t.createBusiness();
  const post = async (extra: Record<string, unknown> = {}) => {
    const res = await t.call('POST', '/api/v1/reviews', { body: review(biz.id, extra) });
    if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.text}`);
    return res.json;
  };
  return { ...t, biz, post };
}

describe('reviews API: create and get', () => {
  it('creates a review with sentiment, score and keywords, and notifies the widget cache', async () => {
    const t = await withBusiness();
    const changed: string[] = [];
    subscribeBusinessChanged(t.db, (id) => changed.push(id));
    const res = await t.call('POST', '/api/v1/reviews', {
      body: review(t.biz.id, {
        title: 'Great',
        tags: ['latte', 'latte', 'staff'],
        publishedAt: '2026-05-01T10:00:00+02:00',
      }),
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      id: expect.stringMatching(/^rev_/),
      businessId: t.biz.id,
      source: 'direct',
      rating: 5,
      sentiment: 'positive',
      tags: ['latte', 'staff'],
      publishedAt: '2026-05-01T08:00:00.000Z',
      responded: false,
      reply: null,
      showOnWidget: false,
      hidden: false,
    });
    expect(res.json.sentimentScore).toBeGreaterThan(0);
    expect(res.json.keywords).toContain('coffee');
    expect(changed).toEqual([t.biz.id]);
    const got = await t.call('GET', `/api/v1/reviews/${res.json.id}`);
    expect(got.status).toBe(200);
    expect(got.json).toEqual(res.json);
  });

  it('defaults publishedAt to now and content to empty; negative text is negative', async () => {
    const t = await withBusiness();
    const bad = await t.post({ rating: 1, content: 'Terrible, rude and awful service. Horrible.' });
    expect(bad.sentiment).toBe('negative');
    expect(bad.sentimentScore).toBeLessThan(0);
    const bare = await t.post({ content: undefined, rating: 2 });
    expect(bare).toMatchObject({
      content: '',
      publishedAt: '2026-06-15T12:00:00.000Z',
      sentiment: 'negative',
    });
  });

  it('rejects bad input with details and changes nothing', async () => {
    const t = await withBusiness();
    const res = await t.call('POST', '/api/v1/reviews', {
      body: {
        businessId: t.biz.id,
        source: 'myspace',
        rating: 6,
        content: 'x'.repeat(10_001),
        authorAvatarUrl: 'http://insecure.example/a.png',
        publishedAt: 'yesterday',
        tags: Array.from({ length: 21 }, (_, i) => `t${i}`),
        surprise: true,
      },
    });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe('VALIDATION_ERROR');
    expect(Object.keys(res.json.details)).toEqual(
      expect.arrayContaining([
        'source',
        'rating',
        'content',
        'authorName',
        'authorAvatarUrl',
        'publishedAt',
        'tags',
      ]),
    );
    const longTag = await t.call('POST', '/api/v1/reviews', {
      body: review(t.biz.id, { tags: ['x'.repeat(51)] }),
    });
    expect(longTag.json.details['tags.0']).toBeDefined();
    const fraction = await t.call('POST', '/api/v1/reviews', { body: review(t.biz.id, { rating: 4.5 }) });
    expect(fraction.status).toBe(400);
    expect((await t.call('GET', '/api/v1/reviews')).json.pagination.total).toBe(0);
  });

  it('answers 409 for a duplicate business + source + externalId, 404 for an unknown business', async () => {
    const t = await withBusiness();
    await t.post({ source: 'google', externalId: 'g-1' });
    const dup = await t.call('POST', '/api/v1/reviews', {
      body: review(t.biz.id, { source: 'google', externalId: 'g-1' }),
    });
    expect(dup.status).toBe(409);
    expect(dup.json.code).toBe('CONFLICT');
    const otherSource = await t.call('POST', '/api/v1/reviews', {
      body: review(t.biz.id, { source: 'yelp', externalId: 'g-1' }),
    });
    expect(otherSource.status).toBe(201);
    const unknown = await t.call('POST', '/api/v1/reviews', { body: review('biz_nope') });
    expect(unknown.status).toBe(404);
  });

  it('keeps organizations apart: another org’s business or review is a 404', async () => {
    const t = await withBusiness();
    const mine = await t.post();
    const other = t.otherOrg();
    const asOther = { key: other.key };
    expect((await t.call('GET', `/api/v1/reviews/${mine.id}`, asOther)).status).toBe(404);
    expect(
      (await t.call('PATCH', `/api/v1/reviews/${mine.id}`, { ...asOther, body: { hidden: true } })).status,
    ).toBe(404);
    expect((await t.call('DELETE', `/api/v1/reviews/${mine.id}`, asOther)).status).toBe(404);
    expect(
      (await t.call('POST', `/api/v1/reviews/${mine.id}/reply`, { ...asOther, body: { reply: 'x' } })).status,
    ).toBe(404);
    expect((await t.call('POST', '/api/v1/reviews', { ...asOther, body: review(t.biz.id) })).status).toBe(
      404,
    );
    expect((await t.call('GET', `/api/v1/reviews?businessId=${t.biz.id}`, asOther)).status).toBe(404);
    expect(
      (await t.call('POST', `/api/v1/reviews/import?businessId=${t.biz.id}`, { ...asOther, body: [] }))
        .status,
    ).toBe(404);
    const list = await t.call('GET', '/api/v1/reviews', asOther);
    expect(list.json).toEqual({ data: [], pagination: { page: 1, perPage: 25, total: 0, totalPages: 0 } });
    expect((await t.call('GET', `/api/v1/reviews/${mine.id}`)).json.hidden).toBe(false);
  });

  it('answers 401 without a valid key and 403 without the scope', async () => {
    const t = await withBusiness();
    const mine = await t.post();
    const routes: Array<[string, string, unknown?]> = [
      ['GET', '/api/v1/reviews'],
      ['GET', `/api/v1/reviews/${mine.id}`],
      ['POST', '/api/v1/reviews', review(t.biz.id)],
      ['PATCH', `/api/v1/reviews/${mine.id}`, { hidden: true }],
      ['DELETE', `/api/v1/reviews/${mine.id}`],
      ['POST', `/api/v1/reviews/${mine.id}/reply`, { reply: 'Thanks' }],
      ['POST', `/api/v1/reviews/import?businessId=${t.biz.id}`, []],
    ];
    const readOnly = t.keyWithScopes(['reviews:read']);
    const none = t.keyWithScopes(['businesses:read']);
    for (const [method, path, body] of routes) {
      expect((await t.call(method, path, { key: null, body })).status).toBe(401);
      expect(
        (await t.call(method, path, { key: 'sk_live_notarealkey000000000000000000000', body })).status,
      ).toBe(401);
      expect((await t.call(method, path, { key: none, body })).status).toBe(403);
      const writes = method !== 'GET';
      expect((await t.call(method, path, { key: readOnly, body })).status).toBe(writes ? 403 : 200);
    }
  });

  it('lets the admin key act inside the organization it names', async () => {
    const t = await withBusiness();
    await t.post();
    const res = await t.call('GET', '/api/v1/reviews', {
      key: t.admin,
      headers: { 'plaudit-organization': t.org.id },
    });
    expect(res.json.pagination.total).toBe(1);
    expect((await t.call('GET', '/api/v1/reviews', { key: t.admin })).status).toBe(400);
  });
});
