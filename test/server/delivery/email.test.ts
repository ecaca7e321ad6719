import { afterEach, describe, expect, it } from 'vitest';
import { getJob, jobForRef } from '../../../server/store/outbox';
import { deliverySetup } from './fixtures';
import { startSmtpPeer } from './smtp-peer';

const peers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(peers.splice(0).map((p) => p.close()));
});

describe('email over SMTP', () => {
  it('sends a branded multipart message with the link and one-click unsubscribe headers', async () => {
    const smtp = await startSmtpPeer();
    peers.push(smtp);
    const t = deliverySetup({ smtpUrl: smtp.url, mailFrom: 'Reviews <reviews@plaudit.test>' });
    const biz = await t.business({ name: 'Joe’s Coffee', brandColor: '#aa3300' });
    const alice = t.customer({ name: 'Alice <b>Martin</b>', email: 'alice@example.com' });
    const { id } = t.request({ businessId: biz.id, customerId: alice.id });
    const worker = t.worker();
    await worker.runOnce();
    await worker.stop();

    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0];
    const code = t.requestRow(id).code;
    expect(mail.subject).toBe('How was your visit to Joe’s Coffee?');
    expect(mail.from?.value[0]).toMatchObject({ name: 'Joe’s Coffee', address: 'reviews@plaudit.test' });
    expect(mail.to && !Array.isArray(mail.to) && mail.to.value[0].address).toBe('alice@example.com');
    expect(mail.text).toContain(`http://plaudit.test/r/${code}`);
    expect(mail.text).toContain('Hi Alice,');
    expect(mail.html).toContain(`href="http://plaudit.test/r/${code}"`);
    expect(mail.html).toContain('Joe’s Coffee');
    expect(mail.html).toContain('#aa3300');
    const header = (name: string) => mail.headerLines.find((h) => h.key === name)?.line;
    expect(header('list-unsubscribe')).toMatch(
      /^List-Unsubscribe: <http:\/\/plaudit\.test\/u\/[A-Za-z0-9]{24}>$/,
    );
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(mail.html).toContain(String(header('list-unsubscribe')).match(/<(.+)>/)?.[1]);
    expect(mail.messageId).toMatch(/^<msg_[A-Za-z0-9]+@plaudit>$/);

    const message = (await t.call('GET', '/api/v1/messages')).json.data[0];
    expect(message).toMatchObject({ transport: 'smtp', status: 'sent' });
    expect(t.requestRow(id).status).toBe('sent');
  });

  it('links only the request’s own link: a URL inside a customer’s name stays text', async () => {
    const smtp = await startSmtpPeer();
    peers.push(smtp);
    const t = deliverySetup({ smtpUrl: smtp.url });
    const biz = await t.business({ name: 'Joe’s Coffee' });
    const template = await t.call('POST', '/api/v1/templates', {
      body: { name: 'Mail', channel: 'email', subject: 'Hello', body: 'Dear {{name}},\nRate us: {{link}}' },
    });
    expect(template.status).toBe(201);
    const eve = t.customer({ name: 'Eve http://evil.example/r/x', email: 'eve@example.com' });
    const { id } = t.request({ businessId: biz.id, customerId: eve.id });
    const worker = t.worker();
    await worker.runOnce();
    await worker.stop();

    const html = String(smtp.received[0].html);
    const unsubscribe = /href="(http:\/\/plaudit\.test\/u\/[A-Za-z0-9]+)"/.exec(html)?.[1];
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual([`http://plaudit.test/r/${t.requestRow(id).code}`, unsubscribe]);
    expect(html).not.toContain('href="http://evil.example');
    expect(html).toContain('Dear Eve http://evil.example/r/x,');
    expect(smtp.received[0].text).toContain('Dear Eve http://evil.example/r/x,');
  });

  it('retries when the server is down and fails a hard bounce at once, marking the customer invalid', async () => {
    const smtp = await startSmtpPeer({
      reject: (to) => (to.startsWith('nobody') ? { code: 550, message: '5.1.1 No such user' } : undefined),
    });
    peers.push(smtp);
    const t = deliverySetup({ smtpUrl: smtp.url });
    const biz = await t.business();
    const ghost = t.customer({ email: 'nobody@example.com' });
    const bounced = t.request({ businessId: biz.id, customerId: ghost.id });
    const worker = t.worker();
    await worker.runOnce();
    await worker.stop();
    expect(t.requestRow(bounced.id)).toMatchObject({ status: 'failed' });
    expect(String(t.requestRow(bounced.id).failure_reason)).toContain('No such user');
    const customer = await t.call('GET', `/api/v1/messages?requestId=${bounced.id}`);
    expect(customer.json.data[0]).toMatchObject({ status: 'failed' });
    expect(getJob(t.db, jobForRef(t.db, customer.json.data[0].id)!.id)!.status).toBe('failed');
    const again = t.request({ businessId: biz.id, customerId: ghost.id });
    expect(again.result).toMatchObject({
      status: 'suppressed',
      reason: "invalid: SMTP: Can't send mail - all recipients were rejected: 550 5.1.1 No such user",
    });

    const down = deliverySetup({ smtpUrl: 'smtp://127.0.0.1:1' });
    const biz2 = await down.business();
    const bob = down.customer({ email: 'bob@example.com' });
    const pending = down.request({ businessId: biz2.id, customerId: bob.id });
    const worker2 = down.worker();
    await worker2.runOnce();
    await worker2.stop();
    const [message] = (await down.call('GET', '/api/v1/messages')).json.data;
    expect(message.status).toBe('queued');
    expect(jobForRef(down.db, message.id)).toMatchObject({ status: 'pending', attempts: 1 });
    expect(down.requestRow(pending.id).status).toBe('pending');
  });
});
