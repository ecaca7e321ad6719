import { afterEach, describe, expect, it } from 'vitest';
import { afterNoAnswer, circuitState } from '../../../server/delivery/webhook-circuit';
import { enqueueWebhookEvent } from '../../../server/delivery/webhook-events';
import { insertEndpoint } from '../../../server/store/webhooks';
import { deliverySetup } from './fixtures';
import { startSilentPeer } from './silent-peer';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0)) await step();
});

const MINUTE = 60_000;

describe('webhook circuit breaker', () => {
  it('opens after 5 timeouts in a row, holds the jobs without spending attempts, and an answer closes it', {
    timeout: 20_000,
  }, async () => {
    const peer = await startSilentPeer();
    cleanup.push(peer.close);
    const t = deliverySetup({ webhooksAllowPrivate: true });
    const endpoint = insertEndpoint(
      t.db,
      t.clock,
      t.org.id,
      { url: peer.url('/hook'), events: ['*'], description: null, enabled: true },
      'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=',
    );
    for (let i = 0; i < 8; i++) enqueueWebhookEvent(t.db, t.clock, t.org.id, 'review.created', { i });
    // A new worker each time, as after a restart: the breaker lives in the database.
    const run = async (webhookTimeoutMs = 100) => {
      const worker = t.worker({ webhookTimeoutMs });
      const ran = await worker.runOnce();
      await worker.stop();
      return ran;
    };
    const circuit = async () => (await t.call('GET', `/api/v1/webhooks/${endpoint.id}`)).json.circuit;
    const tried = () => (t.db.prepare('SELECT count(*) AS n FROM webhook_attempts').get() as { n: number }).n;
    const jobs = () =>
      t.db
        .prepare(
          `SELECT o.attempts, o.due_at AS dueAt, o.status,
             (SELECT count(*) FROM webhook_attempts a WHERE a.delivery_id = o.ref_id) AS tried
           FROM outbox o WHERE o.kind = 'webhook' ORDER BY o.rowid`,
        )
        .all() as Array<{ attempts: number; dueAt: string; status: string; tried: number }>;
    const opened = t.clock().getTime();

    expect(await circuit()).toEqual({ state: 'closed', openUntil: null, consecutiveFailures: 0 });
    await run();
    // Five attempts timed out one after the other (one in flight per endpoint); the sixth never started.
    expect(tried()).toBe(5);
    expect(peer.requests).toHaveLength(5);
    const openUntil = new Date(opened + MINUTE).toISOString();
    expect(await circuit()).toEqual({ state: 'open', openUntil, consecutiveFailures: 5 });
    const untried = jobs().filter((job) => job.tried === 0);
    expect(untried).toHaveLength(3);
    for (const job of untried)
      expect(job).toMatchObject({ attempts: 0, dueAt: openUntil, status: 'pending' });

    // A retry falling due while the circuit is open waits for it, and gets its attempt back.
    t.clock.advance(10_000);
    await run();
    expect(tried()).toBe(5);
    expect(jobs().every((job) => job.attempts === job.tried)).toBe(true);

    // Half-open: one trial; it times out, so the circuit opens again for twice as long.
    t.clock.set(openUntil);
    await run();
    expect(tried()).toBe(6);
    expect(await circuit()).toEqual({
      state: 'open',
      openUntil: new Date(opened + 3 * MINUTE).toISOString(),
      consecutiveFailures: 6,
    });
    expect(jobs().every((job) => job.attempts === job.tried)).toBe(true);

    // The receiver answers again: the trial closes the circuit and everything goes.
    peer.state.hang = false;
    t.clock.set(new Date(opened + 3 * MINUTE).toISOString());
    await run(5_000);
    expect(await circuit()).toEqual({ state: 'closed', openUntil: null, consecutiveFailures: 0 });
    expect(jobs().map((job) => job.status)).toEqual(Array(8).fill('done'));
    // Attempts were spent only on requests that were made.
    expect(jobs().every((job) => job.attempts === job.tried)).toBe(true);
    expect(tried()).toBe(6 + 8);
    expect(peer.maxHeld('/hook')).toBe(1);
  });

  it('opens at the fifth attempt without an answer; each failed trial doubles the cooldown, up to an hour', () => {
    const now = new Date('2026-06-15T12:00:00Z');
    let circuit = { failures: 0, openUntil: null as string | null, cooldownMs: 0 };
    for (let i = 0; i < 4; i++) circuit = afterNoAnswer(circuit, now);
    expect(circuitState(circuit, now)).toBe('closed');
    circuit = afterNoAnswer(circuit, now);
    expect(circuit).toEqual({ failures: 5, openUntil: '2026-06-15T12:01:00.000Z', cooldownMs: 60_000 });
    expect(circuitState(circuit, now)).toBe('open');
    expect(circuitState(circuit, new Date('2026-06-15T12:01:00Z'))).toBe('half_open');
    const cooldowns = [];
    for (let i = 0; i < 8; i++) {
      circuit = afterNoAnswer(circuit, now);
      cooldowns.push(circuit.cooldownMs / MINUTE);
    }
    expect(cooldowns).toEqual([2, 4, 8, 16, 32, 60, 60, 60]);
  });
});
