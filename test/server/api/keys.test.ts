import { describe, expect, it } from 'vitest';
import { INVALID_KEY_LIMIT } from '../../../server/http/key-throttle';
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

  it('lets a key mint keys only within its own mode and scopes', async () => {
    const t = setup();
    const testAdmin = t.keyWithScopes(['keys:admin', 'reviews:read'], 'test');
    const live = await t.call('POST', '/api/v1/keys', {
      key: testAdmin,
      body: { name: 'escalate', mode: 'live', scopes: ['reviews:read'] },
    });
    expect(live.status).toBe(403);
    expect(live.json.code).toBe('FORBIDDEN');
    const wider = await t.call('POST', '/api/v1/keys', {
      key: testAdmin,
      body: { name: 'escalate', mode: 'test', scopes: ['reviews:read', 'pii:read'] },
    });
    expect(wider.status).toBe(403);
    expect(wider.json.details.scopes).toContain('pii:read');
    const both = await t.call('POST', '/api/v1/keys', {
      key: testAdmin,
      body: { name: 'escalate', mode: 'live', scopes: ['pii:read'] },
    });
    expect(both.status).toBe(403);
    expect(
      (t.db.prepare("SELECT count(*) AS n FROM api_keys WHERE name = 'escalate'").get() as { n: number }).n,
    ).toBe(0);

    const fine = await t.call('POST', '/api/v1/keys', { key: testAdmin, body: { name: 'ok' } });
    expect(fine.status).toBe(201);
    expect(fine.json).toMatchObject({ mode: 'test', scopes: ['reviews:read'] });
    expect(fine.json.secret).toMatch(/^sk_test_/);

    // The admin key holds every scope; a live organization key may still make test keys.
    const pii = await t.call('POST', '/api/v1/keys', {
      key: t.admin,
      body: { name: 'mcp', organizationId: t.org.id, scopes: ['pii:read'] },
    });
    expect(pii.status).toBe(201);
    const sandbox = await t.call('POST', '/api/v1/keys', { body: { name: 'sandbox', mode: 'test' } });
    expect(sandbox.json.mode).toBe('test');
  });

  it('refuses to revoke the last active live admin key', async () => {
    const t = setup();
    const adminId = (t.db.prepare("SELECT id FROM api_keys WHERE name = 'admin'").get() as { id: string }).id;
    const last = await t.call('DELETE', `/api/v1/keys/${adminId}`, { key: t.admin });
    expect(last.status).toBe(409);
    expect(last.json).toMatchObject({
      code: 'CONFLICT',
      error: expect.stringMatching(/last active .*admin key/),
    });
    expect((await t.call('GET', '/api/v1/me', { key: t.admin })).status).toBe(200);

    const second = await t.call('POST', '/api/v1/keys', { key: t.admin, body: { name: 'ops' } });
    expect(second.status).toBe(201);
    expect((await t.call('DELETE', `/api/v1/keys/${adminId}`, { key: t.admin })).status).toBe(200);
    const now = await t.call('DELETE', `/api/v1/keys/${second.json.id}`, { key: second.json.secret });
    expect(now.status).toBe(409);
  });

  it('answers a revoked key exactly as an unknown one', async () => {
    const t = setup();
    const created = await t.call('POST', '/api/v1/keys', { body: { name: 'temp' } });
    await t.call('DELETE', `/api/v1/keys/${created.json.id}`);
    const revoked = await t.call('GET', '/api/v1/me', { key: created.json.secret });
    const unknown = await t.call('GET', '/api/v1/me', { key: `sk_live_${'Q'.repeat(32)}` });
    expect(revoked.status).toBe(401);
    const withoutRequestId = (res: typeof revoked) => ({
      status: res.status,
      body: res.text.replace(/"requestId":"[^"]*"/, ''),
      headers: [...res.headers].filter(([name]) => name !== 'x-request-id'),
    });
    expect(withoutRequestId(revoked)).toEqual(withoutRequestId(unknown));
  });

  it('throttles repeated invalid keys from one IP, and only that IP', async () => {
    const t = setup();
    const from = (ip: string, key: string) =>
      t.app.request(
        '/api/v1/me',
        { headers: { authorization: `Bearer ${key}` } },
        { incoming: { socket: { remoteAddress: ip }, headers: { authorization: `Bearer ${key}` } } },
      );
    const statuses: number[] = [];
    for (let i = 0; i <= INVALID_KEY_LIMIT; i++) {
      statuses.push((await from('198.51.100.1', `sk_live_${String(i).padStart(32, 'x')}`)).status);
    }
    expect(statuses.slice(0, INVALID_KEY_LIMIT).every((status) => status === 401)).toBe(true);
    const limited = await from('198.51.100.1', `sk_live_${'y'.repeat(32)}`);
    expect(limited.status).toBe(429);
    expect((await limited.json()).code).toBe('RATE_LIMIT_EXCEEDED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);

    expect((await from('198.51.100.2', t.orgKey)).status).toBe(200);
    // Only failures count: a valid key behind the same address keeps working on its own per-key budget.
    expect((await from('198.51.100.1', t.orgKey)).status).toBe(200);
    expect((await from('198.51.100.2', `sk_live_${'z'.repeat(32)}`)).status).toBe(401);
    t.clock.advance(61_000);
    expect((await from('198.51.100.1', `sk_live_${'y'.repeat(32)}`)).status).toBe(401);
  });

  it('answers 400 for an empty organizationId and 404 for an unknown one', async () => {
    const t = setup();
    const empty = await t.call('POST', '/api/v1/keys', {
      key: t.admin,
      body: { name: 'x', organizationId: '' },
    });
    expect(empty.status).toBe(400);
    expect(empty.json.code).toBe('VALIDATION_ERROR');
    expect(Object.keys(empty.json.details)).toContain('organizationId');
    const unknown = await t.call('POST', '/api/v1/keys', {
      key: t.admin,
      body: { name: 'x', organizationId: 'org_nope' },
    });
    expect(unknown.status).toBe(404);
  });
});
