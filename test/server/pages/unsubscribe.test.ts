import { describe, expect, it } from 'vitest';
import { deliverySetup, recordingTransports } from '../delivery/fixtures';

async function unsubscribeSetup() {
  const t = deliverySetup();
  const biz = await t.business({ name: 'Joe’s <Coffee>' });
  const alice = t.customer({ name: 'Alice', email: 'alice@example.com' });
  t.request({ businessId: biz.id, customerId: alice.id });
  const [message] = (await t.call('GET', '/api/v1/messages')).json.data;
  const token = String(message.text.match(/\/u\/([A-Za-z0-9]+)/)?.[1]);
  const customerOptOut = () =>
    (t.db.prepare('SELECT opt_out FROM customers WHERE id = ?').get(alice.id) as { opt_out: number }).opt_out;
  return { t, biz, alice, token, customerOptOut };
}

describe('/u/:token', () => {
  it('GET shows a confirm page and never unsubscribes', async () => {
    const { t, token, customerOptOut } = await unsubscribeSetup();
    const res = await t.app.request(`/u/${token}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Joe’s &lt;Coffee>');
    expect(html).not.toContain('<Coffee>');
    expect(html).toContain(`<form method="post" action="/u/${token}">`);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(customerOptOut()).toBe(0);
  });

  it('a one-click POST (RFC 8058) unsubscribes with 200, no redirect, no cookie; later messages are suppressed', async () => {
    const { t, biz, alice, token, customerOptOut } = await unsubscribeSetup();
    const res = await t.app.request(`/u/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('location')).toBeNull();
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(await res.text()).toContain('You are unsubscribed');
    expect(customerOptOut()).toBe(1);
    // Idempotent.
    expect((await t.app.request(`/u/${token}`, { method: 'POST' })).status).toBe(200);

    // The queued first message is suppressed at send time, and a new request is suppressed at once.
    const { sent, transports } = recordingTransports();
    const worker = t.worker({ transports });
    await worker.runOnce();
    await worker.stop();
    expect(sent).toHaveLength(0);
    const again = t.request({ businessId: biz.id, customerId: alice.id });
    expect(again.result).toEqual({ status: 'suppressed', reason: 'opted_out' });
    expect(t.requestRow(again.id)).toMatchObject({ status: 'suppressed', suppressed_reason: 'opted_out' });
  });

  it('an unknown token is a 404 page and changes nothing', async () => {
    const { t, customerOptOut } = await unsubscribeSetup();
    expect((await t.app.request('/u/AAAAAAAAAAAAAAAAAAAAAAAA', { method: 'POST' })).status).toBe(404);
    expect((await t.app.request('/u/%3Cscript%3E')).status).toBe(404);
    expect(customerOptOut()).toBe(0);
  });
});
