import { describe, expect, it } from 'vitest';
import { snapshot } from './routes';
import { rr, seededSetup } from './seed';

const native = async (
  t: Awaited<ReturnType<typeof seededSetup>>['t'],
  method: string,
  path: string,
  body?: unknown,
) => (await t.call(method, `/api/v1${path}`, { body })).json;

describe('RatingsRise customers and Plaudit’s customer ↔ business links', () => {
  it('POST /customers with a businessId links the customer; its businessId and the list filter follow', async () => {
    const { t, seed } = await seededSetup();
    const res = await rr(t, 'POST', '/customers', {
      body: { name: 'Jessica Williams', email: 'jessica@example.com', businessId: seed.downtown.id },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.json.businessId).toBe(seed.downtown.id);
    expect((await native(t, 'GET', `/customers/${res.json.id}`)).businessIds).toEqual([seed.downtown.id]);

    const ids = async (businessId: string) =>
      (await rr(t, 'GET', `/customers?businessId=${businessId}`)).json.data.map((c: any) => c.id);
    expect(await ids(seed.downtown.id)).toEqual([res.json.id]);
    expect(await ids(seed.shop.id)).not.toContain(res.json.id);

    // Found again by email: the link is added, the earlier one kept.
    const again = await rr(t, 'POST', '/customers', {
      body: { name: 'Jessica Williams', email: 'jessica@example.com', businessId: seed.shop.id },
    });
    expect(again.status).toBe(200);
    expect(again.json.id).toBe(res.json.id);
    expect((await native(t, 'GET', `/customers/${res.json.id}`)).businessIds.sort()).toEqual(
      [seed.downtown.id, seed.shop.id].sort(),
    );
    expect(await ids(seed.shop.id)).toContain(res.json.id);
  });

  it('shows the linked business over the business of the latest request, and falls back to it without links', async () => {
    const { t, seed } = await seededSetup();
    const businessOf = async (id: string) =>
      (await rr(t, 'GET', '/customers?perPage=100')).json.data.find((c: any) => c.id === id).businessId;
    // Emily was invited to the shop and has no link: the request's business, as before links existed.
    expect(await businessOf(seed.emily.id)).toBe(seed.shop.id);
    await native(t, 'PATCH', `/customers/${seed.emily.id}`, { businessIds: [seed.downtown.id] });
    expect(await businessOf(seed.emily.id)).toBe(seed.downtown.id);
    const updated = await rr(t, 'PUT', `/customers/${seed.emily.id}`, { body: { notes: 'Moved downtown' } });
    expect(updated.json.businessId).toBe(seed.downtown.id);
    // Linked to both: the linked business she was last invited to.
    await native(t, 'PATCH', `/customers/${seed.emily.id}`, {
      businessIds: [seed.downtown.id, seed.shop.id],
    });
    expect(await businessOf(seed.emily.id)).toBe(seed.shop.id);
  });

  it('refuses a businessId of another organization or an unknown one in its 404, creating nothing', async () => {
    const { t } = await seededSetup();
    const other = t.otherOrg();
    const theirs = await t.call('POST', '/api/v1/businesses', { key: other.key, body: { name: 'B shop' } });
    const before = snapshot(t.db);
    for (const businessId of [theirs.json.id, 'biz_abc123']) {
      const res = await rr(t, 'POST', '/customers', {
        body: { name: 'Jo', email: 'jo@example.com', businessId },
      });
      expect(res.status).toBe(404);
      expect(res.json).toEqual({ error: expect.any(String), code: 'NOT_FOUND' });
    }
    const blank = await rr(t, 'POST', '/customers', {
      body: { name: 'Jo', email: 'jo@example.com', businessId: '' },
    });
    expect(blank.status).toBe(400);
    expect(Object.keys(blank.json.details)).toContain('businessId');
    expect(snapshot(t.db)).toBe(before);
  });
});
