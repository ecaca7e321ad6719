import type { Hono } from 'hono';
import { expect } from 'vitest';
import { type Db, sql } from '../../../server/store/db';

/** Every route a compat router answers (method, path), without its middleware-only entries. */
export function routesOf(router: Hono<any>): Array<{ method: string; path: string }> {
  const seen = new Map<string, { method: string; path: string }>();
  for (const { method, path } of router.routes) {
    if (method === 'ALL') continue;
    seen.set(`${method} ${path}`, { method, path });
  }
  return [...seen.values()];
}

/**
 * Every row an organization owns, table by table (api keys left out: using a key stamps it), to tell that a
 * request changed nothing of it.
 */
export function snapshotOf(db: Db, organizationId: string): Record<string, unknown[]> {
  const tables = sql(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  const snapshot: Record<string, unknown[]> = {};
  for (const table of tables) {
    if (table === 'api_keys') continue;
    const columns = sql(db, `SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[];
    if (table === 'organizations') {
      snapshot[table] = sql(db, 'SELECT * FROM organizations WHERE id = ?').all(organizationId);
    } else if (columns.includes('organization_id')) {
      snapshot[table] = sql(db, `SELECT * FROM ${table} WHERE organization_id = ? ORDER BY 1`).all(
        organizationId,
      );
    }
  }
  return snapshot;
}

/**
 * The routes a compat router serves under `prefix` (walked from the app, so a route added later is in the list)
 * and a recorder of the requests a test sends: `expectAllHit()` fails naming every route no request reached.
 */
export function routeWalk(app: Hono<any>, prefix: string) {
  const routes = routesOf(app)
    .filter((route) => route.path.startsWith(`${prefix}/`))
    .map((route) => `${route.method} ${route.path.slice(prefix.length)}`);
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
