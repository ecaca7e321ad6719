import { afterEach, describe, expect, it } from 'vitest';
import { sql } from '../../../server/store/db';
import { deliverySetup } from '../delivery/fixtures';
import { startReceiver } from '../delivery/webhook-receiver';
import { testClock } from '../helpers';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** An app on real time (the receiver verifies timestamps) and one endpoint on the receiver's `path`. */
async function endpointOn(path: string) {
  const secrets: string[] = [];
  const receiver = await startReceiver(() => secrets);
  closers.push(receiver.close);
  const t = deliverySetup({ webhooksAllowPrivate: true }, { clock: testClock(new Date().toISOString()) });
  const created = await t.call('POST', '/api/v1/webhooks', {
    body: { url: receiver.url(path), events: ['review.created'] },
  });
  secrets.push(created.json.secret);
  const runWorker = async () => {
    const worker = t.worker({});
    await worker.runOnce();
    await worker.stop();
  };
  return { t, receiver, endpoint: created.json, runWorker };
}

describe('redelivering a webhook', () => {
  it('queues a failed delivery again through the outbox; it reaches the receiver with the same id', async () => {
    // /flaky answers 500 once, then 200. One attempt allowed: the first delivery ends failed.
    const { t, receiver, endpoint, runWorker } = await endpointOn('/flaky');
    const test = await t.call('POST', `/api/v1/webhooks/${endpoint.id}/test`);
    expect(test.status).toBe(202);
    sql(t.db, `UPDATE outbox SET max_attempts = 1 WHERE kind = 'webhook'`).run();
    await runWorker();
    const failed = (await t.call('GET', `/api/v1/webhooks/${endpoint.id}/deliveries`)).json.data[0];
    expect(failed).toMatchObject({ id: test.json.deliveryId, status: 'failed' });
    expect(failed.attempts).toMatchObject([{ statusCode: 500, outcome: 'failed' }]);

    const again = await t.call('POST', `/api/v1/webhooks/${endpoint.id}/deliveries/${failed.id}/redeliver`);
    expect(again.status).toBe(202);
    const queued = (await t.call('GET', `/api/v1/webhooks/${endpoint.id}/deliveries`)).json.data[0];
    expect(queued.status).toBe('pending');
    await runWorker();
    expect(receiver.received.map((r) => [r.headers['webhook-id'], Boolean(r.verified)])).toEqual([
      [failed.id, true],
      [failed.id, true],
    ]);
    const after = (await t.call('GET', `/api/v1/webhooks/${endpoint.id}/deliveries`)).json.data[0];
    expect(after.status).toBe('succeeded');
    expect(after.attempts.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 200]);
  });

  it('never touches another organization’s endpoint or delivery', async () => {
    const { t, endpoint, runWorker, receiver } = await endpointOn('/ok');
    const test = await t.call('POST', `/api/v1/webhooks/${endpoint.id}/test`);
    await runWorker();
    const other = t.otherOrg();
    const path = `/api/v1/webhooks/${endpoint.id}/deliveries/${test.json.deliveryId}/redeliver`;
    const answer = await t.call('POST', path, { key: other.key });
    expect(answer.status).toBe(404);
    expect(answer.json.code).toBe('NOT_FOUND');
    expect(
      (await t.call('GET', `/api/v1/webhooks/${endpoint.id}/deliveries`, { key: other.key })).status,
    ).toBe(404);
    expect((await t.call('POST', `/api/v1/webhooks/${endpoint.id}/test`, { key: other.key })).status).toBe(
      404,
    );
    await runWorker();
    expect(receiver.received).toHaveLength(1);
  });
});

describe('webhook event types', () => {
  it('lists every event an endpoint can subscribe to, for webhooks:read only', async () => {
    const t = deliverySetup();
    const list = await t.call('GET', '/api/v1/webhook-events');
    expect(list.status).toBe(200);
    expect(list.json).toMatchObject({ all: '*', test: 'webhook.test' });
    expect(list.json.data).toContain('review.created');
    expect(list.json.data).toContain('customer.opted_out');
    // Each one listed is accepted by the create route.
    const created = await t.call('POST', '/api/v1/webhooks', {
      body: { url: 'https://crm.example.com/hooks', events: list.json.data },
    });
    expect(created.status).toBe(201);
    const denied = await t.call('GET', '/api/v1/webhook-events', { key: t.keyWithScopes(['reviews:read']) });
    expect(denied.status).toBe(403);
  });
});
