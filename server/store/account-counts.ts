import { type Db, sql } from './db';

/** An organization's active (not archived) businesses and its members: what an agency sees per client. */
export function accountCounts(db: Db, organizationId: string): { businesses: number; members: number } {
  const businesses = sql(
    db,
    'SELECT count(*) FROM businesses WHERE organization_id = ? AND archived_at IS NULL',
  )
    .pluck(true)
    .get(organizationId) as number;
  const members = sql(db, 'SELECT count(*) FROM memberships WHERE organization_id = ?')
    .pluck(true)
    .get(organizationId) as number;
  return { businesses, members };
}

/** When each user was last active in a session (its last sign-in or use), by user id; absent when never. */
export function lastAccessOf(db: Db, userIds: string[]): Map<string, string> {
  if (!userIds.length) return new Map();
  const rows = sql(
    db,
    `SELECT user_id, max(last_seen_at) AS at FROM sessions WHERE user_id IN (SELECT value FROM json_each(?))
     GROUP BY user_id`,
  ).all(JSON.stringify(userIds)) as Array<{ user_id: string; at: string }>;
  return new Map(rows.map((row) => [row.user_id, row.at]));
}
