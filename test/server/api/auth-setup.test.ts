import { describe, expect, it } from 'vitest';
import { bootstrap, firstAccountLines, firstAccountSetup } from '../../../server/bootstrap';
import { defaultConfig } from '../../../server/config';
import { openMemoryDb } from '../../../server/store/db';
import { testClock } from '../helpers';
import { accountsSetup, PASSWORD } from './accounts-fixtures';

const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;

describe('first start: the setup link', () => {
  it('prints a link once; it creates the instance admin, owner of the demo organization, and works only once', async () => {
    const db = openMemoryDb();
    const clock = testClock();
    const config = defaultConfig({ publicUrl: 'http://plaudit.test', rateLimit: 10_000 });
    const demo = bootstrap(db, clock, config).demo!;
    const setup = firstAccountSetup(db, clock, config);
    expect(setup && 'setupUrl' in setup && setup.setupUrl).toMatch(
      /^http:\/\/plaudit\.test\/dashboard\/setup\?token=[A-Za-z0-9_-]{43}$/,
    );
    const url = (setup as { setupUrl: string }).setupUrl;
    expect(firstAccountLines(setup)).toEqual([`Set up the first account: ${url}`]);
    // A restart inside the 24 h says the printed link still works instead of printing another.
    expect(firstAccountSetup(db, clock, config)).toEqual({ pendingUntil: '2026-06-16T12:00:00.000Z' });

    const t = accountsSetup({ db, clock, config });
    const token = tokenOf(url);
    expect((await t.publicCall('GET', `/api/v1/auth/setup?token=${token}`)).json).toEqual({ valid: true });
    const body = { token, name: 'Owner', email: 'owner@example.com', password: PASSWORD };
    const created = await t.publicCall('POST', '/api/v1/auth/setup', body);
    expect(created.status).toBe(201);
    expect(created.json.user).toMatchObject({ email: 'owner@example.com', instanceAdmin: true });
    expect(created.json.memberships).toEqual([
      { organizationId: demo.organizationId, organizationName: expect.any(String), role: 'owner' },
    ]);
    expect(created.headers.get('set-cookie')).toMatch(/plaudit_session=/);

    const again = await t.publicCall('POST', '/api/v1/auth/setup', { ...body, email: 'second@example.com' });
    expect(again.status).toBe(404);
    expect((await t.publicCall('GET', `/api/v1/auth/setup?token=${token}`)).status).toBe(404);
    expect(db.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 1 });
    // With a user, a restart prints nothing.
    expect(firstAccountSetup(db, clock, config)).toBeUndefined();

    // The instance admin acts like the admin key: it manages organizations.
    const cookie = `plaudit_session=${created.headers.get('set-cookie')!.match(/plaudit_session=([^;]+)/)![1]}`;
    const orgs = await t.asUser(cookie, 'GET', '/api/v1/organizations');
    expect(orgs.status).toBe(200);
  });

  it('expires after 24 h; a restart then prints a new link', async () => {
    const db = openMemoryDb();
    const clock = testClock();
    const config = defaultConfig({ publicUrl: 'http://plaudit.test', rateLimit: 10_000, demo: false });
    const first = firstAccountSetup(db, clock, config) as { setupUrl: string };
    clock.advance(24 * 3_600_000 + 1000);
    const t = accountsSetup({ db, clock, config });
    const late = await t.publicCall('POST', '/api/v1/auth/setup', {
      token: tokenOf(first.setupUrl),
      name: 'Owner',
      email: 'owner@example.com',
      password: PASSWORD,
    });
    expect(late.status).toBe(404);
    const second = firstAccountSetup(db, clock, config) as { setupUrl: string };
    expect(second.setupUrl).toMatch(/token=/);
    expect(second.setupUrl).not.toBe(first.setupUrl);
    const made = await t.publicCall('POST', '/api/v1/auth/setup', {
      token: tokenOf(second.setupUrl),
      name: 'Owner',
      email: 'owner@example.com',
      password: PASSWORD,
    });
    expect(made.status).toBe(201);
    // No demo: the first organization of the test setup (Acme) is the oldest, so the owner gets it.
    expect(made.json.memberships[0].role).toBe('owner');
  });
});

describe('open sign-up', () => {
  it('is refused by default (invite only)', async () => {
    const t = accountsSetup();
    const res = await t.publicCall('POST', '/api/v1/auth/signup', {
      name: 'Bo',
      email: 'bo@example.com',
      password: PASSWORD,
      organizationName: 'Bo’s Bikes',
    });
    expect(res.status).toBe(403);
    expect(t.db.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 0 });
  });

  it('with PLAUDIT_SIGNUP=open creates the person and a new organization they own', async () => {
    const t = accountsSetup({
      config: defaultConfig({ publicUrl: 'http://plaudit.test', rateLimit: 10_000, signup: 'open' }),
    });
    const body = { name: 'Bo', email: 'bo@example.com', password: PASSWORD, organizationName: 'Bo’s Bikes' };
    const res = await t.publicCall('POST', '/api/v1/auth/signup', body);
    expect(res.status).toBe(201);
    expect(res.json.memberships).toEqual([
      { organizationId: expect.stringMatching(/^org_/), organizationName: 'Bo’s Bikes', role: 'owner' },
    ]);
    expect(res.json.memberships[0].organizationId).not.toBe(t.org.id);
    const dup = await t.publicCall('POST', '/api/v1/auth/signup', { ...body, email: 'BO@example.com' });
    expect(dup.status).toBe(409);
  });
});

describe('configuration', () => {
  it('reads PLAUDIT_SIGNUP (invite by default, open, nothing else)', async () => {
    const { loadConfig } = await import('../../../server/config');
    expect(loadConfig({}).signup).toBe('invite');
    expect(loadConfig({ PLAUDIT_SIGNUP: 'open' }).signup).toBe('open');
    expect(() => loadConfig({ PLAUDIT_SIGNUP: 'anyone' })).toThrow(/PLAUDIT_SIGNUP/);
  });
});
