import { describe, expect, it } from 'vitest';
import { OPENAPI_PATH } from '../../../server/app';
import { defaultConfig } from '../../../server/config';
import { SCOPES } from '../../../server/domain/scopes';
import { createApiKey } from '../../../server/store/api-keys';
import { accountsSetup } from './accounts-fixtures';

type Setup = ReturnType<typeof accountsSetup>;

// Every route is called once or a few times: the per-IP limit of the sign-in routes must not answer first.
const roomy = () =>
  accountsSetup({
    config: defaultConfig({ publicUrl: 'http://plaudit.test', rateLimit: 10_000, publicRateLimit: 10_000 }),
  });

// Bookkeeping a refused call may still write: key last-used stamps, session touches, sign-in attempts.
const BOOKKEEPING = new Set(['api_keys', 'sessions', 'login_attempts', 'idempotency_keys']);

/** Every row of every table but bookkeeping, as one string: equal before and after means nothing changed. */
function contents(t: Setup): string {
  const tables = t.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as Array<{ name: string }>;
  return JSON.stringify(
    tables
      .filter(({ name }) => !BOOKKEEPING.has(name))
      .map(({ name }) => [name, t.db.prepare(`SELECT * FROM "${name}"`).all()]),
  );
}

/** The native API's routes (not the public OpenAPI document), as Hono lists them. */
function apiRoutes(t: Setup) {
  return t.app.routes.filter(
    (r) => r.path.startsWith('/api/v1/') && r.method !== 'ALL' && r.path !== OPENAPI_PATH,
  );
}

/**
 * A caller for each route: a key with every scope, the admin key acting in Acme, or an instance admin's
 * session (routes of a person's own account refuse keys). The first one the route does not refuse is used.
 */
async function callers(t: Setup) {
  const fullKey = createApiKey(t.db, t.clock, {
    organizationId: t.org.id,
    name: 'full',
    mode: 'live',
    scopes: [...SCOPES],
  }).secret;
  await t.addUser('root@acme.example', 'owner', t.org.id, { instanceAdmin: true });
  const { cookie } = await t.login('root@acme.example');
  return async (method: string, path: string, body?: unknown) => {
    const tries = [
      () => t.call(method, path, { key: fullKey, body }),
      () => t.call(method, path, { key: t.admin, body, headers: { 'plaudit-organization': t.org.id } }),
      () => t.asUser(cookie, method, path, { body }),
    ];
    let res = await tries[0]();
    for (const next of tries.slice(1)) if (res.status === 401 || res.status === 403) res = await next();
    return res;
  };
}

const concrete = (path: string) => path.replace(/:[A-Za-z]+/g, 'x_none');

