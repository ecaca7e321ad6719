import { afterEach, describe, expect, it } from 'vitest';
import { deliverySetup } from './fixtures';
import { startTwilioPeer, twilioConfig } from './twilio-peer';

const peers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(peers.splice(0).map((p) => p.close()));
});

describe('SMS and WhatsApp over a Twilio-compatible API', () => {
  it('posts a form with Basic auth, the idempotency key and the status callback', async () => {
    const peer = await startTwilioPeer();
    peers.push(peer);
    const t = deliverySetup(twilioConfig(peer.baseUrl));
    const biz = await t.business({ name: 'Joe’s Coffee' });
    const alice = t.customer({ name: 'Alice', phone: '+14155550123' });
    const sms = t.request({ businessId: biz.id, customerId: alice.id, method: 'sms' });
    const wa = t.request({ businessId: biz.id, customerId: alice.id, method: 'whatsapp' });
    const worker = t.worker();
    await worker.runOnce();
    await worker.stop();

    expect(peer.calls).toHaveLength(2);
    const byTo = Object.fromEntries(peer.calls.map((call) => [call.form.To, call]));
    const smsCall = byTo['+14155550123'];
    expect(smsCall.path).toBe('/2010-04-01/Accounts/AC0123456789/Messages.json');
    expect(smsCall.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(smsCall.headers.authorization).toBe(
      `Basic ${Buffer.from('AC0123456789:secret-token').toString('base64')}`,
    );
    expect(smsCall.form.From).toBe('+15005550006');
    expect(smsCall.form.Body).toContain(`http://plaudit.test/r/${t.requestRow(sms.id).code}`);
    expect(smsCall.form.StatusCallback).toBe('http://plaudit.test/hooks/sms/status');
    const messages = (await t.call('GET', '/api/v1/messages')).json.data;
    const smsMessage = messages.find((m: { channel: string }) => m.channel === 'sms');
    expect(smsCall.headers['i-twilio-idempotency-token']).toBe(smsMessage.id);
    expect(smsMessage).toMatchObject({ transport: 'twilio', providerId: expect.stringMatching(/^SM/) });
    expect(smsMessage.sms.encoding).toBe('UCS-2');
    const waCall = byTo['whatsapp:+14155550123'];
    expect(waCall.form.From).toBe('whatsapp:+15005550007');
    expect(t.requestRow(wa.id).status).toBe('sent');
  });

  it('a provider refusal fails the request; a provider outage is retried', async () => {
    const peer = await startTwilioPeer((form) =>
      form.To === '+14155550199'
        ? { status: 400, body: { code: 21211, message: "The 'To' number is not a valid phone number." } }
        : { status: 503, body: { message: 'busy' } },
    );
    peers.push(peer);
    const t = deliverySetup(twilioConfig(peer.baseUrl));
    const biz = await t.business();
    const invalid = t.request({
      businessId: biz.id,
      customerId: t.customer({ phone: '+14155550199' }).id,
      method: 'sms',
    });
    const later = t.request({
      businessId: biz.id,
      customerId: t.customer({ phone: '+14155550198' }).id,
      method: 'sms',
    });
    const worker = t.worker();
    await worker.runOnce();
    await worker.stop();
    expect(t.requestRow(invalid.id).status).toBe('failed');
    expect(String(t.requestRow(invalid.id).failure_reason)).toContain('21211');
    expect(t.requestRow(later.id).status).toBe('pending');
    const [queued] = (await t.call('GET', `/api/v1/messages?requestId=${later.id}`)).json.data;
    expect(queued.status).toBe('queued');
  });
});
