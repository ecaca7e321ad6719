import { afterEach, describe, expect, it } from 'vitest';
import { deliverySetup, recordingTransports } from '../../delivery/fixtures';
import { startReceiver } from '../../delivery/webhook-receiver';
import { testClock } from '../../helpers';
import { BASE } from './cloutly-setup';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

describe('a Cloutly customer’s integration, pointed at Plaudit', () => {
  it('lists businesses, invites a contact, pages through reviews, replies, and receives a verified webhook', async () => {
    // Real time: the Standard Webhooks verifier checks the timestamp.
    const t = deliverySetup({ webhooksAllowPrivate: true }, { clock: testClock(new Date().toISOString()) });
    const secrets: string[] = [];
    const receiver = await startReceiver(() => secrets);
    closers.push(receiver.close);
    const business = await t.business({
      name: 'Harbour Dental',
      platforms: { google: { placeId: 'ChIJN1t_tDeuEmsRUsoyG83frY4' } },
    });
    const campaign = await t.call('POST', '/api/v1/campaigns', {
      body: { name: 'After visit', businessId: business.id, steps: [{ delayHours: 0 }] },
    });
    for (let i = 1; i <= 5; i += 1) {
      await t.call('POST', '/api/v1/reviews', {
        body: {
          businessId: business.id,
          source: 'google',
          externalId: `g-${i}`,
          rating: i,
          authorName: `Reviewer ${i}`,
          content: `Visit number ${i}`,
          publishedAt: `2026-0${i}-01T10:00:00.000Z`,
        },
      });
    }
    // Cloutly documents no webhooks: the customer subscribes through Plaudit's API (Standard Webhooks format).
    const hook = await t.call('POST', '/api/v1/webhooks', {
      body: { url: receiver.url('/cloutly-hook'), events: ['review.updated', 'request.sent'] },
    });
    expect(hook.status).toBe(201);
    secrets.push(hook.json.secret);

    // --- the customer's script, unchanged but for the base URL and the key ---
    const apiKey = t.orgKey;
    const cloutly = (method: string, path: string, body?: unknown) =>
      t.call(method, `${BASE}${path}`, { key: null, headers: { 'x-api-key': apiKey }, body });

    const businesses = await cloutly('GET', '/businesses');
    expect(businesses.status).toBe(200);
    const location = businesses.json.find((b: { name: string }) => b.name === 'Harbour Dental');
    expect(location.sources).toEqual(['google']);

    const invite = await cloutly('POST', '/send-review-invite', {
      firstName: 'Maria',
      lastName: 'Lopez',
      channel: { email: 'maria@example.com' },
      source: 'crm',
      sourceContactId: 'crm-4411',
      businessId: location.id,
      campaignId: campaign.json.id,
    });
    expect(invite.status).toBe(200);
    expect(invite.json.contact).toMatchObject({
      firstName: 'Maria',
      email: 'maria@example.com',
      sourceContactId: 'crm-4411',
    });
    expect(invite.json.usage.smsLimitsLeft).toBeNull(); // no allowance set: unlimited

    const seen: string[] = [];
    let total = 0;
    for (let page = 0; ; page += 1) {
      const res = await cloutly(
        'GET',
        `/reviews?businessId=${location.id}&source=google&limit=2&offset=${page}`,
      );
      expect(res.status).toBe(200);
      total = res.json.total;
      if (res.json.reviews.length === 0) break;
      seen.push(...res.json.reviews.map((r: { id: string }) => r.id));
    }
    expect(total).toBe(5);
    expect(new Set(seen).size).toBe(5);
    const oldestFirst = await cloutly('GET', '/reviews?sort=asc&limit=1');
    expect(oldestFirst.json.reviews[0].text).toBe('Visit number 1');
    const newest = await cloutly('GET', '/reviews?limit=1');
    expect(newest.json.reviews[0].text).toBe('Visit number 5');

    // Cloutly has no reply endpoint: the reply goes through Plaudit's own API with the same key.
    const reviewId = newest.json.reviews[0].id;
    const reply = await t.call('POST', `/api/v1/reviews/${reviewId}/reply`, {
      key: apiKey,
      body: { reply: 'Thank you, see you next time!' },
    });
    expect(reply.status).toBe(200);
    const after = await cloutly('GET', '/reviews?limit=1');
    expect(after.json.reviews[0]).toMatchObject({
      status: 'Responded',
      response: { comment: 'Thank you, see you next time!' },
    });

    // The real outbox worker sends the invitation email and both webhook events.
    const { sent, transports } = recordingTransports();
    const worker = t.worker({ transports });
    await worker.runOnce();
    await worker.runOnce();
    await worker.stop();
    expect(sent.map((m) => m.to)).toEqual(['maria@example.com']);
    const events = receiver.received.map(
      (hit) => hit.verified as { type: string; data: Record<string, unknown> },
    );
    expect(events.every(Boolean)).toBe(true);
    const updated = events.find((event) => event.type === 'review.updated');
    expect(updated?.data).toMatchObject({ id: reviewId, reply: 'Thank you, see you next time!' });
    expect(events.some((event) => event.type === 'request.sent')).toBe(true);
  });
});
