import { describe, expect, it } from 'vitest';
import { rr, seededSetup } from './seed';

describe('RatingsRise review requests over Plaudit’s statuses and rules', () => {
  it('shows a scheduled request as pending and a suppressed one as failed, and filters the same way', async () => {
    const { t, seed } = await seededSetup();
    const scheduled = await t.call('POST', '/api/v1/review-requests', {
      body: {
        businessId: seed.shop.id,
        customerName: 'Later',
        customerEmail: 'later@example.com',
        method: 'email',
        sendAt: new Date(t.clock().getTime() + 86_400_000).toISOString(),
      },
    });
    await t.call('POST', '/api/v1/customers', { body: { email: 'out@example.com', optOut: true } });
    const suppressed = await rr(t, 'POST', '/review-requests', {
      body: {
        customerName: 'Out',
        customerEmail: 'out@example.com',
        method: 'email',
        businessId: seed.shop.id,
      },
    });
    expect(suppressed.json.status).toBe('failed');
    const ids = async (status: string) =>
      (await rr(t, 'GET', `/review-requests?status=${status}`)).json.data.map((r: any) => [r.id, r.status]);
    expect(await ids('pending')).toEqual([[scheduled.json.id, 'pending']]);
    expect(await ids('failed')).toEqual([[suppressed.json.id, 'failed']]);
    expect((await ids('completed')).length).toBe(2);
  });

  it('sends to the oldest active business when none is named, and answers a repeat invitation with the first', async () => {
    const { t, seed } = await seededSetup();
    const body = { customerName: 'Jo', customerPhone: '+15125550199', method: 'whatsapp' };
    const first = await rr(t, 'POST', '/review-requests', { body });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ businessId: seed.shop.id, method: 'whatsapp', status: 'pending' });
    const again = await rr(t, 'POST', '/review-requests', { body });
    expect(again.status).toBe(200);
    expect(again.json.id).toBe(first.json.id);
  });

  it('withholds the customer’s name from a key without pii:read, as the native API does', async () => {
    const { t } = await seededSetup();
    const key = t.keyWithScopes(['requests:read']);
    const list = await rr(t, 'GET', '/review-requests', { key });
    expect(list.json.data.map((r: any) => r.customerName).sort()).toEqual(['D. C.', 'E. J.']);
  });

  it('answers a request past the monthly allowance as its 429, sending nothing', async () => {
    const { t, seed } = await seededSetup();
    const put = await t.call('PUT', `/api/v1/organizations/${t.org.id}/limits`, {
      key: t.admin,
      body: { smsPerMonth: 0, emailPerMonth: 0 },
    });
    expect(put.status).toBe(200);
    const before = (await t.call('GET', '/api/v1/review-requests')).json.pagination.total;
    const refused = await rr(t, 'POST', '/review-requests', {
      body: {
        customerName: 'Max',
        customerEmail: 'max@example.com',
        method: 'email',
        businessId: seed.shop.id,
      },
    });
    expect(refused.status).toBe(429);
    expect(refused.json).toMatchObject({ code: 'RATE_LIMIT_EXCEEDED' });
    expect(refused.json.error).toMatch(/allowance|limit/i);
    expect((await t.call('GET', '/api/v1/review-requests')).json.pagination.total).toBe(before);
  });
});
