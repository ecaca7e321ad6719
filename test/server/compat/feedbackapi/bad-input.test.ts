import { describe, expect, it } from 'vitest';
import { DEFAULT_SCOPES } from '../../../../server/domain/scopes';
import { createApiKey } from '../../../../server/store/api-keys';
import { sql } from '../../../../server/store/db';
import { setup } from '../../helpers';
import { BASE, basic, fapiClient, seed } from './fapi-helpers';

type Case = [
  method: string,
  path: string,
  body: Record<string, unknown> | string | undefined,
  param: string,
  status?: number,
];

describe('FeedbackAPI bad input', () => {
  it('answers each route’s bad input in its error shape and changes nothing', async () => {
    const env = setup();
    const ids = await seed(env);
    const scopes = [...DEFAULT_SCOPES, 'team:read', 'team:admin'];
    const key = createApiKey(env.db, env.clock, {
      organizationId: env.org.id,
      name: 'k',
      mode: 'live',
      scopes,
    }).secret;
    const fapi = fapiClient(env, key);
    const admin = fapiClient(env, env.admin);
    const phoneless = (
      await env.call('POST', '/api/v1/customers', { body: { email: 'nophone@example.com' } })
    ).json.id as string;
    const snapshot = () =>
      [
        'customers',
        'businesses',
        'review_requests',
        'customer_businesses',
        'organizations',
        'auth_tokens',
        'memberships',
      ].map((table) => sql(env.db, `SELECT count(*) AS n FROM ${table}`).get());
    const rows = () => [
      sql(env.db, 'SELECT * FROM customers ORDER BY id').all(),
      sql(env.db, 'SELECT * FROM organizations ORDER BY id').all(),
    ];
    const before = { counts: snapshot(), customers: rows() };

    const cases: Case[] = [
      ['POST', '/customers', { email: 'new@example.com' }, 'location'],
      ['POST', '/customers', { location: ids.location }, 'email'],
      ['POST', '/customers', { email: 'not-an-email', location: ids.location }, 'email'],
      ['POST', '/customers', { mobile_number: '12', location: ids.location }, 'mobile_number'],
      ['POST', '/customers', { email: 'x@example.com', location: ids.location, colour: 'red' }, 'colour'],
      ['POST', '/customers', { email: 'x@example.com', location: 'biz_nope' }, 'location', 404],
      ['POST', `/customers/${ids.customer}`, { opt_out: 'maybe' }, 'opt_out'],
      ['POST', `/customers/${ids.customer}`, { location_add: { a: 1 } }, 'location_add'],
      [
        'POST',
        `/customers/${ids.customer}`,
        { fname: 'Ok', location_add: ['biz_nope'] },
        'location_add',
        404,
      ],
      ['POST', `/customers/${ids.customer}`, { country_code: 'USA' }, 'country_code'],
      ['POST', `/customers/${ids.customer}`, '{"fname": ', 'body'],
      ['GET', '/customers?limit=0', undefined, 'limit'],
      ['GET', '/customers?limit=101', undefined, 'limit'],
      ['GET', '/customers?page=-1', undefined, 'page'],
      ['GET', '/customers?sort_by=name-asc', undefined, 'sort_by'],
      ['GET', '/customers?created_after=yesterday', undefined, 'created_after'],
      ['GET', '/customers?country_code=US', undefined, 'country_code'],
      ['GET', '/customers?platform=google', undefined, 'platform'],
      ['POST', '/locations', { name: 'No country' }, 'country_code'],
      ['POST', '/locations', { country_code: 'US' }, 'name'],
      [
        'POST',
        '/locations',
        { name: 'X', country_code: 'US', review_profile: ['http://insecure.example'] },
        'review_profile',
      ],
      ['POST', `/locations/${ids.location}`, { name: '' }, 'name'],
      ['POST', `/locations/${ids.location}`, { address_line_1: 'a\nb' }, 'address_line_1'],
      ['GET', '/locations?sort_by=rating-desc', undefined, 'sort_by'],
      ['GET', '/reviews?rating_less_than=abc', undefined, 'rating_less_than'],
      ['GET', '/reviews?rating_greater_than=6', undefined, 'rating_greater_than'],
      ['GET', '/reviews?sort_by=bogus', undefined, 'sort_by'],
      ['GET', '/feedback?type=csat', undefined, 'type'],
      ['GET', '/feedback?nps_score_less_than=11', undefined, 'nps_score_less_than'],
      ['GET', '/feedback?type=nps&happy=true', undefined, 'happy'],
      ['GET', '/feedback?campaign_step=step_1', undefined, 'campaign_step'],
      ['POST', '/feedback-request', { subscriber: ids.customer }, 'template'],
      ['POST', '/feedback-request', { template: 'email' }, 'subscriber'],
      ['POST', '/feedback-request', { subscriber: ids.customer, template: 'tpl_nope' }, 'template', 404],
      [
        'POST',
        '/feedback-request',
        { subscriber: phoneless, template: 'sms', location: ids.location },
        'subscriber',
      ],
      ['POST', '/feedback-request', { subscriber: ids.customer, template: 'email', due: 'soon' }, 'due'],
      ['GET', '/feedback-request?spam_complaint=true', undefined, 'spam_complaint'],
      ['GET', '/feedback-request?template=tpl_abc', undefined, 'template'],
      ['GET', '/feedback-request?message_opened=true&message_clicked=false', undefined, 'message_opened'],
      ['POST', '/users', { email: 'nope' }, 'email'],
      ['POST', '/users', { email: 'a@example.com', role: 'owner' }, 'role'],
      ['GET', '/users?type=admin', undefined, 'type'],
    ];
    for (const [method, path, body, param, status = 400] of cases) {
      const options = typeof body === 'string' ? { raw: body } : body ? { json: body } : {};
      const res =
        'raw' in options
          ? await rawCall(env, key, method, path, options.raw as string)
          : await fapi(method, path, options as { json?: unknown });
      expect(res.status, `${method} ${path}`).toBe(status);
      expect(res.json, `${method} ${path}`).toEqual({
        type: 'invalid_request_error',
        message: expect.any(String),
        param,
      });
    }

    const adminCases: Case[] = [
      ['POST', '/accounts', { name: 'X', active: true }, 'verb'],
      ['POST', '/accounts', { name: 'X', active: 'maybe', verb: 'use' }, 'active'],
      ['POST', '/accounts', { name: 'X', active: true, verb: 'use', max_locations: -1 }, 'max_locations'],
      // Nothing of a refused update is applied: not the pause, not the allowance given beside it.
      ['POST', `/accounts/${env.org.id}`, { active: false, sms_allowance: 'lots' }, 'sms_allowance'],
      ['POST', `/accounts/${env.org.id}`, { active: false, max_campaigns: 2 }, 'max_campaigns'],
      ['POST', `/accounts/${env.org.id}`, { sms_allowance: 10, account_template: 'tpl' }, 'account_template'],
      ['POST', '/accounts', { name: 'X', active: true, verb: 'use', max_users: 3 }, 'max_users'],
      ['POST', '/accounts', { name: 'X', active: true, verb: 'eat' }, 'verb'],
      ['POST', `/accounts/${env.org.id}`, { active: 'no' }, 'active'],
      ['GET', '/accounts?limit=abc', undefined, 'limit'],
    ];
    for (const [method, path, body, param] of adminCases) {
      const res = await admin(method, path, body ? { json: body } : {});
      expect(res.status, `${method} ${path}`).toBe(400);
      expect(res.json, `${method} ${path}`).toEqual({
        type: 'invalid_request_error',
        message: expect.any(String),
        param,
      });
    }

    // Authentication failures are FeedbackAPI's 401 authentication_error.
    for (const auth of [null, basic('sk_live_unknownkey123'), basic('not a key'), `Bearer ${key}x`]) {
      const res = await fapi('GET', '/customers', { auth });
      expect(res.status).toBe(401);
      expect(res.json).toMatchObject({ type: 'authentication_error', message: expect.any(String) });
    }
    const unknownRoute = await fapi('GET', '/campaigns');
    expect(unknownRoute.status).toBe(404);
    expect(unknownRoute.json.type).toBe('invalid_request_error');

    expect(snapshot()).toEqual(before.counts);
    expect(rows()).toEqual(before.customers);
  });

  it('answers a key lacking the native scope 401 authentication_error, and too many requests 429 rate_limit_error', async () => {
    const env = setup();
    const readOnly = env.keyWithScopes(['reviews:read']);
    const res = await fapiClient(env, readOnly)('POST', '/customers', {
      json: { email: 'a@example.com', location: 'biz_x' },
    });
    expect(res.status).toBe(401);
    expect(res.json).toEqual({
      type: 'authentication_error',
      message: 'This API key lacks the customers:write scope',
    });
    expect((await env.call('GET', '/api/v1/customers')).json.pagination.total).toBe(0);

    const limited = setup({ config: { ...env.config, rateLimit: 2 } });
    const client = fapiClient(limited, limited.orgKey);
    expect((await client('GET', '/reviews')).headers.get('x-ratelimit-remaining')).toBe('1');
    await client('GET', '/reviews');
    const over = await client('GET', '/reviews');
    expect(over.status).toBe(429);
    expect(over.json.type).toBe('rate_limit_error');
    expect(over.headers.get('retry-after')).toBeTruthy();
  });
});

async function rawCall(
  env: ReturnType<typeof setup>,
  key: string,
  method: string,
  path: string,
  body: string,
) {
  const res = await env.app.request(`${BASE}${path}`, {
    method,
    headers: { authorization: basic(key), 'content-type': 'application/json' },
    body,
  });
  return { status: res.status, json: await res.json() };
}
