import { describe, expect, it } from 'vitest';
import { subscribeBusinessChanged } from '../../../server/store/changes';
import { setup } from '../helpers';

async function withReviews() {
  const t = setup();
  const biz = await t.createBusiness();
  const post = async (extra: Record<string, unknown>) => {
    const body = { businessId: biz.id, rating: 4, authorName: 'Ana', content: 'Good coffee', ...extra };
    const res = await t.call('POST', '/api/v1/reviews', { body });
    if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.text}`);
    return res.json;
  };
  const changed: string[] = [];
  subscribeBusinessChanged(t.db, (id) => changed.push(id));
  return { ...t, biz, post, changed };
}

describe('reviews API: update', () => {
  it('edits every field of a first-party review and re-derives sentiment', async () => {
    const t = await withReviews();
    const rev = await t.post({ source: 'testimonial' });
    t.clock.advance(60_000);
    const res = await t.call('PATCH', `/api/v1/reviews/${rev.id}`, {
      body: {
        rating: 1,
        content: 'Awful, cold and terrible coffee',
        title: 'Bad',
        authorName: 'Bo',
        showOnWidget: true,
      },
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      rating: 1,
      title: 'Bad',
      authorName: 'Bo',
      showOnWidget: true,
      sentiment: 'negative',
    });
    expect(res.json.keywords).toContain('cold');
    expect(res.json.updatedAt).toBe('2026-06-15T12:01:00.000Z');
    expect(res.json.createdAt).toBe(rev.createdAt);
    expect(t.changed).toEqual([t.biz.id, t.biz.id]);
  });

  it('lets an imported platform review change only showOnWidget, hidden and tags', async () => {
    const t = await withReviews();
    const rev = await t.post({ source: 'google', externalId: 'g-1' });
    const refused = await t.call('PATCH', `/api/v1/reviews/${rev.id}`, {
      body: { content: 'Edited', rating: 5, hidden: true },
    });
    expect(refused.status).toBe(400);
    expect(refused.json.code).toBe('VALIDATION_ERROR');
    expect(Object.keys(refused.json.details).sort()).toEqual(['content', 'rating']);
    expect(refused.json.details.content).toMatch(/google review/);
    expect((await t.call('GET', `/api/v1/reviews/${rev.id}`)).json).toMatchObject({
      content: 'Good coffee',
      hidden: false,
    });

    const ok = await t.call('PATCH', `/api/v1/reviews/${rev.id}`, {
      body: { hidden: true, showOnWidget: true, tags: ['vip'] },
    });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({
      hidden: true,
      showOnWidget: true,
      tags: ['vip'],
      content: 'Good coffee',
    });
  });

  it('rejects unknown fields and bad values with details; another externalId in use is a 409', async () => {
    const t = await withReviews();
    const rev = await t.post({ source: 'direct' });
    await t.post({ source: 'direct', externalId: 'd-2' });
    const bad = await t.call('PATCH', `/api/v1/reviews/${rev.id}`, {
      body: { rating: 0, source: 'yelp', businessId: 'x' },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.details)).toContain('rating');
    const taken = await t.call('PATCH', `/api/v1/reviews/${rev.id}`, { body: { externalId: 'd-2' } });
    expect(taken.status).toBe(409);
  });
});

describe('reviews API: delete', () => {
  it('deletes a first-party review and refuses (409) to delete an imported one', async () => {
    const t = await withReviews();
    const mine = await t.post({ source: 'direct' });
    const imported = await t.post({ source: 'yelp', externalId: 'y-1' });
    const deleted = await t.call('DELETE', `/api/v1/reviews/${mine.id}`);
    expect(deleted.status).toBe(204);
    expect((await t.call('GET', `/api/v1/reviews/${mine.id}`)).status).toBe(404);
    expect((await t.call('DELETE', `/api/v1/reviews/${mine.id}`)).status).toBe(404);
    const refused = await t.call('DELETE', `/api/v1/reviews/${imported.id}`);
    expect(refused.status).toBe(409);
    expect(refused.json.error).toMatch(/hidden/);
    expect((await t.call('GET', `/api/v1/reviews/${imported.id}`)).status).toBe(200);
    expect(t.changed.filter((id) => id === t.biz.id)).toHaveLength(3);
  });

  it('removes a deleted review from full-text search', async () => {
    const t = await withReviews();
    const mine = await t.post({ source: 'direct', content: 'Unforgettable croissant' });
    expect((await t.call('GET', '/api/v1/reviews?q=croissant')).json.pagination.total).toBe(1);
    await t.call('DELETE', `/api/v1/reviews/${mine.id}`);
    expect((await t.call('GET', '/api/v1/reviews?q=croissant')).json.pagination.total).toBe(0);
  });
});

describe('reviews API: reply', () => {
  it('sets, replaces and removes the owner’s reply on any source', async () => {
    const t = await withReviews();
    const rev = await t.post({ source: 'google', externalId: 'g-9' });
    const replied = await t.call('POST', `/api/v1/reviews/${rev.id}/reply`, {
      body: { reply: '  Thank you, Ana!  ' },
    });
    expect(replied.status).toBe(200);
    expect(replied.json).toMatchObject({
      reply: 'Thank you, Ana!',
      repliedAt: '2026-06-15T12:00:00.000Z',
      responded: true,
    });
    t.clock.advance(1000);
    const again = await t.call('POST', `/api/v1/reviews/${rev.id}/reply`, { body: { reply: 'Thanks!' } });
    expect(again.json.repliedAt).toBe('2026-06-15T12:00:01.000Z');
    for (const reply of ['', null]) {
      await t.call('POST', `/api/v1/reviews/${rev.id}/reply`, { body: { reply: 'x' } });
      const removed = await t.call('POST', `/api/v1/reviews/${rev.id}/reply`, { body: { reply } });
      expect(removed.json).toMatchObject({ reply: null, repliedAt: null, responded: false });
    }
  });

  it('rejects a reply over 4096 characters or a missing field with details', async () => {
    const t = await withReviews();
    const rev = await t.post({ source: 'direct' });
    const long = await t.call('POST', `/api/v1/reviews/${rev.id}/reply`, {
      body: { reply: 'x'.repeat(4097) },
    });
    expect(long.status).toBe(400);
    expect(long.json.details.reply).toBeDefined();
    const missing = await t.call('POST', `/api/v1/reviews/${rev.id}/reply`, { body: {} });
    expect(missing.status).toBe(400);
    expect(missing.json.details.reply).toBeDefined();
    expect((await t.call('POST', '/api/v1/reviews/rev_nope/reply', { body: { reply: 'x' } })).status).toBe(
      404,
    );
    const max = await t.call('POST', `/api/v1/reviews/${rev.id}/reply`, {
      body: { reply: 'x'.repeat(4096) },
    });
    expect(max.status).toBe(200);
  });
});
