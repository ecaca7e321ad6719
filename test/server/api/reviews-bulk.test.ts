import { describe, expect, it } from 'vitest';
import { setup } from '../helpers';

/** Acme's business with five reviews: two 5★ with text, one 5★ without, a 4★ google one and a 2★. */
async function reviews() {
  const t = setup();
  const biz = await t.createBusiness();
  const add = async (body: Record<string, unknown>) => {
    const res = await t.call('POST', '/api/v1/reviews', {
      body: { businessId: biz.id, source: 'direct', authorName: 'Ana', ...body },
    });
    if (res.status !== 201) throw new Error(res.text);
    return res.json.id as string;
  };
  const ids = {
    fiveText: await add({ rating: 5, content: 'Lovely', publishedAt: '2026-06-01T10:00:00Z' }),
    fiveText2: await add({
      rating: 5,
      content: 'Great coffee',
      publishedAt: '2026-06-02T10:00:00Z',
      tags: ['vip'],
    }),
    fiveEmpty: await add({ rating: 5, content: '  ', publishedAt: '2026-06-03T10:00:00Z' }),
    fourGoogle: await add({
      rating: 4,
      source: 'google',
      content: 'Good',
      publishedAt: '2026-06-04T10:00:00Z',
    }),
    two: await add({ rating: 2, content: 'Meh', publishedAt: '2026-06-05T10:00:00Z' }),
  };
  const bulk = (body: unknown, key?: string) => t.call('POST', '/api/v1/reviews/bulk', { body, key });
  const review = async (id: string) => (await t.call('GET', `/api/v1/reviews/${id}`)).json;
  const widgetIds = async () => {
    const res = await t.app.request(`/widget/v1/${biz.id}.json`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { reviews: Array<{ id: string }> }).reviews.map((r) => r.id).sort();
  };
  return { t, biz, ids, bulk, review, widgetIds };
}

