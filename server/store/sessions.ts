import { randomBytes } from 'node:crypto';
import { type Clock, isoNow } from '../domain/clock';
import { newId, sha256 } from '../domain/ids';
import { type Db, sql } from './db';

/** A session ends after 14 idle days, and 90 days after sign-in whatever the use. */
export const SESSION_IDLE_MS = 14 * 24 * 3_600_000;
export const SESSION_MAX_MS = 90 * 24 * 3_600_000;
/** Use extends a session at most once a minute, so a busy dashboard does not write on every call. */
const TOUCH_EVERY_MS = 60_000;

export type Session = {
  id: string;
  userId: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string | null;
  ip: string | null;
};

type SessionRow = {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  user_agent: string | null;
  ip: string | null;
};

const toSession = (row: SessionRow): Session => ({
  id: row.id,
  userId: row.user_id,
  createdAt: row.created_at,
  lastSeenAt: row.last_seen_at,
  expiresAt: row.expires_at,
  userAgent: row.user_agent,
  ip: row.ip,
});

/** Starts a session; the token (32 random bytes) is returned once, only its SHA-256 is stored. */
export function createSession(
  db: Db,
  clock: Clock,
  input: { userId: string; userAgent?: string; ip?: string },
): { session: Session; token: string } {
  const token = randomBytes(32).toString('base64url');
  const now = clock();
  // Ended sessions are otherwise only removed when their cookie comes back; a sign-in tidies the user's.
  sql(db, 'DELETE FROM sessions WHERE user_id = ? AND expires_at <= ?').run(input.userId, now.toISOString());
  const session: Session = {
    id: newId('ses'),
    userId: input.userId,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_IDLE_MS).toISOString(),
    userAgent: input.userAgent?.slice(0, 300) ?? null,
    ip: input.ip ?? null,
  };
  sql(
    db,
    `INSERT INTO sessions (id, user_id, token_hash, created_at, last_seen_at, expires_at, user_agent, ip)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    session.id,
    session.userId,
    sha256(token),
    session.createdAt,
    session.lastSeenAt,
    session.expiresAt,
    session.userAgent,
    session.ip,
  );
  return { session, token };
}

/**
 * The live session a cookie token names, its expiry rolled forward (at most once a minute, never past
 * 90 days from sign-in); `touched` says whether the cookie should be sent again with the new expiry.
 */
export function resolveSession(
  db: Db,
  clock: Clock,
  token: string,
): { session: Session; touched: boolean } | undefined {
  const row = sql(db, 'SELECT * FROM sessions WHERE token_hash = ?').get(sha256(token)) as
    | SessionRow
    | undefined;
  if (!row) return undefined;
  const now = clock().getTime();
  if (Date.parse(row.expires_at) <= now) {
    sql(db, 'DELETE FROM sessions WHERE id = ?').run(row.id);
    return undefined;
  }
  const session = toSession(row);
  if (now - Date.parse(row.last_seen_at) < TOUCH_EVERY_MS) return { session, touched: false };
  const cap = Date.parse(row.created_at) + SESSION_MAX_MS;
  session.lastSeenAt = new Date(now).toISOString();
  session.expiresAt = new Date(Math.min(now + SESSION_IDLE_MS, cap)).toISOString();
  sql(db, 'UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id = ?').run(
    session.lastSeenAt,
    session.expiresAt,
    session.id,
  );
  return { session, touched: true };
}

/** The user's live sessions, newest use first. */
export function listSessions(db: Db, clock: Clock, userId: string): Session[] {
  return (
    sql(db, 'SELECT * FROM sessions WHERE user_id = ? AND expires_at > ? ORDER BY last_seen_at DESC, id').all(
      userId,
      isoNow(clock),
    ) as SessionRow[]
  ).map(toSession);
}

/** Ends one session of this user (never another user's). */
export function deleteSession(db: Db, userId: string, id: string): boolean {
  return sql(db, 'DELETE FROM sessions WHERE id = ? AND user_id = ?').run(id, userId).changes > 0;
}

/** Ends every session of the user but `keep` (after a password change or reset). */
export function deleteOtherSessions(db: Db, userId: string, keep: string | null): number {
  return sql(db, 'DELETE FROM sessions WHERE user_id = ? AND id IS NOT ?').run(userId, keep).changes;
}
