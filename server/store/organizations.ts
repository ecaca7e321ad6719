import { type Clock, isoNow } from '../domain/clock';
import { newId } from '../domain/ids';
import { notifyBusinessChanged } from './changes';
import { type Db, pageSql, sql } from './db';
import { releaseHeldMessages } from './outbox';

export type Organization = {
  id: string;
  name: string;
  /** When an agency paused the account (its messages wait until it resumes), or null. */
  pausedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

type OrganizationRow = {
  id: string;
  name: string;
  paused_at: string | null;
  created_at: string;
  updated_at: string;
};

const toOrganization = (row: OrganizationRow): Organization => ({
  id: row.id,
  name: row.name,
  pausedAt: row.paused_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export function createOrganization(db: Db, clock: Clock, input: { name: string }): Organization {
  const now = isoNow(clock);
  const id = newId('org');
  sql(db, 'INSERT INTO organizations (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)').run(
    id,
    input.name,
    now,
    now,
  );
  return { id, name: input.name, pausedAt: null, createdAt: now, updatedAt: now };
}

export function getOrganization(db: Db, id: string): Organization | undefined {
  const row = sql(db, 'SELECT * FROM organizations WHERE id = ?').get(id) as OrganizationRow | undefined;
  return row && toOrganization(row);
}

export function listOrganizations(
  db: Db,
  page: { limit: number; offset: number },
): { items: Organization[]; total: number } {
  const rows = sql(db, `SELECT * FROM organizations ORDER BY created_at, rowid ${pageSql(page.limit)}`).all(
    page.offset,
  ) as OrganizationRow[];
  const { total } = sql(db, 'SELECT count(*) AS total FROM organizations').get() as { total: number };
  return { items: rows.map(toOrganization), total };
}

export function updateOrganization(
  db: Db,
  clock: Clock,
  id: string,
  patch: { name?: string },
): Organization | undefined {
  const current = getOrganization(db, id);
  if (!current) return undefined;
  const name = patch.name ?? current.name;
  const now = isoNow(clock);
  sql(db, 'UPDATE organizations SET name = ?, updated_at = ? WHERE id = ?').run(name, now, id);
  return { ...current, name, updatedAt: now };
}

/**
 * Pauses (`paused` true) or resumes an organization (its held messages become due now); pausing twice keeps
 * the first time. Undefined when there is no such organization.
 */
export function setOrganizationPaused(
  db: Db,
  clock: Clock,
  id: string,
  paused: boolean,
): Organization | undefined {
  const now = isoNow(clock);
  db.transaction(() => {
    sql(
      db,
      `UPDATE organizations SET paused_at = CASE WHEN ? THEN coalesce(paused_at, ?) ELSE NULL END, updated_at = ?
       WHERE id = ?`,
    ).run(paused ? 1 : 0, now, now, id);
    // Held messages go out at once rather than at their next hourly re-check.
    if (!paused) releaseHeldMessages(db, clock, id);
  })();
  return getOrganization(db, id);
}

/** Whether the organization is paused: its messages wait (server/delivery/message-job.ts). */
export function isOrganizationPaused(db: Db, id: string): boolean {
  return !!sql(db, 'SELECT 1 FROM organizations WHERE id = ? AND paused_at IS NOT NULL').get(id);
}

/** Deletes the organization and, by cascade, everything it owns. */
export function deleteOrganization(db: Db, id: string): boolean {
  const businesses = sql(db, 'SELECT id FROM businesses WHERE organization_id = ?').all(id) as Array<{
    id: string;
  }>;
  const deleted = sql(db, 'DELETE FROM organizations WHERE id = ?').run(id).changes > 0;
  for (const business of businesses) notifyBusinessChanged(db, business.id);
  return deleted;
}

/** Whether any organization exists yet (first-run setup seeds the demo only into an empty database). */
export function hasOrganizations(db: Db): boolean {
  return !!sql(db, 'SELECT 1 FROM organizations LIMIT 1').get();
}
