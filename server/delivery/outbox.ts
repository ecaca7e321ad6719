import type { Clock } from '../domain/clock';
import type { Logger } from '../logger';
import type { Db } from '../store/db';
import {
  completeJob,
  failJob,
  leaseNextJob,
  nextDueAfter,
  type OutboxJob,
  type OutboxKind,
  postponeJob,
  pruneFinishedJobs,
  retryJob,
} from '../store/outbox';
import { DEFAULT_CONCURRENCY, type LaneName, laneOf } from './outbox-lanes';
import { createPool, type Round } from './outbox-pool';

/** What a handler decided about one attempt. */
export type JobOutcome =
  | { type: 'done' }
  | { type: 'cancelled'; reason: string }
  | { type: 'postpone'; until: Date }
  | { type: 'retry'; error: string }
  | { type: 'fail'; error: string }
  /** A permanent failure the handler already recorded: the job just ends as `failed`. */
  | { type: 'failed'; error: string };

/** Delivers one kind of job; `giveUp` records the final failure (retries exhausted or a permanent error). */
export type JobHandler = {
  run(job: OutboxJob): Promise<JobOutcome>;
  giveUp(job: OutboxJob, error: string): void;
};

export type OutboxWorkerOptions = {
  db: Db;
  clock: Clock;
  logger: Logger;
  /** The kinds this worker runs (a worker leases only the kinds it has a handler for). */
  handlers: Partial<Record<OutboxKind, JobHandler>>;
  /** Jobs run at once per lane (one number for every lane, or per lane). */
  concurrency?: number | Partial<Record<LaneName, number>>;
  /** How long a leased job is invisible to other workers; must exceed the slowest send (≤ 15 s timeouts). */
  leaseMs?: number;
  /** Longest sleep between looks for due jobs when nothing wakes the loop. */
  pollMs?: number;
  random?: () => number;
};

const BACKOFF_BASE_MS = 10_000;
const BACKOFF_CAP_MS = 6 * 3_600_000;
/** Finished jobs are kept this long (the messages and delivery logs keep the history), then pruned hourly. */
const KEEP_FINISHED_MS = 7 * 24 * 3_600_000;
const PRUNE_EVERY_MS = 3_600_000;

/**
 * Exponential backoff with jitter for the retry after `attempts` attempts: 10 s, 20 s, 40 s … capped at
 * 6 h, each drawn uniformly from the upper half so retries from a burst spread out.
 */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * The outbox worker: leases due jobs, runs their handler, and records the outcome — done, retried later
 * with backoff, postponed, or failed with the reason after the maximum attempts. Each lane has its own
 * slots and a slot takes the next due job of its lane as soon as its job finishes. `runOnce()` runs until
 * nothing due is left (tests drive it with an injected clock); `start()` keeps the slots busy until `stop()`.
 */
export function createOutboxWorker(options: OutboxWorkerOptions) {
  const { db, clock, logger, handlers } = options;
  const leaseMs = options.leaseMs ?? 60_000;
  const pollMs = options.pollMs ?? 1_000;
  const random = options.random ?? Math.random;
  const concurrency = (lane: LaneName) =>
    typeof options.concurrency === 'number'
      ? options.concurrency
      : (options.concurrency?.[lane] ?? DEFAULT_CONCURRENCY[lane]);
  const kinds = Object.keys(handlers) as OutboxKind[];
  const lanes = (Object.keys(DEFAULT_CONCURRENCY) as LaneName[]).map((name) => ({
    name,
    kinds: kinds.filter((kind) => laneOf(kind) === name),
    concurrency: concurrency(name),
  }));

  async function runJob(job: OutboxJob): Promise<void> {
    const handler = handlers[job.kind] as JobHandler;
    let outcome: JobOutcome;
    try {
      outcome = await handler.run(job);
    } catch (error) {
      logger.error({ err: error, jobId: job.id }, 'outbox handler threw');
      outcome = { type: 'retry', error: `internal: ${(error as Error).message}` };
    }
    const giveUp = (error: string) =>
      db.transaction(() => {
        failJob(db, clock, job.id, error);
        handler.giveUp(job, error);
      })();
    switch (outcome.type) {
      case 'done':
        completeJob(db, clock, job.id, 'done');
        return;
      case 'cancelled':
        completeJob(db, clock, job.id, 'cancelled', outcome.reason);
        return;
      case 'postpone':
        postponeJob(db, clock, job.id, outcome.until.toISOString());
        return;
      case 'fail':
        giveUp(outcome.error);
        return;
      case 'failed':
        failJob(db, clock, job.id, outcome.error);
        return;
      case 'retry':
        if (job.attempts >= job.maxAttempts) {
          giveUp(`gave up after ${job.attempts} attempts: ${outcome.error}`);
        } else {
          const due = new Date(clock().getTime() + backoffMs(job.attempts, random));
          retryJob(db, clock, job.id, due.toISOString(), outcome.error);
        }
    }
  }

  const pool = createPool({
    lanes,
    lease: (lane, busyKeys) => leaseNextJob(db, clock, { kinds: lane.kinds, busyKeys, leaseMs }),
    run: runJob,
    // A job whose outcome could not be recorded stays leased and runs again when its lease runs out.
    onError: (error) => logger.error({ err: error }, 'outbox job failed'),
  });

  let lastPrune = 0;
  function pruneHourly(): void {
    const now = clock().getTime();
    if (now - lastPrune < PRUNE_EVERY_MS) return;
    lastPrune = now;
    pruneFinishedJobs(db, new Date(now - KEEP_FINISHED_MS).toISOString());
  }

  /** Runs what is due, each freed slot taking the next due job, until none is left; resolves with how many ran. */
  function runOnce(): Promise<number> {
    pruneHourly();
    return new Promise((resolve) => {
      const round: Round = { ran: 0, inFlight: 0, settle: () => resolve(round.ran) };
      pool.fill(round);
      if (round.inFlight === 0) resolve(round.ran);
    });
  }

  let running = false;
  let timer: NodeJS.Timeout | undefined;
  const background: Round = { ran: 0, inFlight: 0, settle() {} };

  // Finished jobs refill their slots themselves; the tick only picks up jobs that fall due or were queued
  // while the slots sat idle, waking when the next one is due and at least every `pollMs`.
  function tick(): void {
    timer = undefined;
    if (!running) return;
    let untilNext = pollMs;
    try {
      pruneHourly();
      pool.fill(background);
      const next = nextDueAfter(db, clock().toISOString());
      if (next) untilNext = new Date(next).getTime() - clock().getTime();
    } catch (error) {
      logger.error({ err: error }, 'outbox round failed');
    }
    timer = setTimeout(tick, Math.max(10, Math.min(pollMs, untilNext)));
  }

  return {
    runOnce,
    /** Starts the loop (idempotent). */
    start() {
      if (running) return;
      running = true;
      tick();
    },
    /** Looks for due jobs now (a new job was queued). */
    poke() {
      if (!running) return;
      clearTimeout(timer);
      tick();
    },
    /** Stops taking jobs and waits for those in flight. */
    async stop() {
      running = false;
      clearTimeout(timer);
      timer = undefined;
      await pool.drain();
    },
  };
}

export type OutboxWorker = ReturnType<typeof createOutboxWorker>;
