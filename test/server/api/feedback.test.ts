import { describe, expect, it } from 'vitest';
import { setup } from '../helpers';
import { insertFeedbackRow } from '../rows';

async function withFeedback() {
  const t = setup();
  const biz = await t.createBusiness();
  const other = await t.createBusiness({ name: 'Other' });
  const row = (
    businessId: string,
    fields: Parameters<typeof insertFeedbackRow>[1] extends infer R ? Partial<R> : never,
  ) => insertFeedbackRow(t.db, { organizationId: t.org.id, businessId, ...fields });
  const ids = {
    star1: row(biz.id, { type: 'star', score: 1, createdAt: '2026-06-01T08:00:00.000Z' }),
    star3: row(biz.id, { type: 'star', score: 3, createdAt: '2026-06-02T08:00:00.000Z', status: 'resolved' }),
    nps6: row(other.id, { type: 'nps', score: 6, createdAt: '2026-06-03T08:00:00.000Z' }),
    thumbs0: row(other.id, { type: 'thumbs', score: 0, createdAt: '2026-06-04T08:00:00.000Z' }),
  };
  return { t, biz, other, ids };
}

describe('feedback API', () => {
  it('lists newest first with filters and pagination', async () => {
    const { t, biz, other, ids } = await withFeedback();
    const list = async (query: string) => {
      const res = await t.call('GET', `/api/v1/feedback${query}`);
      expect(res.status, query).toBe(200);
      return res.json.data.map((f: { id: string }) => f.id);
    };
    expect(await list('')).toEqual([ids.thumbs0, ids.nps6, ids.star3, ids.star1]);
    expect(await list(`?businessId=${biz.id}`)).toEqual([ids.star3, ids.star1]);
    expect(await list(`?businessId=${other.id}&type=nps`)).toEqual([ids.nps6]);
    expect(await list('?minScore=1&maxScore=3')).toEqual([ids.star3, ids.star1]);
    expect(await list('?maxScore=0')).toEqual([ids.thumbs0]);
    expect(await list('?status=resolved')).toEqual([ids.star3]);
    expect(await list('?status=new&type=star')).toEqual([ids.star1]);
    expect(await list('?dateFrom=2026-06-02&dateTo=2026-06-03')).toEqual([ids.nps6, ids.star3]);
    const page = await t.call('GET', '/api/v1/feedback?perPage=3&page=2');
    expect(page.json.pagination).toEqual({ page: 2, perPage: 3, total: 4, totalPages: 2 });
    expect(page.json.data.map((f: { id: string }) => f.id)).toEqual([ids.star1]);
  });

  it('rejects bad filters with details', async () => {
    const { t } = await withFeedback();
    const bad = await t.call('GET', '/api/v1/feedback?type=stars&minScore=11&status=open&dateFrom=yesterday');
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.details)).toEqual(
      expect.arrayContaining(['type', 'minScore', 'status', 'dateFrom']),
    );
    const inverted = await t.call('GET', '/api/v1/feedback?minScore=4&maxScore=2');
    expect(inverted.status).toBe(400);
    expect(inverted.json.details.minScore).toBeDefined();
  });

  it('gets one and updates its status and note', async () => {
    const { t, ids } = await withFeedback();
    const got = await t.call('GET', `/api/v1/feedback/${ids.star1}`);
    expect(got.status).toBe(200);
    expect(got.json).toMatchObject({
      id: ids.star1,
      type: 'star',
      score: 1,
      status: 'new',
      note: null,
      origin: 'business_link',
    });
    t.clock.advance(60_000);
    const resolved = await t.call('PATCH', `/api/v1/feedback/${ids.star1}`, {
      body: { status: 'resolved', note: 'Called back, comped a coffee' },
    });
    expect(resolved.status).toBe(200);
    expect(resolved.json).toMatchObject({
      status: 'resolved',
      note: 'Called back, comped a coffee',
      updatedAt: '2026-06-15T12:01:00.000Z',
    });
    const cleared = await t.call('PATCH', `/api/v1/feedback/${ids.star1}`, { body: { note: null } });
    expect(cleared.json).toMatchObject({ status: 'resolved', note: null });
    for (const body of [{}, { status: 'done' }, { note: 'x'.repeat(2001) }, { score: 5 }]) {
      const bad = await t.call('PATCH', `/api/v1/feedback/${ids.star1}`, { body });
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(bad.json.details).toBeDefined();
    }
    expect((await t.call('GET', `/api/v1/feedback/${ids.star1}`)).json.note).toBeNull();
  });

  it('answers 401, 403 and 404 for another organization', async () => {
    const { t, biz, ids } = await withFeedback();
    expect((await t.call('GET', '/api/v1/feedback', { key: null })).status).toBe(401);
    const readOnly = t.keyWithScopes(['feedback:read']);
    expect((await t.call('GET', `/api/v1/feedback/${ids.star1}`, { key: readOnly })).status).toBe(200);
    expect(
      (
        await t.call('PATCH', `/api/v1/feedback/${ids.star1}`, {
          key: readOnly,
          body: { status: 'resolved' },
        })
      ).status,
    ).toBe(403);
    expect((await t.call('GET', '/api/v1/feedback', { key: t.keyWithScopes(['reviews:read']) })).status).toBe(
      403,
    );
    const other = t.otherOrg();
    expect((await t.call('GET', '/api/v1/feedback', { key: other.key })).json.data).toEqual([]);
    expect((await t.call('GET', `/api/v1/feedback?businessId=${biz.id}`, { key: other.key })).status).toBe(
      404,
    );
  });
});
