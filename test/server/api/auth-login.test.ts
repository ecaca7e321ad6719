import { describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import { accountsSetup, FAST_COST, ORIGIN, PASSWORD } from './accounts-fixtures';

describe('sign in, sessions and /me', () => {
  it('signs in with email + password into an HttpOnly SameSite=Lax cookie; /me shows the person', async () => {
    const t = accountsSetup();
    const user = await t.addUser('Ana@Example.com', 'manager');
    const res = await t.login('ana@example.COM');
    expect(res.status).toBe(200);
    expect(res.json.user).toEqual({
      id: user.id,
      email: 'Ana@Example.com',
      name: 'Ana',
      instanceAdmin: false,
    });
    expect(res.json.memberships).toEqual([
      { organizationId: t.org.id, organizationName: 'Acme', role: 'manager' },
    ]);
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/);
    const token = res.cookie.split('=')[1];
    expect(token.length).toBeGreaterThanOrEqual(43);
    expect(JSON.stringify(t.db.prepare('SELECT * FROM sessions').all())).not.toContain(token);

    const me = await t.asUser(res.cookie, 'GET', '/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({
      keyId: null,
      admin: false,
      user: { id: user.id },
      role: 'manager',
      organization: { id: t.org.id, name: 'Acme' },
    });
    expect(me.json.scopes).toContain('reviews:write');
    expect(me.json.scopes).not.toContain('keys:admin');
    const keyMe = await t.call('GET', '/api/v1/me');
    expect(keyMe.json).toMatchObject({ user: null, memberships: [], role: null });
  });

  it('sets Secure on the cookie when the public URL is https', async () => {
    const { defaultConfig } = await import('../../../server/config');
    const t = accountsSetup({
      config: defaultConfig({ publicUrl: 'https://plaudit.test', rateLimit: 10_000 }),
    });
    await t.addUser('ana@example.com');
    const res = await t.call('POST', '/api/v1/auth/login', {
      key: null,
      body: { email: 'ana@example.com', password: PASSWORD },
      headers: { origin: 'https://plaudit.test', 'x-plaudit-csrf': '1' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/; Secure/);
  });

  it('answers the same 401 for a wrong password and an unknown email, and changes no session', async () => {
    const t = accountsSetup();
    await t.addUser('ana@example.com');
    const wrong = await t.login('ana@example.com', 'not the password');
    const unknown = await t.login('nobody@example.com', PASSWORD);
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.json.error).toBe('Email or password is incorrect');
      expect(res.cookie).toBe('');
    }
    expect(t.db.prepare('SELECT count(*) AS n FROM sessions').get()).toEqual({ n: 0 });
  });

  it('slows an account down from the 3rd failure, locks it at the 5th (429 + Retry-After), then lets it in', async () => {
    const t = accountsSetup();
    await t.addUser('ana@example.com');
    const attempt = async (password = 'wrong password') => {
      const res = await t.login('ana@example.com', password);
      return { status: res.status, retryAfter: res.headers.get('retry-after'), error: res.json.error };
    };
    expect((await attempt()).status).toBe(401);
    expect((await attempt()).status).toBe(401);
    expect((await attempt()).status).toBe(401);
    // Slowed: even the right password waits its turn, and a refused try does not count.
    expect(await attempt(PASSWORD)).toMatchObject({ status: 429, retryAfter: '2' });
    t.clock.advance(2_000);
    expect((await attempt()).status).toBe(401);
    expect((await attempt()).retryAfter).toBe('4');
    t.clock.advance(4_000);
    expect((await attempt()).status).toBe(401);
    // Locked for a minute, with the same answer whatever the password.
    const locked = await attempt(PASSWORD);
    expect(locked).toMatchObject({ status: 429, retryAfter: '60' });
    expect(locked.error).toMatch(/Too many failed sign-in attempts/);
    t.clock.advance(61_000);
    // One more failure after the lock doubles it.
    expect((await attempt()).status).toBe(401);
    expect((await attempt(PASSWORD)).retryAfter).toBe('120');
    t.clock.advance(121_000);
    expect((await attempt(PASSWORD)).status).toBe(200);
    // Success forgets the failures: the next typo is one of many again.
    expect((await attempt()).status).toBe(401);
    expect((await attempt(PASSWORD)).status).toBe(200);
  });

  it('keeps a lockout across a restart (the counters live in the database)', async () => {
    const t = accountsSetup();
    await t.addUser('ana@example.com');
    for (let i = 0; i < 5; i++) {
      expect((await t.login('ana@example.com', 'wrong password')).status).toBe(401);
      t.clock.advance(10_000);
    }
    const restarted = createApp({ db: t.db, clock: t.clock, config: t.config, passwordCost: FAST_COST });
    const res = await restarted.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN, 'x-plaudit-csrf': '1' },
      body: JSON.stringify({ email: 'ana@example.com', password: PASSWORD }),
    });
    expect(res.status).toBe(429);
  });

  it('locks one address trying many accounts', async () => {
    const t = accountsSetup();
    await t.addUser('ana@example.com');
    for (let i = 0; i < 20; i++) {
      expect((await t.login(`guess${i}@example.com`, 'wrong password')).status).toBe(401);
      t.clock.advance(30_000);
    }
    const res = await t.login('ana@example.com');
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('signs out: the cookie is cleared and the session gets 401 from then on', async () => {
    const t = accountsSetup();
    await t.addUser('ana@example.com');
    const { cookie } = await t.login('ana@example.com');
    const out = await t.asUser(cookie, 'POST', '/api/v1/auth/logout');
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/plaudit_session=;.*Max-Age=0/);
    const after = await t.asUser(cookie, 'GET', '/api/v1/me');
    expect(after.status).toBe(401);
    expect(after.json.code).toBe('UNAUTHORIZED');
  });

  it('rolls the expiry forward with use and ends a session left idle for 14 days', async () => {
    const t = accountsSetup();
    await t.addUser('ana@example.com');
    const { cookie } = await t.login('ana@example.com');
    t.clock.advance(13 * 24 * 3_600_000);
    const used = await t.asUser(cookie, 'GET', '/api/v1/me');
    expect(used.status).toBe(200);
    expect(used.headers.get('set-cookie')).toMatch(/Max-Age=1209600/);
    t.clock.advance(13 * 24 * 3_600_000);
    expect((await t.asUser(cookie, 'GET', '/api/v1/me')).status).toBe(200);
    t.clock.advance(15 * 24 * 3_600_000);
    expect((await t.asUser(cookie, 'GET', '/api/v1/me')).status).toBe(401);
  });

  it('refuses a cross-site cookie write (Origin or CSRF header missing) and leaves API keys alone', async () => {
    const t = accountsSetup();
    await t.addUser('ana@example.com');
    const { cookie } = await t.login('ana@example.com');
    const body = { name: 'Evil Co' };
    const crossSite = await t.asUser(cookie, 'POST', '/api/v1/businesses', {
      body,
      headers: { origin: 'https://evil.example' },
    });
    expect(crossSite.status).toBe(403);
    expect(crossSite.json.code).toBe('FORBIDDEN');
    const noHeader = await t.call('POST', '/api/v1/businesses', {
      key: null,
      body,
      headers: { cookie, origin: ORIGIN },
    });
    expect(noHeader.status).toBe(403);
    const noOrigin = await t.call('POST', '/api/v1/businesses', {
      key: null,
      body,
      headers: { cookie, 'x-plaudit-csrf': '1' },
    });
    expect(noOrigin.status).toBe(403);
    expect(t.db.prepare('SELECT count(*) AS n FROM businesses').get()).toEqual({ n: 0 });
    // A cross-site login form is refused too.
    const login = await t.call('POST', '/api/v1/auth/login', {
      key: null,
      body: { email: 'ana@example.com', password: PASSWORD },
      headers: { origin: 'https://evil.example', 'x-plaudit-csrf': '1' },
    });
    expect(login.status).toBe(403);

    const same = await t.asUser(cookie, 'POST', '/api/v1/businesses', { body });
    expect(same.status).toBe(201);
    const viaHost = await t.asUser(cookie, 'POST', '/api/v1/businesses', {
      body,
      headers: { origin: 'http://localhost', host: 'localhost' },
    });
    expect(viaHost.status).toBe(201);
    // API keys are unchanged: no Origin, no CSRF header needed.
    expect((await t.call('POST', '/api/v1/businesses', { body })).status).toBe(201);
  });

  it('acts in the organization named by Plaudit-Organization only where the person is a member', async () => {
    const t = accountsSetup();
    const other = t.otherOrg();
    const user = await t.addUser('ana@example.com', 'staff');
    const { upsertMembership } = await import('../../../server/store/memberships');
    upsertMembership(t.db, t.clock, user.id, other.id, 'owner');
    const { cookie } = await t.login('ana@example.com');
    const inOther = await t.asUser(cookie, 'GET', '/api/v1/me', {
      headers: { 'plaudit-organization': other.id },
    });
    expect(inOther.json).toMatchObject({ organization: { id: other.id }, role: 'owner' });
    const third = t.otherOrg();
    const refused = await t.asUser(cookie, 'GET', '/api/v1/me', {
      headers: { 'plaudit-organization': third.id },
    });
    expect(refused.status).toBe(404);
  });

  it('ends a session 90 days after sign-in however often it is used', async () => {
    const t = accountsSetup();
    await t.addUser('ana@example.com');
    const { cookie } = await t.login('ana@example.com');
    for (let day = 10; day < 90; day += 10) {
      t.clock.advance(10 * 24 * 3_600_000);
      expect((await t.asUser(cookie, 'GET', '/api/v1/me')).status, `day ${day}`).toBe(200);
    }
    t.clock.advance(10 * 24 * 3_600_000);
    expect((await t.asUser(cookie, 'GET', '/api/v1/me')).status).toBe(401);
  });

  it('documents the sign-in routes and the session cookie in the OpenAPI document', async () => {
    const t = accountsSetup();
    const doc = (await t.call('GET', '/api/v1/openapi.json', { key: null })).json;
    for (const path of [
      'login',
      'logout',
      'forgot',
      'reset',
      'setup',
      'signup',
      'sessions',
      'password',
      'invitations',
    ]) {
      expect(Object.keys(doc.paths), path).toContain(`/api/v1/auth/${path}`);
    }
    expect(Object.keys(doc.paths)).toContain('/api/v1/team/{userId}');
    expect(doc.components.securitySchemes.sessionCookie).toMatchObject({
      in: 'cookie',
      name: 'plaudit_session',
    });
    expect(doc.paths['/api/v1/auth/login'].post.security).toBeUndefined();
  });
});
