import { type Clock, isoNow } from '../domain/clock';
import type { Role } from '../domain/roles';
import { type Db, sql } from './db';

export type Membership = { organizationId: string; organizationName: string; role: Role };
export type TeamMember = { userId: string; name: string; email: string; role: Role; createdAt: string };

/** Adds the user to the organization, or changes their role there. */
export function upsertMembership(db: Db, clock: Clock, userId: string, organizationId: string, role: Role) {
  sql(
    db,
    `INSERT INTO memberships (user_id, organization_id, role, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (user_id, organization_id) DO UPDATE SET role = excluded.role`,
  ).run(userId, organizationId, role, isoNow(clock));
}

/** Every organization the user belongs to, oldest membership first (the first is their default). */
export function membershipsOf(db: Db, userId: string): Membership[] {
  return sql(
    db,
    `SELECT m.organization_id AS organizationId, o.name AS organizationName, m.role AS role
     FROM memberships m JOIN organizations o ON o.id = m.organization_id
     WHERE m.user_id = ? ORDER BY m.created_at, m.organization_id`,
  ).all(userId) as Membership[];
}

export function roleIn(db: Db, userId: string, organizationId: string): Role | undefined {
  const row = sql(db, 'SELECT role FROM memberships WHERE user_id = ? AND organization_id = ?').get(
    userId,
    organizationId,
  ) as { role: Role } | undefined;
  return row?.role;
}

/** The people of one organization. */
export function teamOf(db: Db, organizationId: string): TeamMember[] {
  return sql(
    db,
    `SELECT u.id AS userId, u.name AS name, u.email AS email, m.role AS role, m.created_at AS createdAt
     FROM memberships m JOIN users u ON u.id = m.user_id
     WHERE m.organization_id = ? ORDER BY m.created_at, m.rowid`,
  ).all(organizationId) as TeamMember[];
}

export function countOwners(db: Db, organizationId: string): number {
  return (
    sql(db, `SELECT count(*) AS n FROM memberships WHERE organization_id = ? AND role = 'owner'`).get(
      organizationId,
    ) as { n: number }
  ).n;
}

export function deleteMembership(db: Db, userId: string, organizationId: string): boolean {
  return (
    sql(db, 'DELETE FROM memberships WHERE user_id = ? AND organization_id = ?').run(userId, organizationId)
      .changes > 0
  );
}