describe('the native API refuses input it does not declare', { timeout: 60_000 }, () => {
  it('answers GET /reviews?platform=google and ?limit=5 with a 400 naming the parameter', async () => {
    const t = roomy();
    const business = await t.createBusiness();
    const made = await t.call('POST', '/api/v1/reviews', {
      body: { businessId: business.id, source: 'direct', rating: 5, authorName: 'Ana', content: 'Great' },
    });
    expect(made.status).toBe(201);

    const platform = await t.call('GET', '/api/v1/reviews?platform=google');
    expect(platform.status).toBe(400);
    expect(platform.json).toMatchObject({
      code: 'VALIDATION_ERROR',
      details: { platform: 'unknown query parameter' },
    });
    const limit = await t.call('GET', '/api/v1/reviews?limit=5');
    expect(limit.status).toBe(400);
    expect(limit.json).toMatchObject({
      code: 'VALIDATION_ERROR',
      details: { limit: 'unknown query parameter' },
    });

    // What the API does declare still works: the documented filter and page size.
    const declared = await t.call('GET', '/api/v1/reviews?source=direct&perPage=5&page=1');
    expect(declared.status).toBe(200);
    expect(declared.json.data).toHaveLength(1);
  });

  it('refuses ?organization= from an API key, which names its organization in the header instead', async () => {
    const t = roomy();
    const res = await t.call('GET', `/api/v1/reviews?organization=${t.org.id}`, {
      key: t.admin,
      headers: { 'plaudit-organization': t.org.id },
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.json.details)).toEqual(['organization']);
    await t.addUser('ana@acme.example', 'owner');
    const { cookie } = await t.login('ana@acme.example');
    expect((await t.asUser(cookie, 'GET', `/api/v1/reviews?organization=${t.org.id}`)).status).toBe(200);
  });

  it('refuses an unknown query parameter on every route, naming it, and changes nothing', async () => {
    const t = roomy();
    const business = await t.createBusiness();
    const as = await callers(t);
    const routes = apiRoutes(t);
    expect(routes.length).toBeGreaterThan(80);
    const before = contents(t);
    for (const route of routes) {
      const res = await as(route.method, `${concrete(route.path)}?plauditUnknown=1`);
      const label = `${route.method} ${route.path} → ${res.status} ${res.text}`;
      expect(res.status, label).toBe(400);
      expect(res.json.code, label).toBe('VALIDATION_ERROR');
      expect(res.json.details?.plauditUnknown, label).toBe('unknown query parameter');
    }
    expect(contents(t)).toBe(before);
    expect(business.id).toBeTruthy();
  });

  it('refuses an unknown field in every JSON body, naming it, and changes nothing', async () => {
    const t = roomy();
    const as = await callers(t);
    const doc = (await t.call('GET', OPENAPI_PATH, { key: null })).json as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>;
    };
    const writes = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, op]) => op.requestBody?.content['application/json'])
        .map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
    );
    expect(writes.length).toBeGreaterThanOrEqual(35);
    const before = contents(t);
    for (const { method, path } of writes) {
      const url = path.replace(/\{[A-Za-z]+\}/g, 'x_none');
      // The import takes an array of rows; every other body is an object.
      const body = path === '/api/v1/reviews/import' ? [{ plauditUnknown: true }] : { plauditUnknown: true };
      const res = await as(method, url, body);
      const label = `${method} ${path} → ${res.status} ${res.text}`;
      if (path === '/api/v1/reviews/import') {
        // Rows are reported one by one (the import's own contract): the row names the field.
        expect(res.status, label).toBe(200);
        expect(res.json.errors[0].errors.plauditUnknown, label).toBe('unknown field');
        continue;
      }
      expect(res.status, label).toBe(400);
      expect(res.json.code, label).toBe('VALIDATION_ERROR');
      expect(res.json.details?.plauditUnknown, label).toBe('unknown field');
    }
    expect(contents(t)).toBe(before);
  });

  it('refuses an unknown field inside a nested object of an otherwise valid body', async () => {
    const t = roomy();
    const business = await t.createBusiness();
    const before = contents(t);
    const nested = await t.call('PATCH', `/api/v1/businesses/${business.id}`, {
      body: { platforms: { google: { placeId: 'ChIJN1t_tDeuEmsRUsoyG83frY4', plaudit: 'x' } } },
    });
    expect(nested.status).toBe(400);
    expect(nested.json.details).toEqual({ 'platforms.google.plaudit': 'unknown field' });
    const created = await t.call('POST', '/api/v1/customers', {
      body: { name: 'Jo', email: 'jo@example.com', phoneNumber: '+15550100' },
    });
    expect(created.status).toBe(400);
    expect(created.json.details).toEqual({ phoneNumber: 'unknown field' });
    expect(contents(t)).toBe(before);
  });

  it('keeps the public pages tolerant: tracking parameters on a landing link still work', async () => {
    const t = roomy();
    const business = await t.createBusiness();
    const res = await t.app.request(`/b/${business.slug}?utm_source=newsletter&utm_medium=email&fbclid=x`);
    expect(res.status).toBe(200);
  });
});
