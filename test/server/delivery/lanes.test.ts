import { afterEach, describe, expect, it } from 'vitest';
import { enqueueWebhookEvent } from '../../../server/delivery/webhook-events';
import { insertEndpoint } from '../../../server/store/webhooks';
import { deliverySetup } from './fixtures';
import { startSilentPeer } from './silent-peer';
import { startSmtpPeer } from './smtp-peer';

const cleanup: Array<() => Promise<void>> = [];

/** Waits until `condition` holds, for at most `limitMs`. */
async function until(condition: () => boolean, limitMs = 2_000) {
  for (const started = Date.now(); !condition() && Date.now() - started < limitMs; ) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
afterEach(async () => {
  for (const step of cleanup.splice(0)) await step();
});

/**
 * Organization A's webhooks go to a loopback host that accepts and never answers; organization B sends a
 * review request by email over a loopback SMTP server. The worker runs in the background as in production.
 */
async function twoTenants() {
  const silent = await startSilentPeer();
  const smtp = await startSmtpPeer();
  const t = deliverySetup({ smtpUrl: smtp.url, webhooksAllowPrivate: true });
  const worker = t.worker({ webhookTimeoutMs: 10_000 });
  // Stopping waits for the hanging attempts: closing the peer first cuts them short. The SMTP server
  // closes once the worker has closed its pooled connection.
  cleanup.push(async () => {
    await silent.close();
    await worker.stop();
    await smtp.close();
  });
  const addEndpoint = (path: string) =>
    insertEndpoint(
      t.db,
      t.clock,
      t.org.id,
      { url: silent.url(path), events: ['*'], description: null, enabled: true },
      'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=',
    );
  const emitA = (count: number) =>
    t.db.transaction(() => {
      for (let i = 0; i < count; i++) enqueueWebhookEvent(t.db, t.clock, t.org.id, 'review.created', { i });
    })();
  const requestEmailB = async () => {
    const b = t.otherOrg();
    const biz = await t.call('POST', '/api/v1/businesses', {
      key: b.key,
      body: { name: 'B Bakery', timezone: 'UTC', sendWindow: { start: '00:00', end: '23:59' } },
    });
    expect(biz.status).toBe(201);
    const customer = t.customer({ email: 'bea@example.com' }, b.id);
    // Queued after A's webhooks: an outbox that takes jobs in due order reaches it last.
    t.clock.advance(1);
    t.request({ businessId: biz.json.id, customerId: customer.id, orgId: b.id });
  };
  /** Resolves with how long the email took to arrive, or rejects after `limitMs`. */
  const emailArrival = async (started: number, limitMs: number) => {
    while (smtp.received.length === 0) {
      if (Date.now() - started > limitMs) throw new Error(`no email after ${limitMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return Date.now() - started;
  };
  return { t, silent, smtp, worker, addEndpoint, emitA, requestEmailB, emailArrival };
}

describe('delivery lanes: one tenant cannot delay another', () => {
  it("25 webhooks to a host that never answers do not hold up another organization's email", {
    timeout: 20_000,
  }, async () => {
    const s = await twoTenants();
    for (let i = 0; i < 25; i++) s.addEndpoint(`/hook-${i}`);
    s.emitA(1);
    await s.requestEmailB();

    const started = Date.now();
    s.worker.start();
    const took = await s.emailArrival(started, 5_000);
    expect(took).toBeLessThan(3_000);
    expect(s.smtp.received[0].subject).toBe('How was your visit to B Bakery?');
    // A's webhooks are hanging (their 10 s timeout is far off): the email did not wait for them.
    await until(() => s.silent.holding() > 0);
    expect(s.silent.holding()).toBeGreaterThan(0);
  });

  it('a thousand queued webhooks to one dead endpoint do not delay a request email', {
    timeout: 20_000,
  }, async () => {
    const s = await twoTenants();
    s.addEndpoint('/dead');
    s.emitA(1_000);
    await s.requestEmailB();

    const started = Date.now();
    s.worker.start();
    const took = await s.emailArrival(started, 5_000);
    expect(took).toBeLessThan(3_000);
    await until(() => s.silent.holding() > 0);
    expect(s.silent.holding()).toBe(1);
    expect(s.silent.maxHeld('/dead')).toBe(1);
  });
});

describe('one request in flight per webhook endpoint', () => {
  it('never sends two at once to one endpoint, while different endpoints go in parallel', async () => {
    const peer = await startSilentPeer({ hang: false, delayMs: 40 });
    cleanup.push(peer.close);
    const t = deliverySetup({ webhooksAllowPrivate: true });
    for (const path of ['/a', '/b']) {
      insertEndpoint(
        t.db,
        t.clock,
        t.org.id,
        { url: peer.url(path), events: ['*'], description: null, enabled: true },
        'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=',
      );
    }
    for (let i = 0; i < 6; i++) enqueueWebhookEvent(t.db, t.clock, t.org.id, 'review.created', { i });

    const worker = t.worker();
    expect(await worker.runOnce()).toBe(12);
    await worker.stop();
    expect(peer.requests).toHaveLength(12);
    expect(peer.maxHeld('/a')).toBe(1);
    expect(peer.maxHeld('/b')).toBe(1);
    expect(peer.maxHeld()).toBe(2);
    const statuses = t.db.prepare('SELECT DISTINCT status FROM webhook_deliveries').all();
    expect(statuses).toEqual([{ status: 'succeeded' }]);
  });
});
