import { type Clock, isoNow } from '../domain/clock';
import { newId } from '../domain/ids';
import { type Db, sql } from './db';

export type OutboxKind = 'message' | 'webhook' | 'account_email';
export type OutboxStatus = 'pending' | 'done' | 'failed' | 'cancelled';

export type OutboxJob = {
  id: string;
  kind: OutboxKind;
  refId: string;
  status: OutboxStatus;
  dueAt: string;
  attempts: number;
  maxAttempts: number;
  lockedUntil: string | null;
  lastError: string | null;
};

type OutboxRow = {
  id: string;
  kind: OutboxKind;
  ref_id: string;
  status: OutboxStatus;
  due_at: string;
  attempts: number;
  max_attempts: number;
  locked_until: string | null;
  last_error: string | null;
};

function toJob(row: OutboxRow): OutboxJob {
  return {
    id: row.id,
    kind: row.kind,
    refId: row.ref_id,
    status: row.status,
    dueAt: row.due_at,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    lockedUntil: row.locked_until,
    lastError: row.last_error,
  };
}

/** Default attempts before a job is `failed`: messages give up sooner than webhooks (≈ 3 days of backoff). */
export const MAX_ATTEMPTS: Record<OutboxKind, number> = { message: 8, webhook: 15, account_email: 8 };

/** Queues a job; call inside the transaction of the change that caused it. */
export function insertOutboxJob(
  db: Db,
  clock: Clock,
  job: { kind: OutboxKind; refId: string; dueAt?: string; maxAttempts?: number },
): string {
  const id = newId('job');
  const now = isoNow(clock);
  sql(
    db,
    `INSERT INTO outbox (id, kind, ref_id, due_at, max_attempts, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, job.kind, job.refId, job.dueAt ?? now, job.maxAttempts ?? MAX_ATTEMPTS[job.kind], now, now);
  return id;
}

/**
 * Leases up to `limit` due jobs until `leaseUntil`, counting the attempt. A job whose lease expired (its
 * worker died mid-send) is due again: that is how a crash loses nothing.
 */
export function leaseDueJobs(db: Db, clock: Clock, limit: number, leaseMs: number): OutboxJob[] {
  const now = isoNow(clock);
  const until = new Date(clock().getTime() + leaseMs).toISOString();
  const rows = sql(
    db,
    `UPDATE outbox SET locked_until = :until, attempts = attempts + 1, updated_at = :now
     WHERE id IN (SELECT id FROM outbox WHERE status = 'pending' AND due_at <= :now
                    AND (locked_until IS NULL OR locked_until <= :now) ORDER BY due_at LIMIT :limit)
     RETURNING *`,
  ).all({ until, now, limit }) as OutboxRow[];
  return rows.map(toJob).sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}

/** The job went through (or needs nothing more): never run again. */
export function completeJob(
  db: Db,
  clock: Clock,
  id: string,
  status: 'done' | 'cancelled',
  note?: string,
): void {
  sql(
    db,
    'UPDATE outbox SET status = ?, locked_until = NULL, last_error = ?, updated_at = ? WHERE id = ?',
  ).run(status, note ?? null, isoNow(clock), id);
}

/** The attempt failed: try again at `dueAt`. */
export function retryJob(db: Db, clock: Clock, id: string, dueAt: string, error: string): void {
  sql(
    db,
    'UPDATE outbox SET due_at = ?, locked_until = NULL, last_error = ?, updated_at = ? WHERE id = ?',
  ).run(dueAt, error, isoNow(clock), id);
}

/** Not now (send window, paused campaign): move the job without spending an attempt. */
export function postponeJob(db: Db, clock: Clock, id: string, dueAt: string): void {
  sql(
    db,
    'UPDATE outbox SET due_at = ?, locked_until = NULL, attempts = max(attempts - 1, 0), updated_at = ? WHERE id = ?',
  ).run(dueAt, isoNow(clock), id);
}

/** Gave up: `failed` with the reason. */
export function failJob(db: Db, clock: Clock, id: string, error: string): void {
  sql(
    db,
    `UPDATE outbox SET status = 'failed', locked_until = NULL, last_error = ?, updated_at = ? WHERE id = ?`,
  ).run(error, isoNow(clock), id);
}

/** Cancels the pending jobs of these refs (an erased customer's messages). */
export function cancelJobsFor(db: Db, clock: Clock, refIds: string[]): void {
  for (const refId of refIds) {
    sql(
      db,
      `UPDATE outbox SET status = 'cancelled', updated_at = ? WHERE ref_id = ? AND status = 'pending'`,
    ).run(isoNow(clock), refId);
  }
}

/** A job by id (tests and support). */
export function getJob(db: Db, id: string): OutboxJob | undefined {
  const row = sql(db, 'SELECT * FROM outbox WHERE id = ?').get(id) as OutboxRow | undefined;
  return row && toJob(row);
}

/** The newest job for a ref (a message or a webhook delivery). */
export function jobForRef(db: Db, refId: string): OutboxJob | undefined {
  const row = sql(
    db,
    'SELECT * FROM outbox WHERE ref_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1',
  ).get(refId) as OutboxRow | undefined;
  return row && toJob(row);
}

/** When the next pending job is due, to let the worker sleep until then. */
export function nextDueAt(db: Db): string | undefined {
  const row = sql(db, `SELECT min(due_at) AS due FROM outbox WHERE status = 'pending'`).get() as {
    due: string | null;
  };
  return row.due ?? undefined;
}

/** Deletes jobs that finished (done or cancelled) before `before`; failed ones stay for inspection. */
export function pruneFinishedJobs(db: Db, before: string): number {
  return sql(db, `DELETE FROM outbox WHERE status IN ('done', 'cancelled') AND updated_at < ?`).run(before)
    .changes;
}
