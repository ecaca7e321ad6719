import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterEach, describe, expect, it } from 'vitest';
import { deliverySetup, recordingTransports } from '../../delivery/fixtures';
import { testClock } from '../../helpers';
import { PHONE_UA } from '../../pages/landing-fixtures';
import { startRatingsRiseReceiver } from './ratingsrise-receiver';
import { seedCoffeeShop } from './seed';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** Plaudit on a real loopback port, seeded with the shop's history, and a worker that records messages. */
async function plauditServer() {
  const t = deliverySetup({ webhooksAllowPrivate: true }, { clock: testClock(new Date().toISOString()) });
  const seed = await seedCoffeeShop(t);
  const server = serve({ fetch: t.app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { sent, transports } = recordingTransports();
  const runWorker = async () => {
    const worker = t.worker({ transports });
    await worker.runOnce();
    await worker.stop();
  };
  return { t, seed, origin, sent, runWorker };
}

describe('a RatingsRise integration, unchanged but for its base URL', () => {
  it('creates a customer, sends a request, pages through reviews, replies, and verifies the webhooks', async () => {
    const { t, seed, origin, sent, runWorker } = await plauditServer();
    // The operator points a webhook endpoint in the RatingsRise format at the integration's handler.
    let secret = '';
    const receiver = await startRatingsRiseReceiver(() => secret);
    closers.push(receiver.close);
    const endpoint = await t.call('POST', '/api/v1/webhooks', {
      body: {
        url: receiver.url,
        events: ['review.created', 'review.updated', 'request.completed'],
        format: 'ratingsrise',
      },
    });
    expect(endpoint.status).toBe(201);
    secret = endpoint.json.secret;

    // ---- The integration, as written against RatingsRise; only BASE_URL changed. ----
    const API_KEY = t.orgKey;
    const BASE_URL = `${origin}/compat/ratingsrise/api/v1`;
    async function api(path: string, init: { method?: string; body?: unknown } = {}) {
      const response = await fetch(`${BASE_URL}${path}`, {
        method: init.method ?? 'GET',
        headers: { Authorization: `Bearer ${API_KEY}`, 'Content-Type': 'application/json' },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
      if (!response.ok) {
        const error = await response.json();
        throw new Error(`API error: ${error.code} — ${error.error}`);
      }
      return response.json();
    }
    const { data: businesses } = await api('/businesses');
    const businessId = businesses[0].id;
    expect(businessId).toBe(seed.shop.id);

    const customer = await api('/customers', {
      method: 'POST',
      body: { name: 'Jessica Williams', email: 'jessica@example.com', tags: ['new', 'walk-in'] },
    });
    const request = await api('/review-requests', {
      method: 'POST',
      body: {
        customerName: 'Jessica Williams',
        customerEmail: 'jessica@example.com',
        method: 'email',
        businessId,
      },
    });
    expect(request).toMatchObject({ customerId: customer.id, method: 'email', status: 'pending' });

    const reviews: any[] = [];
    for (let page = 1, totalPages = 1; page <= totalPages; page++) {
      const result = await api(`/reviews?businessId=${businessId}&perPage=3&page=${page}`);
      totalPages = result.pagination.totalPages;
      reviews.push(...result.data);
    }
    expect(reviews).toHaveLength(8);
    expect(new Set(reviews.map((r) => r.id)).size).toBe(8);
    const newest = reviews[0];
    const replied = await api(`/reviews/${newest.id}/reply`, {
      method: 'POST',
      body: { content: 'Thank you so much, Sarah! See you again soon!' },
    });
    expect(replied).toMatchObject({ id: newest.id, reply: 'Thank you so much, Sarah! See you again soon!' });
    // ---- end of the integration ----

    await runWorker();
    // The request went out by email (the sk_live_ key transmits), and its status follows.
    expect(sent.map((m) => m.to)).toEqual(['jessica@example.com']);
    const { data: sentRequests } = await api('/review-requests?status=sent');
    expect(sentRequests.map((r: any) => r.id)).toEqual([request.id]);

    // Jessica follows her link and goes on to Google: the request completes.
    const linkPath = new URL(request.reviewLink).pathname;
    const page = await (await fetch(`${origin}${linkPath}`, { headers: { 'user-agent': PHONE_UA } })).text();
    const token = page.match(/\/v\/(visit_[A-Za-z0-9]+)\/rate/)?.[1];
    expect(token).toBeTruthy();
    await fetch(`${origin}/v/${token}/rate`, {
      method: 'POST',
      body: new URLSearchParams({ rating: '5' }),
      headers: { 'user-agent': PHONE_UA, 'sec-fetch-site': 'same-origin' },
      redirect: 'manual',
    });
    await fetch(`${origin}/go/${token}/google`, { headers: { 'user-agent': PHONE_UA }, redirect: 'manual' });
    await runWorker();

    expect(receiver.deliveries.map((d) => [d.event.event, d.verified])).toEqual([
      ['review.updated', true],
      ['request.completed', true],
    ]);
    const [updated, completed] = receiver.deliveries;
    expect(updated.event.data).toMatchObject({ id: newest.id, reply: replied.reply, platform: 'google' });
    expect(completed.event.data).toMatchObject({
      id: request.id,
      customerId: customer.id,
      status: 'completed',
      rating: 5,
    });
    // Every delivery carries the documented envelope and a hex signature of exactly the bytes sent.
    for (const delivery of receiver.deliveries) {
      expect(Object.keys(delivery.event)).toEqual(['id', 'event', 'data', 'timestamp']);
      expect(delivery.rawBody).toBe(JSON.stringify(delivery.event));
      expect(delivery.signature).toMatch(/^[0-9a-f]{64}$/);
    }
    const { data: completedRequests } = await api('/review-requests?status=completed');
    expect(completedRequests.map((r: any) => r.id)).toContain(request.id);
  });
});
