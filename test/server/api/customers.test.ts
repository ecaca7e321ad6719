import { describe, expect, it } from 'vitest';
import { setup } from '../helpers';
import { insertFeedbackRow, insertReviewRow } from '../rows';

const post = (t: ReturnType<typeof setup>, body: unknown, key?: string) =>
  t.call('POST', '/api/v1/customers', { body, key });

describe('customers API', () => {
  it('creates a customer with a lowercased email and an E.164 phone', async () => {
    const t = setup();
    const res = await post(t, {
      name: 'Ana Silva',
      email: ' Ana@Example.COM ',
      phone: '(415) 555-0123',
      tags: ['vip', 'vip', 'regular'],
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      id: expect.stringMatching(/^cust_/),
      organizationId: t.org.id,
      name: 'Ana Silva',
      email: 'ana@example.com',
      phone: '+14155550123',
      tags: ['vip', 'regular'],
      optOut: false,
      optedOutAt: null,
    });
    const got = await t.call('GET', `/api/v1/customers/${res.json.id}`);
    expect(got.status).toBe(200);
    expect(got.json).toEqual(res.json);
  });

  it('updates the customer with the same email (any case) or phone (any format) and answers 200', async () => {
    const t = setup();
    const first = await post(t, { name: 'Ana', email: 'ana@example.com', phone: '+1 415 555 0123' });
    const byEmail = await post(t, { email: 'ANA@example.com', notes: 'Likes oat milk' });
    expect(byEmail.status).toBe(200);
    expect(byEmail.json).toMatchObject({
      id: first.json.id,
      name: 'Ana',
      notes: 'Likes oat milk',
      phone: '+14155550123',
    });
    const byPhone = await post(t, { phone: '415.555.0123', name: 'Ana S.' });
    expect(byPhone.status).toBe(200);
    expect(byPhone.json).toMatchObject({ id: first.json.id, name: 'Ana S.', email: 'ana@example.com' });
    const other = await post(t, { email: 'bo@example.com' });
    expect(other.status).toBe(201);
    expect((await t.call('GET', '/api/v1/customers')).json.pagination.total).toBe(2);
  });

  it('answers 409 with both ids when the email and the phone belong to different customers', async () => {
    const t = setup();
    const ana = await post(t, { email: 'ana@example.com' });
    const bo = await post(t, { phone: '+14155550123' });
    const res = await post(t, { email: 'ana@example.com', phone: '+14155550123', name: 'Who' });
    expect(res.status).toBe(409);
    expect(res.json.code).toBe('CONFLICT');
    expect(res.json.details).toEqual({
      email: `belongs to customer ${ana.json.id}`,
      phone: `belongs to customer ${bo.json.id}`,
    });
    expect((await t.call('GET', `/api/v1/customers/${ana.json.id}`)).json.name).toBeNull();
  });

  it('rejects bad input with details and writes nothing', async () => {
    const t = setup();
    const cases: Array<[unknown, string[]]> = [
      [{ email: 'not-an-email' }, ['email']],
      [{ phone: '020 7946 0958' }, ['phone']],
      [{ name: 'Ana' }, ['email']],
      [{ email: 'a@b.co', name: 'x'.repeat(201), notes: 'y'.repeat(2001) }, ['name', 'notes']],
      [{ email: 'a@b.co', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, ['tags']],
      [{ email: 'a@b.co', tags: ['z'.repeat(51)] }, ['tags.0']],
      [{ email: 'a@b.co', unknown: 1 }, []],
    ];
    for (const [body, fields] of cases) {
      const res = await post(t, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.code).toBe('VALIDATION_ERROR');
      expect(Object.keys(res.json.details)).toEqual(expect.arrayContaining(fields));
    }
    expect((await post(t, { phone: 'abc' })).json.details.phone).toMatch(/\+14155550123/);
    expect((await t.call('GET', '/api/v1/customers')).json.pagination.total).toBe(0);
  });

  it('updates with PATCH: tags replace, optOut stamps the time, a taken email is 409', async () => {
    const t = setup();
    const ana = (await post(t, { email: 'ana@example.com', tags: ['a', 'b'] })).json;
    await post(t, { email: 'bo@example.com' });
    const patched = await t.call('PATCH', `/api/v1/customers/${ana.id}`, {
      body: { tags: ['c'], optOut: true },
    });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ tags: ['c'], optOut: true, optedOutAt: '2026-06-15T12:00:00.000Z' });
    t.clock.advance(60_000);
    const again = await t.call('PATCH', `/api/v1/customers/${ana.id}`, {
      body: { optOut: true, name: 'Ana' },
    });
    expect(again.json.optedOutAt).toBe('2026-06-15T12:00:00.000Z');
    const resumed = await t.call('PATCH', `/api/v1/customers/${ana.id}`, { body: { optOut: false } });
    expect(resumed.json).toMatchObject({ optOut: false, optedOutAt: null, tags: ['c'], name: 'Ana' });
    const taken = await t.call('PATCH', `/api/v1/customers/${ana.id}`, { body: { email: 'BO@example.com' } });
    expect(taken.status).toBe(409);
    expect(taken.json.details.email).toMatch(/^belongs to customer cust_/);
    const bad = await t.call('PATCH', `/api/v1/customers/${ana.id}`, { body: {} });
    expect(bad.status).toBe(400);
    expect(bad.json.details).toBeDefined();
  });

  it('soft-deletes: 404 afterwards, gone from lists, and a re-create revives the record still opted out', async () => {
    const t = setup();
    const ana = (await post(t, { email: 'ana@example.com', name: 'Ana' })).json;
    expect((await t.call('DELETE', `/api/v1/customers/${ana.id}`)).status).toBe(204);
    expect((await t.call('GET', `/api/v1/customers/${ana.id}`)).status).toBe(404);
    expect((await t.call('PATCH', `/api/v1/customers/${ana.id}`, { body: { name: 'x' } })).status).toBe(404);
    expect((await t.call('DELETE', `/api/v1/customers/${ana.id}`)).status).toBe(404);
    expect((await t.call('GET', '/api/v1/customers')).json.data).toEqual([]);
    const back = await post(t, { email: 'Ana@example.com', optOut: false });
    expect(back.status).toBe(200);
    expect(back.json).toMatchObject({ id: ana.id, optOut: true });
    expect(back.json.optedOutAt).toBeTruthy();
  });

  it('filters by search, tags, optOut and business, and paginates newest first', async () => {
    const t = setup();
    const ana = (
      await post(t, { name: 'Ana Silva', email: 'ana@example.com', phone: '+14155550123', tags: ['vip'] })
    ).json;
    t.clock.advance(1000);
    const bo = (await post(t, { name: 'Bo Chen', email: 'bo@shop.io', tags: ['regular'], optOut: true }))
      .json;
    t.clock.advance(1000);
    const cy = (await post(t, { name: 'Cy 100%_off', phone: '+33612345678' })).json;
    const ids = async (query: string) =>
      (await t.call('GET', `/api/v1/customers${query}`)).json.data.map((c: { id: string }) => c.id);

    expect(await ids('')).toEqual([cy.id, bo.id, ana.id]);
    expect(await ids('?search=SILVA')).toEqual([ana.id]);
    expect(await ids('?search=shop.io')).toEqual([bo.id]);
    expect(await ids('?search=(415)%20555')).toEqual([ana.id]);
    expect(await ids('?search=100%25_')).toEqual([cy.id]);
    expect(await ids('?search=%25')).toEqual([cy.id]);
    expect(await ids('?tags=vip,regular')).toEqual([bo.id, ana.id]);
    expect(await ids('?tags=regular')).toEqual([bo.id]);
    expect(await ids('?optOut=true')).toEqual([bo.id]);
    expect(await ids('?optOut=false')).toEqual([cy.id, ana.id]);

    const biz = await t.createBusiness();
    const other = await t.createBusiness({ name: 'Other' });
    insertReviewRow(t.db, {
      organizationId: t.org.id,
      businessId: biz.id,
      rating: 5,
      publishedAt: '2026-06-01T00:00:00.000Z',
      customerId: ana.id,
    });
    insertFeedbackRow(t.db, { organizationId: t.org.id, businessId: biz.id, customerId: bo.id });
    insertFeedbackRow(t.db, { organizationId: t.org.id, businessId: other.id, customerId: cy.id });
    expect(await ids(`?businessId=${biz.id}`)).toEqual([bo.id, ana.id]);
    await t.call('POST', '/api/v1/review-requests', {
      body: { businessId: other.id, method: 'sms', customerPhone: '+14155550123' },
    });
    expect(await ids(`?businessId=${other.id}`)).toEqual([cy.id, ana.id]);

    const page2 = await t.call('GET', '/api/v1/customers?perPage=2&page=2');
    expect(page2.json.data.map((c: { id: string }) => c.id)).toEqual([ana.id]);
    expect(page2.json.pagination).toEqual({ page: 2, perPage: 2, total: 3, totalPages: 2 });
    const bad = await t.call('GET', '/api/v1/customers?perPage=101&optOut=maybe');
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.details)).toEqual(expect.arrayContaining(['perPage', 'optOut']));
  });

  it('answers 401 without a key and 403 without the scope', async () => {
    const t = setup();
    const ana = (await post(t, { email: 'ana@example.com' })).json;
    expect((await t.call('GET', '/api/v1/customers', { key: null })).status).toBe(401);
    expect((await t.call('GET', '/api/v1/customers', { key: 'sk_live_nope' })).status).toBe(401);
    const readOnly = t.keyWithScopes(['customers:read']);
    const none = t.keyWithScopes(['reviews:read']);
    expect((await t.call('GET', '/api/v1/customers', { key: readOnly })).status).toBe(200);
    expect((await t.call('GET', `/api/v1/customers/${ana.id}`, { key: none })).status).toBe(403);
    expect((await post(t, { email: 'x@example.com' }, readOnly)).status).toBe(403);
    expect(
      (await t.call('PATCH', `/api/v1/customers/${ana.id}`, { key: readOnly, body: { name: 'x' } })).status,
    ).toBe(403);
    expect((await t.call('DELETE', `/api/v1/customers/${ana.id}`, { key: readOnly })).status).toBe(403);
  });

  it('keeps organizations apart: same email is a new customer elsewhere, another org’s business filter is 404', async () => {
    const t = setup();
    await post(t, { email: 'ana@example.com' });
    const other = t.otherOrg();
    const theirs = await post(t, { email: 'ana@example.com' }, other.key);
    expect(theirs.status).toBe(201);
    const biz = await t.createBusiness();
    expect((await t.call('GET', `/api/v1/customers?businessId=${biz.id}`, { key: other.key })).status).toBe(
      404,
    );
  });
});
