import { describe, expect, it } from 'vitest';
import { accountsSetup, PASSWORD } from './accounts-fixtures';

const NEW_PASSWORD = 'a brand new passphrase';

describe('a person’s sessions and password', () => {
  it('lists their sessions (this one marked), revokes one: that one then gets 401', async () => {
    const t = accountsSetup();
    await t.addUser('ana@example.com');
    await t.addUser('bo@example.com');
    const laptop = await t.login('ana@example.com', PASSWORD, { 'user-agent': 'Laptop' });
    const phone = await t.login('ana@example.com', PASSWORD, { 'user-agent': 'Phone' });
    const bo = await t.login('bo@example.com');

    const list = await t.asUser(laptop.cookie, 'GET', '/api/v1/auth/sessions');
    expect(list.status).toBe(200);
    expect(list.json.data).toHaveLength(2);
    const current = list.json.data.find((s: { current: boolean }) => s.current);
    expect(current.userAgent).toBe('Laptop');
    const phoneSession = list.json.data.find((s: { current: boolean }) => !s.current);
    expect(Object.keys(phoneSession).sort()).toEqual(
      ['createdAt', 'current', 'expiresAt', 'id', 'ip', 'lastSeenAt', 'userAgent'].sort(),
    );

    // Someone else's session is not theirs to see or end.
    expect((await t.asUser(bo.cookie, 'DELETE', `/api/v1/auth/sessions/${phoneSession.id}`)).status).toBe(
      404,
    );
    expect((await t.asUser(phone.cookie, 'GET', '/api/v1/me')).status).toBe(200);

    expect((await t.asUser(laptop.cookie, 'DELETE', `/api/v1/auth/sessions/${phoneSession.id}`)).status).toBe(
      204,
    );
    const revoked = await t.asUser(phone.cookie, 'GET', '/api/v1/me');
    expect(revoked.status).toBe(401);
    expect(revoked.json.code).toBe('UNAUTHORIZED');
    expect((await t.asUser(laptop.cookie, 'GET', '/api/v1/me')).status).toBe(200);
  });

  it('changing the password needs the current one and ends the other sessions, not this one', async () => {
    const t = accountsSetup();
    await t.addUser('ana@example.com');
    const here = await t.login('ana@example.com');
    const elsewhere = await t.login('ana@example.com');
    const wrong = await t.asUser(here.cookie, 'POST', '/api/v1/auth/password', {
      body: { currentPassword: 'not it at all', newPassword: NEW_PASSWORD },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json.details.currentPassword).toBeDefined();

    const changed = await t.asUser(here.cookie, 'POST', '/api/v1/auth/password', {
      body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(changed.status).toBe(204);
    expect((await t.asUser(elsewhere.cookie, 'GET', '/api/v1/me')).status).toBe(401);
    expect((await t.asUser(here.cookie, 'GET', '/api/v1/me')).status).toBe(200);
    expect((await t.login('ana@example.com', PASSWORD)).status).toBe(401);
    expect((await t.login('ana@example.com', NEW_PASSWORD)).status).toBe(200);
  });

  it('stores passwords as Argon2id with the recommended cost by default', async () => {
    const { hashPassword, DEFAULT_PASSWORD_COST } = await import('../../../server/domain/passwords');
    expect(DEFAULT_PASSWORD_COST).toEqual({ memoryCost: 19456, timeCost: 2, parallelism: 1 });
    expect(await hashPassword('a fine password')).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const t = accountsSetup();
    await t.addUser('ana@example.com');
    const stored = t.db.prepare('SELECT password_hash FROM users').get() as { password_hash: string };
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
    expect(stored.password_hash).not.toContain(PASSWORD);
  });
});
