import { randomBytes } from 'node:crypto';
import { type Clock, isoNow } from '../domain/clock';
import { newId, sha256 } from '../domain/ids';
import type { Role } from '../domain/roles';
import { type Db, sql } from './db';

export type AuthTokenPurpose = 'setup' | 'reset' | 'invite';

export type AuthToken = {
  id: string;
  purpose: AuthTokenPurpose;
  userId: string | null;
  organizationId: string | null;
  email: string | null;
  role: Role | null;
  createdAt: string;
  expiresAt: string;
};

type AuthTokenRow = {
  id: string;
  purpose: AuthTokenPurpose;
  user_id: string | null;
  organization_id: string | null;
  email: string | null;
  role: Role | null;
  created_at: string;
  expires_at: string;
};

const toAuthToken = (row: AuthTokenRow): AuthToken => ({
  id: row.id,
  purpose: row.purpose,
  userId: row.user_id,
  organizationId: row.organization_id,
  email: row.email,
  role: row.role,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
});

/** A single-use link token; returned once, only its SHA-256 is stored. */
export function createAuthToken(
  db: Db,
  clock: Clock,
  input: {
    purpose: AuthTokenPurpose;
    ttlMs: number;
    userId?: string;
    organizationId?: string;
    email?: string;
    role?: Role;
    createdBy?: string;
  },
): { token: string; record: AuthToken } {
  const token = randomBytes(32).toString('base64url');
  const now = clock();
  const record: AuthToken = {
    id: newId('atk'),
    purpose: input.purpose,
    userId: input.userId ?? null,
    organizationId: input.organizationId ?? null,
    email: input.email ?? null,
    role: input.role ?? null,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + input.ttlMs).toISOString(),
  };
  sql(
    db,
    `INSERT INTO auth_tokens (id, purpose, token_hash, user_id, organization_id, email, role, created_by,
       created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    record.id,
    record.purpose,
    sha256(token),
    record.userId,
    record.organizationId,
    record.email,
    record.role,
    input.createdBy ?? null,
    record.createdAt,
    record.expiresAt,
  );
  return { token, record };
}

/** The unused, unexpired token of this purpose, if `token` names one. */
export function findAuthToken(
  db: Db,
  clock: Clock,
  purpose: AuthTokenPurpose,
  token: string,
): AuthToken | undefined {
  const row = sql(
    db,
    'SELECT * FROM auth_tokens WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?',
  ).get(sha256(token), purpose, isoNow(clock)) as AuthTokenRow | undefined;
  return row && toAuthToken(row);
}

/** Marks the token used; false when another request used it first (the one check that makes it single use). */
export function consumeAuthToken(db: Db, clock: Clock, id: string): boolean {
  const now = isoNow(clock);
  return (
    sql(db, 'UPDATE auth_tokens SET used_at = ? WHERE id = ? AND used_at IS NULL AND expires_at > ?').run(
      now,
      id,
      now,
    ).changes > 0
  );
}

/** When the live setup link expires, if an unused one exists (so a restart does not print another). */
export function liveSetupTokenExpiry(db: Db, clock: Clock): string | undefined {
  const row = sql(
    db,
    `SELECT max(expires_at) AS until FROM auth_tokens WHERE purpose = 'setup' AND used_at IS NULL AND expires_at > ?`,
  ).get(isoNow(clock)) as { until: string | null };
  return row.until ?? undefined;
}

/** The organization's pending invitations, newest first. */
export function pendingInvitations(db: Db, clock: Clock, organizationId: string): AuthToken[] {
  return (
    sql(
      db,
      `SELECT * FROM auth_tokens WHERE purpose = 'invite' AND organization_id = ? AND used_at IS NULL
       AND expires_at > ? ORDER BY created_at DESC, rowid DESC`,
    ).all(organizationId, isoNow(clock)) as AuthTokenRow[]
  ).map(toAuthToken);
}

/** Withdraws one pending invitation of the organization. */
export function deleteInvitation(db: Db, organizationId: string, id: string): boolean {
  return (
    sql(
      db,
      `DELETE FROM auth_tokens WHERE id = ? AND purpose = 'invite' AND organization_id = ? AND used_at IS NULL`,
    ).run(id, organizationId).changes > 0
  );
}

/** Unused reset links of a user stop working once one is used or the password changes. */
export function expireResetTokens(db: Db, clock: Clock, userId: string): void {
  sql(
    db,
    `UPDATE auth_tokens SET used_at = ? WHERE purpose = 'reset' AND user_id = ? AND used_at IS NULL`,
  ).run(isoNow(clock), userId);
}

/** How many reset links the user was sent since `since` (so a stranger cannot flood their inbox). */
export function resetTokensSince(db: Db, userId: string, since: string): number {
  return (
    sql(
      db,
      `SELECT count(*) AS n FROM auth_tokens WHERE purpose = 'reset' AND user_id = ? AND created_at >= ?`,
    ).get(userId, since) as { n: number }
  ).n;
}
