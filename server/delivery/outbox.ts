import type { Clock } from '../domain/clock';
import type { Logger } from '../logger';
import type { Db } from '../store/db';
import {
  completeJob,
  failJob,
  leaseDueJobs,
  nextDueAt,
  type OutboxJob,
  type OutboxKind,
  postponeJob,
  pruneFinishedJobs,
  retryJob,
} from '../store/outbox';

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
  handlers: Record<OutboxKind, JobHandler>;
  /** Jobs leased per round and run at once. */
  batchSize?: number;
  /** How long a leased job is invisible to other rounds; must exceed the slowest send (≤ 15 s timeouts). */
  leaseMs?: number;
  /** Longest sleep between rounds when nothing is due. */
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
 * with backoff, postponed, or failed with the reason after the maximum attempts. `runOnce()` is one round
 * (tests drive it with an injected clock); `start()` loops until `stop()`.
 */
export function createOutboxWorker(options: OutboxWorkerOptions) {
  const { db, clock, logger, handlers } = options;
  const batchSize = options.batchSize ?? 25;
  const leaseMs = options.leaseMs ?? 60_000;
  const pollMs = options.pollMs ?? 1_000;
  const random = options.random ?? Math.random;

  async function runJob(job: OutboxJob): Promise<void> {
    const handler = handlers[job.kind];
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

  /** One round: leases what is due and delivers it; resolves with how many jobs ran. */
  let lastPrune = 0;
  async function runOnce(): Promise<number> {
    const now = clock().getTime();
    if (now - lastPrune >= PRUNE_EVERY_MS) {
      lastPrune = now;
      pruneFinishedJobs(db, new Date(now - KEEP_FINISHED_MS).toISOString());
    }
    const jobs = leaseDueJobs(db, clock, batchSize, leaseMs);
    await Promise.all(jobs.map(runJob));
    return jobs.length;
  }

  let running = false;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;
  let loop: Promise<void> | undefined;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, ms);
    });

  async function work(): Promise<void> {
    while (running) {
      let ran = 0;
      try {
        ran = await runOnce();
      } catch (error) {
        logger.error({ err: error }, 'outbox round failed');
      }
      if (!running) break;
      if (ran >= batchSize) continue;
      const next = nextDueAt(db);
      const untilNext = next ? new Date(next).getTime() - clock().getTime() : pollMs;
      await sleep(Math.max(10, Math.min(pollMs, untilNext)));
    }
  }

  return {
    runOnce,
    /** Starts the loop (idempotent). */
    start() {
      if (running) return;
      running = true;
      loop = work();
    },
    /** Wakes a sleeping loop now (a new job was queued). */
    poke() {
      if (timer) clearTimeout(timer);
      wake?.();
    },
    /** Stops after the round in progress. */
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      wake?.();
      await loop;
    },
  };
}

export type OutboxWorker = ReturnType<typeof createOutboxWorker>;
