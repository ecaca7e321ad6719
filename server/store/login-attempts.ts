import type { Clock } from '../domain/clock';
import { type Db, sql } from './db';

/**
 * How a bucket slows down, then locks: from `slowAfter` failures each answer makes the next attempt wait
 * `slowMs` more; from `threshold` it locks for `baseLockMs`, doubling with each further failure up to `maxLockMs`.
 */
export type LockoutPolicy = {
  slowAfter: number;
  slowMs: number;
  threshold: number;
  baseLockMs: number;
  maxLockMs: number;
};

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

/** Counts a failure and sets how long the bucket must now wait (see LockoutPolicy). */
export function recordLoginFailure(db: Db, clock: Clock, bucket: string, policy: LockoutPolicy): void {
  const now = clock().getTime();
  // Forgotten counters are dropped here, so a spray of made-up emails does not grow the table for good.
  sql(
    db,
    'DELETE FROM login_attempts WHERE updated_at < ? AND (locked_until IS NULL OR locked_until < ?)',
  ).run(new Date(now - FORGET_MS).toISOString(), new Date(now).toISOString());
  const row = sql(db, 'SELECT * FROM login_attempts WHERE bucket = ?').get(bucket) as AttemptRow | undefined;
  const failures = row && now - Date.parse(row.updated_at) < FORGET_MS ? row.failures + 1 : 1;
  const lockMs = waitAfter(failures, policy);
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

/** The wait a bucket with this many failures has earned. */
export function waitAfter(failures: number, policy: LockoutPolicy): number {
  if (failures >= policy.threshold) {
    return Math.min(policy.baseLockMs * 2 ** (failures - policy.threshold), policy.maxLockMs);
  }
  if (failures >= policy.slowAfter) return policy.slowMs * (failures - policy.slowAfter + 1);
  return 0;
}
