import { describe, expect, it } from 'vitest';
import { setup } from '../helpers';
import { insertFeedbackRow } from '../rows';

type Item = { type: 'review' | 'feedback'; read: boolean; createdAt: string; review?: any; feedback?: any };
const idOf = (item: Item) => (item.type === 'review' ? item.review.id : item.feedback.id);

/**
 * Acme with two businesses: four reviews and three feedback, dated so the merged order interleaves them.
 * Review r1 is positive with text and a reply and shows on the widget; r2 is a negative google review.
 */
async function inbox() {
  const t = setup();
  const biz = await t.createBusiness();
  const other = await t.createBusiness({ name: 'Other' });
  const review = async (body: Record<string, unknown>) => {
    const res = await t.call('POST', '/api/v1/reviews', {
      body: { businessId: biz.id, source: 'direct', authorName: 'Ana', ...body },
    });
    if (res.status !== 201) throw new Error(res.text);
    return res.json.id as string;
  };
  const feedback = (businessId: string, fields: Partial<Parameters<typeof insertFeedbackRow>[1]>) =>
    insertFeedbackRow(t.db, { organizationId: t.org.id, businessId, ...fields });
  const ids = {
    r1: await review({
      rating: 5,
      content: 'Wonderful lovely coffee, great staff',
      reply: 'Thank you!',
      showOnWidget: true,
      publishedAt: '2026-06-01T10:00:00Z',
    }),
    f1: feedback(biz.id, {
      type: 'star',
      score: 2,
      comments: 'Cold pastry',
      createdAt: '2026-06-02T10:00:00.000Z',
    }),
    r2: await review({
      source: 'google',
      rating: 1,
      content: 'Terrible rude awful service',
      publishedAt: '2026-06-03T10:00:00Z',
    }),
    f2: feedback(other.id, {
      type: 'nps',
      score: 10,
      comments: 'Fine coffee',
      createdAt: '2026-06-04T10:00:00.000Z',
    }),
    r3: await review({ businessId: other.id, rating: 4, content: '', publishedAt: '2026-06-05T10:00:00Z' }),
    f3: feedback(biz.id, {
      type: 'thumbs',
      score: 0,
      comments: 'Too loud',
      createdAt: '2026-06-06T10:00:00.000Z',
    }),
    r4: await review({ rating: 3, content: 'Okay', publishedAt: '2026-06-07T10:00:00Z' }),
  };
  const list = async (query = '', key?: string) => {
    const res = await t.call('GET', `/api/v1/inbox${query}`, { key });
    expect(res.status, `${query}: ${res.text}`).toBe(200);
    return res.json as { data: Item[]; pagination: any; unreadCount: number };
  };
  const listIds = async (query = '', key?: string) => (await list(query, key)).data.map(idOf);
  const mark = (body: unknown, key?: string) => t.call('POST', '/api/v1/inbox/mark', { body, key });
  return { t, biz, other, ids, list, listIds, mark };
}

