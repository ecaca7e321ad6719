import { afterEach, describe, expect, it } from 'vitest';
import { twilioSignature } from '../../../server/delivery/twilio-signature';
import { deliverySetup } from '../delivery/fixtures';
import { startTwilioPeer, twilioConfig } from '../delivery/twilio-peer';

const peers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(peers.splice(0).map((p) => p.close()));
});

/** Posts a form to a hook the way the provider does: form-encoded and signed over the public URL. */
async function postHook(
  t: ReturnType<typeof deliverySetup>,
  path: string,
  form: Record<string, string>,
  token = 'secret-token',
) {
  const signature = twilioSignature(token, `http://plaudit.test${path}`, form);
  return t.app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    body: new URLSearchParams(form).toString(),
  });
}

describe('SMS provider hooks', () => {
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
      (
        t.db.prepare('SELECT provider_id FROM messages WHERE request_id = ?').get(requestId) as {
          provider_id: string;
        }
      ).provider_id;

    const forged = await t.app.request('/hooks/sms/status', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'nope' },
      body: `MessageSid=${sid(bad.id)}&MessageStatus=failed`,
    });
    expect(forged.status).toBe(403);
    expect(t.requestRow(bad.id).status).toBe('sent');

    expect(
      (await postHook(t, '/hooks/sms/status', { MessageSid: sid(ok.id), MessageStatus: 'delivered' })).status,
    ).toBe(204);
    const delivered = await t.call('GET', `/api/v1/messages?requestId=${ok.id}`);
    expect(delivered.json.data[0]).toMatchObject({ status: 'delivered', deliveredAt: expect.any(String) });

    await postHook(t, '/hooks/sms/status', {
      MessageSid: sid(bad.id),
      MessageStatus: 'undelivered',
      ErrorCode: '30006',
    });
    expect(t.requestRow(bad.id)).toMatchObject({
      status: 'failed',
      failure_reason: 'provider: undelivered (error 30006)',
    });
    const again = t.request({ businessId: biz.id, customerId: bob.id, method: 'sms' });
    expect(again.result.status).toBe('suppressed');
  });

  it('inbound STOP (any case, any of the family) opts out, START opts back in, HELP answers with the contact', async () => {
    const peer = await startTwilioPeer();
    peers.push(peer);
    const t = deliverySetup(twilioConfig(peer.baseUrl));
    const biz = await t.business({
      name: 'Joe’s Coffee',
      phone: '+14155550000',
      website: 'https://joes.example',
    });
    const alice = t.customer({ phone: '+14155550123' });
    t.request({ businessId: biz.id, customerId: alice.id, method: 'sms' });
    const worker = t.worker();
    await worker.runOnce();
    await worker.stop();
    const optOut = () =>
      (t.db.prepare('SELECT opt_out FROM customers WHERE id = ?').get(alice.id) as { opt_out: number })
        .opt_out;

    const unsigned = await t.app.request('/hooks/sms/inbound', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'From=%2B14155550123&Body=STOP',
    });
    expect(unsigned.status).toBe(403);
    const wrongKey = await postHook(
      t,
      '/hooks/sms/inbound',
      { From: '+14155550123', Body: 'STOP' },
      'other-token',
    );
    expect(wrongKey.status).toBe(403);
    expect(optOut()).toBe(0);

    for (const word of ['stop', 'StopAll', 'UNSUBSCRIBE', 'cancel', 'End', 'quit']) {
      const res = await postHook(t, '/hooks/sms/inbound', {
        From: '+14155550123',
        To: '+15005550006',
        Body: ` ${word} `,
      });
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

  it('refuses every callback when no auth token is configured (nothing to check the signature with)', async () => {
    const t = deliverySetup();
    const res = await postHook(t, '/hooks/sms/inbound', { From: '+14155550123', Body: 'STOP' });
    expect(res.status).toBe(403);
  });
});
