import { describe, expect, it } from 'vitest';
import { DEFAULT_SCOPES } from '../../../../server/domain/scopes';
import { createApiKey } from '../../../../server/store/api-keys';
import { setup } from '../../helpers';
import { fapiClient, seed } from './fapi-helpers';

const notFound = { type: 'invalid_request_error', message: expect.any(String), param: expect.any(String) };

describe('FeedbackAPI tenancy: a key of account A reaches nothing of account B', () => {
  it('answers 404 (or leaves B out) on every route, and changes nothing of B', async () => {
    const env = setup();
    const mine = await seed(env);
    const other = env.otherOrg();
    const theirs = await seed(env, other.id, other.key);
    const scopes = [...DEFAULT_SCOPES, 'team:read', 'team:admin'];
    const keyA = createApiKey(env.db, env.clock, {
      organizationId: env.org.id,
      name: 'a',
      mode: 'live',
      scopes,
    }).secret;
    const a = fapiClient(env, keyA);
    const b = fapiClient(env, other.key);
    const before = {
      customer: (await b('GET', `/customers/${theirs.customer}`)).json,
      location: (await b('GET', `/locations/${theirs.location}`)).json,
    };

    const denied: Array<[string, string, Record<string, unknown>?]> = [
      ['GET', `/customers/${theirs.customer}`],
      ['POST', `/customers/${theirs.customer}`, { fname: 'Hijacked' }],
      ['DELETE', `/customers/${theirs.customer}`],
      ['POST', '/customers', { email: 'x@example.com', location: theirs.location }],
      ['POST', `/customers/${mine.customer}`, { location_add: [theirs.location] }],
      ['GET', `/customers?location=${theirs.location}`],
      ['GET', `/locations/${theirs.location}`],
      ['POST', `/locations/${theirs.location}`, { name: 'Hijacked' }],
      ['DELETE', `/locations/${theirs.location}`],
      ['GET', `/reviews/${theirs.review}`],
      ['GET', `/reviews?location=${theirs.location}`],
      ['GET', `/feedback/${theirs.feedback}`],
      ['GET', `/feedback?location=${theirs.location}`],
      ['GET', `/feedback-request/${theirs.request}`],
      ['GET', `/feedback-request?location=${theirs.location}`],
      ['POST', '/feedback-request', { subscriber: theirs.customer, template: 'email' }],
      [
        'POST',
        '/feedback-request',
        { subscriber: mine.customer, template: 'email', location: theirs.location },
      ],
      [
        'POST',
        '/feedback-request',
        { subscriber: mine.customer, template: theirs.template, location: mine.location },
      ],
      ['GET', `/users/${theirs.user}`],
      ['DELETE', `/users/${theirs.user}`],
    ];
    for (const [method, path, json] of denied) {
      const res = await a(method, path, method === 'GET' || method === 'DELETE' ? {} : { json });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.json, `${method} ${path}`).toEqual(notFound);
    }

    const lists = ['/customers', '/locations', '/reviews', '/feedback', '/feedback-request', '/users'];
    const theirIds = new Set(Object.values(theirs));
    for (const path of lists) {
      const res = await a('GET', `${path}?limit=100`);
      expect(res.status, path).toBe(200);
      expect(res.json.data.length, path).toBeGreaterThan(0);
      for (const item of res.json.data) expect(theirIds.has(item.id), `${path} shows ${item.id}`).toBe(false);
    }

    // Client accounts are the admin key's alone; an organization key sees none of them.
    const accounts = await a('GET', '/accounts');
    expect(accounts.status).toBe(401);
    expect(accounts.json.type).toBe('authentication_error');
    expect((await a('DELETE', `/accounts/${other.id}`)).status).toBe(401);
    // The admin key acts in B only when it names B (the Basic auth password).
    const adminInA = fapiClient(env, env.admin, env.org.id);
    expect((await adminInA('GET', `/customers/${theirs.customer}`)).status).toBe(404);
    expect((await fapiClient(env, env.admin, other.id)('GET', `/customers/${theirs.customer}`)).status).toBe(
      200,
    );
    expect((await fapiClient(env, env.admin)('GET', '/customers')).json).toMatchObject({ param: 'account' });

    expect((await b('GET', `/customers/${theirs.customer}`)).json).toEqual(before.customer);
    expect((await b('GET', `/locations/${theirs.location}`)).json).toEqual(before.location);
    expect((await b('GET', '/users')).json.total_count).toBe(1);
    expect((await env.call('GET', `/api/v1/organizations/${other.id}`, { key: env.admin })).status).toBe(200);
  });
});
