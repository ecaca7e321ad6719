import { type Db, sql } from './db';

/** The oldest active business, which the home page uses to show the widget and landing link working. */
export function firstDemoBusiness(db: Db): { id: string; name: string; slug: string } | undefined {
  return sql(
    db,
    'SELECT id, name, slug FROM businesses WHERE archived_at IS NULL ORDER BY created_at, rowid LIMIT 1',
  ).get() as { id: string; name: string; slug: string } | undefined;
}
