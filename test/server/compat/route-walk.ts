import { expect } from 'vitest';

type Routed = { routes: Array<{ method: string; path: string }> };

/**
 * The routes a compat router serves under `prefix` (walked from the app, so a route added later is in the list)
 * and a recorder of the requests a test sends: `expectAllHit()` fails naming every route no request reached.
 */
export function routeWalk(app: Routed, prefix: string) {
  const routes = [
    ...new Set(
      app.routes
        .filter((route) => route.method !== 'ALL' && route.path.startsWith(`${prefix}/`))
        .map((route) => `${route.method} ${route.path.slice(prefix.length)}`),
    ),
  ];
  const patterns = routes.map((route) => {
    const [method, path] = route.split(' ');
    const source = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:\w+/g, '[^/]+');
    return { route, method, regex: new RegExp(`^${source}$`) };
  });
  const hit = new Set<string>();
  return {
    routes,
    /** Notes which route `method path` (path under the prefix, query allowed) reaches. */
    record(method: string, path: string) {
      const bare = path.split('?')[0];
      const match = patterns.find((p) => p.method === method && p.regex.test(bare));
      if (match) hit.add(match.route);
    },
    expectAllHit() {
      expect(routes.length).toBeGreaterThan(0);
      expect(routes.filter((route) => !hit.has(route))).toEqual([]);
    },
  };
}

/** Every row a compat route could write, to show that a refused request changed nothing. */
export const writableRows = (db: { prepare(sql: string): { all(): unknown[] } }) =>
  JSON.stringify(
    [
      'businesses',
      'reviews',
      'customers',
      'customer_businesses',
      'review_requests',
      'outbox',
      'messages',
    ].map((table) => db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()),
  );
