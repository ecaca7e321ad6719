import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { isPublicAddress } from '../../../server/delivery/ssrf';
import { enqueueWebhookEvent } from '../../../server/delivery/webhook-events';
import { jobForRef } from '../../../server/store/outbox';
import { getEndpoint, insertEndpoint } from '../../../server/store/webhooks';
import { testClock } from '../helpers';
import { deliverySetup } from './fixtures';
import { startReceiver } from './webhook-receiver';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** A receiver, an app whose clock is real time (the verifier checks timestamps), and one endpoint on `path`. */
async function webhookSetup(path = '/ok', options: { allowPrivate?: boolean } = {}) {
  const secrets: string[] = [];
  const receiver = await startReceiver(() => secrets);
  closers.push(receiver.close);
  const t = deliverySetup(
    { webhooksAllowPrivate: options.allowPrivate ?? true },
    { clock: testClock(new Date().toISOString()) },
  );
  const created = await t.call('POST', '/api/v1/webhooks', {
    body: { url: receiver.url(path), events: ['review.created', 'request.sent'] },
  });
  if (created.status !== 201) throw new Error(created.text);
  secrets.push(created.json.secret);
  const emit = (type: 'review.created' | 'request.sent' = 'review.created') =>
    enqueueWebhookEvent(t.db, t.clock, t.org.id, type, { reviewId: 'rev_1', rating: 5 });
  const deliveries = async () =>
    (await t.call('GET', `/api/v1/webhooks/${created.json.id}/deliveries`)).json.data;
  return { t, receiver, endpoint: created.json, secrets, emit, deliveries };
}

async function runWorker(
  t: ReturnType<typeof deliverySetup>,
  extra: Parameters<ReturnType<typeof deliverySetup>['worker']>[0] = {},
) {
  const worker = t.worker(extra);
  await worker.runOnce();
  await worker.stop();
}

