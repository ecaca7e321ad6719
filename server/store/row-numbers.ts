import { type Db, sql } from './db';

/**
 * Tables whose SQLite rowid a compat router shows as an integer id (products that document integer ids).
 * The rowid is already load-bearing: reviews_fts is keyed by it. Plaudit never runs VACUUM, which is the one
 * thing that may renumber rowids of tables without an INTEGER PRIMARY KEY.
 */
export type NumberedTable = 'reviews' | 'businesses' | 'organizations' | 'api_keys' | 'cards';

/** The integer of each id of `table` (ids that do not exist are absent from the map). */
export function rowNumbersOf(db: Db, table: NumberedTable, ids: string[]): Map<string, number> {
  if (!ids.length) return new Map();
  const rows = sql(
    db,
    `SELECT id, rowid AS n FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as Array<{ id: string; n: number }>;
  return new Map(rows.map((row) => [row.id, row.n]));
}

/** The integer of one id, or undefined. */
export function rowNumberOf(db: Db, table: NumberedTable, id: string): number | undefined {
  return rowNumbersOf(db, table, [id]).get(id);
}

/**
 * The id behind an integer, only when the row is the organization's (`organizationId` null: any
 * organization, for the admin key's own tables), so another tenant's numbers read as unknown.
 */
export function idOfRowNumber(
  db: Db,
  table: Exclude<NumberedTable, 'organizations'>,
  organizationId: string,
  n: number,
): string | undefined {
  const row = sql(db, `SELECT id FROM ${table} WHERE rowid = ? AND organization_id = ?`).get(
    n,
    organizationId,
  ) as { id: string } | undefined;
  return row?.id;
}

/** The organization behind an integer (agency routes: the admin key manages every organization). */
export function organizationIdOfRowNumber(db: Db, n: number): string | undefined {
  const row = sql(db, 'SELECT id FROM organizations WHERE rowid = ?').get(n) as { id: string } | undefined;
  return row?.id;
}
