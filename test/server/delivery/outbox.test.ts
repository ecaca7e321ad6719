import { describe, expect, it } from 'vitest';
import {
  backoffMs,
  createOutboxWorker,
  type JobHandler,
  type JobOutcome,
} from '../../../server/delivery/outbox';
import { silentLogger } from '../../../server/logger';
import { getJob, insertOutboxJob, leaseDueJobs, type OutboxJob } from '../../../server/store/outbox';
import { testClock } from '../helpers';
import { deliveryDb } from './fixtures';

function harness(outcomes: Array<JobOutcome | Promise<JobOutcome>>) {
  const db = deliveryDb();
  const clock = testClock();
  const runs: OutboxJob[] = [];
  const gaveUp: string[] = [];
  const handler: JobHandler = {
    run: async (job) => {
      runs.push(job);
      return outcomes.shift() ?? { type: 'done' };
    },
    giveUp: (_job, error) => gaveUp.push(error),
  };
  const worker = createOutboxWorker({
    db,
    clock,
    logger: silentLogger,
    handlers: { message: handler, webhook: handler, account_email: handler },
    random: () => 0.5,
  });
  return { db, clock, runs, gaveUp, worker };
}

describe('outbox worker', () => {
  it('delivers a due job once and marks it done', async () => {
    const h = harness([{ type: 'done' }]);
    const id = insertOutboxJob(h.db, h.clock, { kind: 'message', refId: 'msg_1' });
    const [first, second] = await Promise.all([h.worker.runOnce(), h.worker.runOnce()]);
    expect(first + second).toBe(1);
    expect(h.runs).toHaveLength(1);
    expect(getJob(h.db, id)).toMatchObject({ status: 'done', attempts: 1, lockedUntil: null });
  });

  it('waits for dueAt', async () => {
    const h = harness([]);
    insertOutboxJob(h.db, h.clock, {
      kind: 'message',
      refId: 'msg_1',
      dueAt: new Date(h.clock().getTime() + 60_000).toISOString(),
    });
    expect(await h.worker.runOnce()).toBe(0);
    h.clock.advance(60_000);
    expect(await h.worker.runOnce()).toBe(1);
  });

  it('retries with exponential backoff and jitter, then fails with the reason after max attempts', async () => {
    const h = harness([
      { type: 'retry', error: 'connection refused' },
      { type: 'retry', error: 'connection refused' },
      { type: 'retry', error: 'still down' },
    ]);
    const id = insertOutboxJob(h.db, h.clock, { kind: 'webhook', refId: 'msg_1', maxAttempts: 3 });
    await h.worker.runOnce();
    let job = getJob(h.db, id)!;
    // attempt 1 failed: ceiling 10 s, jitter 0.5 → 7.5 s
    expect(new Date(job.dueAt).getTime() - h.clock().getTime()).toBe(7_500);
    expect(job).toMatchObject({ status: 'pending', attempts: 1, lastError: 'connection refused' });
    h.clock.advance(7_499);
    expect(await h.worker.runOnce()).toBe(0);
    h.clock.advance(1);
    await h.worker.runOnce();
    job = getJob(h.db, id)!;
    expect(new Date(job.dueAt).getTime() - h.clock().getTime()).toBe(15_000);
    h.clock.advance(15_000);
    await h.worker.runOnce();
    expect(getJob(h.db, id)).toMatchObject({ status: 'failed', attempts: 3 });
    expect(getJob(h.db, id)!.lastError).toContain('gave up after 3 attempts: still down');
    expect(h.gaveUp).toEqual(['gave up after 3 attempts: still down']);
    h.clock.advance(86_400_000);
    expect(await h.worker.runOnce()).toBe(0);
  });

  it('a permanent failure fails at once; a postponement spends no attempt', async () => {
    const h = harness([
      { type: 'postpone', until: new Date('2026-06-16T09:00:00Z') },
      { type: 'fail', error: 'bad address' },
    ]);
    const id = insertOutboxJob(h.db, h.clock, { kind: 'message', refId: 'msg_1' });
    await h.worker.runOnce();
    expect(getJob(h.db, id)).toMatchObject({
      status: 'pending',
      attempts: 0,
      dueAt: '2026-06-16T09:00:00.000Z',
    });
    h.clock.set('2026-06-16T09:00:00Z');
    await h.worker.runOnce();
    expect(getJob(h.db, id)).toMatchObject({ status: 'failed', lastError: 'bad address' });
    expect(h.gaveUp).toEqual(['bad address']);
  });

  it('a handler that throws is retried, not lost', async () => {
    const h = harness([Promise.reject(new Error('boom'))]);
    const id = insertOutboxJob(h.db, h.clock, { kind: 'message', refId: 'msg_1' });
    await h.worker.runOnce();
    expect(getJob(h.db, id)).toMatchObject({ status: 'pending', lastError: 'internal: boom' });
  });

  it('a lease that expires (its worker died) makes the job due again', () => {
    const h = harness([]);
    insertOutboxJob(h.db, h.clock, { kind: 'message', refId: 'msg_1' });
    expect(leaseDueJobs(h.db, h.clock, 10, 60_000)).toHaveLength(1);
    expect(leaseDueJobs(h.db, h.clock, 10, 60_000)).toHaveLength(0);
    h.clock.advance(60_000);
    const again = leaseDueJobs(h.db, h.clock, 10, 60_000);
    expect(again).toHaveLength(1);
    expect(again[0].attempts).toBe(2);
  });

  it('backoff doubles, is capped at 6 hours, and spreads over the upper half', () => {
    expect(backoffMs(1, () => 0)).toBe(5_000);
    expect(backoffMs(1, () => 1)).toBe(10_000);
    expect(backoffMs(4, () => 1)).toBe(80_000);
    expect(backoffMs(30, () => 1)).toBe(6 * 3_600_000);
  });

  it('start() delivers in the background and stop() ends the loop', async () => {
    const h = harness([]);
    const db = h.db;
    const id = insertOutboxJob(db, h.clock, { kind: 'message', refId: 'msg_1' });
    h.worker.start();
    for (let i = 0; i < 100 && getJob(db, id)!.status !== 'done'; i++)
      await new Promise((r) => setTimeout(r, 10));
    await h.worker.stop();
    expect(getJob(db, id)!.status).toBe('done');
  });

  it('prunes finished jobs after a week, keeps failed ones', async () => {
    const h = harness([{ type: 'done' }, { type: 'fail', error: 'bad' }]);
    const done = insertOutboxJob(h.db, h.clock, { kind: 'message', refId: 'msg_1' });
    const failed = insertOutboxJob(h.db, h.clock, { kind: 'message', refId: 'msg_2' });
    await h.worker.runOnce();
    h.clock.advance(7 * 86_400_000 + 1);
    await h.worker.runOnce();
    expect(getJob(h.db, done)).toBeUndefined();
    expect(getJob(h.db, failed)!.status).toBe('failed');
  });
});
