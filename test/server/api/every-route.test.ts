import { describe, expect, it } from 'vitest';
import { OPENAPI_PATH } from '../../../server/app';
import { setup } from '../helpers';

/** Every authenticated API route the app serves, with path parameters filled by a placeholder. */
function apiRoutes(app: ReturnType<typeof setup>['app']) {
  const seen = new Set<string>();
  return app.routes
    .filter((r) => r.path.startsWith('/api/v1/') && r.method !== 'ALL' && r.path !== OPENAPI_PATH)
    .map((r) => ({ method: r.method, path: r.path.replace(/:[A-Za-z]+/g, 'x_unknown') }))
    .filter((r) => {
      const key = `${r.method} ${r.path}`;
      return !seen.has(key) && seen.add(key);
    });
}

// Routes any valid key may call, whatever its scopes.
const OPEN_TO_ANY_KEY = new Set(['GET /api/v1/me', 'GET /api/v1/sources']);

// The sign-in routes: how a person without a key or session gets one (each has its own tests).
const PUBLIC_SIGN_IN = new Set([
  'POST /api/v1/auth/login',
  'GET /api/v1/auth/setup',
  'POST /api/v1/auth/setup',
  'POST /api/v1/auth/signup',
  'POST /api/v1/auth/forgot',
  'POST /api/v1/auth/reset',
  'GET /api/v1/auth/invitations/lookup',
  'POST /api/v1/auth/invitations/accept',
  // A review platform's consent screen redirects the browser here; the OAuth state is the proof.
  'GET /api/v1/connections/callback',
]);

describe('every API route', () => {
  it('answers 401 in the error shape without a key', async () => {
    const t = setup();
    const routes = apiRoutes(t.app);
    expect(routes.length).toBeGreaterThan(10);
    for (const route of routes) {
      if (PUBLIC_SIGN_IN.has(`${route.method} ${route.path}`)) continue;
      const res = await t.call(route.method, route.path, {
        key: null,
        body: route.method === 'GET' ? undefined : {},
      });
      expect(res.status, `${route.method} ${route.path}`).toBe(401);
      expect(res.json.code).toBe('UNAUTHORIZED');
    }
  });

  it('answers 403 to an organization key that holds no scope', async () => {
    const t = setup();
    const noScopes = t.keyWithScopes([]);
    for (const route of apiRoutes(t.app)) {
      if (OPEN_TO_ANY_KEY.has(`${route.method} ${route.path}`)) continue;
      if (PUBLIC_SIGN_IN.has(`${route.method} ${route.path}`)) continue;
      const res = await t.call(route.method, route.path, {
        key: noScopes,
        body: route.method === 'GET' ? undefined : {},
      });
      expect(res.status, `${route.method} ${route.path}`).toBe(403);
      expect(res.json.code).toBe('FORBIDDEN');
    }
  });

  it('serves exactly the listed sign-in routes without a key', async () => {
    const t = setup();
    const open: string[] = [];
    for (const route of apiRoutes(t.app)) {
      const res = await t.call(route.method, route.path, {
        key: null,
        body: route.method === 'GET' ? undefined : {},
      });
      if (res.status !== 401) open.push(`${route.method} ${route.path}`);
    }
    expect(open.sort()).toEqual([...PUBLIC_SIGN_IN].sort());
  });
});
