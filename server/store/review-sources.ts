import { type Db, sql } from './db';

/** The sources each of the organization's businesses has reviews from, keyed by business id. */
export function reviewSourcesByBusiness(db: Db, organizationId: string): Map<string, string[]> {
  const rows = sql(
    db,
    'SELECT DISTINCT business_id, source FROM reviews WHERE organization_id = ? ORDER BY business_id, source',
  ).all(organizationId) as Array<{ business_id: string; source: string }>;
  const sources = new Map<string, string[]>();
  for (const row of rows) {
    const list = sources.get(row.business_id) ?? [];
    list.push(row.source);
    sources.set(row.business_id, list);
  }
  return sources;
}
