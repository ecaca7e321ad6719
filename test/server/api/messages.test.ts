import { describe, expect, it } from 'vitest';
import { deliverySetup } from '../delivery/fixtures';

describe('messages API', () => {
  it('with nothing configured, the log transport sends and GET /messages shows the rendered text', async () => {
    const t = deliverySetup();
    const biz = await t.business({ name: "Joe's Coffee" });
    const alice = t.customer({ name: 'Alice Martin', email: 'alice@example.com', phone: '+14155550123' });
    const email = t.request({ businessId: biz.id, customerId: alice.id, method: 'email' });
    const sms = t.request({ businessId: biz.id, customerId: alice.id, method: 'sms' });
    expect(email.result.status).toBe('pending');

    const worker = t.worker();
    expect(await worker.runOnce()).toBe(2);
    await worker.stop();

    const list = await t.call('GET', '/api/v1/messages');
    expect(list.status).toBe(200);
    expect(list.json.pagination.total).toBe(2);
    const byChannel = Object.fromEntries(list.json.data.map((m: { channel: string }) => [m.channel, m]));
    expect(byChannel.email).toMatchObject({
      status: 'sent',
      transport: 'log',
      recipient: 'alice@example.com',
      subject: "How was your visit to Joe's Coffee?",
      requestId: email.id,
      sms: null,
    });
    const code = t.requestRow(email.id).code;
    expect(byChannel.email.text).toContain(`http://plaudit.test/r/${code}`);
    expect(byChannel.email.text).toContain('Hi Alice,');
    expect(byChannel.sms).toMatchObject({
      status: 'sent',
      recipient: '+14155550123',
      sms: { encoding: 'GSM-7', segments: 1 },
    });
    expect(t.requestRow(sms.id).status).toBe('sent');

    const filtered = await t.call('GET', '/api/v1/messages?channel=sms');
    expect(filtered.json.data.map((m: { id: string }) => m.id)).toEqual([byChannel.sms.id]);
    const one = await t.call('GET', `/api/v1/messages/${byChannel.sms.id}`);
    expect(one.json.text).toBe(byChannel.sms.text);
  });

  it('validates, authenticates, checks the scope and hides other organizations’ messages', async () => {
    const t = deliverySetup();
    const biz = await t.business();
    const bob = t.customer({ email: 'bob@example.com' });
    t.request({ businessId: biz.id, customerId: bob.id });
    const messageId = (await t.call('GET', '/api/v1/messages')).json.data[0].id;

    const bad = await t.call('GET', '/api/v1/messages?channel=fax&perPage=500');
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.details)).toEqual(expect.arrayContaining(['channel', 'perPage']));
    expect((await t.call('GET', '/api/v1/messages', { key: null })).status).toBe(401);
    expect((await t.call('GET', '/api/v1/messages', { key: 'sk_live_nope' })).status).toBe(401);
    const noScope = t.keyWithScopes(['reviews:read']);
    expect((await t.call('GET', '/api/v1/messages', { key: noScope })).status).toBe(403);

    const other = t.otherOrg();
    const theirs = await t.call('GET', '/api/v1/messages', { key: other.key });
    expect(theirs.json.pagination.total).toBe(0);
    expect((await t.call('GET', `/api/v1/messages/${messageId}`, { key: other.key })).status).toBe(404);
  });
});
