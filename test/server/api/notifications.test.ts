import { describe, expect, it } from 'vitest';
import { upsertMembership } from '../../../server/store/memberships';
import { accountsSetup } from './accounts-fixtures';

describe('GET/PUT /me/notifications', () => {
  it('answers the role defaults: owner and manager get feedback and ≤ 2★, staff nothing', async () => {
    const t = accountsSetup();
    await t.createBusiness({ timezone: 'Europe/Paris' });
    for (const [email, role] of [
      ['own@example.com', 'owner'],
      ['man@example.com', 'manager'],
      ['staff@example.com', 'staff'],
    ] as const) {
      await t.addUser(email, role);
      const { cookie } = await t.login(email);
      const res = await t.asUser(cookie, 'GET', '/api/v1/me/notifications');
      expect(res.status).toBe(200);
      const on = role !== 'staff';
      expect(res.json).toEqual({
        organizationId: t.org.id,
        feedback: on,
        lowRating: on ? 2 : null,
        digestHour: null,
        timeZone: 'Europe/Paris',
      });
    }
  });

  it('stores a valid choice and refuses bad input with 400, changing nothing', async () => {
    const t = accountsSetup();
    await t.addUser('ana@example.com');
    const { cookie } = await t.login('ana@example.com');
    const put = (body: unknown) => t.asUser(cookie, 'PUT', '/api/v1/me/notifications', { body });
    const ok = await put({ feedback: false, lowRating: 3, digestHour: 8, timeZone: 'America/New_York' });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({
      feedback: false,
      lowRating: 3,
      digestHour: 8,
      timeZone: 'America/New_York',
    });

    for (const bad of [
      { feedback: true, lowRating: 6, digestHour: null },
      { feedback: true, lowRating: 0, digestHour: null },
      { feedback: true, lowRating: null, digestHour: 24 },
      { feedback: 'yes', lowRating: null, digestHour: null },
      { feedback: true, lowRating: null, digestHour: 7, timeZone: 'Mars/Olympus' },
      { feedback: true, lowRating: null, digestHour: null, extra: 1 },
      { feedback: true },
    ]) {
      const res = await put(bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.json.code).toBe('VALIDATION_ERROR');
    }
    const after = await t.asUser(cookie, 'GET', '/api/v1/me/notifications');
    expect(after.json).toMatchObject({
      feedback: false,
      lowRating: 3,
      digestHour: 8,
      timeZone: 'America/New_York',
    });
  });

  it('refuses an API key (the settings belong to a person)', async () => {
    const t = accountsSetup();
    expect((await t.call('GET', '/api/v1/me/notifications')).status).toBe(403);
    const put = await t.call('PUT', '/api/v1/me/notifications', {
      body: { feedback: true, lowRating: 2, digestHour: null },
    });
    expect(put.status).toBe(403);
    expect(put.json.code).toBe('FORBIDDEN');
  });

  it('keeps one choice per organization; a stranger to an organization cannot touch it', async () => {
    const t = accountsSetup();
    const other = t.otherOrg();
    await t.addUser('ana@example.com', 'owner');
    const both = await t.addUser('bo@example.com', 'owner');
    upsertMembership(t.db, t.clock, both.id, other.id, 'manager');
    const ana = (await t.login('ana@example.com')).cookie;
    const bo = (await t.login('bo@example.com')).cookie;

    const inOther = { 'plaudit-organization': other.id };
    await t.asUser(bo, 'PUT', '/api/v1/me/notifications', {
      body: { feedback: false, lowRating: null, digestHour: 9 },
      headers: inOther,
    });
    const mine = await t.asUser(bo, 'GET', '/api/v1/me/notifications', {
      headers: { 'plaudit-organization': t.org.id },
    });
    expect(mine.json).toMatchObject({
      organizationId: t.org.id,
      feedback: true,
      lowRating: 2,
      digestHour: null,
    });
    const theirs = await t.asUser(bo, 'GET', '/api/v1/me/notifications', { headers: inOther });
    expect(theirs.json).toMatchObject({
      organizationId: other.id,
      feedback: false,
      lowRating: null,
      digestHour: 9,
    });

    const refused = await t.asUser(ana, 'PUT', '/api/v1/me/notifications', {
      body: { feedback: false, lowRating: null, digestHour: null },
      headers: inOther,
    });
    expect(refused.status).toBe(404);
    expect(
      t.db
        .prepare('SELECT count(*) AS n FROM notification_preferences WHERE organization_id = ?')
        .get(other.id),
    ).toEqual({ n: 1 });
  });

  it('is in the OpenAPI document', async () => {
    const t = accountsSetup();
    const doc = (await t.call('GET', '/api/v1/openapi.json', { key: null })).json;
    expect(Object.keys(doc.paths['/api/v1/me/notifications'])).toEqual(
      expect.arrayContaining(['get', 'put']),
    );
  });
});
