import { describe, expect, it } from 'vitest';
import { TransportError } from '../../../server/delivery/transport';
import { deliverySetup, recordingTransports } from './fixtures';

describe('delivery webhook events', () => {
  it('emits request.sent, request.failed and customer.opted_out in the same transaction as the change', async () => {
    const t = deliverySetup({ webhooksAllowPrivate: true });
    const hook = await t.call('POST', '/api/v1/webhooks', {
      body: { url: 'http://127.0.0.1:9/h', events: ['request.sent', 'request.failed', 'customer.opted_out'] },
    });
    expect(hook.status).toBe(201);
    const biz = await t.business();
    const ok = t.request({ businessId: biz.id, customerId: t.customer({ email: 'ok@example.com' }).id });
    const bad = t.request({ businessId: biz.id, customerId: t.customer({ email: 'bad@example.com' }).id });
    const recorder = recordingTransports((to) =>
      to === 'bad@example.com' ? new TransportError('SMTP: 550 5.1.1 no such user', true, true) : undefined,
    );
    const worker = t.worker({ transports: recorder.transports });
    await worker.runOnce();
    await worker.stop();

    const [message] = (await t.call('GET', `/api/v1/messages?requestId=${ok.id}`)).json.data;
    await t.app.request(`/u/${message.text.match(/\/u\/(\w+)/)[1]}`, { method: 'POST' });

    const events = t.db
      .prepare('SELECT event_type, payload FROM webhook_deliveries ORDER BY rowid')
      .all() as Array<{ event_type: string; payload: string }>;
    const byType = Object.fromEntries(events.map((e) => [e.event_type, JSON.parse(e.payload)]));
    expect(Object.keys(byType).sort()).toEqual(['customer.opted_out', 'request.failed', 'request.sent']);
    expect(byType['request.sent'].data).toMatchObject({ requestId: ok.id, channel: 'email' });
    expect(byType['request.failed'].data).toMatchObject({
      requestId: bad.id,
      reason: 'SMTP: 550 5.1.1 no such user',
    });
    expect(byType['customer.opted_out'].data).toMatchObject({ via: 'email_unsubscribe' });
    const jobs = t.db.prepare("SELECT count(*) AS n FROM outbox WHERE kind = 'webhook'").get();
    expect(jobs).toEqual({ n: 3 });
  });
});
