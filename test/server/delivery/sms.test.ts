import { afterEach, describe, expect, it } from 'vitest';
import { twilioSignature } from '../../../server/delivery/twilio-signature';
import { deliverySetup } from './fixtures';
import { startTwilioPeer } from './twilio-peer';

const peers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(peers.splice(0).map((p) => p.close()));
});

const twilioConfig = (baseUrl: string) => ({
  twilio: {
    accountSid: 'AC0123456789',
    authToken: 'secret-token',
    from: '+15005550006',
    whatsappFrom: '+15005550007',
    baseUrl,
  },
});

/** Posts a form to a hook the way the provider does: form-encoded and signed over the public URL. */
async function postHook(t: ReturnType<typeof deliverySetup>, path: string, form: Record<string, string>, token = 'secret-token') {
  const signature = twilioSignature(token, `http://plaudit.test${path}`, form);
  return t.app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    body: new URLSearchParams(form).toString(),
  });
}

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
    expect(smsCall.headers.authorization).toBe(`Basic ${Buffer.from('AC0123456789:secret-token').toString('base64')}`);
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

  it('status callbacks mark delivered, or failed with the reason; a hard bounce makes the customer invalid', async () => {
    const peer = await startTwilioPeer();
    peers.push(peer);
    const t = deliverySetup(twilioConfig(peer.baseUrl));
    const biz = await t.business();
    const alice = t.customer({ phone: '+14155550123' });
    const bob = t.customer({ phone: '+14155550124' });
    const ok = t.request({ businessId: biz.id, customerId: alice.id, method: 'sms' });
    const bad = t.request({ businessId: biz.id, customerId: bob.id, method: 'sms' });
    const worker = t.worker();
    await worker.runOnce();
    await worker.stop();
    const sid = (requestId: string) =>
      (t.db.prepare('SELECT provider_id FROM messages WHERE request_id = ?').get(requestId) as { provider_id: string })
        .provider_id;

    const forged = await t.app.request('/hooks/sms/status', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'nope' },
      body: `MessageSid=${sid(bad.id)}&MessageStatus=failed`,
    });
    expect(forged.status).toBe(403);
    expect(t.requestRow(bad.id).status).toBe('sent');

    expect((await postHook(t, '/hooks/sms/status', { MessageSid: sid(ok.id), MessageStatus: 'delivered' })).status).toBe(204);
    const delivered = await t.call('GET', `/api/v1/messages?requestId=${ok.id}`);
    expect(delivered.json.data[0]).toMatchObject({ status: 'delivered', deliveredAt: expect.any(String) });

    await postHook(t, '/hooks/sms/status', { MessageSid: sid(bad.id), MessageStatus: 'undelivered', ErrorCode: '30006' });
    expect(t.requestRow(bad.id)).toMatchObject({ status: 'failed', failure_reason: 'provider: undelivered (error 30006)' });
    const again = t.request({ businessId: biz.id, customerId: bob.id, method: 'sms' });
    expect(again.result.status).toBe('suppressed');
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
    const invalid = t.request({ businessId: biz.id, customerId: t.customer({ phone: '+14155550199' }).id, method: 'sms' });
    const later = t.request({ businessId: biz.id, customerId: t.customer({ phone: '+14155550198' }).id, method: 'sms' });
    const worker = t.worker();
    await worker.runOnce();
    await worker.stop();
    expect(t.requestRow(invalid.id).status).toBe('failed');
    expect(String(t.requestRow(invalid.id).failure_reason)).toContain('21211');
    expect(t.requestRow(later.id).status).toBe('pending');
    const [queued] = (await t.call('GET', `/api/v1/messages?requestId=${later.id}`)).json.data;
    expect(queued.status).toBe('queued');
  });

  it('inbound STOP (any case, any of the family) opts out, START opts back in, HELP answers with the contact', async () => {
    const peer = await startTwilioPeer();
    peers.push(peer);
    const t = deliverySetup(twilioConfig(peer.baseUrl));
    const biz = await t.business({ name: 'Joe’s Coffee', phone: '+14155550000', website: 'https://joes.example' });
    const alice = t.customer({ phone: '+14155550123' });
    t.request({ businessId: biz.id, customerId: alice.id, method: 'sms' });
    const worker = t.worker();
    await worker.runOnce();
    await worker.stop();
    const optOut = () => (t.db.prepare('SELECT opt_out FROM customers WHERE id = ?').get(alice.id) as { opt_out: number }).opt_out;

    const unsigned = await t.app.request('/hooks/sms/inbound', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'From=%2B14155550123&Body=STOP',
    });
    expect(unsigned.status).toBe(403);
    const wrongKey = await postHook(t, '/hooks/sms/inbound', { From: '+14155550123', Body: 'STOP' }, 'other-token');
    expect(wrongKey.status).toBe(403);
    expect(optOut()).toBe(0);

    for (const word of ['stop', 'StopAll', 'UNSUBSCRIBE', 'cancel', 'End', 'quit']) {
      const res = await postHook(t, '/hooks/sms/inbound', { From: '+14155550123', To: '+15005550006', Body: ` ${word} ` });
      expect(res.status).toBe(200);
      expect(optOut()).toBe(1);
      await postHook(t, '/hooks/sms/inbound', { From: '+14155550123', Body: 'UNSTOP' });
      expect(optOut()).toBe(0);
    }
    await postHook(t, '/hooks/sms/inbound', { From: '+14155550123', Body: 'please stop by tomorrow' });
    expect(optOut()).toBe(0);
    await postHook(t, '/hooks/sms/inbound', { From: '+14155550123', Body: 'STOP' });
    await postHook(t, '/hooks/sms/inbound', { From: '+14155550123', Body: 'start' });
    expect(optOut()).toBe(0);

    const help = await postHook(t, '/hooks/sms/inbound', { From: '+14155550123', Body: 'help' });
    expect(help.headers.get('content-type')).toContain('text/xml');
    expect(await help.text()).toContain(
      '<Message>Joe’s Coffee: contact us at +14155550000 or https://joes.example. Reply STOP to stop messages.</Message>',
    );
  });
});
