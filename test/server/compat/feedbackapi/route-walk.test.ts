import { describe, expect, it } from 'vitest';
import { feedbackApiRoutes } from '../../../../server/compat/feedbackapi';
import { DEFAULT_SCOPES } from '../../../../server/domain/scopes';
import type { AppDeps } from '../../../../server/http/context';
import { createApiKey } from '../../../../server/store/api-keys';
import { setup } from '../../helpers';
import { routesOf, snapshotOf } from '../route-walk';
import { BASE, basic, fapiClient, seed } from './fapi-helpers';

const fapiShape = { type: expect.any(String), message: expect.any(String) };

describe('FeedbackAPI: every route of the router, walked', () => {
  it('a key of A reaches nothing of B, and bad input is a 4xx in FeedbackAPI’s shape that changes nothing', async () => {
    const env = setup();
    const routes = routesOf(feedbackApiRoutes({ ...env, logger: console } as unknown as AppDeps));
    expect(routes.length).toBeGreaterThan(20);
    await seed(env);
    const other = env.otherOrg();
    const theirs: Record<string, string> = { ...(await seed(env, other.id, other.key)), account: other.id };
    const keyA = createApiKey(env.db, env.clock, {
      organizationId: env.org.id,
      name: 'a',
      mode: 'live',
      scopes: [...DEFAULT_SCOPES, 'team:read', 'team:admin'],
    }).secret;
    const a = fapiClient(env, keyA);
    const idOf: Record<string, string> = {
      customers: theirs.customer,
      subscriber: theirs.customer,
      subscribers: theirs.customer,
      locations: theirs.location,
      reviews: theirs.review,
      feedback: theirs.feedback,
      'feedback-request': theirs.request,
      users: theirs.user,
      accounts: theirs.account,
    };
    // What a hostile or careless client would send, naming B's records wherever a field takes an id.
    const reachingForB: Array<[string, string]> = [
      ['location', theirs.location],
      ['location_add', theirs.location],
      ['subscriber', theirs.customer],
      ['template', 'email'],
      ['email', 'walk@example.com'],
      ['name', 'Walk'],
    ];
    const bBefore = snapshotOf(env.db, other.id);
    for (const { method, path } of routes) {
      const resource = path.split('/')[2];
      expect(idOf[resource], `no id of B for ${path}`).toBeDefined();
      const url = path.replace('/v1.3', '').replace(/:id\b/, idOf[resource]);
      const res = await a(method, url, method === 'POST' ? { form: reachingForB } : {});
      const label = `${method} ${path}`;
      expect(JSON.stringify(res.json), label).not.toMatch(new RegExp(Object.values(theirs).join('|')));
      if (path.includes(':id')) {
        expect([401, 404], label).toContain(res.status);
        expect(res.json, label).toMatchObject(fapiShape);
      }
    }
    expect(snapshotOf(env.db, other.id)).toEqual(bBefore);

    const malformed = async (method: string, url: string) => {
      const res = await env.app.request(`${BASE}${url}`, {
        method,
        headers: { authorization: basic(keyA), 'content-type': 'application/json' },
        body: method === 'GET' || method === 'DELETE' ? undefined : '{"name": ',
      });
      return { status: res.status, json: await res.json() };
    };
    const aBefore = snapshotOf(env.db, env.org.id);
    for (const { method, path } of routes) {
      const label = `${method} ${path}`;
      const url = path.replace('/v1.3', '').replace(/:id\b/, 'nope');
      const res =
        method === 'GET' && !path.includes(':id')
          ? await a(method, `${url}?bogus=1`)
          : await malformed(method, url);
      expect(res.status, label).toBeGreaterThanOrEqual(400);
      expect(res.status, label).toBeLessThan(500);
      expect(res.json, label).toMatchObject(fapiShape);
      expect(['invalid_request_error', 'authentication_error'], label).toContain(res.json.type);
    }
    expect(snapshotOf(env.db, env.org.id)).toEqual(aBefore);
  });
});
