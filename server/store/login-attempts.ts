import type { Clock } from '../domain/clock';
import { type Db, sql } from './db';

/** Failures allowed before a bucket locks; each further failure doubles the lock, up to the cap. */
export type LockoutPolicy = { threshold: number; baseLockMs: number; maxLockMs: number };

// Failures older than a day are forgotten: a typo last week does not shorten today's allowance.
const FORGET_MS = 24 * 3_600_000;

/** The lockout bucket of one account, whatever the case the email was typed in. */
export const accountBucket = (email: string) => `email:${email.trim().toLowerCase()}`;

type AttemptRow = { failures: number; locked_until: string | null; updated_at: string };

/** Milliseconds until the bucket may try again, or 0 when it may now. */
export function lockedForMs(db: Db, clock: Clock, bucket: string): number {
  const row = sql(db, 'SELECT locked_until FROM login_attempts WHERE bucket = ?').get(bucket) as
    | { locked_until: string | null }
    | undefined;
  if (!row?.locked_until) return 0;
  return Math.max(0, Date.parse(row.locked_until) - clock().getTime());
}

/** Counts a failure; past the threshold the bucket locks for base × 2^(failures − threshold), capped. */
export function recordLoginFailure(db: Db, clock: Clock, bucket: string, policy: LockoutPolicy): void {
  const now = clock().getTime();
  const row = sql(db, 'SELECT * FROM login_attempts WHERE bucket = ?').get(bucket) as AttemptRow | undefined;
  const failures = row && now - Date.parse(row.updated_at) < FORGET_MS ? row.failures + 1 : 1;
  const over = failures - policy.threshold;
  const lockMs = over >= 0 ? Math.min(policy.baseLockMs * 2 ** over, policy.maxLockMs) : 0;
  sql(
    db,
    `INSERT INTO login_attempts (bucket, failures, locked_until, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (bucket) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until,
       updated_at = excluded.updated_at`,
  ).run(bucket, failures, lockMs ? new Date(now + lockMs).toISOString() : null, new Date(now).toISOString());
}

/** A successful sign-in clears the account's count. */
export function clearLoginFailures(db: Db, bucket: string): void {
  sql(db, 'DELETE FROM login_attempts WHERE bucket = ?').run(bucket);
}
