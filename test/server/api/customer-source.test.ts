import { describe, expect, it } from 'vitest';
import { setup } from '../helpers';

describe('customer source and sourceContactId', () => {
  it('are stored, changed and cleared through the customers API, and null by default', async () => {
    const t = setup();
    const plain = await t.call('POST', '/api/v1/customers', { body: { email: 'plain@example.com' } });
    expect(plain.json).toMatchObject({ source: null, sourceContactId: null });
    const created = await t.call('POST', '/api/v1/customers', {
      body: { email: 'ana@example.com', source: 'shopify', sourceContactId: ' 7731 ' },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ source: 'shopify', sourceContactId: '7731' });
    const path = `/api/v1/customers/${created.json.id}`;
    const patched = await t.call('PATCH', path, { body: { sourceContactId: '8000' } });
    expect(patched.json).toMatchObject({ source: 'shopify', sourceContactId: '8000' });
    const cleared = await t.call('PATCH', path, { body: { source: null } });
    expect(cleared.json).toMatchObject({ source: null, sourceContactId: '8000' });
    for (const bad of [{ source: '' }, { sourceContactId: 'x'.repeat(201) }, { source: 5 }]) {
      const res = await t.call('PATCH', path, { body: bad });
      expect(res.status).toBe(400);
    }
    expect((await t.call('GET', path)).json).toMatchObject({ source: null, sourceContactId: '8000' });
  });

  it('are set on the customer a review request creates or finds', async () => {
    const t = setup();
    const biz = await t.createBusiness();
    const res = await t.call('POST', '/api/v1/review-requests', {
      body: {
        businessId: biz.id,
        customerEmail: 'ana@example.com',
        method: 'email',
        customerSource: 'api',
        customerSourceContactId: 'number123',
      },
    });
    expect(res.status).toBe(201);
    const customer = await t.call('GET', `/api/v1/customers/${res.json.customerId}`);
    expect(customer.json).toMatchObject({ source: 'api', sourceContactId: 'number123' });
  });
});
