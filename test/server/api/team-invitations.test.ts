import { describe, expect, it } from 'vitest';
import { accountsSetup, PASSWORD } from './accounts-fixtures';

const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;

describe('invitations and the team', () => {
  it('an owner invites by email with a role; the link is accepted once and makes a member', async () => {
    const t = accountsSetup();
    await t.addUser('owner@acme.example', 'owner');
    const { cookie } = await t.login('owner@acme.example');
    const invited = await t.asUser(cookie, 'POST', '/api/v1/auth/invitations', {
      body: { email: 'Sam@Example.com', role: 'staff' },
    });
    expect(invited.status).toBe(201);
    expect(invited.json).toMatchObject({ email: 'Sam@Example.com', role: 'staff' });
    expect(invited.json.acceptUrl).toMatch(/^http:\/\/plaudit\.test\/dashboard\/accept\?token=/);
    expect(Date.parse(invited.json.expiresAt) - t.clock().getTime()).toBe(7 * 24 * 3_600_000);
    // The invitation is emailed through the outbox.
    expect(t.db.prepare(`SELECT count(*) AS n FROM outbox WHERE kind = 'account_email'`).get()).toEqual({
      n: 1,
    });
    const pending = await t.asUser(cookie, 'GET', '/api/v1/auth/invitations');
    expect(pending.json.data.map((i: { id: string }) => i.id)).toEqual([invited.json.id]);

    const token = tokenOf(invited.json.acceptUrl);
    const lookup = await t.publicCall('GET', `/api/v1/auth/invitations/lookup?token=${token}`);
    expect(lookup.json).toEqual({
      email: 'Sam@Example.com',
      role: 'staff',
      organizationName: 'Acme',
      existingUser: false,
    });
    const accepted = await t.publicCall('POST', '/api/v1/auth/invitations/accept', {
      token,
      name: 'Sam',
      password: PASSWORD,
    });
    expect(accepted.status).toBe(200);
    expect(accepted.json.memberships).toEqual([
      { organizationId: t.org.id, organizationName: 'Acme', role: 'staff' },
    ]);
    const second = await t.publicCall('POST', '/api/v1/auth/invitations/accept', {
      token,
      name: 'Mallory',
      password: PASSWORD,
    });
    expect(second.status).toBe(404);
    expect((await t.publicCall('GET', `/api/v1/auth/invitations/lookup?token=${token}`)).status).toBe(404);
    expect((await t.asUser(cookie, 'GET', '/api/v1/auth/invitations')).json.data).toEqual([]);

    const team = await t.asUser(cookie, 'GET', '/api/v1/team');
    expect(team.json.data.map((m: { email: string; role: string }) => [m.email, m.role])).toEqual([
      ['owner@acme.example', 'owner'],
      ['Sam@Example.com', 'staff'],
    ]);
  });

  it('an existing account joins with its current password; a withdrawn or expired invitation is dead', async () => {
    const t = accountsSetup();
    const other = t.otherOrg();
    await t.addUser('owner@acme.example', 'owner');
    await t.addUser('pat@example.com', 'owner', other.id);
    const { cookie } = await t.login('owner@acme.example');
    const invite = async (email: string) =>
      (await t.asUser(cookie, 'POST', '/api/v1/auth/invitations', { body: { email, role: 'manager' } })).json;

    const pat = await invite('pat@example.com');
    expect(
      (await t.publicCall('GET', `/api/v1/auth/invitations/lookup?token=${tokenOf(pat.acceptUrl)}`)).json
        .existingUser,
    ).toBe(true);
    const wrong = await t.publicCall('POST', '/api/v1/auth/invitations/accept', {
      token: tokenOf(pat.acceptUrl),
      password: 'not my password',
    });
    expect(wrong.status).toBe(401);
    const joined = await t.publicCall('POST', '/api/v1/auth/invitations/accept', {
      token: tokenOf(pat.acceptUrl),
      password: PASSWORD,
    });
    expect(joined.status).toBe(200);
    expect(joined.json.memberships.map((m: { role: string }) => m.role).sort()).toEqual(['manager', 'owner']);

    const withdrawn = await invite('gone@example.com');
    expect((await t.asUser(cookie, 'DELETE', `/api/v1/auth/invitations/${withdrawn.id}`)).status).toBe(204);
    const late = await invite('late@example.com');
    t.clock.advance(7 * 24 * 3_600_000 + 1000);
    for (const dead of [withdrawn, late]) {
      const res = await t.publicCall('POST', '/api/v1/auth/invitations/accept', {
        token: tokenOf(dead.acceptUrl),
        name: 'X',
        password: PASSWORD,
      });
      expect(res.status).toBe(404);
    }
  });

  it('a staff member reads and replies but cannot reach keys, invitations or the team’s roles', async () => {
    const t = accountsSetup();
    await t.addUser('owner@acme.example', 'owner');
    const staff = await t.addUser('sam@acme.example', 'staff');
    const { cookie } = await t.login('sam@acme.example');
    const business = await t.createBusiness();
    const review = (
      await t.call('POST', '/api/v1/reviews', {
        body: { businessId: business.id, source: 'direct', rating: 5, authorName: 'Ana', content: 'Great' },
      })
    ).json;

    for (const [method, path, body] of [
      ['GET', '/api/v1/keys', undefined],
      ['POST', '/api/v1/keys', { name: 'mine' }],
      ['POST', '/api/v1/auth/invitations', { email: 'x@example.com', role: 'owner' }],
      ['GET', '/api/v1/auth/invitations', undefined],
      ['PATCH', `/api/v1/team/${staff.id}`, { role: 'owner' }],
      ['DELETE', `/api/v1/team/${staff.id}`, undefined],
      ['PATCH', `/api/v1/reviews/${review.id}`, { hidden: true }],
      ['POST', '/api/v1/webhooks', { url: 'https://hooks.example.com/x', events: ['review.created'] }],
    ] as const) {
      const res = await t.asUser(cookie, method, path, { body });
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    expect((await t.asUser(cookie, 'GET', '/api/v1/team')).status).toBe(200);
    expect((await t.asUser(cookie, 'GET', `/api/v1/reviews/${review.id}`)).status).toBe(200);
    const reply = await t.asUser(cookie, 'POST', `/api/v1/reviews/${review.id}/reply`, {
      body: { reply: 'Thanks!' },
    });
    expect(reply.status).toBe(200);
    expect(t.db.prepare('SELECT role FROM memberships WHERE user_id = ?').get(staff.id)).toEqual({
      role: 'staff',
    });
  });

  it('owners change roles and remove members, but never the last owner (409)', async () => {
    const t = accountsSetup();
    const owner = await t.addUser('owner@acme.example', 'owner');
    const sam = await t.addUser('sam@acme.example', 'staff');
    const { cookie } = await t.login('owner@acme.example');
    const samLogin = await t.login('sam@acme.example');

    const lastDemote = await t.asUser(cookie, 'PATCH', `/api/v1/team/${owner.id}`, {
      body: { role: 'manager' },
    });
    expect(lastDemote.status).toBe(409);
    expect((await t.asUser(cookie, 'DELETE', `/api/v1/team/${owner.id}`)).status).toBe(409);
    const promoted = await t.asUser(cookie, 'PATCH', `/api/v1/team/${sam.id}`, { body: { role: 'manager' } });
    expect(promoted.status).toBe(200);
    expect(promoted.json).toMatchObject({ userId: sam.id, role: 'manager' });
    expect((await t.asUser(samLogin.cookie, 'GET', '/api/v1/me')).json.role).toBe('manager');

    expect((await t.asUser(cookie, 'DELETE', `/api/v1/team/${sam.id}`)).status).toBe(204);
    const removed = await t.asUser(samLogin.cookie, 'GET', '/api/v1/reviews');
    expect(removed.status).toBe(403);
    expect((await t.asUser(cookie, 'DELETE', `/api/v1/team/${sam.id}`)).status).toBe(404);
  });
});
