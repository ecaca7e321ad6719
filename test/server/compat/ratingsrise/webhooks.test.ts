import { afterEach, describe, expect, it } from 'vitest';
import { enqueueWebhookEvent } from '../../../../server/delivery/webhook-events';
import { deliverySetup } from '../../delivery/fixtures';
import { testClock } from '../../helpers';
import { expectDocumentedShape } from '../shape';
import { WEBHOOK_PAYLOAD } from './fixtures';
import { startRatingsRiseReceiver } from './ratingsrise-receiver';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** An endpoint in the `ratingsrise` format on a loopback receiver that runs the reference's verifier. */
async function ratingsRiseEndpoint(events: string[] = ['*']) {
  const t = deliverySetup({ webhooksAllowPrivate: true }, { clock: testClock(new Date().toISOString()) });
  let secret = '';
  const receiver = await startRatingsRiseReceiver(() => secret);
  closers.push(receiver.close);
  const created = await t.call('POST', '/api/v1/webhooks', {
    body: { url: receiver.url, events, format: 'ratingsrise' },
  });
  if (created.status !== 201) throw new Error(created.text);
  secret = created.json.secret;
  const runWorker = async () => {
    const worker = t.worker();
    await worker.runOnce();
    await worker.stop();
  };
  return { t, receiver, endpoint: created.json, runWorker, setSecret: (s: string) => (secret = s) };
}

describe('the ratingsrise webhook format', () => {
  it('delivers review.created as the documented payload, signed in X-RatingsRise-Signature', async () => {
    const { t, receiver, runWorker } = await ratingsRiseEndpoint();
    const business = await t.business();
    const review = await t.call('POST', '/api/v1/reviews', {
      body: {
        businessId: business.id,
        source: 'google',
        rating: 5,
        content: 'Best coffee in Austin!',
        authorName: 'Sarah M.',
      },
    });
    await runWorker();
    expect(receiver.deliveries).toHaveLength(1);
    const [delivery] = receiver.deliveries;
    expect(delivery.verified).toBe(true);
    // The documented data, plus the rest of a RatingsRise review (reply, avatar, score, importedAt).
    expectDocumentedShape(delivery.event, WEBHOOK_PAYLOAD, { allowExtraKeys: true });
    expect(Object.keys(delivery.event)).toEqual(['id', 'event', 'data', 'timestamp']);
    expect(delivery.event).toMatchObject({
      event: 'review.created',
      data: { id: review.json.id, businessId: business.id, platform: 'google', rating: 5 },
    });
  });

  it('sends nothing for events RatingsRise does not have; queues the three it does', async () => {
    const { t } = await ratingsRiseEndpoint();
    for (const type of [
      'request.sent',
      'request.opened',
      'feedback.created',
      'customer.opted_out',
    ] as const) {
      expect(enqueueWebhookEvent(t.db, t.clock, t.org.id, type, { id: 'x' }), type).toBe(0);
    }
    const business = await t.business();
    const customer = t.customer({ email: 'a@example.com' });
    const { id } = t.request({ businessId: business.id, customerId: customer.id });
    expect(
      enqueueWebhookEvent(t.db, t.clock, t.org.id, 'request.completed', {
        id,
        businessId: business.id,
        rating: 4,
      }),
    ).toBe(1);
    // A request of another organization (or none) is nothing to announce.
    expect(
      enqueueWebhookEvent(t.db, t.clock, t.org.id, 'request.completed', { id: 'rr_gone', rating: 4 }),
    ).toBe(0);
  });

  it('a receiver holding another secret rejects the delivery; Plaudit retries it', async () => {
    const { t, receiver, runWorker, setSecret, endpoint } = await ratingsRiseEndpoint();
    setSecret('whsec_not-the-secret');
    const business = await t.business();
    await t.call('POST', '/api/v1/reviews', {
      body: { businessId: business.id, source: 'yelp', rating: 2, content: 'Cold', authorName: 'Al' },
    });
    await runWorker();
    expect(receiver.deliveries.map((d) => d.verified)).toEqual([false]);
    const deliveries = await t.call('GET', `/api/v1/webhooks/${endpoint.id}/deliveries`);
    expect(deliveries.json.data[0].attempts[0]).toMatchObject({ statusCode: 401, outcome: 'failed' });
  });
});

describe('subscribing a ratingsrise endpoint', () => {
  it('refuses events RatingsRise has no counterpart of (and payment.received), saying what it sends', async () => {
    const t = deliverySetup({ webhooksAllowPrivate: true });
    const url = 'http://127.0.0.1:9/hook';
    const count = () => t.db.prepare('SELECT count(*) AS n FROM webhook_endpoints').get() as { n: number };
    const before = count();
    for (const events of [['request.sent'], ['review.created', 'feedback.created'], ['payment.received']]) {
      const res = await t.call('POST', '/api/v1/webhooks', { body: { url, events, format: 'ratingsrise' } });
      expect(res.status, events.join()).toBe(400);
      expect(res.json.code).toBe('VALIDATION_ERROR');
      expect(Object.keys(res.json.details).join()).toMatch(/^events/);
    }
    const refused = await t.call('POST', '/api/v1/webhooks', {
      body: { url, events: ['request.sent'], format: 'ratingsrise' },
    });
    expect(refused.json.error).toContain('review.created, review.updated, request.completed');
    expect(count()).toEqual(before);

    // A standard endpoint switched to the format keeps its events only if the format carries them.
    const standard = await t.call('POST', '/api/v1/webhooks', { body: { url, events: ['request.sent'] } });
    expect(standard.status).toBe(201);
    const switched = await t.call('PATCH', `/api/v1/webhooks/${standard.json.id}`, {
      body: { format: 'ratingsrise' },
    });
    expect(switched.status).toBe(400);
    expect((await t.call('GET', `/api/v1/webhooks/${standard.json.id}`)).json.format).toBe('standard');
    const all = await t.call('POST', '/api/v1/webhooks', {
      body: { url, events: ['*'], format: 'ratingsrise' },
    });
    expect(all.status).toBe(201);
  });
});
