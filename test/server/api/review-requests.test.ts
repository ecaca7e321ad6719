import { describe, expect, it } from 'vitest';
import { setup } from '../helpers';
import { setRequestSteps } from '../rows';

const create = (t: ReturnType<typeof setup>, body: Record<string, unknown>, key?: string | null) =>
  t.call('POST', '/api/v1/review-requests', { body, key });

describe('review requests API', () => {
  it('creates a pending request with its customer, code and review link', async () => {
    const t = setup();
    const biz = await t.createBusiness();
    const res = await create(t, {
      businessId: biz.id,
      customerName: 'Ana Silva',
      customerEmail: 'Ana@Example.com',
      customerPhone: '(415) 555-0123',
      method: 'email',
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      id: expect.stringMatching(/^rr_/),
      businessId: biz.id,
      method: 'email',
      status: 'pending',
      sandbox: false,
      suppressMessage: false,
      sendAt: null,
      sentAt: null,
      customer: { name: 'Ana Silva', email: 'ana@example.com', phone: '+14155550123', optOut: false },
    });
    expect(res.json.code).toMatch(/^[A-Za-z0-9]{12}$/);
    expect(res.json.reviewLink).toBe(`http://plaudit.test/r/${res.json.code}`);
    const customer = await t.call('GET', `/api/v1/customers/${res.json.customerId}`);
    expect(customer.json.email).toBe('ana@example.com');

    const other = await t.createBusiness({ name: 'Second shop' });
    const again = await create(t, { businessId: other.id, customerPhone: '+1 415 555 0123', method: 'sms' });
    expect(again.status).toBe(201);
    expect(again.json.customerId).toBe(res.json.customerId);
    expect(again.json.code).not.toBe(res.json.code);
    expect((await t.call('GET', '/api/v1/customers')).json.pagination.total).toBe(1);
  });

  it('answers a second invitation inside the dedup window with the first one, and queues one message', async () => {
    const t = setup();
    const biz = await t.createBusiness();
    const body = { businessId: biz.id, customerEmail: 'ana@example.com', method: 'email' };
    const first = await create(t, body);
    expect(first.status).toBe(201);
    expect(first.json.deduplicated).toBe(false);
    t.clock.advance(3 * 86_400_000);
    const second = await create(t, body);
    expect(second.status).toBe(200);
    expect(second.json).toMatchObject({ id: first.json.id, code: first.json.code, deduplicated: true });
    expect((await t.call('GET', '/api/v1/review-requests')).json.pagination.total).toBe(1);
    expect((await t.call('GET', '/api/v1/messages')).json.pagination.total).toBe(1);
    t.clock.advance(15 * 86_400_000);
    const later = await create(t, body);
    expect(later.status).toBe(201);
    expect(later.json.id).not.toBe(first.json.id);
  });

  it('marks requests made with a sk_test_ key as sandbox, and schedules with sendAt', async () => {
    const t = setup();
    const biz = await t.createBusiness();
    const testKey = t.keyWithScopes(['requests:write', 'requests:read'], 'test');
    const sendAt = '2026-06-16T12:30:00+02:00';
    const res = await create(
      t,
      { businessId: biz.id, customerPhone: '+14155550123', method: 'whatsapp', sendAt },
      testKey,
    );
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      sandbox: true,
      status: 'scheduled',
      sendAt: '2026-06-16T10:30:00.000Z',
    });
    const got = await t.call('GET', `/api/v1/review-requests/${res.json.id}`, { key: testKey });
    expect(got.json.sandbox).toBe(true);
  });

  it('suppresses the request of an opted-out (or deleted) customer and keeps suppressMessage', async () => {
    const t = setup();
    const biz = await t.createBusiness();
    const cust = await t.call('POST', '/api/v1/customers', { body: { email: 'ana@example.com' } });
    await t.call('DELETE', `/api/v1/customers/${cust.json.id}`);
    const res = await create(t, {
      businessId: biz.id,
      customerEmail: 'ana@example.com',
      method: 'email',
      suppressMessage: true,
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      status: 'suppressed',
      suppressedReason: 'opted_out',
      suppressMessage: true,
    });
    expect(res.json.customer).toMatchObject({ id: cust.json.id, optOut: true });
  });

  it('rejects a missing contact for the method, bad values and past sendAt with details, writing nothing', async () => {
    const t = setup();
    const biz = await t.createBusiness();
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ businessId: biz.id, method: 'email', customerPhone: '+14155550123' }, ['customerEmail']],
      [{ businessId: biz.id, method: 'sms', customerEmail: 'a@b.co' }, ['customerPhone']],
      [{ businessId: biz.id, method: 'whatsapp' }, ['customerPhone']],
      [{ businessId: biz.id, method: 'pigeon', customerPhone: '+14155550123' }, ['method']],
      [{ method: 'sms', customerPhone: '12' }, ['businessId', 'customerPhone']],
      [{ businessId: biz.id, method: 'email', customerEmail: 'a@b.co', sendAt: 'tomorrow' }, ['sendAt']],
      [
        { businessId: biz.id, method: 'email', customerEmail: 'a@b.co', sendAt: '2026-06-15T11:59:00Z' },
        ['sendAt'],
      ],
      [
        { businessId: biz.id, method: 'email', customerEmail: 'a@b.co', sendAt: '2027-07-01T00:00:00Z' },
        ['sendAt'],
      ],
    ];
    for (const [body, fields] of cases) {
      const res = await create(t, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(res.json.details)).toEqual(expect.arrayContaining(fields));
    }
    expect((await t.call('GET', '/api/v1/review-requests')).json.pagination.total).toBe(0);
    expect((await t.call('GET', '/api/v1/customers')).json.pagination.total).toBe(0);
  });

  it('refuses an archived business and answers 409 when email and phone are two customers', async () => {
    const t = setup();
    const biz = await t.createBusiness();
    await t.call('POST', '/api/v1/customers', { body: { email: 'ana@example.com' } });
    await t.call('POST', '/api/v1/customers', { body: { phone: '+14155550123' } });
    const conflict = await create(t, {
      businessId: biz.id,
      method: 'sms',
      customerEmail: 'ana@example.com',
      customerPhone: '+14155550123',
    });
    expect(conflict.status).toBe(409);
    expect(Object.keys(conflict.json.details)).toEqual(['email', 'phone']);
    await t.call('DELETE', `/api/v1/businesses/${biz.id}`);
    const archived = await create(t, { businessId: biz.id, method: 'email', customerEmail: 'x@example.com' });
    expect(archived.status).toBe(400);
    expect(archived.json.details.businessId).toBeDefined();
    expect((await t.call('GET', '/api/v1/review-requests')).json.pagination.total).toBe(0);
  });

  it('lists newest first with status, method, business, customer and date filters', async () => {
    const t = setup();
    const biz = await t.createBusiness();
    const other = await t.createBusiness({ name: 'Other' });
    const made: Array<{ id: string; customerId: string }> = [];
    const specs = [
      { businessId: biz.id, method: 'email', customerEmail: 'a@example.com' },
      { businessId: biz.id, method: 'sms', customerPhone: '+14155550101' },
      { businessId: other.id, method: 'whatsapp', customerPhone: '+14155550102' },
      { businessId: other.id, method: 'email', customerEmail: 'a@example.com' },
    ];
    for (const spec of specs) {
      made.push((await create(t, spec)).json);
      t.clock.advance(86_400_000);
    }
    setRequestSteps(t.db, made[1].id, { status: 'sent', sentAt: '2026-06-16T13:00:00.000Z' });
    const ids = async (query: string) => {
      const res = await t.call('GET', `/api/v1/review-requests${query}`);
      expect(res.status, query).toBe(200);
      return res.json.data.map((r: { id: string }) => r.id);
    };
    const [r0, r1, r2, r3] = made.map((r) => r.id);
    expect(await ids('')).toEqual([r3, r2, r1, r0]);
    expect(await ids('?status=sent')).toEqual([r1]);
    expect(await ids('?status=pending&method=email')).toEqual([r3, r0]);
    expect(await ids(`?businessId=${other.id}`)).toEqual([r3, r2]);
    expect(await ids(`?customerId=${made[0].customerId}`)).toEqual([r3, r0]);
    expect(await ids('?dateFrom=2026-06-16&dateTo=2026-06-17')).toEqual([r2, r1]);
    expect(await ids('?dateTo=2026-06-15T12:00:00Z')).toEqual([r0]);
    expect(await ids('?dateFrom=2026-06-18T12:00:00.001Z')).toEqual([]);

    const page = await t.call('GET', '/api/v1/review-requests?perPage=3&page=2');
    expect(page.json.data.map((r: { id: string }) => r.id)).toEqual([r0]);
    expect(page.json.pagination).toEqual({ page: 2, perPage: 3, total: 4, totalPages: 2 });
    expect(page.json.data[0].reviewLink).toMatch(/^http:\/\/plaudit\.test\/r\//);

    const got = await t.call('GET', `/api/v1/review-requests/${r1}`);
    expect(got.json).toMatchObject({
      status: 'sent',
      sentAt: '2026-06-16T13:00:00.000Z',
      openedAt: null,
      failedAt: null,
    });

    const bad = await t.call(
      'GET',
      '/api/v1/review-requests?status=lost&dateFrom=2026-07-01&dateTo=2026-06-01',
    );
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.details)).toEqual(expect.arrayContaining(['status']));
    const backwards = await t.call('GET', '/api/v1/review-requests?dateFrom=2026-07-01&dateTo=2026-06-01');
    expect(backwards.status).toBe(400);
    expect(backwards.json.details.dateFrom).toBeDefined();
  });

  it('answers 401 without a key, 403 without the scope, 404 for another organization’s business', async () => {
    const t = setup();
    const biz = await t.createBusiness();
    const body = { businessId: biz.id, method: 'email', customerEmail: 'a@example.com' };
    expect((await create(t, body, null)).status).toBe(401);
    const readOnly = t.keyWithScopes(['requests:read']);
    expect((await create(t, body, readOnly)).status).toBe(403);
    const writeOnly = t.keyWithScopes(['requests:write']);
    const made = await create(t, body, writeOnly);
    expect(made.status).toBe(201);
    expect((await t.call('GET', '/api/v1/review-requests', { key: writeOnly })).status).toBe(403);
    expect((await t.call('GET', `/api/v1/review-requests/${made.json.id}`, { key: writeOnly })).status).toBe(
      403,
    );

    const other = t.otherOrg();
    expect((await create(t, body, other.key)).status).toBe(404);
    expect(
      (await t.call('GET', `/api/v1/review-requests?businessId=${biz.id}`, { key: other.key })).status,
    ).toBe(404);
    expect(
      (await t.call('GET', `/api/v1/review-requests?customerId=${made.json.customerId}`, { key: other.key }))
        .status,
    ).toBe(404);
    expect((await t.call('GET', '/api/v1/customers', { key: other.key })).json.data).toEqual([]);
  });
});
