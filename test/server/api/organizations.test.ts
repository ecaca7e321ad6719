import { describe, expect, it } from 'vitest';
import { setup } from '../helpers';

describe('organizations API (admin key)', () => {
  it('creates, lists, gets, renames and deletes organizations', async () => {
    const t = setup();
    t.clock.advance(1000);
    const created = await t.call('POST', '/api/v1/organizations', {
      key: t.admin,
      body: { name: 'Agency client' },
    });
    expect(created.status).toBe(201);
    expect(created.json.id).toMatch(/^org_[A-Za-z0-9]{24}$/);
    const list = await t.call('GET', '/api/v1/organizations?perPage=1&page=2', { key: t.admin });
    expect(list.json.pagination).toEqual({ page: 2, perPage: 1, total: 2, totalPages: 2 });
    expect(list.json.data[0].name).toBe('Agency client');
    const renamed = await t.call('PATCH', `/api/v1/organizations/${created.json.id}`, {
      key: t.admin,
      body: { name: 'Renamed' },
    });
    expect(renamed.json.name).toBe('Renamed');
    expect(
      (await t.call('GET', `/api/v1/organizations/${created.json.id}`, { key: t.admin })).json.name,
    ).toBe('Renamed');
    expect(
      (await t.call('DELETE', `/api/v1/organizations/${created.json.id}`, { key: t.admin })).status,
    ).toBe(204);
    expect((await t.call('GET', `/api/v1/organizations/${created.json.id}`, { key: t.admin })).status).toBe(
      404,
    );
  });

  it('deleting an organization removes its data and keys', async () => {
    const t = setup();
    const org = await t.call('POST', '/api/v1/organizations', { key: t.admin, body: { name: 'Gone' } });
    const key = await t.call('POST', '/api/v1/keys', {
      key: t.admin,
      body: { name: 'k', organizationId: org.json.id },
    });
    await t.call('POST', '/api/v1/businesses', { key: key.json.secret, body: { name: 'Shop' } });
    await t.call('DELETE', `/api/v1/organizations/${org.json.id}`, { key: t.admin });
    expect((await t.call('GET', '/api/v1/me', { key: key.json.secret })).status).toBe(401);
    const left = t.db
      .prepare('SELECT count(*) AS n FROM businesses WHERE organization_id = ?')
      .get(org.json.id) as { n: number };
    expect(left.n).toBe(0);
  });

  it('validates the body and answers 401 without a key', async () => {
    const t = setup();
    const bad = await t.call('POST', '/api/v1/organizations', { key: t.admin, body: { name: '', extra: 1 } });
    expect(bad.status).toBe(400);
    expect(bad.json.details).toHaveProperty('name');
    expect((await t.call('GET', '/api/v1/organizations', { key: null })).status).toBe(401);
    expect((await t.call('GET', '/api/v1/organizations/org_nope', { key: t.admin })).status).toBe(404);
  });
});