describe('GET /inbox', () => {
  it('merges reviews and feedback newest first, each in its own API JSON, with pages and totals', async () => {
    const { t, ids, list, listIds } = await inbox();
    const all = await list();
    expect(all.data.map(idOf)).toEqual([ids.r4, ids.f3, ids.r3, ids.f2, ids.r2, ids.f1, ids.r1]);
    expect(all.pagination).toEqual({ page: 1, perPage: 25, total: 7, totalPages: 1 });
    expect(all.unreadCount).toBe(7);
    const review = all.data.find((item) => item.type === 'review' && item.review.id === ids.r1)!;
    expect(review).toMatchObject({ read: false, createdAt: '2026-06-01T10:00:00.000Z' });
    expect(review.review).toEqual((await t.call('GET', `/api/v1/reviews/${ids.r1}`)).json);
    const feedback = all.data.find((item) => item.type === 'feedback' && item.feedback.id === ids.f2)!;
    expect(feedback.createdAt).toBe('2026-06-04T10:00:00.000Z');
    expect(feedback.feedback).toEqual((await t.call('GET', `/api/v1/feedback/${ids.f2}`)).json);

    const second = await list('?perPage=3&page=2');
    expect(second.data.map(idOf)).toEqual([ids.f2, ids.r2, ids.f1]);
    expect(second.pagination).toEqual({ page: 2, perPage: 3, total: 7, totalPages: 3 });
    expect((await list('?perPage=3&page=1')).pagination.total).toBe(7);
    expect(await listIds('?perPage=3&page=4')).toEqual([]);
  });

  it('reads each item exactly as its own route does: a platform review’s reply status, a card feedback’s contact', async () => {
    const { t, biz, ids, list } = await inbox();
    t.db
      .prepare(
        "INSERT INTO review_platform (review_id, platform_updated_at, reply_status, reply_error) VALUES (?, ?, 'failed', 'Token expired')",
      )
      .run(ids.r2, '2026-06-03T10:00:00.000Z');
    const card = await t.call('POST', '/api/v1/cards', { body: { businessId: biz.id, label: 'Till 2' } });
    t.db
      .prepare(
        `UPDATE feedback SET origin = 'card', card_id = ?, contact_name = 'Maria Lopez',
           contact_email = 'maria@example.com', contact_phone = '+442079460958', consent_to_contact = 1,
           note = 'Called maria@example.com back' WHERE id = ?`,
      )
      .run(card.json.data[0].id, ids.f1);
    const noPii = t.keyWithScopes(['reviews:read', 'feedback:read']);
    for (const key of [undefined, noPii]) {
      const page = await list('', key);
      for (const item of page.data) {
        const own =
          item.type === 'review'
            ? `/api/v1/reviews/${item.review.id}`
            : `/api/v1/feedback/${item.feedback.id}`;
        expect(item[item.type], own).toEqual((await t.call('GET', own, { key })).json);
      }
    }
    const [platform, fromCard] = (await list()).data.filter((item) => [ids.r2, ids.f1].includes(idOf(item)));
    expect(platform.review).toMatchObject({ replyStatus: 'failed', replyError: 'Token expired' });
    expect(fromCard.feedback).toMatchObject({
      cardLabel: 'Till 2',
      contactName: 'Maria Lopez',
      consentToContact: true,
    });
    const redacted = (await list('', noPii)).data.find((item) => idOf(item) === ids.f1)!;
    expect(redacted.feedback.contactEmail).not.toBe('maria@example.com');
  });

  it('applies each filter to both kinds, leaving feedback out of the review-only ones', async () => {
    const { biz, other, ids, listIds } = await inbox();
    expect(await listIds(`?businessId=${other.id}`)).toEqual([ids.r3, ids.f2]);
    expect(await listIds(`?businessId=${biz.id}&type=feedback`)).toEqual([ids.f3, ids.f1]);
    expect(await listIds('?type=review')).toEqual([ids.r4, ids.r3, ids.r2, ids.r1]);
    expect(await listIds('?source=google')).toEqual([ids.r2]);
    expect(await listIds('?source=direct,google')).toEqual([ids.r4, ids.r3, ids.r2, ids.r1]);
    // Feedback scores compare as stars: star 2 is 2, NPS 10 is 5, thumbs down is 1.
    expect(await listIds('?rating=5')).toEqual([ids.f2, ids.r1]);
    expect(await listIds('?maxRating=2')).toEqual([ids.f3, ids.r2, ids.f1]);
    expect(await listIds('?minRating=3&maxRating=4')).toEqual([ids.r4, ids.r3]);
    expect(await listIds('?sentiment=negative')).toEqual([ids.r2]);
    expect(await listIds('?responded=true')).toEqual([ids.r1]);
    expect(await listIds('?responded=false')).toEqual([ids.r4, ids.r3, ids.r2]);
    expect(await listIds('?showOnWidget=true')).toEqual([ids.r1]);
    expect(await listIds('?dateFrom=2026-06-02&dateTo=2026-06-04')).toEqual([ids.f2, ids.r2, ids.f1]);
    expect(await listIds('?dateFrom=2026-06-03T10:00:00Z')).toEqual([ids.r4, ids.f3, ids.r3, ids.f2, ids.r2]);
    expect(await listIds('?q=coffee')).toEqual([ids.f2, ids.r1]);
    expect(await listIds('?q=PASTRY')).toEqual([ids.f1]);
    expect(await listIds('?q=%25')).toEqual([]);
    expect(await listIds('?q=coffee&type=feedback')).toEqual([ids.f2]);
  });

  it('refuses bad filters and another organization’s business', async () => {
    const { t, list } = await inbox();
    const other = t.otherOrg();
    const foreign = await t.call('POST', '/api/v1/businesses', { key: other.key, body: { name: 'Theirs' } });
    expect((await t.call('GET', `/api/v1/inbox?businessId=${foreign.json.id}`)).status).toBe(404);
    expect((await t.call('GET', `/api/v1/inbox/unread-count?businessId=${foreign.json.id}`)).status).toBe(
      404,
    );
    for (const bad of [
      '?type=tweet',
      '?source=myspace',
      '?rating=6',
      '?minRating=4&maxRating=2',
      '?unread=maybe',
    ]) {
      const res = await t.call('GET', `/api/v1/inbox${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.json.code).toBe('VALIDATION_ERROR');
    }
    expect((await list()).data).toHaveLength(7);
  });
});

describe('read state', () => {
  it('is per reader: two keys of one organization read independently', async () => {
    const { t, biz, ids, list, listIds, mark } = await inbox();
    const second = t.keyWithScopes(['reviews:read', 'feedback:read']);
    expect((await mark({ read: true, items: [{ type: 'review', id: ids.r1 }] })).json).toEqual({
      updated: 1,
    });
    const mine = await list();
    expect(mine.unreadCount).toBe(6);
    expect(mine.data.find((item) => idOf(item) === ids.r1)?.read).toBe(true);
    expect(mine.data.filter((item) => item.read)).toHaveLength(1);
    const theirs = await list('', second);
    expect(theirs.unreadCount).toBe(7);
    expect(theirs.data.every((item) => !item.read)).toBe(true);
    expect(await listIds('?unread=false')).toEqual([ids.r1]);
    expect(await listIds('?unread=false', second)).toEqual([]);
    expect((await list('?unread=true')).pagination.total).toBe(6);

    // The same read state filters the review and feedback lists.
    const reviews = await t.call('GET', '/api/v1/reviews?unread=true');
    expect(reviews.json.data.map((r: { id: string }) => r.id)).toEqual([ids.r4, ids.r3, ids.r2]);
    expect((await t.call('GET', '/api/v1/reviews?unread=false')).json.data[0]).toEqual(
      (await t.call('GET', `/api/v1/reviews/${ids.r1}`)).json,
    );
    expect((await t.call('GET', '/api/v1/reviews?unread=true', { key: second })).json.data).toHaveLength(4);
    const totalOf = async (query: string) =>
      (await t.call('GET', `/api/v1/reviews?${query}`)).json.pagination.total;
    expect(await totalOf('unread=true&perPage=2')).toBe(3);
    expect(await totalOf('unread=false&perPage=1')).toBe(1);
    expect(await totalOf(`unread=true&perPage=1&businessId=${biz.id}`)).toBe(2);
    expect(await totalOf('unread=true&perPage=1&minRating=3')).toBe(2);
    await mark({ read: true, items: [{ type: 'feedback', id: ids.f2 }] }, second);
    const feedback = await t.call('GET', '/api/v1/feedback?unread=false', { key: second });
    expect(feedback.json.data.map((f: { id: string }) => f.id)).toEqual([ids.f2]);
    expect(feedback.json.pagination.total).toBe(1);
    expect((await t.call('GET', '/api/v1/feedback?unread=true')).json.data).toHaveLength(3);
  });

  it('shows every item read after "mark all read", and a review that arrives later unread', async () => {
    const { t, biz, ids, list, mark } = await inbox();
    expect((await mark({ read: true, filter: { businessId: biz.id } })).status).toBe(200);
    const business = await list(`?businessId=${biz.id}`);
    expect(business.data.map((item) => item.read)).toEqual(business.data.map(() => true));
    expect(business.unreadCount).toBe(0);
    const everywhere = await list();
    expect(everywhere.data.filter((item) => !item.read).map(idOf)).toEqual([ids.r3, ids.f2]);

    await mark({ read: true, filter: {} });
    expect((await list()).data.every((item) => item.read)).toBe(true);
    const late = await t.call('POST', '/api/v1/reviews', {
      body: {
        businessId: biz.id,
        source: 'direct',
        authorName: 'Bo',
        rating: 5,
        publishedAt: '2026-06-08T10:00:00Z',
      },
    });
    const after = await list();
    expect(after.data.filter((item) => !item.read).map(idOf)).toEqual([late.json.id]);
    expect(after.data.filter((item) => item.read)).toHaveLength(7);
    expect(after.unreadCount).toBe(1);
  });

  it('marks one, many, or every item matching a filter, read or unread, and counts what changed', async () => {
    const { t, biz, ids, list, listIds, mark } = await inbox();
    const counts = async (query = '') => (await t.call('GET', `/api/v1/inbox/unread-count${query}`)).json;
    expect(await counts()).toEqual({ total: 7, reviews: 4, feedback: 3 });
    const many = [
      { type: 'review', id: ids.r2 },
      { type: 'feedback', id: ids.f1 },
      { type: 'feedback', id: ids.f3 },
    ];
    expect((await mark({ read: true, items: many })).json).toEqual({ updated: 3 });
    expect((await mark({ read: true, items: many })).json).toEqual({ updated: 0 });
    expect(await counts()).toEqual({ total: 4, reviews: 3, feedback: 1 });
    expect(await counts(`?businessId=${biz.id}`)).toEqual({ total: 2, reviews: 2, feedback: 0 });
    expect((await list(`?businessId=${biz.id}`)).unreadCount).toBe(2);
    expect(await listIds(`?businessId=${biz.id}&unread=true`)).toEqual([ids.r4, ids.r1]);
    expect((await list(`?businessId=${biz.id}&unread=true&perPage=1`)).pagination.total).toBe(2);

    // "Mark all read" for a filter, then unread again for a narrower one.
    expect((await mark({ read: true, filter: { businessId: biz.id } })).json).toEqual({ updated: 2 });
    expect(await counts()).toEqual({ total: 2, reviews: 1, feedback: 1 });
    expect((await mark({ read: false, filter: { type: 'feedback', unread: false } })).json).toEqual({
      updated: 2,
    });
    expect(await counts()).toEqual({ total: 4, reviews: 1, feedback: 3 });
    expect((await mark({ read: true, filter: { minRating: 5 } })).json).toEqual({ updated: 1 });
    expect(await listIds('?unread=true')).toEqual([ids.f3, ids.r3, ids.f1]);
    expect((await mark({ read: false, items: [{ type: 'review', id: ids.r1 }] })).json).toEqual({
      updated: 1,
    });
    expect((await mark({ read: true, filter: {} })).json).toEqual({ updated: 4 });
    expect(await counts()).toEqual({ total: 0, reviews: 0, feedback: 0 });
  });

  it('goes away with a deleted item, so counts stay right', async () => {
    const { t, ids, mark } = await inbox();
    await mark({ read: true, items: [{ type: 'review', id: ids.r4 }] });
    expect((await t.call('DELETE', `/api/v1/reviews/${ids.r4}`)).status).toBe(204);
    expect(t.db.prepare('SELECT count(*) AS n FROM inbox_reads').get()).toEqual({ n: 0 });
    expect((await t.call('GET', '/api/v1/inbox/unread-count')).json).toEqual({
      total: 6,
      reviews: 3,
      feedback: 3,
    });
  });

  it('refuses a bad mark request and changes nothing', async () => {
    const { t, ids, mark } = await inbox();
    for (const body of [
      {},
      { read: true },
      { read: 'yes', items: [{ type: 'review', id: ids.r1 }] },
      { read: true, items: [] },
      { read: true, items: [{ type: 'tweet', id: ids.r1 }] },
      { read: true, items: [{ type: 'review', id: ids.r1 }], filter: {} },
      { read: true, filter: { rating: 9 } },
    ]) {
      const res = await mark(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.code).toBe('VALIDATION_ERROR');
    }
    expect(t.db.prepare('SELECT count(*) AS n FROM inbox_reads').get()).toEqual({ n: 0 });
  });

  it('shows and marks only the kinds the key may read', async () => {
    const { t, ids, list, mark } = await inbox();
    const reviewsOnly = t.keyWithScopes(['reviews:read']);
    const page = await list('', reviewsOnly);
    expect(page.data.map((item) => item.type)).toEqual(['review', 'review', 'review', 'review']);
    expect(page.unreadCount).toBe(4);
    expect((await t.call('GET', '/api/v1/inbox/unread-count', { key: reviewsOnly })).json).toEqual({
      total: 4,
      reviews: 4,
      feedback: 0,
    });
    const refused = await mark({ read: true, items: [{ type: 'feedback', id: ids.f1 }] }, reviewsOnly);
    expect(refused.status).toBe(403);
    expect((await mark({ read: true, filter: {} }, reviewsOnly)).json).toEqual({ updated: 4 });
    const none = t.keyWithScopes(['businesses:read']);
    expect((await t.call('GET', '/api/v1/inbox', { key: none })).status).toBe(403);
  });
});