describe('webhook delivery', () => {
  it('signs per Standard Webhooks: the reference verifier accepts it; each attempt is logged', async () => {
    const { t, receiver, emit, deliveries } = await webhookSetup();
    expect(emit()).toBe(1);
    await runWorker(t);
    expect(receiver.received).toHaveLength(1);
    const [hit] = receiver.received;
    expect(hit.verified).toMatchObject({ type: 'review.created', data: { reviewId: 'rev_1', rating: 5 } });
    expect(hit.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/=]+$/);
    expect(hit.headers['content-type']).toBe('application/json');
    const [delivery] = await deliveries();
    expect(delivery).toMatchObject({
      id: hit.headers['webhook-id'],
      status: 'succeeded',
      eventType: 'review.created',
    });
    expect(delivery.attempts).toEqual([
      {
        attemptedAt: expect.any(String),
        statusCode: 200,
        latencyMs: expect.any(Number),
        outcome: 'succeeded',
        error: null,
      },
    ]);
    // Not subscribed: nothing queued.
    expect(enqueueWebhookEvent(t.db, t.clock, t.org.id, 'feedback.created', {})).toBe(0);
  });

  it('retries a failure after backoff with the same webhook-id and a new timestamp', async () => {
    const { t, receiver, emit, deliveries } = await webhookSetup('/flaky');
    emit();
    await runWorker(t);
    const [delivery] = await deliveries();
    const job = jobForRef(t.db, delivery.id)!;
    expect(job).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 500' });
    expect(new Date(job.dueAt).getTime() - t.clock().getTime()).toBe(7_500);
    t.clock.advance(7_500 + 1_000);
    await runWorker(t);
    expect(receiver.received).toHaveLength(2);
    const [first, second] = receiver.received;
    expect(second.headers['webhook-id']).toBe(first.headers['webhook-id']);
    expect(Number(second.headers['webhook-timestamp'])).toBeGreaterThan(
      Number(first.headers['webhook-timestamp']),
    );
    expect(second.verified).toBeTruthy();
    const [after] = await deliveries();
    expect(after.status).toBe('succeeded');
    expect(after.attempts.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 200]);
  });

  it('does not follow redirects', async () => {
    const { t, receiver, emit, deliveries } = await webhookSetup('/redirect');
    emit();
    await runWorker(t);
    expect(receiver.received.map((r) => r.path)).toEqual(['/redirect']);
    const [delivery] = await deliveries();
    expect(delivery.attempts[0]).toMatchObject({
      statusCode: 302,
      outcome: 'failed',
      error: 'redirect 302 not followed',
    });
    expect(jobForRef(t.db, delivery.id)!.status).toBe('pending');
  });

  it('a 410 disables the endpoint: no more events are queued for it', async () => {
    const { t, emit, endpoint, deliveries } = await webhookSetup('/gone');
    emit();
    await runWorker(t);
    const [delivery] = await deliveries();
    expect(delivery.status).toBe('failed');
    expect(jobForRef(t.db, delivery.id)!.status).toBe('failed');
    const after = await t.call('GET', `/api/v1/webhooks/${endpoint.id}`);
    expect(after.json).toMatchObject({ enabled: false, disabledReason: 'answered 410 Gone' });
    expect(emit()).toBe(0);
  });

  it('an attempt that does not answer in time is cut off and retried', async () => {
    const { t, emit, deliveries } = await webhookSetup('/slow');
    emit();
    await runWorker(t, { webhookTimeoutMs: 200 });
    const [delivery] = await deliveries();
    expect(delivery.attempts[0]).toMatchObject({
      statusCode: null,
      outcome: 'failed',
      error: 'timed out after 200 ms',
    });
    expect(jobForRef(t.db, delivery.id)!.status).toBe('pending');
  });

  it('gives up after the maximum attempts and marks the delivery failed', async () => {
    const { t, emit, deliveries } = await webhookSetup('/redirect');
    emit();
    const [queued] = await deliveries();
    t.db.prepare('UPDATE outbox SET max_attempts = 2 WHERE ref_id = ?').run(queued.id);
    await runWorker(t);
    t.clock.advance(60_000);
    await runWorker(t);
    const [delivery] = await deliveries();
    expect(delivery.status).toBe('failed');
    expect(jobForRef(t.db, delivery.id)).toMatchObject({
      status: 'failed',
      lastError: 'gave up after 2 attempts: redirect 302 not followed',
    });
  });

  it('during a secret rotation both signatures are sent; after the grace period only the new one', async () => {
    const { t, receiver, emit, endpoint, secrets } = await webhookSetup();
    const oldSecret = secrets[0];
    const rotated = await t.call('POST', `/api/v1/webhooks/${endpoint.id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.json.secret).toMatch(/^whsec_/);
    expect(rotated.json.secret).not.toBe(oldSecret);
    emit();
    await runWorker(t);
    const [during] = receiver.received;
    expect(String(during.headers['webhook-signature']).split(' ')).toHaveLength(2);
    // A receiver still on the old secret and one already on the new both verify it.
    expect(during.verified).toBeTruthy();
    expect(
      new Webhook(rotated.json.secret).verify(during.body, during.headers as Record<string, string>),
    ).toBeTruthy();

    // Past the 24 h grace (moved in the database: the verifier needs timestamps near real time).
    t.db
      .prepare('UPDATE webhook_endpoints SET previous_secret_expires_at = ? WHERE id = ?')
      .run(new Date(t.clock().getTime() - 1).toISOString(), endpoint.id);
    emit();
    await runWorker(t);
    const after = receiver.received[1];
    expect(String(after.headers['webhook-signature']).split(' ')).toHaveLength(1);
    expect(after.verified).toBeFalsy();
    expect(
      new Webhook(rotated.json.secret).verify(after.body, after.headers as Record<string, string>),
    ).toBeTruthy();
  });

  it('redelivers an event with the same id, and sends a test event on request', async () => {
    const { t, receiver, emit, endpoint, deliveries } = await webhookSetup();
    emit();
    await runWorker(t);
    const [delivery] = await deliveries();
    const again = await t.call('POST', `/api/v1/webhooks/${endpoint.id}/deliveries/${delivery.id}/redeliver`);
    expect(again.status).toBe(202);
    await runWorker(t);
    expect(receiver.received.map((r) => r.headers['webhook-id'])).toEqual([delivery.id, delivery.id]);
    const [after] = await deliveries();
    expect(after.attempts).toHaveLength(2);

    const test = await t.call('POST', `/api/v1/webhooks/${endpoint.id}/test`);
    expect(test.status).toBe(202);
    await runWorker(t);
    expect(receiver.received[2].verified).toMatchObject({ type: 'webhook.test' });
    expect(
      (await t.call('POST', `/api/v1/webhooks/${endpoint.id}/deliveries/msg_nope/redeliver`)).status,
    ).toBe(404);
  });
});

describe('SSRF protection', () => {
  it('classifies addresses with ipaddr.js', () => {
    for (const address of [
      '127.0.0.1',
      '10.0.0.1',
      '172.16.5.4',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
      'fd00::1',
      'fe80::1',
      '224.0.0.1',
      'not-an-ip',
    ]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
    for (const address of ['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8']) {
      expect(isPublicAddress(address), address).toBe(true);
    }
  });

  it('refuses private targets at delivery time, also a public-looking name that resolves to a private address', async () => {
    const receiver = await startReceiver(() => []);
    closers.push(receiver.close);
    const t = deliverySetup({ webhooksAllowPrivate: false });
    const targets = [
      `http://127.0.0.1:${receiver.port}/ok`,
      'http://10.0.0.1/hook',
      'http://169.254.169.254/latest/meta-data',
      `http://[::1]:${receiver.port}/ok`,
      `http://[::ffff:127.0.0.1]:${receiver.port}/ok`,
      `http://internal.example.com:${receiver.port}/ok`,
    ];
    for (const url of targets) {
      insertEndpoint(
        t.db,
        t.clock,
        t.org.id,
        { url, events: ['*'], description: null, enabled: true },
        'whsec_c2VjcmV0',
      );
    }
    expect(enqueueWebhookEvent(t.db, t.clock, t.org.id, 'review.created', {})).toBe(targets.length);
    const resolver = async (host: string) => {
      if (host !== 'internal.example.com') throw new Error(`unexpected lookup ${host}`);
      return [{ address: '10.1.2.3', family: 4 as const }];
    };
    await runWorker(t, { resolver });
    expect(receiver.received).toHaveLength(0);
    const attempts = t.db.prepare('SELECT error FROM webhook_attempts').all() as Array<{ error: string }>;
    expect(attempts).toHaveLength(targets.length);
    for (const attempt of attempts) expect(attempt.error).toMatch(/private or reserved address/);
    const jobs = t.db.prepare("SELECT status FROM outbox WHERE kind = 'webhook'").all() as Array<{
      status: string;
    }>;
    expect(jobs.every((job) => job.status === 'failed')).toBe(true);
  });

  it('connects to the address it checked (the name is never looked up again)', async () => {
    const secrets: string[] = [];
    const receiver = await startReceiver(() => secrets);
    closers.push(receiver.close);
    const t = deliverySetup({ webhooksAllowPrivate: true }, { clock: testClock(new Date().toISOString()) });
    const endpoint = insertEndpoint(
      t.db,
      t.clock,
      t.org.id,
      { url: `http://hooks.invalid:${receiver.port}/ok`, events: ['*'], description: null, enabled: true },
      'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=',
    );
    secrets.push(endpoint.secret);
    enqueueWebhookEvent(t.db, t.clock, t.org.id, 'review.created', { reviewId: 'rev_1' });
    await runWorker(t, { resolver: async () => [{ address: '127.0.0.1', family: 4 }] });
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0].headers.host).toBe(`hooks.invalid:${receiver.port}`);
    expect(receiver.received[0].verified).toBeTruthy();
    expect(getEndpoint(t.db, t.org.id, endpoint.id)!.enabled).toBe(true);
  });
});