describe('POST /reviews/bulk', () => {
  it('shows every 5★ review with text on the widget, firing review.updated for each change', async () => {
    const { t, biz, ids, bulk, review, widgetIds } = await reviews();
    await t.call('POST', '/api/v1/webhooks', {
      body: { url: 'https://hooks.example.com/plaudit', events: ['review.updated'] },
    });
    expect(await widgetIds()).toEqual([]);
    const res = await bulk({
      filter: { businessId: biz.id, minRating: 5, hasText: true },
      set: { showOnWidget: true },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toEqual({ updated: 2 });
    // The widget's cached answer was dropped, as after a PATCH.
    expect(await widgetIds()).toEqual([ids.fiveText, ids.fiveText2].sort());
    expect((await review(ids.fiveEmpty)).showOnWidget).toBe(false);
    const events = t.db
      .prepare('SELECT event_type, payload FROM webhook_deliveries ORDER BY rowid')
      .all() as Array<{ event_type: string; payload: string }>;
    expect(events.map((e) => e.event_type)).toEqual(['review.updated', 'review.updated']);
    const changed = events.map((e) => JSON.parse(e.payload).data);
    expect(changed.map((r) => r.id).sort()).toEqual([ids.fiveText, ids.fiveText2].sort());
    expect(changed.every((r) => r.showOnWidget === true)).toBe(true);
    expect(changed[0]).toEqual(await review(changed[0].id));

    // Again: nothing changes, so nothing is announced.
    expect(
      (await bulk({ filter: { minRating: 5, hasText: true }, set: { showOnWidget: true } })).json,
    ).toEqual({
      updated: 0,
    });
    expect(t.db.prepare('SELECT count(*) AS n FROM webhook_deliveries').get()).toEqual({ n: 2 });
  });

  it('edits the reviews named by id: hide, add and remove tags; other organizations’ ids are skipped', async () => {
    const { t, ids, bulk, review, widgetIds } = await reviews();
    const other = t.otherOrg();
    const foreign = await t.call('POST', '/api/v1/businesses', { key: other.key, body: { name: 'Theirs' } });
    const theirs = await t.call('POST', '/api/v1/reviews', {
      key: other.key,
      body: { businessId: foreign.json.id, source: 'direct', rating: 5, authorName: 'Zed' },
    });
    await t.call('PATCH', `/api/v1/reviews/${ids.fiveText}`, { body: { showOnWidget: true } });
    expect(await widgetIds()).toEqual([ids.fiveText]);
    const res = await bulk({
      ids: [ids.fiveText, ids.fiveText2, theirs.json.id],
      set: { hidden: true, addTags: ['best', 'vip'], removeTags: ['vip'] },
    });
    expect(res.json).toEqual({ updated: 2 });
    expect(await review(ids.fiveText)).toMatchObject({ hidden: true, tags: ['best'] });
    expect(await review(ids.fiveText2)).toMatchObject({ hidden: true, tags: ['best'] });
    expect(await widgetIds()).toEqual([]);
    const untouched = await t.call('GET', `/api/v1/reviews/${theirs.json.id}`, { key: other.key });
    expect(untouched.json).toMatchObject({ hidden: false, tags: [] });
    expect((await bulk({ ids: [ids.two], set: { addTags: ['follow-up'] } })).json).toEqual({ updated: 1 });
    expect((await review(ids.two)).tags).toEqual(['follow-up']);
  });

  it('filters by source, hidden and showOnWidget too', async () => {
    const { ids, bulk, review } = await reviews();
    expect((await bulk({ filter: { source: 'google' }, set: { addTags: ['g'] } })).json).toEqual({
      updated: 1,
    });
    expect((await review(ids.fourGoogle)).tags).toEqual(['g']);
    expect((await bulk({ filter: { maxRating: 2 }, set: { hidden: true } })).json).toEqual({ updated: 1 });
    expect((await bulk({ filter: { hidden: false, hasText: false }, set: { hidden: true } })).json).toEqual({
      updated: 1,
    });
    expect((await review(ids.fiveEmpty)).hidden).toBe(true);
    expect(
      (await bulk({ filter: { hidden: true, showOnWidget: false }, set: { hidden: false } })).json,
    ).toEqual({ updated: 2 });
  });

  it('refuses bad requests and changes nothing', async () => {
    const { t, ids, bulk } = await reviews();
    const before = t.db.prepare('SELECT group_concat(updated_at) AS v FROM reviews').get();
    for (const body of [
      {},
      { ids: [ids.two] },
      { ids: [ids.two], set: {} },
      { ids: [], set: { hidden: true } },
      { ids: [ids.two], filter: {}, set: { hidden: true } },
      { filter: { minRating: 7 }, set: { hidden: true } },
      { filter: { minRating: 5, maxRating: 2 }, set: { hidden: true } },
      { filter: { source: 'myspace' }, set: { hidden: true } },
      { ids: [ids.two], set: { showOnWidget: 'yes' } },
      { ids: [ids.two], set: { addTags: [''] } },
      { ids: Array.from({ length: 501 }, (_, i) => `rev_${i}`), set: { hidden: true } },
    ]) {
      const res = await bulk(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.code).toBe('VALIDATION_ERROR');
    }
    const tooMany = Array.from({ length: 20 }, (_, i) => `t${i}`);
    const overflow = await bulk({ ids: [ids.fiveText2], set: { addTags: tooMany } });
    expect(overflow.status).toBe(400);
    expect(t.db.prepare('SELECT group_concat(updated_at) AS v FROM reviews').get()).toEqual(before);
    const readOnly = t.keyWithScopes(['reviews:read']);
    expect((await bulk({ ids: [ids.two], set: { hidden: true } }, readOnly)).status).toBe(403);
    const foreign = t.otherOrg();
    const theirBiz = await t.call('POST', '/api/v1/businesses', {
      key: foreign.key,
      body: { name: 'Theirs' },
    });
    expect((await bulk({ filter: { businessId: theirBiz.json.id }, set: { hidden: true } })).status).toBe(
      404,
    );
  });
});
