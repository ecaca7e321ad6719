import { describe, expect, it } from 'vitest';
import { setup } from '../helpers';

describe('keys API', () => {
  it('shows the secret once at creation and never in lists', async () => {
    const t = setup();
    const created = await t.call('POST', '/api/v1/keys', {
      body: { name: 'zapier', mode: 'test', scopes: ['reviews:read'] },
    });
    expect(created.status).toBe(201);
    expect(created.json.secret).toMatch(/^sk_test_[A-Za-z0-9]{32}$/);
    expect(created.json).toMatchObject({
      name: 'zapier',
      mode: 'test',
      scopes: ['reviews:read'],
      organizationId: t.org.id,
    });
    const list = await t.call('GET', '/api/v1/keys');
    expect(list.text).not.toContain(created.json.secret);
    expect(list.json.data.map((k: { name: string }) => k.name)).toContain('zapier');
  });

  it('gives new keys every scope but keys:admin by default, and a key only its scopes', async () => {
    const t = setup();
    const created = await t.call('POST', '/api/v1/keys', { body: { name: 'default' } });
    expect(created.json.scopes).toContain('reviews:write');
    expect(created.json.scopes).not.toContain('keys:admin');
    expect((await t.call('GET', '/api/v1/keys', { key: created.json.secret })).status).toBe(403);
  });

  it('lets the admin key issue keys for any organization', async () => {
    const t = setup();
    const other = t.otherOrg();
    const created = await t.call('POST', '/api/v1/keys', {
      key: t.admin,
      body: { name: 'for other', organizationId: other.id },
    });
    expect(created.json.organizationId).toBe(other.id);
    const me = await t.call('GET', '/api/v1/me', { key: created.json.secret });
    expect(me.json.organization.id).toBe(other.id);
    const forbidden = await t.call('POST', '/api/v1/keys', { body: { name: 'x', organizationId: other.id } });
    expect(forbidden.status).toBe(403);
    const missing = await t.call('POST', '/api/v1/keys', {
      key: t.admin,
      body: { name: 'x', organizationId: 'org_missing' },
    });
    expect(missing.status).toBe(404);
  });

  it('rejects unknown scopes and cannot revoke another organization’s key', async () => {
    const t = setup();
    const bad = await t.call('POST', '/api/v1/keys', { body: { name: 'x', scopes: ['everything'] } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.details)[0]).toMatch(/^scopes/);
    const other = t.otherOrg();
    const theirs = await t.call('POST', '/api/v1/keys', {
      key: t.admin,
      body: { name: 'theirs', organizationId: other.id },
    });
    expect((await t.call('DELETE', `/api/v1/keys/${theirs.json.id}`)).status).toBe(404);
    expect((await t.call('GET', '/api/v1/me', { key: theirs.json.secret })).status).toBe(200);
  });
});
