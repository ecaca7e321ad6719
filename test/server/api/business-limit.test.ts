import { describe, expect, it } from 'vitest';
import { setup } from '../helpers';

describe('an organization’s business cap (PUT /organizations/{id}/limits businessLimit)', () => {
  it('refuses one more active business with 409; archiving makes room; omitted leaves it unchanged', async () => {
    const t = setup();
    const admin = { key: t.admin };
    const limits = (body: Record<string, unknown>) =>
      t.call('PUT', `/api/v1/organizations/${t.org.id}/limits`, {
        ...admin,
        body: { smsPerMonth: null, emailPerMonth: null, ...body },
      });
    expect((await limits({ businessLimit: 1 })).status).toBe(200);
    expect((await t.call('GET', `/api/v1/organizations/${t.org.id}`, admin)).json.businessLimit).toBe(1);
    const first = await t.createBusiness();
    const second = await t.call('POST', '/api/v1/businesses', { body: { name: 'Second' } });
    expect(second.status).toBe(409);
    expect(second.json).toMatchObject({ code: 'CONFLICT', details: { businesses: 'at most 1' } });
    expect((await t.call('GET', '/api/v1/businesses')).json.pagination.total).toBe(1);
    expect((await limits({ smsPerMonth: 5 })).status).toBe(200);
    expect((await t.call('GET', `/api/v1/organizations/${t.org.id}`, admin)).json.businessLimit).toBe(1);
    await t.call('DELETE', `/api/v1/businesses/${first.id}`);
    expect((await t.call('POST', '/api/v1/businesses', { body: { name: 'Second' } })).status).toBe(201);
    expect((await limits({ businessLimit: -1 })).status).toBe(400);
    expect((await limits({ businessLimit: null })).status).toBe(200);
    expect((await t.call('GET', `/api/v1/organizations/${t.org.id}`, admin)).json.businessLimit).toBeNull();
  });
});
