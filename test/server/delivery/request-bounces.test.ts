import { afterEach, describe, expect, it } from 'vitest';
import { TransportError } from '../../../server/delivery/transport';
import { deliverySetup, recordingTransports } from './fixtures';
import { startSmtpPeer } from './smtp-peer';

const peers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(peers.splice(0).map((p) => p.close()));
});

const BROWSER =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile Safari/604.1';

describe('clicked and bounced on review requests', () => {
  it('records an SMTP 5xx refusal of an email as the request’s bounce, with the server’s reason', async () => {
    const smtp = await startSmtpPeer({
      reject: (to) => (to.startsWith('nobody') ? { code: 550, message: '5.1.1 No such user' } : undefined),
    });
    peers.push(smtp);
    const t = deliverySetup({ smtpUrl: smtp.url });
    const biz = await t.business();
    const ghost = t.request({
      businessId: biz.id,
      customerId: t.customer({ email: 'nobody@example.com' }).id,
    });
    const fine = t.request({ businessId: biz.id, customerId: t.customer({ email: 'ana@example.com' }).id });
    const worker = t.worker();
    await worker.runOnce();
    await worker.stop();

    const bounced = (await t.call('GET', `/api/v1/review-requests/${ghost.id}`)).json;
    expect(bounced).toMatchObject({ status: 'failed', bounced: true, clicked: false });
    expect(bounced.bounceReason).toContain('550 5.1.1 No such user');
    expect(bounced.bouncedAt).toBe(t.clock().toISOString());
    const delivered = (await t.call('GET', `/api/v1/review-requests/${fine.id}`)).json;
    expect(delivered).toMatchObject({ status: 'sent', bounced: false, bouncedAt: null, bounceReason: null });
  });

  it('does not call a permanent SMS failure a bounce (only an email bounces)', async () => {
    const { transports } = recordingTransports(
      () => new TransportError('Twilio: 21211 invalid number', true, true),
    );
    const t = deliverySetup();
    const biz = await t.business();
    const sms = t.request({
      businessId: biz.id,
      customerId: t.customer({ phone: '+14155550123' }).id,
      method: 'sms',
    });
    const worker = t.worker({ transports });
    await worker.runOnce();
    await worker.stop();
    const request = (await t.call('GET', `/api/v1/review-requests/${sms.id}`)).json;
    expect(request).toMatchObject({ status: 'failed', bounced: false, bounceReason: null });
  });

  it('marks a request clicked when a person follows its link, not when a preview robot fetches it', async () => {
    const t = deliverySetup();
    const biz = await t.business();
    const { id } = t.request({ businessId: biz.id, customerId: t.customer({ email: 'ana@example.com' }).id });
    const code = t.requestRow(id).code;
    await t.app.request(`/r/${code}`, { headers: { 'user-agent': 'Slackbot-LinkExpanding 1.0' } });
    expect((await t.call('GET', `/api/v1/review-requests/${id}`)).json.clicked).toBe(false);
    const page = await t.app.request(`/r/${code}`, { headers: { 'user-agent': BROWSER } });
    expect(page.status).toBe(200);
    const request = (await t.call('GET', `/api/v1/review-requests/${id}`)).json;
    expect(request).toMatchObject({ clicked: true, openedAt: t.clock().toISOString() });
    const filtered = await t.call('GET', '/api/v1/review-requests');
    expect(filtered.json.data[0].clicked).toBe(true);
  });
});
