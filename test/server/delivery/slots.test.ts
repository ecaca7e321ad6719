import { describe, expect, it } from 'vitest';
import { createOutboxWorker, type JobHandler } from '../../../server/delivery/outbox';
import { silentLogger } from '../../../server/logger';
import { getJob, insertOutboxJob } from '../../../server/store/outbox';
import { testClock } from '../helpers';
import { deliveryDb } from './fixtures';

describe('outbox slots', () => {
  it('a job that hangs holds one slot: the others take the next job as soon as theirs finishes', async () => {
    const db = deliveryDb();
    const clock = testClock();
    let release = () => {};
    const hanging = new Promise<void>((resolve) => {
      release = resolve;
    });
    const done: string[] = [];
    const handler: JobHandler = {
      async run(job) {
        if (job.refId === 'slow') await hanging;
        else await new Promise((resolve) => setTimeout(resolve, 1));
        done.push(job.refId);
        return { type: 'done' };
      },
      giveUp() {},
    };
    const worker = createOutboxWorker({
      db,
      clock,
      logger: silentLogger,
      handlers: { message: handler, webhook: handler, account_email: handler },
      concurrency: 2,
    });
    insertOutboxJob(db, clock, { kind: 'message', refId: 'slow' });
    clock.advance(1);
    const fast = Array.from({ length: 60 }, (_, i) =>
      insertOutboxJob(db, clock, { kind: 'message', refId: `fast-${i}` }),
    );

    const round = worker.runOnce();
    for (let i = 0; i < 400 && done.length < 60; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(done).toHaveLength(60);
    expect(done).not.toContain('slow');
    expect(fast.every((id) => getJob(db, id)!.status === 'done')).toBe(true);

    release();
    expect(await round).toBe(61);
    expect(done).toContain('slow');
  });

  it('each lane has its own slots: webhooks filling theirs leave the messages lane free', async () => {
    const db = deliveryDb();
    const clock = testClock();
    let release = () => {};
    const hanging = new Promise<void>((resolve) => {
      release = resolve;
    });
    const sent: string[] = [];
    const messages: JobHandler = {
      async run(job) {
        sent.push(job.refId);
        return { type: 'done' };
      },
      giveUp() {},
    };
    const worker = createOutboxWorker({
      db,
      clock,
      logger: silentLogger,
      concurrency: 3,
      handlers: {
        webhook: {
          run: () => hanging.then(() => ({ type: 'done' })),
          giveUp() {},
        },
        message: messages,
        account_email: messages,
      },
    });
    // Different deliveries with no endpoint row: no serial key, so every slot of the lane fills.
    for (let i = 0; i < 30; i++) insertOutboxJob(db, clock, { kind: 'webhook', refId: `msg_${i}` });
    clock.advance(1);
    insertOutboxJob(db, clock, { kind: 'message', refId: 'email' });

    const round = worker.runOnce();
    for (let i = 0; i < 400 && sent.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(sent).toEqual(['email']);
    release();
    expect(await round).toBe(31);
  });
});
