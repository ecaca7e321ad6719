import { describe, expect, it } from 'vitest';
import { rr, seededSetup } from './seed';

const idsOf = (res: { json: { data: Array<{ id: string }> } }) => res.json.data.map((item) => item.id).sort();

describe('RatingsRise list filters do what the reference says', () => {
  it('GET /customers: search (name or email, any case, partial) and tags (comma-separated, any of them)', async () => {
    const { t, seed } = await seededSetup();
    const list = (query: string) => rr(t, 'GET', `/customers?${query}`);
    expect(idsOf(await list('search=emily'))).toEqual([seed.emily.id]);
    expect(idsOf(await list('search=CHEN'))).toEqual([seed.david.id]);
    expect(idsOf(await list('search=david.chen%40example'))).toEqual([seed.david.id]);
    expect(idsOf(await list('search=nobody'))).toEqual([]);
    expect(idsOf(await list('tags=loyal'))).toEqual([seed.emily.id]);
    expect(idsOf(await list('tags=vip,loyal'))).toEqual([seed.david.id, seed.emily.id].sort());
    expect(idsOf(await list(`tags=loyal&businessId=${seed.downtown.id}`))).toEqual([]);
  });

  it('GET /review-requests: method and businessId', async () => {
    const { t, seed } = await seededSetup();
    const made = await rr(t, 'POST', '/review-requests', {
      body: {
        customerName: 'Jo',
        customerEmail: 'jo@example.com',
        method: 'email',
        businessId: seed.downtown.id,
      },
    });
    expect(made.status).toBe(201);
    const list = (query: string) => rr(t, 'GET', `/review-requests?${query}`);
    expect(idsOf(await list('method=email'))).toEqual([made.json.id]);
    expect(idsOf(await list('method=sms'))).toEqual(seed.requests.map((r: { id: string }) => r.id).sort());
    expect(idsOf(await list('method=whatsapp'))).toEqual([]);
    expect(idsOf(await list(`businessId=${seed.downtown.id}`))).toEqual([made.json.id]);
    expect((await list(`businessId=${seed.shop.id}`)).json.pagination.total).toBe(2);
  });
});
