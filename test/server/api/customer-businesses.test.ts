import { describe, expect, it } from 'vitest';
import { setup } from '../helpers';

describe('customer ↔ business links (native API)', () => {
  it('sets, replaces, shows and filters the businesses a customer belongs to', async () => {
    const t = setup();
    const a = await t.createBusiness({ name: 'A' });
    const b = await t.createBusiness({ name: 'B' });
    const made = await t.call('POST', '/api/v1/customers', {
      body: { email: 'ana@example.com', businessIds: [a.id, b.id, a.id] },
    });
    expect(made.status).toBe(201);
    expect(made.json.businessIds).toEqual([a.id, b.id]);
    await t.call('POST', '/api/v1/customers', { body: { email: 'bo@example.com' } });

    const linkedToB = await t.call('GET', `/api/v1/customers?linkedBusinessId=${b.id}`);
    expect(linkedToB.json.data.map((c: { email: string }) => c.email)).toEqual(['ana@example.com']);
    expect(linkedToB.json.pagination.total).toBe(1);

    const replaced = await t.call('PATCH', `/api/v1/customers/${made.json.id}`, {
      body: { businessIds: [b.id] },
    });
    expect(replaced.json.businessIds).toEqual([b.id]);
    expect((await t.call('GET', `/api/v1/customers/${made.json.id}`)).json.businessIds).toEqual([b.id]);
    const list = await t.call('GET', '/api/v1/customers');
    expect(list.json.data.map((c: { businessIds: string[] }) => c.businessIds)).toEqual([[], [b.id]]);
    const untouched = await t.call('PATCH', `/api/v1/customers/${made.json.id}`, { body: { name: 'Ana' } });
    expect(untouched.json.businessIds).toEqual([b.id]);
  });

  it('refuses another organization’s business or a malformed id and changes nothing', async () => {
    const t = setup();
    const mine = await t.createBusiness();
    const other = t.otherOrg();
    const theirs = (await t.call('POST', '/api/v1/businesses', { key: other.key, body: { name: 'Theirs' } }))
      .json;
    const made = await t.call('POST', '/api/v1/customers', {
      body: { email: 'ana@example.com', businessIds: [mine.id] },
    });
    const foreign = await t.call('PATCH', `/api/v1/customers/${made.json.id}`, {
      body: { name: 'Changed', businessIds: [theirs.id] },
    });
    expect(foreign.status).toBe(404);
    expect(foreign.json.code).toBe('NOT_FOUND');
    const created = await t.call('POST', '/api/v1/customers', {
      body: { email: 'new@example.com', businessIds: [theirs.id] },
    });
    expect(created.status).toBe(404);
    const malformed = await t.call('POST', '/api/v1/customers', {
      body: { email: 'new@example.com', businessIds: ['nope'] },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.json.details).toHaveProperty(['businessIds.0']);
    const after = (await t.call('GET', `/api/v1/customers/${made.json.id}`)).json;
    expect(after).toMatchObject({ name: null, businessIds: [mine.id] });
    expect((await t.call('GET', '/api/v1/customers')).json.pagination.total).toBe(1);
    expect((await t.call('GET', `/api/v1/customers?linkedBusinessId=${theirs.id}`)).status).toBe(404);
  });
});
