import { describe, expect, it } from 'vitest';
import { enqueueRequestMessage, findDuplicateRequest } from '../../../server/delivery/request-messages';
import { createReviewRequest } from '../../../server/store/review-requests';
import { addSuppression } from '../../../server/store/suppressions';
import { deliverySetup, recordingTransports } from './fixtures';

async function run(t: ReturnType<typeof deliverySetup>) {
  const recorder = recordingTransports();
  const worker = t.worker({ transports: recorder.transports });
  await worker.runOnce();
  await worker.stop();
  return recorder.sent;
}

describe('delivery rules', () => {
  it('never messages opted-out, invalid, suppressed or unreachable customers: the request is suppressed with the reason', async () => {
    const t = deliverySetup();
    const biz = await t.business();
    const cases = [
      [t.customer({ email: 'out@example.com', optOut: true }), 'opted_out', 'email'],
      [t.customer({ email: 'listed@example.com' }), 'suppression_list', 'email'],
      [t.customer({ email: 'nophone@example.com' }), 'no_phone', 'sms'],
    ] as const;
    addSuppression(t.db, t.clock, t.org.id, 'LISTED@example.com', 'erased');
    const invalid = t.customer({ phone: '+14155550100' });
    t.db
      .prepare("UPDATE customers SET invalid = 1, invalid_reason = 'landline' WHERE id = ?")
      .run(invalid.id);
    for (const [customer, reason, method] of cases) {
      const { id, result } = t.request({ businessId: biz.id, customerId: customer.id, method });
      expect(result).toEqual({ status: 'suppressed', reason });
      expect(t.requestRow(id)).toMatchObject({ status: 'suppressed', suppressed_reason: reason });
    }
    expect(t.request({ businessId: biz.id, customerId: invalid.id, method: 'sms' }).result).toEqual({
      status: 'suppressed',
      reason: 'invalid: landline',
    });
    expect(await run(t)).toHaveLength(0);
    expect((await t.call('GET', '/api/v1/messages')).json.pagination.total).toBe(0);
  });

  it('an opt-out after queuing stops the message at send time', async () => {
    const t = deliverySetup();
    const biz = await t.business();
    const alice = t.customer({ email: 'alice@example.com' });
    const { id } = t.request({ businessId: biz.id, customerId: alice.id });
    t.db.prepare('UPDATE customers SET opt_out = 1 WHERE id = ?').run(alice.id);
    expect(await run(t)).toHaveLength(0);
    expect(t.requestRow(id)).toMatchObject({ status: 'suppressed', suppressed_reason: 'opted_out' });
    const [message] = (await t.call('GET', '/api/v1/messages')).json.data;
    expect(message).toMatchObject({ status: 'suppressed', error: 'opted_out' });
  });

  it('finds the request to answer inside the dedup window, and none after it', async () => {
    const t = deliverySetup();
    const biz = await t.business({ dedupDays: 14 });
    const alice = t.customer({ email: 'alice@example.com' });
    const first = t.request({ businessId: biz.id, customerId: alice.id });
    const input = { organizationId: t.org.id, businessId: biz.id, customerId: alice.id, dedupDays: 14 };
    t.clock.advance(13 * 86_400_000);
    expect(findDuplicateRequest(t.db, t.clock, input)).toEqual({ id: first.id });
    expect(findDuplicateRequest(t.db, t.clock, { ...input, dedupDays: 0 })).toBeUndefined();
    const otherBiz = await t.business({ name: 'Other' });
    expect(findDuplicateRequest(t.db, t.clock, { ...input, businessId: otherBiz.id })).toBeUndefined();
    t.clock.advance(2 * 86_400_000);
    expect(findDuplicateRequest(t.db, t.clock, input)).toBeUndefined();
  });

  it('a request made at night is scheduled for the next window in the business time zone', async () => {
    const t = deliverySetup();
    const biz = await t.createBusiness({ timezone: 'America/New_York' }); // default 09:00–20:00
    const alice = t.customer({ email: 'alice@example.com' });
    t.clock.set('2026-06-16T03:00:00Z'); // 23:00 EDT
    const { id, result } = t.request({ businessId: biz.id, customerId: alice.id });
    expect(result).toMatchObject({ status: 'scheduled', dueAt: '2026-06-16T13:00:00.000Z' });
    expect(t.requestRow(id)).toMatchObject({ status: 'scheduled', send_at: '2026-06-16T13:00:00.000Z' });
    expect(await run(t)).toHaveLength(0);
    t.clock.set('2026-06-16T12:59:00Z');
    expect(await run(t)).toHaveLength(0);
    t.clock.set('2026-06-16T13:00:00Z');
    expect(await run(t)).toHaveLength(1);
    expect(t.requestRow(id).status).toBe('sent');
  });

  it('sendAt and delayHours schedule explicitly (still inside the window)', async () => {
    const t = deliverySetup();
    const biz = await t.business();
    const alice = t.customer({ email: 'alice@example.com' });
    const bob = t.customer({ email: 'bob@example.com' });
    const at = t.request({ businessId: biz.id, customerId: alice.id, sendAt: '2026-06-20T10:00:00.000Z' });
    const delayed = t.request({ businessId: biz.id, customerId: bob.id, delayHours: 3 });
    expect(at.result).toMatchObject({ status: 'scheduled', dueAt: '2026-06-20T10:00:00.000Z' });
    expect(delayed.result).toMatchObject({ status: 'scheduled', dueAt: '2026-06-15T15:00:00.000Z' });
    t.clock.set('2026-06-15T15:00:00Z');
    expect((await run(t)).map((m) => m.to)).toEqual(['bob@example.com']);
    t.clock.set('2026-06-20T10:00:00Z');
    expect((await run(t)).map((m) => m.to)).toEqual(['alice@example.com']);
  });

  it('a message due when the window has closed waits for it to open again', async () => {
    const t = deliverySetup();
    const biz = await t.createBusiness({
      timezone: 'Europe/Paris',
      sendWindow: { start: '09:00', end: '20:00' },
    });
    const alice = t.customer({ email: 'alice@example.com' });
    t.clock.set('2026-06-15T17:59:00Z'); // 19:59 CEST
    t.request({ businessId: biz.id, customerId: alice.id });
    t.clock.set('2026-06-15T18:30:00Z'); // the worker was down past 20:00
    expect(await run(t)).toHaveLength(0);
    t.clock.set('2026-06-16T07:00:00Z'); // 09:00 CEST
    expect(await run(t)).toHaveLength(1);
  });

  it('sandbox (sk_test_) requests are rendered and stored but never transmitted', async () => {
    const t = deliverySetup({ smtpUrl: 'smtp://127.0.0.1:1' });
    const biz = await t.business();
    const alice = t.customer({ email: 'alice@example.com' });
    const { id } = t.request({ businessId: biz.id, customerId: alice.id, sandbox: true });
    const recorder = recordingTransports();
    const worker = t.worker({ transports: recorder.transports });
    await worker.runOnce();
    await worker.stop();
    expect(recorder.sent).toHaveLength(0);
    expect(t.requestRow(id).status).toBe('sent');
    const [message] = (await t.call('GET', '/api/v1/messages?sandbox=true')).json.data;
    expect(message).toMatchObject({ sandbox: true, transport: 'sandbox', status: 'sent' });
    expect(message.text).toContain('/r/');
  });

  it('suppressMessage creates the link without any message', async () => {
    const t = deliverySetup();
    const biz = await t.business();
    const alice = t.customer({ email: 'alice@example.com' });
    const { id, result } = t.request({ businessId: biz.id, customerId: alice.id, suppressMessage: true });
    expect(result).toEqual({ status: 'not_sent', reason: 'suppress_message' });
    expect(t.requestRow(id).status).toBe('pending');
    expect(await run(t)).toHaveLength(0);
  });

  it('works on a request written by createReviewRequest, in the same transaction (the wiring the requests API needs)', async () => {
    const t = deliverySetup();
    const biz = await t.createBusiness({ timezone: 'America/New_York' });
    t.clock.set('2026-06-16T03:00:00Z'); // 23:00 in New York
    const request = t.db.transaction(() => {
      const created = createReviewRequest(t.db, t.clock, t.org.id, {
        businessId: biz.id,
        customer: { name: 'Ann', email: 'ann@example.com' },
        method: 'email',
        suppressMessage: false,
        sandbox: false,
      });
      enqueueRequestMessage(t.db, t.clock, created, { publicUrl: t.config.publicUrl });
      return created;
    })();
    expect(t.requestRow(request.id)).toMatchObject({
      status: 'scheduled',
      send_at: '2026-06-16T13:00:00.000Z',
    });
    t.clock.set('2026-06-16T13:00:00Z');
    expect((await run(t)).map((m) => m.to)).toEqual(['ann@example.com']);
    expect(t.requestRow(request.id).status).toBe('sent');
  });
});
