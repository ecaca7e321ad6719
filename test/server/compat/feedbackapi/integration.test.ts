import { afterEach, describe, expect, it } from 'vitest';
import { insertFeedback } from '../../../../server/store/feedback-writes';
import { deliverySetup } from '../../delivery/fixtures';
import { startReceiver } from '../../delivery/webhook-receiver';
import { testClock } from '../../helpers';
import { expectDocumentedShape } from '../shape';
import { fapiClient } from './fapi-helpers';
import { DOCUMENTED } from './fixtures';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

const BROWSER =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 Version/17.0 Safari/605.1.15';

describe('FeedbackAPI integration script, pointed at Plaudit', () => {
  it('creates a location and a customer, sends a request, pages reviews and feedback, replies, gets a webhook', async () => {
    const secrets: string[] = [];
    const receiver = await startReceiver(() => secrets);
    closers.push(receiver.close);
    // Real time: the Standard Webhooks verifier checks the signature's timestamp.
    const t = deliverySetup({ webhooksAllowPrivate: true }, { clock: testClock(new Date().toISOString()) });
    const fapi = fapiClient(t, t.orgKey);

    // The integration registers its receiver once, through Plaudit's native API (FeedbackAPI documents no webhooks).
    const hook = await t.call('POST', '/api/v1/webhooks', {
      body: {
        url: receiver.url('/feedbackapi-hook'),
        events: ['request.sent', 'request.opened', 'review.updated'],
      },
    });
    expect(hook.status).toBe(201);
    secrets.push(hook.json.secret);

    // 1. Locations, then a customer attached to both.
    const downtown = await fapi('POST', '/locations', {
      form: [
        ['name', 'Downtown'],
        ['address_line_1', '1 Main St'],
        ['postal_code', '10001'],
        ['country_code', 'US'],
      ],
    });
    expect(downtown.status).toBe(200);
    const uptown = await fapi('POST', '/locations', { json: { name: 'Uptown', country_code: 'US' } });
    // The owner opens the send window all day in Plaudit, so the test does not depend on the hour it runs at.
    const allDay = { sendWindow: { start: '00:00', end: '23:59' } };
    expect((await t.call('PATCH', `/api/v1/businesses/${downtown.json.id}`, { body: allDay })).status).toBe(
      200,
    );
    const customer = await fapi('POST', '/customers', {
      form: [
        ['email', 'Jane@Example.com'],
        ['fname', 'Jane'],
        ['sname', 'Doe'],
        ['location', downtown.json.id],
      ],
    });
    expect(customer.status).toBe(200);
    expectDocumentedShape(customer.json, DOCUMENTED.customer, {
      nullable: ['mobile_number', 'country_code', 'last_sms'],
    });
    expect(customer.json).toMatchObject({
      email: 'jane@example.com',
      fname: 'Jane',
      sname: 'Doe',
      locations: [downtown.json.id],
    });
    const updated = await fapi('POST', `/customers/${customer.json.id}`, {
      json: { location_add: [uptown.json.id], location_remove: [] },
    });
    expect(updated.json.locations).toEqual([downtown.json.id, uptown.json.id]);
    const atUptown = await fapi('GET', `/customers?location=${uptown.json.id}`);
    expect(atUptown.json.data.map((c: { id: string }) => c.id)).toEqual([customer.json.id]);
    // Natively, the same links.
    expect((await t.call('GET', `/api/v1/customers/${customer.json.id}`)).json.businessIds).toEqual([
      downtown.json.id,
      uptown.json.id,
    ]);

    // 2. A feedback request by email from Downtown; the worker sends it.
    const sent = await fapi('POST', '/feedback-request', {
      form: [
        ['subscriber', customer.json.id],
        ['template', 'email'],
        ['location', downtown.json.id],
      ],
    });
    expect(sent.status).toBe(200);
    expect(sent.json).toMatchObject({
      subscriber: customer.json.id,
      location: downtown.json.id,
      type: 'email',
      feedback: null,
    });
    const native = (await t.call('GET', `/api/v1/review-requests/${sent.json.id}`)).json;
    expect(sent.json.full_url).toBe(native.reviewLink);
    const worker = t.worker();
    await worker.runOnce();
    expect((await fapi('GET', `/customers/${customer.json.id}`)).json.last_email).toBe(
      Math.floor(t.clock().getTime() / 1000),
    );

    // 3. Jane follows the link: the request reads opened and clicked.
    const code = native.code;
    expect((await t.app.request(`/r/${code}`, { headers: { 'user-agent': BROWSER } })).status).toBe(200);
    const followed = await fapi('GET', `/feedback-request/${sent.json.id}`);
    expect(followed.json).toMatchObject({
      message_opened: true,
      message_clicked: true,
      message_bounced: false,
    });
    const clickedOnly = await fapi('GET', '/feedback-request?message_clicked=true');
    expect(clickedOnly.json.data.map((r: { id: string }) => r.id)).toEqual([sent.json.id]);

    // 4. Reviews and feedback, paged with limit/page.
    for (const [i, rating] of [5, 4, 2].entries()) {
      await t.call('POST', '/api/v1/reviews', {
        body: {
          businessId: downtown.json.id,
          source: 'direct',
          rating,
          content: `Visit ${i}`,
          authorName: `R${i}`,
        },
      });
    }
    const first = await fapi('GET', '/reviews?limit=2&page=0');
    const second = await fapi('GET', '/reviews?limit=2&page=1');
    expect(first.json).toMatchObject({ page: 0, total_count: 3, total_returned: 2 });
    expect(second.json).toMatchObject({ page: 1, total_count: 3, total_returned: 1 });
    const seen = [...first.json.data, ...second.json.data].map((r: { id: string }) => r.id);
    expect(new Set(seen).size).toBe(3);
    const low = await fapi('GET', `/reviews?rating_less_than=3&location=${downtown.json.id}`);
    expect(low.json.data.map((r: { rating: number }) => r.rating)).toEqual([2]);

    for (const score of [3, 9, 10]) {
      insertFeedback(t.db, t.clock, {
        organizationId: t.org.id,
        businessId: downtown.json.id,
        origin: 'request',
        requestId: sent.json.id,
        cardId: null,
        type: 'nps',
        score,
        comments: score < 7 ? 'Too slow' : '',
        contactName: null,
        contactEmail: null,
        contactPhone: null,
        consentToContact: false,
      });
      t.clock.advance(1000);
    }
    const fb1 = await fapi('GET', '/feedback?limit=2&page=0&sort_by=created-asc');
    const fb2 = await fapi('GET', '/feedback?limit=2&page=1&sort_by=created-asc');
    expect(fb1.json.data.map((f: { 'nps-score': number }) => f['nps-score'])).toEqual([3, 9]);
    expect(fb2.json).toMatchObject({ total_count: 3, total_returned: 1 });
    expect(fb2.json.data[0]).toMatchObject({
      'nps-score': 10,
      subscriber: customer.json.id,
      subscriber_name: 'Jane Doe',
    });
    const detractors = await fapi('GET', '/feedback?nps_score_less_than=6');
    expect(detractors.json.data).toHaveLength(1);
    expect((await fapi('GET', `/feedback-request/${sent.json.id}`)).json.feedback).toMatchObject({
      type: 'nps',
    });

    // 5. FeedbackAPI has no reply endpoint: the integration replies through Plaudit's native API, same key.
    const reviewId = first.json.data[0].id;
    const reply = await t.call('POST', `/api/v1/reviews/${reviewId}/reply`, {
      body: { reply: 'Thank you!' },
    });
    expect(reply.status).toBe(200);

    // 6. The webhooks arrive, signed per Standard Webhooks, verified by the reference verifier.
    await worker.runOnce();
    await worker.stop();
    const events = receiver.received.map((r) => ({ verified: !!r.verified, body: JSON.parse(r.body) }));
    expect(events.every((e) => e.verified)).toBe(true);
    const types = events.map((e) => e.body.type);
    expect(types).toEqual(expect.arrayContaining(['request.sent', 'request.opened', 'review.updated']));
    expect(events.find((e) => e.body.type === 'request.sent')?.body.data.requestId).toBe(sent.json.id);
  });
});
