import type { Hono } from 'hono';
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
