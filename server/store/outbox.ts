import { type Clock, isoNow } from '../domain/clock';
import { newId } from '../domain/ids';
import { type Db, sql } from './db';

export type OutboxKind = 'message' | 'webhook' | 'account_email' | 'connector_sync' | 'connector_reply';
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
export const MAX_ATTEMPTS: Record<OutboxKind, number> = {
  message: 8,
  webhook: 15,
  account_email: 8,
  // A sync job never ends on its own: each run postpones it to the next (attempts are not spent).
  connector_sync: 1_000_000,
  connector_reply: 8,
};

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

/**
 * Jobs with the same serial key never run at once. A webhook job's key is its endpoint, so one endpoint
 * that never answers holds one worker slot, not all of them. A connector job's key is its connection: a
 * sync and a reply never refresh the same tokens at once. Other kinds have none.
 */
const serialKey = (job: string) =>
  `CASE ${job}.kind WHEN 'webhook' THEN (SELECT endpoint_id FROM webhook_deliveries WHERE id = ${job}.ref_id)
     WHEN 'connector_sync' THEN ${job}.ref_id
     WHEN 'connector_reply' THEN (SELECT l.connection_id FROM review_platform p
       JOIN connection_locations l ON l.id = p.location_id WHERE p.review_id = ${job}.ref_id) END`;

/** A leased job and its serial key (the webhook endpoint it goes to), if any. */
export type LeasedJob = OutboxJob & { serialKey: string | null };

/**
 * Leases the oldest due job of one of `kinds` whose serial key is not in `busyKeys` (already in flight),
 * counting the attempt; undefined when there is none.
 */
export function leaseNextJob(
  db: Db,
  clock: Clock,
  lane: { kinds: readonly string[]; busyKeys: readonly string[]; leaseMs: number },
): LeasedJob | undefined {
  const now = isoNow(clock);
  const until = new Date(clock().getTime() + lane.leaseMs).toISOString();
  const row = sql(
    db,
    `UPDATE outbox SET locked_until = :until, attempts = attempts + 1, updated_at = :now
     WHERE id = (SELECT o.id FROM outbox o
                 WHERE o.status = 'pending' AND o.due_at <= :now AND (o.locked_until IS NULL OR o.locked_until <= :now)
                   AND o.kind IN (SELECT value FROM json_each(:kinds))
                   AND coalesce(${serialKey('o')}, '') NOT IN (SELECT value FROM json_each(:busy))
                 ORDER BY o.due_at LIMIT 1)
     RETURNING *, ${serialKey('outbox')} AS serial_key`,
  ).get({ until, now, kinds: JSON.stringify(lane.kinds), busy: JSON.stringify(lane.busyKeys) }) as
    | (OutboxRow & { serial_key: string | null })
    | undefined;
  return row && { ...toJob(row), serialKey: row.serial_key };
}

/**
 * Moves an endpoint's pending webhook jobs due before `until` to `until`, spending no attempt: its circuit
 * is open, so they wait for it instead of each timing out in turn.
 */
export function postponeEndpointJobs(db: Db, clock: Clock, endpointId: string, until: string): number {
  return sql(
    db,
    `UPDATE outbox SET due_at = :until, updated_at = :now
     WHERE status = 'pending' AND kind = 'webhook' AND due_at < :until
       AND ref_id IN (SELECT id FROM webhook_deliveries WHERE endpoint_id = :endpointId AND status = 'pending')`,
  ).run({ until, now: isoNow(clock), endpointId }).changes;
}

/**
 * Makes the organization's held message jobs due now: those a pause postponed past the time their message
 * was due. Messages scheduled for later (reminders, delayed invites) keep their time. Returns how many.
 */
export function releaseHeldMessages(db: Db, clock: Clock, organizationId: string): number {
  const now = isoNow(clock);
  return sql(
    db,
    `UPDATE outbox SET due_at = :now, updated_at = :now
     WHERE status = 'pending' AND kind = 'message' AND due_at > :now
       AND (locked_until IS NULL OR locked_until <= :now)
       AND ref_id IN (SELECT id FROM messages
                      WHERE organization_id = :organizationId AND status = 'queued' AND due_at <= :now)`,
  ).run({ now, organizationId }).changes;
}

/** Keeps a long job (a sync paging through a platform) leased: no other worker takes it while it runs. */
export function extendLease(db: Db, clock: Clock, id: string, leaseMs: number): void {
  sql(db, 'UPDATE outbox SET locked_until = ? WHERE id = ? AND locked_until IS NOT NULL').run(
    new Date(clock().getTime() + leaseMs).toISOString(),
    id,
  );
}

/**
 * The one pending sync job of a connection, due at `dueAt` at the latest: moved earlier when it exists
 * (and is not running), queued when it does not. Returns its id.
 */
export function scheduleSync(db: Db, clock: Clock, connectionId: string, dueAt: string): string {
  return db.transaction(() => {
    const existing = sql(
      db,
      `SELECT id FROM outbox WHERE kind = 'connector_sync' AND ref_id = ? AND status = 'pending'
       ORDER BY created_at LIMIT 1`,
    )
      .pluck()
      .get(connectionId) as string | undefined;
    if (!existing) return insertOutboxJob(db, clock, { kind: 'connector_sync', refId: connectionId, dueAt });
    sql(
      db,
      `UPDATE outbox SET due_at = min(due_at, ?), updated_at = ? WHERE id = ? AND (locked_until IS NULL OR locked_until <= ?)`,
    ).run(dueAt, isoNow(clock), existing, isoNow(clock));
    return existing;
  })();
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

/** When the next pending job not yet due falls due (after `now`), to let the worker sleep until then. */
export function nextDueAfter(db: Db, now: string): string | undefined {
  const row = sql(db, `SELECT min(due_at) AS due FROM outbox WHERE status = 'pending' AND due_at > ?`).get(
    now,
  ) as { due: string | null };
  return row.due ?? undefined;
}

/** Deletes jobs that finished (done or cancelled) before `before`; failed ones stay for inspection. */
export function pruneFinishedJobs(db: Db, before: string): number {
  return sql(db, `DELETE FROM outbox WHERE status IN ('done', 'cancelled') AND updated_at < ?`).run(before)
    .changes;
}
