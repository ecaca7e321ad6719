import { describe, expect, it } from 'vitest';
import { createApiKey } from '../../../server/store/api-keys';
import { setup } from '../helpers';

describe('API key authentication', () => {
  it('accepts the key as Bearer, x-api-key, and the Basic auth user name', async () => {
    const t = setup();
    const basic = Buffer.from(`${t.orgKey}:`).toString('base64');
    const variants: Array<Record<string, string>> = [
      { authorization: `Bearer ${t.orgKey}` },
      { 'x-api-key': t.orgKey },
      { authorization: `Basic ${basic}` },
    ];
    for (const headers of variants) {
      const res = await t.call('GET', '/api/v1/me', { key: null, headers });
      expect(res.status).toBe(200);
      expect(res.json.organization).toEqual({ id: t.org.id, name: 'Acme' });
    }
  });

  it('answers 401 in the error shape for a missing, malformed, unknown or revoked key', async () => {
    const t = setup();
    const missing = await t.call('GET', '/api/v1/me', { key: null });
    expect(missing.status).toBe(401);
    expect(missing.json).toMatchObject({ code: 'UNAUTHORIZED', error: expect.any(String) });
    expect(missing.headers.get('www-authenticate')).toContain('Bearer');
    expect((await t.call('GET', '/api/v1/me', { key: 'not-a-key' })).status).toBe(401);
    expect((await t.call('GET', '/api/v1/me', { key: `sk_live_${'x'.repeat(32)}` })).status).toBe(401);

    const created = await t.call('POST', '/api/v1/keys', { body: { name: 'temp' } });
    expect((await t.call('GET', '/api/v1/me', { key: created.json.secret })).status).toBe(200);
    await t.call('DELETE', `/api/v1/keys/${created.json.id}`);
    const revoked = await t.call('GET', '/api/v1/me', { key: created.json.secret });
    expect(revoked.status).toBe(401);
    expect(revoked.json.error).toMatch(/revoked/);
  });

  it('stores only a SHA-256 digest of each key', async () => {
    const t = setup();
    const created = await t.call('POST', '/api/v1/keys', { body: { name: 'ci' } });
    const row = t.db.prepare('SELECT * FROM api_keys WHERE id = ?').get(created.json.id) as Record<
      string,
      unknown
    >;
    expect(Object.values(row)).not.toContain(created.json.secret);
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('tells a test key it is in sandbox mode', async () => {
    const t = setup();
    const testKey = t.keyWithScopes(['reviews:read'], 'test');
    const res = await t.call('GET', '/api/v1/me', { key: testKey });
    expect(res.json).toMatchObject({ mode: 'test', sandbox: true, scopes: ['reviews:read'], admin: false });
  });

  it('lets the admin key act inside an organization named by header, and nowhere without one', async () => {
    const t = setup();
    const noOrg = await t.call('GET', '/api/v1/businesses', { key: t.admin });
    expect(noOrg.status).toBe(400);
    expect(noOrg.json.details).toHaveProperty('Plaudit-Organization');
    const created = await t.call('POST', '/api/v1/businesses', {
      key: t.admin,
      headers: { 'plaudit-organization': t.org.id },
      body: { name: 'Admin made' },
    });
    expect(created.status).toBe(201);
    expect(created.json.organizationId).toBe(t.org.id);
    const unknown = await t.call('GET', '/api/v1/businesses', {
      key: t.admin,
      headers: { 'plaudit-organization': 'org_doesnotexist' },
    });
    expect(unknown.status).toBe(404);
    const me = await t.call('GET', '/api/v1/me', { key: t.admin });
    expect(me.json).toMatchObject({ admin: true, organization: null });
  });

  it('ignores the organization header on an organization key', async () => {
    const t = setup();
    const other = t.otherOrg();
    await t.createBusiness({ name: 'Mine' });
    const res = await t.call('GET', '/api/v1/businesses', { headers: { 'plaudit-organization': other.id } });
    expect(res.json.data.map((b: { name: string }) => b.name)).toEqual(['Mine']);
  });

  it('never lets an organization key reach organization management', async () => {
    const t = setup();
    const key = createApiKey(t.db, t.clock, {
      organizationId: t.org.id,
      name: 'x',
      mode: 'live',
      scopes: ['keys:admin'],
    }).secret;
    expect((await t.call('GET', '/api/v1/organizations', { key })).status).toBe(403);
    expect((await t.call('POST', '/api/v1/organizations', { key, body: { name: 'Mine now' } })).status).toBe(
      403,
    );
  });
});
